import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { glp1Answers, questionnaireResponse } from '../support/fhir.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import { glp1Draft, members, signIn, type MemberRow } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Decisions are deliberate (docs/design.md#determinations): a denial needs the case taken by the decider; the
// plan says which reviewer roles may deny (Part D: physicians, 42 CFR 423.566(d)); an answer to a
// reviewer's question that now meets every criterion is approved without waiting for a reviewer.

let t: TestApp;
let prescriber: ApiClient;
let pharmacist: ApiClient;
let physician: ApiClient;
let ihss: MemberRow[];
let partD: MemberRow[];

async function inReview(m: MemberRow) {
  const id = await glp1Draft(prescriber, m.id);
  const s = await prescriber.post(`pa-requests/${id}/submit`, { answers: glp1Answers({ a1c: 6.2 }) });
  expect(s.body.status, JSON.stringify(s.body)).toBe('in-review');
  return s.body as { id: string; adverseDecisionRoles: string[] };
}

const deny = { decision: 'denied', reasons: ['HbA1c is below 7 %.'] };

beforeAll(async () => {
  t = await createTestApp();
  prescriber = await signIn(t, 'prescriber', { npi: DEMO.prescribers.primaryCare });
  pharmacist = await signIn(t, 'reviewer-pharmacist', { displayName: 'Pat Reviewer', credential: 'PharmD' });
  physician = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
  const adults = "termination_date is null and date_of_birth < '2000-01-01'";
  ihss = await members(t, `plan_id = 'IHSS01' and ${adults}`);
  partD = await members(t, `plan_id = 'PARTD1' and ${adults}`);
});
afterAll(() => t?.close());

describe('a denial needs the case assigned to the decider', () => {
  it('an unassigned case is not denied (409 in words); taken, it is', async () => {
    const c = await inReview(ihss[0]);
    const refused = expectProblem(
      await physician.post(`pa-requests/${c.id}/determination`, deny),
      409,
      'INVALID_STATE',
    );
    expect(refused.detail).toMatch(/Assign the case to yourself/);
    const partial = await physician.post(`pa-requests/${c.id}/determination`, {
      decision: 'partially-approved',
      approvedQuantity: 2,
      reasons: ['Starting dose only.'],
    });
    expectProblem(partial, 409, 'INVALID_STATE');
    expect((await physician.get(`pa-requests/${c.id}`)).body.status).toBe('in-review');
    expect((await physician.post(`pa-requests/${c.id}/assign`)).status).toBe(200);
    const denied = await physician.post(`pa-requests/${c.id}/determination`, deny);
    expect(denied.body.status, JSON.stringify(denied.body)).toBe('denied');
  });

  it('an approval does not need the case taken (the system or any reviewer may say yes)', async () => {
    const c = await inReview(ihss[1]);
    const approved = await pharmacist.post(`pa-requests/${c.id}/determination`, {
      decision: 'approved',
      reasons: ['Reviewed.'],
    });
    expect(approved.body.status).toBe('approved');
  });
});

describe('the plan says which reviewer roles may deny', () => {
  it('Part D: a pharmacist may not deny (403 naming the rule), a physician may; the case view says who may', async () => {
    const c = await inReview(partD[0]);
    expect(c.adverseDecisionRoles).toEqual(['reviewer-physician']);
    expect((await pharmacist.post(`pa-requests/${c.id}/assign`)).status).toBe(200);
    const refused = expectProblem(await pharmacist.post(`pa-requests/${c.id}/determination`, deny), 403, 'FORBIDDEN');
    expect(refused.detail).toMatch(/physician/);
    expect(refused.detail).toMatch(/423\.566/);
    // The pharmacist may still approve it.
    const c2 = await inReview(partD[1]);
    expect((await pharmacist.post(`pa-requests/${c2.id}/assign`)).status).toBe(200);
    expect(
      (await pharmacist.post(`pa-requests/${c2.id}/determination`, { decision: 'approved', reasons: [] })).body.status,
    ).toBe('approved');
    // A physician takes the first one and denies it.
    const c3 = await inReview(partD[2]);
    expect((await physician.post(`pa-requests/${c3.id}/assign`)).status).toBe(200);
    expect((await physician.post(`pa-requests/${c3.id}/determination`, deny)).body.status).toBe('denied');
  });

  it('other lines: a pharmacist may deny', async () => {
    const c = await inReview(ihss[2]);
    expect(c.adverseDecisionRoles).toEqual(['reviewer-pharmacist', 'reviewer-physician']);
    expect((await pharmacist.post(`pa-requests/${c.id}/assign`)).status).toBe(200);
    expect((await pharmacist.post(`pa-requests/${c.id}/determination`, deny)).body.status).toBe('denied');
  });
});

describe('an information response that now meets the criteria', () => {
  it('is evaluated again and approved at once, with an authorization the claim can use', async () => {
    const c = await inReview(ihss[3]);
    expect((await pharmacist.post(`pa-requests/${c.id}/assign`)).status).toBe(200);
    const asked = await pharmacist.post(`pa-requests/${c.id}/information-requests`, {
      items: [{ question: 'A recent HbA1c, and why metformin cannot be used' }],
    });
    expect(asked.body.status).toBe('awaiting-information');
    const answered = await prescriber.post(`pa-requests/${c.id}/information-responses`, {
      answers: questionnaireResponse({
        a1c: { decimal: 8.3 },
        'a1c-date': '2026-11-10',
        'metformin-contra': true,
        'metformin-contra-detail': 'eGFR 24',
      }),
      note: 'Repeat HbA1c; eGFR 24.',
    });
    expect(answered.body.status, JSON.stringify(answered.body).slice(0, 500)).toBe('approved');
    expect(answered.body.determination.authorizationNumber).toMatch(/^PA/);
    const actions = answered.body.history.map((h: { action: string }) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['information-received', 'determination:approved']));
  });

  it('an answer that still falls short goes back to the reviewer, never to an automatic denial', async () => {
    const c = await inReview(ihss[4]);
    expect((await pharmacist.post(`pa-requests/${c.id}/assign`)).status).toBe(200);
    await pharmacist.post(`pa-requests/${c.id}/information-requests`, { items: [{ question: 'Recent HbA1c?' }] });
    const answered = await prescriber.post(`pa-requests/${c.id}/information-responses`, {
      answers: questionnaireResponse({ a1c: { decimal: 6.5 }, 'a1c-date': '2026-11-10' }),
    });
    expect(answered.body.status).toBe('in-review');
  });
});
