import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glp1Answers } from '../support/fhir.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import { firstNpi, members, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Ozempic pen (RxNorm SCDF 1991305, semaglutide Pen Injector): the glp1-t2dm criteria set.
const OZEMPIC_LOW = '00169413211';

let t: TestApp;
let admin: ApiClient;
let prescriber: ApiClient;
let physician: ApiClient;
let prescriberNpi: string;
const memberIds: string[] = [];
const decided: Record<'borderline' | 'high' | 'denied', string> = { borderline: '', high: '', denied: '' };

async function startCase(memberId: string) {
  const r = await prescriber.post('pa-requests', {
    memberId,
    prescriberNpi,
    productId: OZEMPIC_LOW,
    quantity: 3,
    daysSupply: 28,
    urgency: 'standard',
    channel: 'portal',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

async function decidedCase(memberId: string, a1c: number, contraindication?: string) {
  const id = await startCase(memberId);
  const s = await prescriber.post(`pa-requests/${id}/submit`, { answers: glp1Answers({ a1c, contraindication }) });
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  return { id, status: s.body.status as string };
}

const tighten = (set: { rules: Array<{ id: string; expression: string }> }, to: string) => ({
  ...set,
  rules: set.rules.map((r) => (r.id === 'glycemic' ? { ...r, expression: r.expression.replace('>= 7', to) } : r)),
});

beforeAll(async () => {
  t = await createTestApp();
  prescriberNpi = await firstNpi(t, 'prescribers');
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi });
  physician = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
  admin = await signIn(t, 'admin');
  const header =
    'member_id,plan_id,first_name,last_name,date_of_birth,sex,language,contact_preference,email,phone,address_line1,city,state,zip,effective_date,termination_date';
  const rows = Array.from(
    { length: 5 },
    (_, i) =>
      `S${String(i).padStart(6, '0')},IHSS01,Sim,Member${i},1968-0${1 + i}-1${i},${i % 2 ? 'F' : 'M'},en,mail,,,1 Main St,Oakland,CA,94612,2026-01-01,`,
  );
  const imported = await admin.post('imports/members', [header, ...rows].join('\n') + '\n', {
    'content-type': 'text/csv',
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  memberIds.push(...(await members(t, "id like 'S%'")).map((m) => m.id));

  // Three cases decided on glp1-t2dm v1: HbA1c 7.4 and 9.1 approved automatically, 6.2 denied by a physician.
  const borderline = await decidedCase(memberIds[0], 7.4, 'eGFR 28');
  const high = await decidedCase(memberIds[1], 9.1, 'eGFR 28');
  const low = await decidedCase(memberIds[2], 6.2);
  expect([borderline.status, high.status, low.status]).toEqual(['approved', 'approved', 'in-review']);
  expect((await physician.post(`pa-requests/${low.id}/assign`)).status).toBe(200);
  const denied = await physician.post(`pa-requests/${low.id}/determination`, {
    decision: 'denied',
    reasons: ['HbA1c is below 7 % and metformin has not been tried.'],
  });
  expect(denied.status, JSON.stringify(denied.body)).toBe(200);
  Object.assign(decided, { borderline: borderline.id, high: high.id, denied: low.id });
});
afterAll(() => t?.close());

describe('criteria authoring: draft → validate → simulate → publish', () => {
  it('a tightened HbA1c rule shows the approval it would turn into a denial, and publishes only once simulated', async () => {
    const versionBefore = (await admin.get('criteria/glp1-t2dm')).body.version as number;
    const opened = await admin.post('criteria/glp1-t2dm/draft', {});
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ baseVersion: versionBefore, revision: 1, errors: [], simulation: null });
    const again = await admin.post('criteria/glp1-t2dm/draft', {});
    expect(again.status).toBe(200);
    expect(again.body.revision).toBe(1);

    // An invalid edit is kept (the author is mid-edit) but named, and cannot be simulated or published.
    const broken = await admin.put('criteria/glp1-t2dm/draft', {
      revision: 1,
      criteriaSet: tighten(opened.body.body, '>= (8'),
    });
    expect(broken.status).toBe(200);
    expect(broken.body.errors).toContainEqual({
      path: 'rules[1].expression',
      message: expect.stringMatching(/does not parse/),
    });
    const invalid = expectProblem(await admin.post('criteria/glp1-t2dm/simulations', {}), 400, 'VALIDATION_FAILED');
    expect(invalid.errors[0].path).toBe('rules[1].expression');
    expectProblem(await admin.post('criteria/glp1-t2dm/draft/publish', { revision: 2 }), 400, 'VALIDATION_FAILED');

    const fixed = await admin.put('criteria/glp1-t2dm/draft', {
      revision: 2,
      criteriaSet: tighten(opened.body.body, '>= 8'),
    });
    expect(fixed.body).toMatchObject({ revision: 3, errors: [], simulationCurrent: false });
    // A stale revision is refused: two admins cannot overwrite each other.
    expectProblem(
      await admin.put('criteria/glp1-t2dm/draft', { revision: 2, criteriaSet: fixed.body.body }),
      409,
      'CONFLICT',
    );

    const notYet = expectProblem(
      await admin.post('criteria/glp1-t2dm/draft/publish', { revision: 3 }),
      409,
      'INVALID_STATE',
    );
    expect(notYet.detail).toMatch(/Simulate/);

    const sim = await admin.post('criteria/glp1-t2dm/simulations', { months: 6 });
    expect(sim.status, JSON.stringify(sim.body)).toBe(200);
    expect(sim.body).toMatchObject({
      criteriaId: 'glp1-t2dm',
      currentVersion: versionBefore,
      draftRevision: 3,
      months: 6,
      replayed: 3,
      unchanged: 2,
      approvalsToDenials: 1,
      denialsToApprovals: 0,
      recomputedFacts: [],
      notReplayable: [],
    });
    expect(sim.body.byRule).toEqual([
      { id: 'glycemic', text: expect.any(String), metToNotMet: 1, notMetToMet: 0, otherChanges: 0 },
    ]);
    expect(sim.body.changes).toEqual([
      {
        caseId: decided.borderline,
        decidedAt: expect.any(String),
        decision: 'approved',
        before: 'approve',
        after: 'deny',
        rules: [{ id: 'glycemic', before: 'met', after: 'not-met' }],
      },
    ]);
    expect((await admin.get('criteria/glp1-t2dm/draft')).body).toMatchObject({
      simulationCurrent: true,
      simulation: { draftRevision: 3 },
    });

    // Any edit after the simulation needs a new one; a changed fact definition is recomputed from claim history.
    const edited = fixed.body.body;
    edited.facts = edited.facts.map((f: { name: string }) =>
      f.name === 'metforminDays365' ? { ...f, lookbackDays: 180 } : f,
    );
    const rev4 = await admin.put('criteria/glp1-t2dm/draft', { revision: 3, criteriaSet: edited });
    expect(rev4.body).toMatchObject({ revision: 4, errors: [], simulationCurrent: false });
    expectProblem(await admin.post('criteria/glp1-t2dm/draft/publish', { revision: 4 }), 409, 'INVALID_STATE');
    const sim4 = await admin.post('criteria/glp1-t2dm/simulations');
    expect(sim4.body).toMatchObject({
      draftRevision: 4,
      months: 12,
      approvalsToDenials: 1,
      recomputedFacts: ['metforminDays365'],
    });

    // A case opened before publishing keeps the version it started with.
    const openCase = await startCase(memberIds[3]);
    const diffToDraft = await admin.get(`criteria/glp1-t2dm/diff?from=${versionBefore}&to=draft`);
    expect(diffToDraft.status).toBe(200);
    expect(diffToDraft.body.rules).toEqual([
      {
        id: 'glycemic',
        change: 'changed',
        fields: [
          { field: 'expression', before: expect.stringContaining('>= 7'), after: expect.stringContaining('>= 8') },
        ],
      },
    ]);

    const published = await admin.post('criteria/glp1-t2dm/draft/publish', { revision: 4 });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toEqual({ id: 'glp1-t2dm', version: versionBefore + 1 });
    expectProblem(await admin.get('criteria/glp1-t2dm/draft'), 404, 'NOT_FOUND');
    expect((await admin.get('criteria/glp1-t2dm')).body.rules[1].expression).toContain('>= 8');
    expect((await prescriber.get(`pa-requests/${openCase}`)).body.criteria.version).toBe(versionBefore);
    const fresh = await startCase(memberIds[4]);
    expect((await prescriber.get(`pa-requests/${fresh}`)).body.criteria.version).toBe(versionBefore + 1);

    const diff = await admin.get(`criteria/glp1-t2dm/diff?from=${versionBefore}&to=${versionBefore + 1}`);
    expect(diff.body).toMatchObject({ questions: [], settings: [] });
    expect(diff.body.rules.map((r: { id: string }) => r.id)).toEqual(['glycemic']);
    expect(diff.body.facts).toEqual([
      { id: 'metforminDays365', change: 'changed', fields: [{ field: 'lookbackDays', before: 365, after: 180 }] },
    ]);
    const audit = await t.ctx.database.query<{ action: string }>(
      "select action from audit_events where entity_type = 'criteria-set' and entity_id = 'glp1-t2dm' order by id",
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['criteria.draft-opened', 'criteria.draft-simulated', 'criteria.version-published']),
    );
  });
});

describe('published versions are immutable', () => {
  it('the database refuses to change or delete a published version; only the current flag moves', async () => {
    const q = (sql: string) => t.ctx.database.query(sql);
    await expect(
      q('update criteria_sets set body = body || \'{"title":"x"}\'::jsonb where id = \'sglt2\''),
    ).rejects.toThrow(/published and cannot be changed/);
    await expect(q("update criteria_sets set title = 'x' where id = 'sglt2'")).rejects.toThrow(/cannot be changed/);
    await expect(q("delete from criteria_sets where id = 'sglt2'")).rejects.toThrow(/cannot be deleted/);
    const rows = await t.ctx.database.query<{ title: string; current: boolean }>(
      "select title, current from criteria_sets where id = 'sglt2'",
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.title !== 'x')).toBe(true);
  });
});

describe('bad input → clear problem+json, nothing changes', () => {
  it('unknown ids, wrong roles, malformed bodies', async () => {
    const member = await signIn(t, 'member', { memberId: memberIds[0] });
    const pharmacist = await signIn(t, 'reviewer-pharmacist');
    expectProblem(await admin.post('criteria/no-such-set/simulations', {}), 404, 'NOT_FOUND');
    expectProblem(await admin.post('criteria/no-such-set/draft', {}), 404, 'NOT_FOUND');
    expectProblem(await admin.post('criteria/sglt2/simulations', {}), 404, 'NOT_FOUND'); // no draft open
    for (const who of [prescriber, pharmacist, member]) {
      expectProblem(await who.post('criteria/sglt2/simulations', {}), 403, 'FORBIDDEN');
      expectProblem(await who.post('criteria/sglt2/draft', {}), 403, 'FORBIDDEN');
    }
    expect((await admin.get('criteria/sglt2/draft')).status).toBe(404);
    await admin.post('criteria/sglt2/draft', {});
    expectProblem(await admin.post('criteria/sglt2/simulations', { months: 0 }), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.post('criteria/sglt2/simulations', { months: 'twelve' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await admin.put('criteria/sglt2/draft', { revision: 1, criteriaSet: 'rules' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await admin.post('criteria/sglt2/draft/publish', {}), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.get('criteria/sglt2/diff?from=1&to=banana'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.get('criteria/sglt2/diff?from=99&to=draft'), 404, 'NOT_FOUND');
    const draft = (await admin.get('criteria/sglt2/draft')).body;
    expect(draft).toMatchObject({ revision: 1, errors: [], simulation: null });
    expect((await admin.request('DELETE', 'criteria/sglt2/draft')).status).toBe(204);
    expect((await admin.get('criteria/sglt2/draft')).status).toBe(404);
  });
});
