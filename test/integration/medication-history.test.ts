import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { ApiClient, expectProblem } from '../support/http.js';
import { claimFor, glp1Draft, members, signIn } from '../support/scenario.js';
import { testToday } from '../support/constants.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue #14 item 14: while answering a case's questions, its prescriber reads the patient's
// medication history from paid claims of the last year — the fills of their own prescriptions,
// as claims access allows prescribers; clinical reviewers see every paid fill.

let t: TestApp;
let caseId: string;
let ownClaim: string;
let otherPrescribersClaim: string;
let park: ApiClient;
let reviewer: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  const [m] = await members(t, 'id = $1', [DEMO.members.ihss]);
  const pharmacy = new ApiClient(t.app).withKey(DEMO.pharmacies.retail.apiKey);
  const today = testToday(t);
  const fill = async (prescriberNpi: string, productId: string) => {
    const r = await pharmacy.post('claims', {
      ...claimFor(m, DEMO.pharmacies.retail.npi, prescriberNpi),
      dateOfService: today,
      productId,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.transactionStatus, JSON.stringify(r.body)).toBe('P');
    return r.body.claimId as string;
  };
  ownClaim = await fill(DEMO.prescribers.primaryCare, DEMO.ndcs.coveredGeneric);
  otherPrescribersClaim = await fill(DEMO.prescribers.endocrinology, DEMO.ndcs.metformin);
  park = await ApiClient.login(t.app, 'dr.park', 'demo-prescriber');
  reviewer = await ApiClient.login(t.app, 'pharmacist', 'demo-reviewer');
  caseId = await glp1Draft(park, m.id);
});
afterAll(() => t?.close());

describe('GET /pa-requests/{id}/medication-history', () => {
  it("the case's prescriber sees the paid fills of their prescriptions: drug, fill date, days supply, pharmacy", async () => {
    const r = await park.get(`pa-requests/${caseId}/medication-history`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.memberId).toBe(DEMO.members.ihss);
    expect(r.body.prescriberOnly).toBe(true);
    const mine = r.body.items.find((i: { claimId: string }) => i.claimId === ownClaim);
    expect(mine).toMatchObject({ daysSupply: 30, drugName: expect.stringMatching(/lisinopril/i) });
    expect(mine.pharmacyName).toEqual(expect.any(String));
    expect(mine.dateOfService >= r.body.from && mine.dateOfService <= r.body.to).toBe(true);
    expect(r.body.items.map((i: { claimId: string }) => i.claimId)).not.toContain(otherPrescribersClaim);
  });

  it('a clinical reviewer sees every paid fill, whoever prescribed it', async () => {
    const r = await reviewer.get(`pa-requests/${caseId}/medication-history`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.prescriberOnly).toBe(false);
    expect(r.body.items.map((i: { claimId: string }) => i.claimId)).toEqual(
      expect.arrayContaining([ownClaim, otherPrescribersClaim]),
    );
  });

  it('another prescriber and the member are refused; an unknown case is 404 — all problem+json', async () => {
    const stranger = await signIn(t, 'prescriber', { npi: '1234567893' });
    expectProblem(await stranger.get(`pa-requests/${caseId}/medication-history`), 403, 'FORBIDDEN');
    const member = await signIn(t, 'member', { memberId: DEMO.members.ihss });
    expectProblem(await member.get(`pa-requests/${caseId}/medication-history`), 403, 'FORBIDDEN');
    expectProblem(await park.get('pa-requests/par_NOSUCHCASE/medication-history'), 404, 'NOT_FOUND');
  });
});
