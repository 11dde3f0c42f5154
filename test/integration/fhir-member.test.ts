import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateR4 } from '../support/fhir-validation.js';
import type { ApiClient } from '../support/http.js';
import { claimFor, firstNpi, members, pharmacyWithKey, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const CARIN = 'http://hl7.org/fhir/us/carin-bb/StructureDefinition/';

let t: TestApp;
let me: ApiClient;
let other: ApiClient;
let memberId: string;
let otherId: string;
let paidId: string;
let rejectedId: string;
beforeAll(async () => {
  t = await createTestApp();
  const ihss = await members(t, "plan_id = 'IHSS01' and termination_date is null");
  [memberId, otherId] = [ihss[0].id, ihss[1].id];
  me = await signIn(t, 'member', { memberId });
  other = await signIn(t, 'member', { memberId: otherId });
  const pharmacyNpi = await firstNpi(t, 'pharmacies', "pharmacy_type = 'retail'");
  const prescriberNpi = await firstNpi(t, 'prescribers');
  const pharmacy = await pharmacyWithKey(t, pharmacyNpi);
  const paid = await pharmacy.post(
    'claims',
    claimFor(ihss[0], pharmacyNpi, prescriberNpi, { productId: '76282041901' }),
  );
  const rejected = await pharmacy.post(
    'claims',
    claimFor(ihss[0], pharmacyNpi, prescriberNpi, { productId: '00169413211', quantityDispensed: 3, daysSupply: 28 }),
  );
  expect([paid.body.transactionStatus, rejected.body.transactionStatus]).toEqual(['P', 'R']);
  [paidId, rejectedId] = [paid.body.claimId, rejected.body.claimId];
});
afterAll(() => t.close());

describe("members' own records as FHIR (CARIN Blue Button)", () => {
  it('Patient: the signed-in member reads their own record; another member’s id is 404', async () => {
    const mine = await me.get(`/fhir/Patient/${memberId}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      resourceType: 'Patient',
      id: memberId,
      meta: { profile: [`${CARIN}C4BB-Patient`] },
    });
    const theirs = await me.get(`/fhir/Patient/${otherId}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.resourceType).toBe('OperationOutcome');
    const search = await me.get('/fhir/Patient');
    expect(search.body.entry.map((e: any) => e.resource.id)).toEqual([memberId]);
  });

  it('Coverage: the member’s plan with BIN/PCN/group; searching for someone else is refused', async () => {
    const r = await me.get(`/fhir/Coverage?patient=Patient/${memberId}`);
    const cov = r.body.entry[0].resource;
    expect(cov).toMatchObject({
      subscriberId: memberId,
      beneficiary: { reference: `Patient/${memberId}` },
      status: 'active',
    });
    expect(cov.class.map((c: any) => c.type.coding[0].code)).toEqual(
      expect.arrayContaining(['plan', 'group', 'rxbin', 'rxpcn']),
    );
    expect((await me.get(`/fhir/Coverage/${cov.id}`)).status).toBe(200);
    expect((await other.get(`/fhir/Coverage/${cov.id}`)).status).toBe(404);
    expect((await me.get(`/fhir/Coverage?patient=${otherId}`)).status).toBe(400);
  });

  it('ExplanationOfBenefit: paid and rejected pharmacy claims, with amounts and NCPDP reject codes; another member sees none of them', async () => {
    const r = await me.get('/fhir/ExplanationOfBenefit');
    const byId = Object.fromEntries(r.body.entry.map((e: any) => [e.resource.id, e.resource]));
    expect(byId[paidId]).toMatchObject({
      outcome: 'complete',
      type: { coding: [{ code: 'pharmacy' }] },
      meta: { profile: [`${CARIN}C4BB-ExplanationOfBenefit-Pharmacy`] },
    });
    expect(byId[paidId].item[0].productOrService.coding[0]).toMatchObject({
      system: 'http://hl7.org/fhir/sid/ndc',
      code: '76282041901',
    });
    expect(byId[paidId].total.length).toBe(2);
    expect(byId[rejectedId].outcome).toBe('error');
    expect(byId[rejectedId].item[0].adjudication[0].reason.coding[0].code).toBe('75');
    expect((await other.get(`/fhir/ExplanationOfBenefit/${paidId}`)).status).toBe(404);
    expect((await other.get('/fhir/ExplanationOfBenefit')).body.total).toBe(0);
  });

  it('every member resource is valid base FHIR R4', async () => {
    const resources = [
      (await me.get(`/fhir/Patient/${memberId}`)).body,
      ...(await me.get('/fhir/Coverage')).body.entry.map((e: any) => e.resource),
      ...(await me.get('/fhir/ExplanationOfBenefit')).body.entry.map((e: any) => e.resource),
    ];
    expect(resources.flatMap((r) => validateR4(r).map((p) => `${r.resourceType}/${r.id} ${p}`))).toEqual([]);
  });

  it('each read is in the audit log (PHI read by the member)', async () => {
    await me.get(`/fhir/Patient/${memberId}`);
    const rows = await t.ctx.database.query<{ actor_role: string; action: string }>(
      "select actor_role, action from audit_events where entity_id = $1 and action = 'phi.read' and details->>'via' = 'fhir'",
      [memberId],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.actor_role === 'member')).toBe(true);
  });

  it('without a token 401; staff and pharmacy tokens are 403 (the member API is for members)', async () => {
    const anon = await t.app.inject({ method: 'GET', url: `/fhir/Patient/${memberId}` });
    expect(anon.statusCode).toBe(401);
    const staff = await signIn(t, 'member-services');
    expect((await staff.get(`/fhir/Patient/${memberId}`)).status).toBe(403);
  });
});
