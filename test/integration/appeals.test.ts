import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glp1Answers } from '../support/fhir.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import { firstNpi, members, ozempicClaimFor, pharmacyWithKey, signIn, type MemberRow } from '../support/scenario.js';
import { multipart, TINY_PDF } from '../support/multipart.js';
import { testToday } from '../support/constants.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Ozempic pens (semaglutide Pen Injector, drug-form group 1991305): PA on every demo plan.
const OZEMPIC = '00169413211';
const OZEMPIC_HIGH = '00169413611';
const HOUR = 3_600_000;

const fails = glp1Answers({ a1c: 6.4 });
const meets = glp1Answers({ a1c: 8.2, contraindication: 'eGFR 28' });

let t: TestApp;
let prescriberNpi: string;
let pharmacyNpi: string;
let prescriber: ApiClient;
let pharmacy: ApiClient;
/** Decides the original cases. */
let reviewerA: ApiClient;
/** Second reviewers: never touch the original cases. */
let reviewerB: ApiClient;
let reviewerC: ApiClient;
let services: ApiClient;
let ihss: MemberRow[];
let partD: MemberRow[];

/** The manual clock's date in California. */
const today = () => testToday(t);

async function denied(m: MemberRow, decision: 'denied' | 'partially-approved' = 'denied') {
  const c = (
    await prescriber.post('pa-requests', {
      memberId: m.id,
      prescriberNpi,
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    })
  ).body;
  const s = await prescriber.post(`pa-requests/${c.id}/submit`, { answers: fails });
  expect(s.body.status).toBe('in-review');
  await reviewerA.post(`pa-requests/${c.id}/assign`);
  const d = await reviewerA.post(
    `pa-requests/${c.id}/determination`,
    decision === 'denied'
      ? { decision, reasons: ['HbA1c is below 7 % and metformin has not been tried.'] }
      : { decision, approvedQuantity: 2, reasons: ['Approved at the starting dose only: 2 pens per 28 days.'] },
  );
  expect(d.body.status, JSON.stringify(d.body)).toBe(decision);
  return d.body;
}

async function memberClient(m: MemberRow) {
  return signIn(t, 'member', { memberId: m.id });
}

function appealBody(paRequestId: string, over: Record<string, unknown> = {}) {
  return {
    paRequestId,
    urgency: 'standard',
    statement: 'Metformin gave me severe diarrhea; my doctor says this is the right medicine.',
    filedBy: 'member',
    ...over,
  };
}

function claim(m: MemberRow, over: Record<string, unknown> = {}) {
  return ozempicClaimFor(m, pharmacyNpi, prescriberNpi, { productId: OZEMPIC_HIGH, dateOfService: today(), ...over });
}

/** One uploaded document (appeal attachments take no other fields). */
const upload = (name: string, bytes: Buffer) => multipart({}, { name, bytes, contentType: 'application/pdf' });

async function noticeRows(appealId: string) {
  return t.ctx.database.query<{ kind: string; recipient: string; content: Record<string, any> }>(
    'select kind, recipient, content from notices where appeal_id = $1 order by kind, recipient',
    [appealId],
  );
}

beforeAll(async () => {
  t = await createTestApp();
  prescriberNpi = await firstNpi(t, 'prescribers');
  pharmacyNpi = await firstNpi(t, 'pharmacies', "pharmacy_type = 'retail'");
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi, displayName: 'Dr. Test' });
  pharmacy = await pharmacyWithKey(t, pharmacyNpi);
  reviewerA = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
  reviewerB = await signIn(t, 'reviewer-pharmacist', { displayName: 'Morgan Diaz', credential: 'PharmD' });
  reviewerC = await signIn(t, 'reviewer-physician', { displayName: 'Sam Rivera', credential: 'MD' });
  services = await signIn(t, 'member-services');
  const adults = "termination_date is null and date_of_birth < '2000-01-01'";
  ihss = await members(t, `plan_id = 'IHSS01' and ${adults}`);
  partD = await members(t, `plan_id = 'PARTD1' and ${adults}`);
  expect(ihss.length).toBeGreaterThanOrEqual(11);
  expect(partD.length).toBeGreaterThanOrEqual(4);
});
afterAll(() => t?.close());

describe('denied → member appeals → a different reviewer overturns → the claim pays', () => {
  it('runs the whole appeal through the API', async () => {
    const m = ihss[0];
    const c = await denied(m);
    expect((await pharmacy.post('claims', claim(m))).body.rejects.map((r: { code: string }) => r.code)).toContain('75');

    const member = await memberClient(m);
    const filed = await member.post('appeals', appealBody(c.id));
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const appeal = filed.body;
    expect(appeal).toMatchObject({
      status: 'submitted',
      paRequestId: c.id,
      memberId: m.id,
      urgency: 'standard',
      filedBy: 'member',
      noticeDate: '2026-11-20',
      filingDeadline: '2027-05-19',
    });
    // The case told the member the same window before they filed.
    expect(c.appealFiling).toEqual({ noticeDate: '2026-11-20', deadline: '2027-05-19', open: true });
    // Knox-Keene standard appeal: 30 calendar days from receipt.
    expect(appeal.dueAt).toBe('2026-12-20T17:00:00.000Z');
    expect(appeal.history.map((h: { action: string; to: string }) => `${h.action}→${h.to}`)).toEqual([
      'filed→submitted',
    ]);

    // Acknowledgment to the member and the prescriber, with what the letter states.
    expect(appeal.notices.map((n: { kind: string; recipient: string }) => `${n.kind}:${n.recipient}`).sort()).toEqual([
      'appeal-acknowledgment:member',
      'appeal-acknowledgment:prescriber',
    ]);
    const ack = (await noticeRows(appeal.id))[0].content;
    expect(ack).toMatchObject({
      appealId: appeal.id,
      paRequestId: c.id,
      drugName: c.drug.name,
      urgency: 'standard',
      dueAt: appeal.dueAt,
    });
    expect(ack.planName).toBeTruthy();

    // The member adds a document; the prescriber sees the appeal; strangers do not.
    const doc = upload('letter-from-dr.pdf', TINY_PDF);
    const att = await member.post(`appeals/${appeal.id}/attachments`, doc.body, doc.headers);
    expect(att.status, JSON.stringify(att.body)).toBe(201);
    expect(att.body).toMatchObject({
      contentType: 'application/pdf',
      size: TINY_PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await prescriber.get(`appeals/${appeal.id}`)).body.attachments).toHaveLength(1);
    expectProblem(await (await memberClient(ihss[9])).get(`appeals/${appeal.id}`), 404, 'NOT_FOUND');
    expectProblem(await pharmacy.get(`appeals/${appeal.id}`), 403, 'FORBIDDEN');
    expect((await member.get(`appeals?paRequestId=${c.id}`)).body.items.map((i: { id: string }) => i.id)).toEqual([
      appeal.id,
    ]);

    // The reviewer who denied the case may neither take nor decide the appeal.
    expectProblem(await reviewerA.post(`appeals/${appeal.id}/assign`), 403, 'FORBIDDEN');
    expectProblem(
      await reviewerA.post(`appeals/${appeal.id}/decision`, { decision: 'overturned', reasons: [] }),
      403,
      'FORBIDDEN',
    );

    const taken = await reviewerB.post(`appeals/${appeal.id}/assign`);
    expect(taken.body).toMatchObject({ status: 'in-review', assignedTo: expect.any(String) });
    expectProblem(
      await reviewerC.post(`appeals/${appeal.id}/decision`, { decision: 'upheld', reasons: ['no'] }),
      409,
      'CONFLICT',
    );

    const decided = await reviewerB.post(`appeals/${appeal.id}/decision`, {
      decision: 'overturned',
      reasons: ['Documented metformin intolerance meets the step requirement.'],
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'overturned',
      decision: 'overturned',
      authorizationNumber: expect.stringMatching(/^PA/),
      effectiveFrom: today(),
      decidedBy: { name: 'Morgan Diaz', credential: 'PharmD' },
      nextLevel: null,
      nextLevelRoute: null,
    });
    expect(
      decided.body.history.map(
        (h: { action: string; from: string | null; to: string }) => `${h.action}:${h.from}→${h.to}`,
      ),
    ).toEqual([
      'filed:null→submitted',
      'attachment-added:submitted→submitted',
      'assigned:submitted→in-review',
      'decision:overturned:in-review→overturned',
    ]);

    const letters = await noticeRows(appeal.id);
    const decisionLetters = letters.filter((n) => n.kind === 'appeal-decision');
    expect(decisionLetters.map((n) => n.recipient).sort()).toEqual(['member', 'prescriber']);
    expect(decisionLetters[0].content).toMatchObject({
      appealId: appeal.id,
      paRequestId: c.id,
      decision: 'overturned',
      reasons: ['Documented metformin intolerance meets the step requirement.'],
      decidedBy: { name: 'Morgan Diaz', credential: 'PharmD' },
      authorizationNumber: decided.body.authorizationNumber,
      effectiveFrom: decided.body.effectiveFrom,
      effectiveTo: decided.body.effectiveTo,
    });

    // The case keeps its own decision; its history says the appeal overturned it.
    const pa = (await prescriber.get(`pa-requests/${c.id}`)).body;
    expect(pa.status).toBe('denied');
    expect(pa.determination.decision).toBe('denied');
    const overturn = pa.history.find((h: { action: string }) => h.action === 'appeal-overturned');
    expect(overturn).toMatchObject({
      actor: expect.any(String),
      from: 'denied',
      to: 'denied',
      details: { appealId: appeal.id, authorizationNumber: decided.body.authorizationNumber },
    });
    expect(pa.history.map((h: { action: string }) => h.action)).toContain('appeal-filed');

    // The pharmacy claim now pays, under the appeal's authorization (another strength of the group too).
    const paid = await pharmacy.post('claims', claim(m));
    expect(paid.body.transactionStatus, JSON.stringify(paid.body)).toBe('P');
    expect(paid.body.authorizationNumber).toBe(decided.body.authorizationNumber);

    // Deciding again is a 409; the clock is stopped; the case cannot be appealed again.
    expectProblem(
      await reviewerC.post(`appeals/${appeal.id}/decision`, { decision: 'upheld', reasons: ['Too late'] }),
      409,
      'CONFLICT',
    );
    const clocks = await t.ctx.database.query<{ kind: string; cancelled: boolean }>(
      'select kind, cancelled_at is not null as cancelled from deadlines where entity_id = $1',
      [appeal.id],
    );
    expect(clocks).toEqual([{ kind: 'appeal-due', cancelled: true }]);
    expectProblem(await member.post('appeals', appealBody(c.id)), 409, 'INVALID_STATE');
  });

  it('overturning a partial approval replaces its authorization, so the full quantity pays', async () => {
    const m = ihss[1];
    const c = await denied(m, 'partially-approved');
    expect(
      (await pharmacy.post('claims', claim(m, { productId: OZEMPIC }))).body.rejects.map(
        (r: { code: string }) => r.code,
      ),
    ).toEqual(['76']);
    const a = (
      await prescriber.post(
        'appeals',
        appealBody(c.id, { filedBy: 'prescriber', statement: 'The patient needs the maintenance dose of 3 pens.' }),
      )
    ).body;
    expect(a.filedBy).toBe('prescriber');
    expectProblem(
      await reviewerC.post(`appeals/${a.id}/decision`, { decision: 'partially-overturned', reasons: ['x'] }),
      400,
      'VALIDATION_FAILED',
    );
    const d = await reviewerC.post(`appeals/${a.id}/decision`, {
      decision: 'overturned',
      reasons: ['Maintenance dose is supported by the chart.'],
    });
    expect(d.body.status).toBe('overturned');
    const auths = await t.ctx.database.query<{ number: string; status: string }>(
      'select number, status from authorizations where pa_request_id = $1 order by created_at',
      [c.id],
    );
    expect(auths.map((x) => x.status)).toEqual(['revoked', 'active']);
    expect(auths[0].number).toBe(c.determination.authorizationNumber);
    const paid = await pharmacy.post('claims', claim(m, { productId: OZEMPIC }));
    expect(paid.body.transactionStatus, JSON.stringify(paid.body)).toBe('P');
    expect(paid.body.authorizationNumber).toBe(d.body.authorizationNumber);
  });
});

describe('upheld', () => {
  it('sends the decision with the next level; no authorization; the claim still needs PA', async () => {
    const m = ihss[2];
    const c = await denied(m);
    expectProblem(
      await services.post('appeals', appealBody(c.id, { filedBy: 'representative' })),
      400,
      'VALIDATION_FAILED',
    );
    const a = (
      await services.post(
        'appeals',
        appealBody(c.id, {
          filedBy: 'representative',
          representativeName: 'Rosa Member (daughter, authorized representative)',
        }),
      )
    ).body;
    expect(a).toMatchObject({
      filedBy: 'representative',
      representativeName: 'Rosa Member (daughter, authorized representative)',
    });
    expectProblem(
      await reviewerC.post(`appeals/${a.id}/decision`, { decision: 'upheld', reasons: ['  '] }),
      400,
      'VALIDATION_FAILED',
    );
    const d = await reviewerC.post(`appeals/${a.id}/decision`, {
      decision: 'upheld',
      reasons: ['HbA1c of 6.4 % is at goal; the criteria for a GLP-1 agonist are not met.'],
    });
    expect(d.body).toMatchObject({
      status: 'upheld',
      authorizationNumber: null,
      decidedBy: { name: 'Sam Rivera', credential: 'MD' },
    });
    expect(d.body.nextLevel).toMatch(/Independent Medical Review/);
    // IHSS is a Knox-Keene plan: the route screens name in the reader's language is the DMHC's IMR.
    expect(d.body.nextLevelRoute).toBe('dmhcImr');
    expect((await services.get(`appeals/${a.id}`)).body.nextLevelRoute).toBe('dmhcImr');
    const letters = (await noticeRows(a.id)).filter((n) => n.kind === 'appeal-decision');
    expect(letters.map((n) => n.recipient).sort()).toEqual(['member', 'prescriber']);
    expect(letters[0].content).toMatchObject({
      decision: 'upheld',
      nextLevel: d.body.nextLevel,
      decidedBy: { name: 'Sam Rivera', credential: 'MD' },
    });
    expect(letters[0].content.authorizationNumber).toBeUndefined();
    expect(await t.ctx.database.query('select 1 from authorizations where pa_request_id = $1', [c.id])).toHaveLength(0);
    expect((await pharmacy.post('claims', claim(m))).body.rejects.map((r: { code: string }) => r.code)).toContain('75');
    const pa = (await prescriber.get(`pa-requests/${c.id}`)).body;
    expect(pa.history.map((h: { action: string }) => h.action)).toContain('appeal-upheld');
  });
});

describe('one open appeal per case', () => {
  it('a second filing while one is open is a 409, also when both arrive at once', async () => {
    const c = await denied(ihss[3]);
    const member = await memberClient(ihss[3]);
    const [x, y] = await Promise.all([
      member.post('appeals', appealBody(c.id)),
      prescriber.post('appeals', appealBody(c.id, { filedBy: 'prescriber' })),
    ]);
    expect([x.status, y.status].sort(), JSON.stringify([x.body, y.body]).slice(0, 1500)).toEqual([201, 409]);
    expectProblem(x.status === 409 ? x : y, 409, 'CONFLICT');
    expect(await t.ctx.database.query('select 1 from appeals where pa_request_id = $1', [c.id])).toHaveLength(1);
    expectProblem(await member.post('appeals', appealBody(c.id)), 409, 'CONFLICT');
  });
});

describe('two reviewers deciding at once', () => {
  it('one decision wins, the other is a 409 with a code, and an authorization exists only if the overturn won', async () => {
    const c = await denied(ihss[9]);
    const a = (await (await memberClient(ihss[9])).post('appeals', appealBody(c.id))).body;
    const [x, y] = await Promise.all([
      reviewerB.post(`appeals/${a.id}/decision`, { decision: 'overturned', reasons: ['Criteria met on appeal.'] }),
      reviewerC.post(`appeals/${a.id}/decision`, { decision: 'upheld', reasons: ['Criteria not met.'] }),
    ]);
    expect([x.status, y.status].sort(), JSON.stringify([x.body, y.body]).slice(0, 1500)).toEqual([200, 409]);
    const loser = x.status === 409 ? x : y;
    expect(loser.headers['content-type']).toContain('application/problem+json');
    expect(['CONFLICT', 'INVALID_STATE', 'CONCURRENT_CHANGE']).toContain(loser.body.code);
    const final = (await reviewerB.get(`appeals/${a.id}`)).body;
    expect(final.history.filter((h: { action: string }) => h.action.startsWith('decision:'))).toHaveLength(1);
    const auths = await t.ctx.database.query('select 1 from authorizations where pa_request_id = $1', [c.id]);
    expect(auths).toHaveLength(final.status === 'overturned' ? 1 : 0);
    expect((await noticeRows(a.id)).filter((n) => n.kind === 'appeal-decision')).toHaveLength(2);
  });
});

describe('bad input changes nothing', () => {
  it('unknown case, appealable states, missing statement, wrong roles, bad files', async () => {
    const counts = async () =>
      (
        await t.ctx.database.query<Record<string, number>>(`select
      (select count(*)::int from appeals) as appeals, (select count(*)::int from appeal_history) as history, (select count(*)::int from appeal_attachments) as attachments,
      (select count(*)::int from notices) as notices, (select count(*)::int from deadlines) as deadlines, (select count(*)::int from authorizations) as authorizations`)
      )[0];
    const m = ihss[4];
    const c = await denied(m);
    const approvedCase = (
      await prescriber.post('pa-requests', {
        memberId: ihss[5].id,
        prescriberNpi,
        productId: OZEMPIC,
        quantity: 3,
        daysSupply: 28,
        urgency: 'standard',
        channel: 'portal',
      })
    ).body;
    expect((await prescriber.post(`pa-requests/${approvedCase.id}/submit`, { answers: meets })).body.status).toBe(
      'approved',
    );
    const member = await memberClient(m);
    const open = (await member.post('appeals', appealBody(c.id))).body;
    const before = await counts();

    expectProblem(await member.post('appeals', appealBody('par_nope')), 404, 'NOT_FOUND');
    expectProblem(
      await (await memberClient(ihss[5])).post('appeals', appealBody(approvedCase.id)),
      409,
      'INVALID_STATE',
    );
    const { statement: _omit, ...noStatement } = appealBody(c.id);
    expect(
      expectProblem(await member.post('appeals', noStatement), 400, 'VALIDATION_FAILED').errors.map((e) => e.path),
    ).toContain('statement');
    expectProblem(await member.post('appeals', appealBody(c.id, { statement: '   ' })), 400, 'VALIDATION_FAILED');
    expectProblem(await member.post('appeals', appealBody(c.id, { urgency: 'asap' })), 400, 'VALIDATION_FAILED');
    expectProblem(await member.post('appeals', appealBody(c.id, { filedBy: 'prescriber' })), 403, 'FORBIDDEN');
    expectProblem(await pharmacy.post('appeals', appealBody(c.id)), 403, 'FORBIDDEN');
    expectProblem(await reviewerB.post('appeals', appealBody(c.id)), 403, 'FORBIDDEN');
    expectProblem(await (await memberClient(ihss[6])).post('appeals', appealBody(c.id)), 404, 'NOT_FOUND');
    const otherNpi = await firstNpi(t, 'prescribers', `npi <> '${prescriberNpi}'`);
    expectProblem(
      await (
        await signIn(t, 'prescriber', { npi: otherNpi })
      ).post('appeals', appealBody(c.id, { filedBy: 'prescriber' })),
      403,
      'FORBIDDEN',
    );

    expectProblem(
      await member.post(`appeals/${open.id}/decision`, { decision: 'overturned', reasons: [] }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await services.post(`appeals/${open.id}/assign`), 403, 'FORBIDDEN');
    expectProblem(
      await reviewerB.post('appeals/apl_nope/decision', { decision: 'overturned', reasons: [] }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await reviewerB.post(`appeals/${open.id}/decision`, { decision: 'reversed', reasons: [] }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await reviewerB.post(`appeals/${open.id}/decision`, { decision: 'overturned', reasons: [], approvedQuantity: 1 }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await reviewerB.post(`appeals/${open.id}/decision`, {
        decision: 'partially-overturned',
        reasons: ['x'],
        approvedQuantity: 9,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await reviewerB.get('appeals?status=lost'), 400, 'VALIDATION_FAILED');

    const text = upload('notes.pdf', Buffer.from('plain text pretending to be a PDF'));
    expectProblem(
      await member.post(`appeals/${open.id}/attachments`, text.body, text.headers),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const big = upload('big.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024, 0x20)]));
    expectProblem(await member.post(`appeals/${open.id}/attachments`, big.body, big.headers), 413, 'PAYLOAD_TOO_LARGE');
    expectProblem(
      await pharmacy.post(
        `appeals/${open.id}/attachments`,
        upload('a.pdf', TINY_PDF).body,
        upload('a.pdf', TINY_PDF).headers,
      ),
      403,
      'FORBIDDEN',
    );

    expect(await counts()).toEqual(before);
    expect((await member.get(`appeals/${open.id}`)).body).toMatchObject({ status: 'submitted', attachments: [] });
  });
});

describe('withdrawal', () => {
  it('the member withdraws an open appeal: its clock stops, nobody can decide it, and she may file again in the window', async () => {
    const m = ihss[10];
    const c = await denied(m);
    const member = await memberClient(m);
    const appeal = (await member.post('appeals', appealBody(c.id))).body;
    expect(appeal.status).toBe('submitted');

    // Wrong people and bad input change nothing.
    expectProblem(
      await (await memberClient(ihss[9])).post(`appeals/${appeal.id}/withdraw`, { reason: 'not mine' }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await pharmacy.post(`appeals/${appeal.id}/withdraw`, { reason: 'x' }), 403, 'FORBIDDEN');
    expectProblem(await reviewerB.post(`appeals/${appeal.id}/withdraw`, { reason: 'x' }), 403, 'FORBIDDEN');
    expectProblem(await member.post(`appeals/${appeal.id}/withdraw`, {}), 400, 'VALIDATION_FAILED');
    expect((await member.get(`appeals/${appeal.id}`)).body.status).toBe('submitted');

    const withdrawn = await member.post(`appeals/${appeal.id}/withdraw`, {
      reason: 'My doctor changed me to metformin XR.',
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(withdrawn.body.history.at(-1)).toMatchObject({
      action: 'withdrawn',
      from: 'submitted',
      to: 'withdrawn',
      reason: 'My doctor changed me to metformin XR.',
    });
    const clocks = await t.ctx.database.query<{ cancelled: boolean }>(
      'select cancelled_at is not null as cancelled from deadlines where entity_id = $1',
      [appeal.id],
    );
    expect(clocks).toEqual([{ cancelled: true }]);
    expect(
      (await prescriber.get(`pa-requests/${c.id}`)).body.history.map((h: { action: string }) => h.action),
    ).toContain('appeal-withdrawn');

    expectProblem(
      await reviewerB.post(`appeals/${appeal.id}/decision`, { decision: 'overturned', reasons: [] }),
      409,
      'CONFLICT',
    );
    expectProblem(await member.post(`appeals/${appeal.id}/withdraw`, { reason: 'again' }), 409, 'INVALID_STATE');
    const again = await member.post('appeals', appealBody(c.id));
    expect(again.status, JSON.stringify(again.body)).toBe(201);
  });
});

describe('appeal clocks', () => {
  it('expedited 72 hours vs standard 30 days (7 days for a Part D redetermination); a missed clock escalates, never approves', async () => {
    const urgentCase = await denied(ihss[7]);
    const standardCase = await denied(ihss[8]);
    const partDCase = await denied(partD[0]);
    const urgent = (
      await (await memberClient(ihss[7])).post('appeals', appealBody(urgentCase.id, { urgency: 'urgent' }))
    ).body;
    const standard = (await (await memberClient(ihss[8])).post('appeals', appealBody(standardCase.id))).body;
    const redetermination = (await (await memberClient(partD[0])).post('appeals', appealBody(partDCase.id))).body;
    const span = (a: { receivedAt: string; dueAt: string }) => (Date.parse(a.dueAt) - Date.parse(a.receivedAt)) / HOUR;
    expect(span(urgent)).toBe(72);
    expect(span(standard)).toBe(30 * 24);
    expect(span(redetermination)).toBe(7 * 24);
    // Part D: a medical-necessity denial is redetermined by a physician, not a pharmacist.
    const byPharmacist = await reviewerB.post(`appeals/${redetermination.id}/assign`);
    expectProblem(byPharmacist, 403, 'FORBIDDEN');
    expect(byPharmacist.body.detail).toContain('423.590(f)(2)');
    expect((await reviewerC.post(`appeals/${redetermination.id}/assign`)).body.status).toBe('in-review');
    expect(
      (
        await t.ctx.database.query('select 1 from notices where appeal_id = $1 and kind = $2', [
          urgent.id,
          'appeal-acknowledgment',
        ])
      ).length,
    ).toBe(2);

    const admin = await signIn(t, 'admin');
    await admin.post('test/clock', { advanceBy: 'PT71H' });
    expect((await reviewerB.get(`appeals/${urgent.id}`)).body.escalated).toBe(false);
    await admin.post('test/clock', { advanceBy: 'PT2H' });
    // IHSS01's PA clock deems late requests approved; a late appeal is escalated instead.
    const late = (await reviewerB.get(`appeals/${urgent.id}`)).body;
    expect(late).toMatchObject({
      status: 'submitted',
      escalated: true,
      decision: null,
      authorizationNumber: null,
      overdue: true,
    });
    const escalation = late.history.find((h: { action: string }) => h.action === 'escalated');
    expect(escalation).toMatchObject({
      actor: 'system',
      from: 'submitted',
      to: 'submitted',
      details: { nextLevel: expect.stringMatching(/Independent Medical Review/) },
    });
    expect(
      await t.ctx.database.query('select 1 from authorizations where pa_request_id = $1', [urgentCase.id]),
    ).toHaveLength(0);
    const items = (await services.get('work-items?kind=appeal-overdue')).body.items;
    expect(items.map((i: { entityId: string }) => i.entityId)).toEqual([urgent.id]);
    expect((await reviewerB.get(`appeals/${standard.id}`)).body.escalated).toBe(false);
    // An escalated appeal can still be decided.
    expect(
      (await reviewerB.post(`appeals/${urgent.id}/decision`, { decision: 'overturned', reasons: [] })).body.status,
    ).toBe('overturned');
  });
});

describe('OpenAPI', () => {
  it('documents the appeal routes with their schemas', async () => {
    const doc = (await prescriber.get('/api/v1/openapi.json')).body;
    const paths = Object.keys(doc.paths).filter((p) => p.includes('/appeals'));
    expect(paths.sort()).toEqual([
      '/api/v1/appeals',
      '/api/v1/appeals/{id}',
      '/api/v1/appeals/{id}/assign',
      '/api/v1/appeals/{id}/attachments',
      '/api/v1/appeals/{id}/attachments/{attachmentId}',
      '/api/v1/appeals/{id}/decision',
      '/api/v1/appeals/{id}/withdraw',
    ]);
    const file = doc.paths['/api/v1/appeals'].post;
    expect(file.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['paRequestId', 'urgency', 'statement', 'filedBy']),
    );
    expect(Object.keys(file.responses)).toEqual(expect.arrayContaining(['201', '409']));
  });
});

// Last: it moves the clock two months forward.
describe('filing window', () => {
  it("Part D: 65 days from the notice date in the plan's zone, then 409 APPEAL_WINDOW_CLOSED with the deadline", async () => {
    const [onTime, late] = [await denied(partD[1]), await denied(partD[2])];
    const noticeDate = new Date(Date.parse(onTime.determination.decidedAt) - 8 * HOUR).toISOString().slice(0, 10);
    const deadline = new Date(Date.parse(`${noticeDate}T00:00:00Z`) + 65 * 86_400_000).toISOString().slice(0, 10);
    const admin = await signIn(t, 'admin');
    // 23:30 in California on the last day: already the next day in UTC, still on time.
    await admin.post('test/clock', { set: new Date(`${deadline}T23:30:00-08:00`).toISOString() });
    const ok = await (await memberClient(partD[1])).post('appeals', appealBody(onTime.id));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.filingDeadline).toBe(deadline);
    await admin.post('test/clock', { advanceBy: 'PT1H' });
    const member = await memberClient(partD[2]);
    expect((await member.get(`pa-requests/${late.id}`)).body.appealFiling).toEqual({
      noticeDate,
      deadline,
      open: false,
    });
    const before = (await t.ctx.database.query('select count(*)::int as n from appeals'))[0];
    const closed = expectProblem(await member.post('appeals', appealBody(late.id)), 409, 'APPEAL_WINDOW_CLOSED');
    expect(closed.deadline).toBe(deadline);
    expect(closed.detail).toContain(deadline);
    expect((await t.ctx.database.query('select count(*)::int as n from appeals'))[0]).toEqual(before);
  });
});
