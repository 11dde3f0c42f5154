import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/platform/dates.js';
import { glp1Answers } from '../support/fhir.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import { firstNpi, importMembers, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_TODAY } from '../support/constants.js';

// docs/design.md#determinations: a reviewer's period must end inside what the criteria allow. The GLP-1
// criteria set (glp1-t2dm) approves for 365 days, so from today (2026-11-20 in California) the
// last allowed day is 2027-11-19.
const OZEMPIC = '00169413211';
const LATEST = addDays(TEST_TODAY, 364);
const fails = glp1Answers({ a1c: 6.4 });

let t: TestApp;
let prescriberNpi: string;
let prescriber: ApiClient;
let reviewer: ApiClient;
let appealReviewer: ApiClient;
let memberIds: string[];
let used = 0;

beforeAll(async () => {
  t = await createTestApp();
  prescriberNpi = await firstNpi(t, 'prescribers');
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi });
  reviewer = await signIn(t, 'reviewer-pharmacist', { displayName: 'Pat Reviewer', credential: 'PharmD' });
  appealReviewer = await signIn(t, 'reviewer-physician', { displayName: 'Sam Rivera', credential: 'MD' });
  memberIds = await importMembers(t, { planId: 'CACOM1', prefix: 'DP', count: 6 });
});
afterAll(() => t?.close());

async function caseInReview() {
  const c = await prescriber.post('pa-requests', {
    memberId: memberIds[used++],
    prescriberNpi,
    productId: OZEMPIC,
    quantity: 3,
    daysSupply: 28,
    urgency: 'standard',
    channel: 'portal',
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const s = await prescriber.post(`pa-requests/${c.body.id}/submit`, { answers: fails });
  expect(s.body.status).toBe('in-review');
  // A determination needs the case assigned to the decider.
  expect((await reviewer.post(`pa-requests/${c.body.id}/assign`)).status).toBe(200);
  return s.body as { id: string; memberId: string };
}

const authorizationsOf = (id: string) =>
  t.ctx.database.query('select number from authorizations where pa_request_id = $1', [id]);

describe('a reviewer approving for a shorter period', () => {
  it('refuses an effectiveTo in the past: 400 naming effectiveTo with the allowed range, nothing recorded', async () => {
    const c = await caseInReview();
    const r = await reviewer.post(`pa-requests/${c.id}/determination`, {
      decision: 'partially-approved',
      reasons: ['A three-month trial first.'],
      effectiveTo: addDays(TEST_TODAY, -1),
    });
    const problem = expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(problem.errors).toEqual([
      { path: 'effectiveTo', message: `must be from ${TEST_TODAY} to ${LATEST} (the criteria's approval duration)` },
    ]);
    expect(problem).toMatchObject({ earliestEffectiveTo: TEST_TODAY, latestEffectiveTo: LATEST });
    expect((await reviewer.get(`pa-requests/${c.id}`)).body.status).toBe('in-review');
    expect(await authorizationsOf(c.id)).toEqual([]);
  });

  it("refuses an effectiveTo past the criteria set's approval duration, for a full approval too", async () => {
    const c = await caseInReview();
    for (const decision of ['approved', 'partially-approved']) {
      const r = await reviewer.post(`pa-requests/${c.id}/determination`, {
        decision,
        reasons: ['Approved.'],
        effectiveTo: addDays(LATEST, 1),
      });
      const problem = expectProblem(r, 400, 'VALIDATION_FAILED');
      expect(problem.errors.map((e) => e.path)).toEqual(['effectiveTo']);
      expect(problem.detail).toContain(LATEST);
    }
    expect(await authorizationsOf(c.id)).toEqual([]);
  });

  it('accepts the last allowed day and today, and the authorization ends on the day given', async () => {
    for (const effectiveTo of [LATEST, TEST_TODAY]) {
      const c = await caseInReview();
      const r = await reviewer.post(`pa-requests/${c.id}/determination`, {
        decision: 'partially-approved',
        reasons: ['A shorter first approval.'],
        effectiveTo,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.determination).toMatchObject({ effectiveFrom: TEST_TODAY, effectiveTo });
    }
  });

  it('refuses a period or a quantity on a denial instead of ignoring it', async () => {
    const c = await caseInReview();
    const r = await reviewer.post(`pa-requests/${c.id}/determination`, {
      decision: 'denied',
      reasons: ['HbA1c is below 7 %.'],
      effectiveTo: LATEST,
      approvedQuantity: 1,
    });
    expect(expectProblem(r, 400, 'VALIDATION_FAILED').errors.map((e) => e.path)).toEqual([
      'effectiveTo',
      'approvedQuantity',
    ]);
  });
});

describe('an appeal overturned in part', () => {
  it('is held to the same range: a period longer than the approval duration is a 400 naming effectiveTo', async () => {
    const c = await caseInReview();
    const d = await reviewer.post(`pa-requests/${c.id}/determination`, {
      decision: 'denied',
      reasons: ['HbA1c is below 7 %.'],
    });
    expect(d.body.status).toBe('denied');
    const member = await signIn(t, 'member', { memberId: c.memberId });
    const filed = await member.post('appeals', {
      paRequestId: c.id,
      urgency: 'standard',
      statement: 'Metformin made me ill.',
      filedBy: 'member',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const tooLong = await appealReviewer.post(`appeals/${filed.body.id}/decision`, {
      decision: 'partially-overturned',
      reasons: ['Approved for a limited period.'],
      effectiveTo: addDays(LATEST, 30),
    });
    const problem = expectProblem(tooLong, 400, 'VALIDATION_FAILED');
    expect(problem.errors).toEqual([
      { path: 'effectiveTo', message: `must be from ${TEST_TODAY} to ${LATEST} (the criteria's approval duration)` },
    ]);
    expect(await authorizationsOf(c.id)).toEqual([]);
    const ok = await appealReviewer.post(`appeals/${filed.body.id}/decision`, {
      decision: 'partially-overturned',
      reasons: ['Approved for a limited period.'],
      effectiveTo: LATEST,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.effectiveTo).toBe(LATEST);
  });
});
