import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type ApiClient } from '../support/http.js';
import { claimFor, firstNpi, members, pharmacyWithKey, signIn, type MemberRow } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Ozempic pens: PA on every demo plan, so a claim for them rejects (75) and is stored for the member.
const OZEMPIC_HIGH = '00169413611';

let t: TestApp;
let services: ApiClient;
let admin: ApiClient;
let m: MemberRow;
let other: MemberRow;
let rejectedClaimId: string;
let othersClaimId: string;

const verified = (over: Record<string, unknown> = {}) => ({
  callerName: 'Jennifer Lewis',
  callerRelationship: 'member',
  identityVerified: true,
  verificationMethod: 'member-id+date-of-birth',
  topic: 'claim-reject',
  note: 'Asked why the pharmacy could not fill Ozempic. Explained PA is needed; her doctor must request it.',
  ...over,
});

const countNotes = async () =>
  Number((await t.ctx.database.query<{ n: string }>('select count(*)::int as n from call_notes'))[0].n);
const countAudit = async () =>
  Number(
    (
      await t.ctx.database.query<{ n: string }>(
        "select count(*)::int as n from audit_events where entity_type = 'call-note'",
      )
    )[0].n,
  );

beforeAll(async () => {
  t = await createTestApp();
  services = await signIn(t, 'member-services', { displayName: 'Casey Caller' });
  admin = await signIn(t, 'admin');
  const ihss = await members(t, "plan_id = 'IHSS01' and termination_date is null and date_of_birth < '2000-01-01'");
  [m, other] = ihss;
  const pharmacyNpi = await firstNpi(t, 'pharmacies', "pharmacy_type = 'retail'");
  const prescriberNpi = await firstNpi(t, 'prescribers');
  const pharmacy = await pharmacyWithKey(t, pharmacyNpi);
  const claim = (mm: MemberRow) =>
    claimFor(mm, pharmacyNpi, prescriberNpi, {
      productId: OZEMPIC_HIGH,
      groupId: 'IHSS01',
      quantityDispensed: 3,
      daysSupply: 28,
      submittedIngredientCost: '900.00',
      usualAndCustomaryCharge: '950.00',
    });
  const r1 = await pharmacy.post('claims', claim(m));
  expect(r1.body.transactionStatus, JSON.stringify(r1.body)).toBe('R');
  rejectedClaimId = r1.body.claimId;
  othersClaimId = (await pharmacy.post('claims', claim(other))).body.claimId;
});

afterAll(async () => {
  await t?.close();
});

describe('call notes', () => {
  it('member services records a verified call: who, when, how verified, linked to the claim; audited', async () => {
    const r = await services.post(`members/${m.id}/call-notes`, verified({ claimId: rejectedClaimId }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      memberId: m.id,
      callerName: 'Jennifer Lewis',
      callerRelationship: 'member',
      identityVerified: true,
      verificationMethod: 'member-id+date-of-birth',
      topic: 'claim-reject',
      claimId: rejectedClaimId,
      paRequestId: null,
      appealId: null,
      recordedAt: t.clock.now().toISOString(),
      recordedBy: { role: 'member-services', name: 'Casey Caller' },
    });
    expect(r.body.id).toMatch(/^cln_/);
    expect(r.body.identityStatement).toMatch(/verified/i);
    const audit = await t.ctx.database.query<{ actor_role: string; action: string; details: Record<string, unknown> }>(
      "select actor_role, action, details from audit_events where entity_type = 'call-note' and entity_id = $1",
      [r.body.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_role: 'member-services',
      action: 'call-note.recorded',
      details: { memberId: m.id, identityVerified: true },
    });
  });

  it("an unverified caller's call is recorded and says no PHI may be disclosed", async () => {
    const r = await admin.post(`members/${m.id}/call-notes`, {
      callerName: 'Unknown caller',
      callerRelationship: 'other',
      identityVerified: false,
      topic: 'pa-status',
      note: 'Could not confirm date of birth; gave only general PA information.',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ identityVerified: false, verificationMethod: null, recordedBy: { role: 'admin' } });
    expect(r.body.identityStatement).toMatch(/NOT verified.*protected health information/);
  });

  it("lists a member's notes newest first, for staff only", async () => {
    t.clock.advance(60_000);
    const later = await services.post(
      `members/${m.id}/call-notes`,
      verified({ topic: 'coverage', note: 'Called back about covered alternatives.' }),
    );
    expect(later.status).toBe(201);
    const list = await services.get(`members/${m.id}/call-notes`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items[0].id).toBe(later.body.id);
    const times = list.body.items.map((n: { recordedAt: string }) => n.recordedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await services.get(`members/${other.id}/call-notes`)).body.items).toEqual([]);
    const reviewer = await signIn(t, 'reviewer-pharmacist');
    expect((await reviewer.get(`members/${m.id}/call-notes`)).body.items).toHaveLength(3);
  });

  it('bad bodies are 400 with field paths and change nothing', async () => {
    const [notes, audit] = [await countNotes(), await countAudit()];
    const cases: Array<[Record<string, unknown>, string]> = [
      [verified({ callerName: undefined }), 'callerName'],
      [verified({ callerRelationship: 'neighbour' }), 'callerRelationship'],
      [verified({ topic: 'gossip' }), 'topic'],
      [verified({ note: 'x'.repeat(4001) }), 'note'],
      [verified({ note: '   ' }), 'note'],
      [verified({ verificationMethod: undefined }), 'verificationMethod'],
      [verified({ identityVerified: false }), 'verificationMethod'],
      [verified({ extra: 1 }), 'extra'],
      [verified({ claimId: othersClaimId }), 'claimId'],
      [verified({ paRequestId: 'par_nope' }), 'paRequestId'],
      [verified({ appealId: 'apl_nope' }), 'appealId'],
    ];
    for (const [body, path] of cases) {
      const p = expectProblem(await services.post(`members/${m.id}/call-notes`, body), 400, 'VALIDATION_FAILED');
      expect(
        p.errors.map((e) => e.path),
        JSON.stringify(p),
      ).toContain(path);
    }
    expect(await countNotes()).toBe(notes);
    expect(await countAudit()).toBe(audit);
  });

  it('members and prescribers get 403 on both routes, whatever they send; nothing is written', async () => {
    const notes = await countNotes();
    const member = await signIn(t, 'member', { memberId: m.id });
    const prescriber = await signIn(t, 'prescriber', { npi: await firstNpi(t, 'prescribers') });
    const pharmacy = await signIn(t, 'pharmacy', { npi: await firstNpi(t, 'pharmacies') });
    for (const c of [member, prescriber, pharmacy]) {
      expectProblem(await c.post(`members/${m.id}/call-notes`, verified()), 403, 'FORBIDDEN');
      expectProblem(await c.post(`members/${m.id}/call-notes`, { junk: true }), 403, 'FORBIDDEN');
      expectProblem(await c.get(`members/${m.id}/call-notes`), 403, 'FORBIDDEN');
    }
    // Reviewers read notes but do not record calls.
    expectProblem(
      await (await signIn(t, 'reviewer-physician')).post(`members/${m.id}/call-notes`, verified()),
      403,
      'FORBIDDEN',
    );
    expect(await countNotes()).toBe(notes);
  });

  it('an unknown member is 404 and nothing is written', async () => {
    const [notes, audit] = [await countNotes(), await countAudit()];
    expectProblem(await services.post('members/M999999/call-notes', verified()), 404, 'NOT_FOUND');
    expectProblem(await services.get('members/M999999/call-notes'), 404, 'NOT_FOUND');
    expect(await countNotes()).toBe(notes);
    expect(await countAudit()).toBe(audit);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const path = Object.keys(doc.paths).find((p) => p.endsWith('/members/{id}/call-notes'));
    expect(path).toBeDefined();
    expect(Object.keys(doc.paths[path!])).toEqual(expect.arrayContaining(['get', 'post']));
  });

  it('without a token: 401', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/members/${m.id}/call-notes` });
    expect(r.statusCode).toBe(401);
  });
});
