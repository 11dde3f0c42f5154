import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueDeadlines } from '../../src/deadlines/run-due-deadlines.js';
import { findPaRequestWithDocuments } from '../../src/priorauth/priorauth.repo.js';
import type { ManualClock } from '../../src/platform/clock.js';
import { questionnaireResponse } from '../support/fhir.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import {
  claimFor,
  firstNpi,
  importMembers,
  members,
  pharmacyWithKey,
  signIn,
  type MemberRow,
} from '../support/scenario.js';
import { testToday } from '../support/constants.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Ozempic pens: two strengths of the same drug-form group (RxNorm SCDF 1991305, semaglutide Pen Injector).
const OZEMPIC_LOW = '00169413211';
const OZEMPIC_HIGH = '00169413611';
// Rybelsus: semaglutide Oral Tablet, another dose form (SCDF 2200643).
const RYBELSUS = '00169430301';

const meetsGlp1 = questionnaireResponse({
  dx: { code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
  a1c: { decimal: 8.2 },
  'a1c-date': '2026-10-15',
  'metformin-contra': true,
  'metformin-contra-detail': 'Lactic acidosis risk: eGFR 28',
  'weight-only': false,
});
const failsGlp1 = questionnaireResponse({
  dx: { code: 'E11.9' },
  a1c: { decimal: 6.4 },
  'a1c-date': '2026-10-15',
  'metformin-contra': false,
  'weight-only': false,
});

let t: TestApp;
let pharmacy: ApiClient;
let pharmacyNpi: string;
let prescriberNpi: string;
let prescriber: ApiClient;
let pharmacist: ApiClient;
let physician: ApiClient;

async function memberOf(planId: string, offset = 0): Promise<MemberRow> {
  // IHSS01 cases use members this file loads itself (one member per case: an approval covers
  // the member's drug-form group for a year); other plans use the demo members.
  const rows =
    planId === 'IHSS01'
      ? await members(t, "id like 'T%'")
      : await members(t, "plan_id = $1 and termination_date is null and date_of_birth < '2000-01-01'", [planId]);
  if (offset >= rows.length) throw new Error(`test needs more ${planId} members`);
  return rows[offset];
}

/** The manual clock's date in California (claims are dated the day they are filled). */
const today = () => testToday(t);

function initiateBody(m: MemberRow, over: Record<string, unknown> = {}) {
  return {
    memberId: m.id,
    prescriberNpi,
    productId: OZEMPIC_LOW,
    quantity: 3,
    daysSupply: 28,
    urgency: 'standard',
    channel: 'portal',
    ...over,
  };
}

async function startCase(m: MemberRow, over: Record<string, unknown> = {}) {
  const r = await prescriber.post('pa-requests', initiateBody(m, over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function advance(by: string) {
  const admin = await signIn(t, 'admin');
  const r = await admin.post('test/clock', { advanceBy: by });
  expect(r.status).toBe(200);
  return r.body;
}

beforeAll(async () => {
  t = await createTestApp();
  pharmacyNpi = await firstNpi(t, 'pharmacies', "pharmacy_type = 'retail'");
  prescriberNpi = await firstNpi(t, 'prescribers');
  pharmacy = await pharmacyWithKey(t, pharmacyNpi);
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi, displayName: 'Dr. Test' });
  pharmacist = await signIn(t, 'reviewer-pharmacist', { displayName: 'Pat Reviewer', credential: 'PharmD' });
  physician = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
  const admin = await signIn(t, 'admin');
  const header =
    'member_id,plan_id,first_name,last_name,date_of_birth,sex,language,contact_preference,email,phone,address_line1,city,state,zip,effective_date,termination_date';
  const rows = Array.from(
    { length: 30 },
    (_, i) =>
      `T${String(i).padStart(6, '0')},IHSS01,Test,Member${i},1970-0${1 + (i % 9)}-1${i % 10},${i % 2 ? 'F' : 'M'},${i % 3 ? 'en' : 'es'},mail,,,1 Main St,Oakland,CA,94612,2026-01-01,`,
  );
  const imported = await admin.post('imports/members', [header, ...rows].join('\n') + '\n', {
    'content-type': 'text/csv',
  });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
});
afterAll(() => t?.close());

describe('claim 75 → PA approved automatically → claim for another strength pays', () => {
  it('runs the whole loop in the submit response', async () => {
    const m = await memberOf('IHSS01');
    const rejected = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        productId: OZEMPIC_LOW,
        quantityDispensed: 3,
        daysSupply: 28,
        submittedIngredientCost: '900.00',
        usualAndCustomaryCharge: '950.00',
      }),
    );
    expect(rejected.body.rejects[0].code).toBe('75');

    const started = await startCase(m);
    expect(started.status).toBe('awaiting-answers');
    expect(started.questionnaire.resourceType).toBe('Questionnaire');
    expect(started.drug.groupId).toBe('1991305');

    const draft = await prescriber.put(`pa-requests/${started.id}/answers`, { answers: meetsGlp1 });
    expect(draft.status).toBe(200);
    const decided = await prescriber.post(`pa-requests/${started.id}/submit`, {});
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('approved');
    expect(decided.body.determination).toMatchObject({
      decision: 'approved',
      authorizationNumber: expect.stringMatching(/^PA/),
    });
    expect(decided.body.criteriaEvaluation.evaluation.rules.every((r: { result: string }) => r.result === 'met')).toBe(
      true,
    );
    expect(decided.body.notices.map((n: { recipient: string }) => n.recipient).sort()).toEqual([
      'member',
      'prescriber',
    ]);

    const paid = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        productId: OZEMPIC_HIGH,
        quantityDispensed: 3,
        daysSupply: 28,
        submittedIngredientCost: '900.00',
        usualAndCustomaryCharge: '950.00',
      }),
    );
    expect(paid.body.transactionStatus).toBe('P');
    expect(paid.body.authorizationNumber).toBe(decided.body.determination.authorizationNumber);

    // The authorization covers the drug-form group only: the oral tablet still needs its own PA.
    const otherForm = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, { productId: RYBELSUS, quantityDispensed: 30, daysSupply: 30 }),
    );
    expect(otherForm.body.transactionStatus).toBe('R');
    // And a second request for the same group answers with the authorization that exists.
    const dup = await prescriber.post('pa-requests', initiateBody(m));
    const problem = expectProblem(dup, 409, 'ACTIVE_AUTHORIZATION_EXISTS');
    expect(problem.authorizationNumber).toBe(decided.body.determination.authorizationNumber);
    expect(problem.effectiveTo).toBeTruthy();
  });
});

describe('answers that do not meet criteria go to a clinician', () => {
  it('queue → information request → answer → approve', async () => {
    const m = await memberOf('IHSS01', 1);
    const c = await startCase(m);
    const submitted = await prescriber.post(`pa-requests/${c.id}/submit`, { answers: failsGlp1 });
    expect(submitted.body.status).toBe('in-review');
    expect(submitted.body.dueAt).toBeTruthy();
    const notMet = submitted.body.criteriaEvaluation.evaluation.rules
      .filter((r: { result: string }) => r.result !== 'met')
      .map((r: { id: string }) => r.id);
    expect(notMet.length).toBeGreaterThan(0);

    const queueReads = async () =>
      (
        await t.ctx.database.query<{ n: number }>(
          `select count(*)::int as n from audit_events where entity_type = 'review-queue'`,
        )
      )[0].n;
    const readsBefore = await queueReads();
    const queue = await pharmacist.get('review-queue');
    const entry = queue.body.items.find((i: { id: string }) => i.id === c.id);
    expect(entry).toBeTruthy();
    expect(entry.timeLeftSeconds).toBeGreaterThan(0);
    // Names for the reviewer's list; reading them is an audited PHI read.
    const [who] = await t.ctx.database.query<{ member: string; prescriber: string }>(
      `select m.first_name || ' ' || m.last_name as member, p.first_name || ' ' || p.last_name as prescriber from members m, prescribers p where m.id = $1 and p.npi = $2`,
      [entry.memberId, entry.prescriberNpi],
    );
    expect(entry).toMatchObject({ memberName: who.member, prescriberName: who.prescriber });
    // The prescriber's own list names the patients too (one query, not a lookup per row).
    const mine = (await prescriber.get('pa-requests')).body.items.find((i: { id: string }) => i.id === c.id);
    expect(mine).toMatchObject({ memberName: who.member, prescriberName: who.prescriber });
    expect(await queueReads()).toBe(readsBefore + 1);
    const dues = queue.body.items.map((i: { dueAt: string | null }) => i.dueAt).filter(Boolean);
    expect([...dues].sort()).toEqual(dues);

    expect((await pharmacist.post(`pa-requests/${c.id}/assign`)).status).toBe(200);
    const asked = await pharmacist.post(`pa-requests/${c.id}/information-requests`, {
      items: [{ question: 'Attach the most recent HbA1c and any metformin trial' }],
    });
    expect(asked.body.status).toBe('awaiting-information');
    expect(asked.body.informationRequests).toHaveLength(1);
    expect(
      asked.body.notices.some(
        (n: { kind: string; recipient: string; channel: string }) =>
          n.kind === 'information-request' && n.recipient === 'prescriber',
      ),
    ).toBe(true);

    const answered = await prescriber.post(`pa-requests/${c.id}/information-responses`, {
      answers: questionnaireResponse({ a1c: { decimal: 7.9 }, 'a1c-date': '2026-11-10' }),
      note: 'Repeat HbA1c attached',
    });
    expect(answered.body.status).toBe('in-review');
    const approved = await pharmacist.post(`pa-requests/${c.id}/determination`, {
      decision: 'approved',
      reasons: ['HbA1c 7.9 % on metformin-intolerant patient meets the plan criteria.'],
    });
    expect(approved.body.status).toBe('approved');
    expect(approved.body.determination.decidedBy).toMatchObject({ name: 'Pat Reviewer', credential: 'PharmD' });
    const actions = approved.body.history.map((h: { action: string }) => h.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'initiated',
        'submitted',
        'routed-to-review',
        'assigned',
        'information-requested',
        'information-received',
        'determination:approved',
      ]),
    );
  });

  it('two unanswered information requests close the case for lack of information', async () => {
    // Medi-Cal Rx: its clock restarts on the answer, so the case waits out both requests (on a
    // plan whose clock continues, the review clock would run out first: docs/clocks.md).
    const [mediCal] = await importMembers(t, { planId: 'MCRX-FFS', prefix: 'PAMC', count: 1 });
    const c = await startCase({ id: mediCal } as MemberRow);
    await prescriber.post(`pa-requests/${c.id}/submit`, { answers: failsGlp1 });
    await pharmacist.post(`pa-requests/${c.id}/information-requests`, { items: [{ document: 'Chart notes' }] });
    await advance('PT73H');
    let now = await pharmacist.get(`pa-requests/${c.id}`);
    expect(now.body.status).toBe('in-review');
    expect(now.body.informationRequests[0].status).toBe('expired');
    await pharmacist.post(`pa-requests/${c.id}/information-requests`, { items: [{ document: 'Chart notes, again' }] });
    const third = await pharmacist.post(`pa-requests/${c.id}/information-requests`, { items: [{ document: 'x' }] });
    expect(third.status).toBe(409);
    await advance('PT73H');
    now = await pharmacist.get(`pa-requests/${c.id}`);
    expect(now.body.status).toBe('closed-no-response');
    expect(now.body.notices.some((n: { kind: string }) => n.kind === 'closure-no-response')).toBe(true);
  });

  it('a clinician denies with reasons; a second reviewer acting after that gets 409', async () => {
    const m = await memberOf('IHSS01', 3);
    const c = await startCase(m);
    await prescriber.post(`pa-requests/${c.id}/submit`, { answers: failsGlp1 });
    await physician.post(`pa-requests/${c.id}/assign`);
    expectProblem(
      await physician.post(`pa-requests/${c.id}/determination`, { decision: 'denied', reasons: [] }),
      400,
      'VALIDATION_FAILED',
    );
    const [a, b] = await Promise.all([
      physician.post(`pa-requests/${c.id}/determination`, {
        decision: 'denied',
        reasons: ['HbA1c is below 7 % and metformin has not been tried.'],
      }),
      pharmacist.post(`pa-requests/${c.id}/determination`, { decision: 'approved', reasons: ['ok'] }),
    ]);
    expect([a.status, b.status].sort(), JSON.stringify([a.body, b.body]).slice(0, 2000)).toEqual([200, 409]);
    const final = await physician.get(`pa-requests/${c.id}`);
    expect(['denied', 'approved']).toContain(final.body.status);
    const decisions = final.body.history.filter((h: { action: string }) => h.action.startsWith('determination:'));
    expect(decisions).toHaveLength(1);
  });

  it('a partial approval limits the quantity the claim may bill', async () => {
    const m = await memberOf('IHSS01', 16);
    const c = await startCase(m);
    await prescriber.post(`pa-requests/${c.id}/submit`, { answers: failsGlp1 });
    await physician.post(`pa-requests/${c.id}/assign`);
    const r = await physician.post(`pa-requests/${c.id}/determination`, {
      decision: 'partially-approved',
      approvedQuantity: 2,
      reasons: ['Approved at the starting dose only: 2 pens per 28 days.'],
    });
    expect(r.body.status).toBe('partially-approved');
    expect(r.body.determination).toMatchObject({ approvedQuantity: 2, perDays: 28 });
    const over = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        productId: OZEMPIC_LOW,
        quantityDispensed: 3,
        daysSupply: 28,
        dateOfService: today(),
      }),
    );
    expect(over.body.rejects.map((x: { code: string }) => x.code)).toEqual(['76']);
    const within = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        productId: OZEMPIC_LOW,
        quantityDispensed: 2,
        daysSupply: 28,
        dateOfService: today(),
      }),
    );
    expect(within.body.transactionStatus).toBe('P');
  });

  it('a case assigned to one reviewer is 409 for another; only clinicians decide', async () => {
    const m = await memberOf('IHSS01', 4);
    const c = await startCase(m);
    await prescriber.post(`pa-requests/${c.id}/submit`, { answers: failsGlp1 });
    expect((await physician.post(`pa-requests/${c.id}/assign`)).status).toBe(200);
    expectProblem(await pharmacist.post(`pa-requests/${c.id}/assign`), 409, 'CONFLICT');
    expectProblem(
      await pharmacist.post(`pa-requests/${c.id}/determination`, { decision: 'approved', reasons: [] }),
      409,
      'CONFLICT',
    );
    const ms = await signIn(t, 'member-services');
    expectProblem(
      await ms.post(`pa-requests/${c.id}/determination`, { decision: 'denied', reasons: ['no'] }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await prescriber.post(`pa-requests/${c.id}/determination`, { decision: 'approved', reasons: [] }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('clocks', () => {
  it('California commercial: an urgent request unanswered for 24 h is deemed approved, and the claim pays', async () => {
    const m = await memberOf('CACOM1');
    const c = await startCase(m, { urgency: 'urgent', urgencyReason: 'Severe hyperglycemia, glucose > 400 mg/dL' });
    const submitted = await prescriber.post(`pa-requests/${c.id}/submit`, { answers: failsGlp1 });
    expect(submitted.body.status).toBe('in-review');
    expect(new Date(submitted.body.dueAt).getTime() - new Date(submitted.body.completedAt).getTime()).toBe(
      24 * 3_600_000,
    );
    await advance('PT23H');
    expect((await pharmacist.get(`pa-requests/${c.id}`)).body.status).toBe('in-review');
    await advance('PT2H');
    const after = await pharmacist.get(`pa-requests/${c.id}`);
    expect(after.body.status).toBe('deemed-approved');
    expect(after.body.determination.authorizationNumber).toMatch(/^PA/);
    expect(after.body.notices.some((n: { kind: string }) => n.kind === 'deemed-approval')).toBe(true);
    const claim = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        productId: OZEMPIC_HIGH,
        quantityDispensed: 3,
        daysSupply: 28,
        dateOfService: after.body.determination.effectiveFrom,
      }),
    );
    expect(claim.body.transactionStatus).toBe('P');
  });

  it('Medicare Part D: past due is escalated, never approved by default', async () => {
    const m = await memberOf('PARTD1');
    const c = await startCase(m);
    const s = await prescriber.post(`pa-requests/${c.id}/submit`, { answers: failsGlp1 });
    expect(s.body.status).toBe('in-review');
    await advance('PT73H');
    const after = await pharmacist.get(`pa-requests/${c.id}`);
    expect(after.body.status).toBe('in-review');
    expect(after.body.escalated).toBe(true);
    expect(after.body.history.map((h: { action: string }) => h.action)).toContain('escalated');
    // Never approved by default: no determination, no authorization, no approval letter.
    expect(after.body.determination).toBeNull();
    expect(after.body.history.map((h: { action: string }) => h.action)).not.toContain('determination:deemed-approved');
    expect(await t.ctx.database.query('select 1 from authorizations where pa_request_id = $1', [c.id])).toEqual([]);
    expect(after.body.notices.map((n: { kind: string }) => n.kind)).not.toContain('deemed-approval');
  });

  it('a reviewer reclassifies an urgent request to standard with a reason; the clock and notices follow', async () => {
    const m = await memberOf('IHSS01', 5);
    const c = await startCase(m, { urgency: 'urgent', urgencyReason: 'Patient prefers faster' });
    const s = await prescriber.post(`pa-requests/${c.id}/submit`, { answers: failsGlp1 });
    const urgentDue = new Date(s.body.dueAt).getTime();
    expectProblem(
      await pharmacist.post(`pa-requests/${c.id}/urgency`, { urgency: 'standard', reason: '' }),
      400,
      'VALIDATION_FAILED',
    );
    const r = await pharmacist.post(`pa-requests/${c.id}/urgency`, {
      urgency: 'standard',
      reason: 'No serious jeopardy to life, health or function described',
    });
    expect(r.body.urgency).toBe('standard');
    expect(new Date(r.body.dueAt).getTime() - urgentDue).toBe(48 * 3_600_000);
    expect(
      r.body.notices
        .filter((n: { kind: string }) => n.kind === 'urgency-reclassified')
        .map((n: { recipient: string }) => n.recipient)
        .sort(),
    ).toEqual(['member', 'prescriber']);
  });

  it('a deadline scheduled before a restart still fires, exactly once, with two workers', async () => {
    const m = await memberOf('CACOM1', 1);
    const c = await startCase(m);
    await prescriber.post(`pa-requests/${c.id}/submit`, { answers: failsGlp1 });
    await t.restart();
    pharmacist = await signIn(t, 'reviewer-pharmacist', { displayName: 'Pat Reviewer', credential: 'PharmD' });
    prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi });
    pharmacy = await pharmacyWithKey(t, pharmacyNpi);
    physician = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
    const worker = t.secondWorker();
    t.clock.advance(73 * 3_600_000);
    (worker.clock as ManualClock).set(t.clock.now());
    const [a, b] = await Promise.all([
      runDueDeadlines(t.ctx, t.clock.now()),
      runDueDeadlines(worker, worker.clock.now()),
    ]);
    expect(a.fired + b.fired).toBeGreaterThanOrEqual(1);
    const after = await pharmacist.get(`pa-requests/${c.id}`);
    expect(after.body.status).toBe('deemed-approved');
    expect(
      after.body.history.filter((h: { action: string }) => h.action === 'determination:deemed-approved'),
    ).toHaveLength(1);
    const auths = await t.ctx.database.query('select * from authorizations where pa_request_id = $1', [c.id]);
    expect(auths).toHaveLength(1);
    const fired = await t.ctx.database.query(
      "select * from deadlines where entity_id = $1 and kind = 'pa-due' and fired_at is not null",
      [c.id],
    );
    expect(fired).toHaveLength(1);
  });
});

describe('channels and completeness', () => {
  it('an incomplete portal request gets an information request listing what is missing; completing it decides it', async () => {
    const m = await memberOf('IHSS01', 10);
    const c = await startCase(m);
    const partial = questionnaireResponse({ dx: { code: 'E11.9' }, 'weight-only': false });
    const s = await prescriber.post(`pa-requests/${c.id}/submit`, { answers: partial });
    expect(s.body.status).toBe('awaiting-information');
    expect(s.body.dueAt).toBeNull();
    const asked = s.body.informationRequests[0];
    expect(asked.items.map((i: { linkId?: string }) => i.linkId)).toEqual(['a1c', 'a1c-date', 'metformin-contra']);
    expect(s.body.notices.map((n: { kind: string; recipient: string }) => `${n.kind}:${n.recipient}`)).toEqual([
      'incomplete-request:prescriber',
    ]);
    const done = await prescriber.post(`pa-requests/${c.id}/information-responses`, {
      answers: questionnaireResponse({
        a1c: { decimal: 8.8 },
        'a1c-date': '2026-11-01',
        'metformin-contra': true,
        'metformin-contra-detail': 'GI intolerance at 500 mg',
      }),
    });
    expect(done.body.status).toBe('approved');
    expect(done.body.completedAt).toBe(new Date(t.clock.now()).toISOString());
  });

  it('an incomplete ePA submission is a 400 listing the missing items, and the case does not change', async () => {
    const m = await memberOf('IHSS01', 11);
    const c = await startCase(m, { channel: 'epa' });
    const r = await prescriber.post(`pa-requests/${c.id}/submit`, {
      answers: questionnaireResponse({ dx: { code: 'E11.9' } }),
    });
    const problem = expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(problem.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['answers.a1c', 'answers.weight-only']));
    expect((await prescriber.get(`pa-requests/${c.id}`)).body.status).toBe('awaiting-answers');
  });

  it('a pharmacy-initiated request notifies the prescriber', async () => {
    const m = await memberOf('IHSS01', 12);
    const r = await pharmacy.post('pa-requests', {
      memberId: m.id,
      prescriberNpi,
      productId: OZEMPIC_LOW,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'pharmacy',
    });
    expect(r.status).toBe(201);
    expect(r.body.pharmacyNpi).toBe(pharmacyNpi);
    expect(r.body.notices).toEqual([
      expect.objectContaining({ kind: 'pa-needed', recipient: 'prescriber', channel: 'fax' }),
    ]);
    // The prescriber finds it on their list and completes it.
    const mine = await prescriber.get('pa-requests?status=awaiting-answers');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(r.body.id);
  });

  it('a drug without PA answers "not required"', async () => {
    const m = await memberOf('IHSS01', 13);
    const r = await prescriber.post(
      'pa-requests',
      initiateBody(m, { productId: '76282041901', quantity: 30, daysSupply: 30 }),
    );
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('not-required');
  });
});

describe('criteria are versioned data', () => {
  it('a changed set becomes a new version; open cases keep theirs', async () => {
    const m1 = await memberOf('IHSS01', 14);
    const open = await startCase(m1);
    expect(open.criteria).toMatchObject({ id: 'glp1-t2dm', version: 1 });
    const admin = await signIn(t, 'admin');
    const current = (await admin.get('criteria/glp1-t2dm')).body;
    const changed = {
      ...current,
      rules: current.rules.map((r: { id: string; expression: string }) =>
        r.id === 'glycemic' ? { ...r, expression: r.expression.replace('>= 7', '>= 7.5') } : r,
      ),
    };
    const imported = await admin.post('criteria', { criteriaSets: [changed] });
    expect(imported.status).toBe(200);
    expect(imported.body.loaded).toEqual({ 'new versions': 1 });
    const again = await admin.post('criteria', { criteriaSets: [changed] });
    expect(again.body.loaded).toEqual({ unchanged: 1 });
    const m2 = await memberOf('IHSS01', 15);
    const fresh = await startCase(m2);
    expect(fresh.criteria.version).toBe(2);
    expect((await prescriber.get(`pa-requests/${open.id}`)).body.criteria.version).toBe(1);
    const bad = await admin.post('criteria', {
      criteriaSets: [{ ...changed, rules: [{ id: 'x', text: 'x', expression: 'item.where(' }] }],
    });
    expect(bad.body.rejected[0].reason).toMatch(/does not parse/);
    const exported = await admin.get('criteria/export');
    expect(exported.body.criteriaSets.find((c: { id: string }) => c.id === 'glp1-t2dm').version).toBe(2);
  });
});

describe('bad input everywhere → clear problem+json, nothing changes', () => {
  it('rejects malformed initiation, unknown ids and wrong roles', async () => {
    const m = await memberOf('IHSS01');
    const count = async () =>
      Number((await t.ctx.database.query<{ n: number }>('select count(*)::int as n from pa_requests'))[0].n);
    const before = await count();
    expectProblem(
      await prescriber.post('pa-requests', { ...initiateBody(m), quantity: 'three' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await prescriber.post('pa-requests', { ...initiateBody(m), urgency: 'urgent' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await prescriber.post('pa-requests', { ...initiateBody(m), memberId: 'M999999' }), 404, 'NOT_FOUND');
    expectProblem(
      await prescriber.post('pa-requests', { ...initiateBody(m), productId: '99999999999' }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await prescriber.post('pa-requests', { ...initiateBody(m), prescriberNpi: '1234567893' }),
      403,
      'FORBIDDEN',
    );
    const member = await signIn(t, 'member', { memberId: m.id });
    expectProblem(await member.post('pa-requests', initiateBody(m)), 403, 'FORBIDDEN');
    expect(await count()).toBe(before);
    expectProblem(await prescriber.get('pa-requests/par_nope'), 404, 'NOT_FOUND');
    expectProblem(await prescriber.post('pa-requests/par_nope/submit', {}), 404, 'NOT_FOUND');
  });

  it('rejects answers that do not fit the question set, and bad attachments', async () => {
    const m = await memberOf('IHSS01', 7);
    const c = await startCase(m);
    expectProblem(
      await prescriber.put(`pa-requests/${c.id}/answers`, {
        answers: questionnaireResponse({ 'no-such-question': true }),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await prescriber.put(`pa-requests/${c.id}/answers`, { answers: questionnaireResponse({ a1c: 'high' }) }),
      400,
      'VALIDATION_FAILED',
    );
    const boundary = 'xyz';
    const multipart = (name: string, bytes: Buffer) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    expectProblem(
      await prescriber.post(
        `pa-requests/${c.id}/attachments`,
        multipart('notes.pdf', Buffer.from('this is plain text, not a PDF')),
        headers,
      ),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const ok = await prescriber.post(
      `pa-requests/${c.id}/attachments`,
      multipart('notes.pdf', Buffer.from('%PDF-1.4\n%%EOF\n')),
      headers,
    );
    expect(ok.status).toBe(201);
    expect(ok.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
    expectProblem(
      await prescriber.post(`pa-requests/${c.id}/attachments`, multipart('big.pdf', big), headers),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    const view = await prescriber.get(`pa-requests/${c.id}`);
    expect(view.body.attachments).toHaveLength(1);
    // What a submission counts as on file (the case and its documents in one read).
    expect((await findPaRequestWithDocuments(t.ctx.database.db, c.id))?.documents).toEqual([{ documentId: null }]);
  });

  it("a member sees their own case but not another member's", async () => {
    const [a, b] = [await memberOf('IHSS01', 8), await memberOf('IHSS01', 9)];
    const c = await startCase(a);
    const own = await signIn(t, 'member', { memberId: a.id });
    expect((await own.get(`pa-requests/${c.id}`)).status).toBe(200);
    const other = await signIn(t, 'member', { memberId: b.id });
    expectProblem(await other.get(`pa-requests/${c.id}`), 404, 'NOT_FOUND');
    expect((await other.get('pa-requests')).body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });
});

// Last: it moves the clock most of a year forward.
describe('renewals', () => {
  it('are refused at 61 days before the end date and accepted at 59', async () => {
    const m = await memberOf('IHSS01', 6);
    const c = await startCase(m);
    const approved = await prescriber.post(`pa-requests/${c.id}/submit`, { answers: meetsGlp1 });
    const { authorizationNumber, effectiveTo } = approved.body.determination;
    const end = new Date(`${effectiveTo}T12:00:00-08:00`);
    const admin = await signIn(t, 'admin');
    await admin.post('test/clock', { set: new Date(end.getTime() - 61 * 86_400_000).toISOString() });
    prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi });
    const early = await prescriber.post('pa-requests', initiateBody(m, { renewalOf: authorizationNumber }));
    const problem = expectProblem(early, 409, 'RENEWAL_WINDOW_NOT_OPEN');
    expect(problem.firstAllowedDate).toBeTruthy();
    const admin2 = await signIn(t, 'admin');
    await admin2.post('test/clock', { set: new Date(end.getTime() - 59 * 86_400_000).toISOString() });
    prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi });
    const original = await prescriber.get(`pa-requests/${c.id}`);
    expect(
      original.body.notices
        .filter((n: { kind: string }) => n.kind === 'renewal-reminder')
        .map((n: { recipient: string }) => n.recipient)
        .sort(),
    ).toEqual(['member', 'prescriber']);
    const renewal = await prescriber.post('pa-requests', initiateBody(m, { renewalOf: authorizationNumber }));
    expect(renewal.status).toBe(201);
    expect(renewal.body.renewalOf).toBe(authorizationNumber);
    // The renewal carries a current HbA1c (the criteria want one from the last 6 months).
    const today = new Date(end.getTime() - 59 * 86_400_000).toISOString().slice(0, 10);
    const current = {
      ...meetsGlp1,
      item: meetsGlp1.item.map((i) =>
        i.linkId === 'a1c-date' ? { linkId: 'a1c-date', answer: [{ valueDate: today }] } : i,
      ),
    };
    const renewed = await prescriber.post(`pa-requests/${renewal.body.id}/submit`, { answers: current });
    expect(renewed.body.status).toBe('approved');
    expect(renewed.body.determination.effectiveFrom > effectiveTo).toBe(true);
  });
});
