import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import {
  claimFor,
  members,
  ozempicClaimFor,
  pharmacyWithKey,
  signIn,
  unrestrictedGenerics,
} from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// docs/design.md#metrics: GET /reports/claims counts claims by date of service (paid, reversed,
// rejected) and the reject codes returned, for a range of days and a plan; admins only.
let t: TestApp;
let admin: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, 'admin');
  const pharmacy = await pharmacyWithKey(t, DEMO.pharmacies.retail.npi);
  const [m] = await members(t, "plan_id = 'IHSS01' and termination_date is null and date_of_birth < '2000-01-01'");
  // Three different medicines, so no fill is a refill too soon of another.
  const seen = new Set<string>();
  const generics = (await unrestrictedGenerics(t, 'IHSS01')).filter((g) => {
    const medicine = g.name.split(' ')[0].toLowerCase();
    if (seen.has(medicine)) return false;
    seen.add(medicine);
    return true;
  });
  const on = (dateOfService: string) => ({ dateOfService });
  const send = async (body: Record<string, unknown>, status: 'P' | 'R') => {
    const r = await pharmacy.post('claims', body);
    expect(r.body.transactionStatus, JSON.stringify(r.body)).toBe(status);
    return r.body;
  };
  const npi = [DEMO.pharmacies.retail.npi, DEMO.prescribers.primaryCare] as const;
  // Two paid fills on the 18th (one reversed since), one on the 20th; Ozempic rejected 75 on the 20th.
  const paid = await send(claimFor(m, ...npi, { productId: generics[0].ndc, ...on('2026-11-18') }), 'P');
  await send(claimFor(m, ...npi, { productId: generics[1].ndc, ...on('2026-11-18') }), 'P');
  await send(claimFor(m, ...npi, { productId: generics[2].ndc }), 'P');
  await send(ozempicClaimFor(m, ...npi), 'R');
  const reversal = await pharmacy.post(`claims/${paid.claimId}/reversal`, {});
  expect(reversal.status, JSON.stringify(reversal.body)).toBeLessThan(300);
});
afterAll(() => t?.close());

describe('GET /reports/claims', () => {
  it('counts each day of the range (empty days as zeros) and the reject codes, with their NCPDP text', async () => {
    const r = await admin.get('reports/claims?from=2026-11-17&to=2026-11-20');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ from: '2026-11-17', to: '2026-11-20', planId: null });
    expect(r.body.days).toEqual([
      { day: '2026-11-17', paid: 0, reversed: 0, rejected: 0 },
      { day: '2026-11-18', paid: 2, reversed: 1, rejected: 0 },
      { day: '2026-11-19', paid: 0, reversed: 0, rejected: 0 },
      { day: '2026-11-20', paid: 1, reversed: 0, rejected: 1 },
    ]);
    expect(r.body.rejectCodes).toEqual([{ code: '75', description: 'Prior Authorization Required', count: 1 }]);
    expect(r.body.total).toEqual({ paid: 3, reversed: 1, rejected: 1 });
  });

  it("narrows to a plan and to the range's days", async () => {
    const other = await admin.get('reports/claims?from=2026-11-17&to=2026-11-20&planId=CACOM1');
    expect(other.body.total).toEqual({ paid: 0, reversed: 0, rejected: 0 });
    expect(other.body.rejectCodes).toEqual([]);
    const ihss = await admin.get('reports/claims?from=2026-11-19&to=2026-11-20&planId=IHSS01');
    expect(ihss.body.total).toEqual({ paid: 1, reversed: 0, rejected: 1 });
  });

  it('refuses bad ranges with 400, an unknown plan with 404, and every other role with 403 — problem+json', async () => {
    const bad = expectProblem(
      await admin.get('reports/claims?from=2026-11-20&to=2026-11-01'),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.errors).toEqual([{ path: 'querystring.from', message: 'must be on or before to' }]);
    expectProblem(await admin.get('reports/claims?from=2026-02-30&to=2026-03-01'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.get('reports/claims?from=2020-01-01&to=2026-11-20'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.get('reports/claims?planId=NOPE'), 404, 'NOT_FOUND');
    for (const role of ['member-services', 'reviewer-physician', 'intake'] as const)
      expectProblem(await (await signIn(t, role)).get('reports/claims'), 403, 'FORBIDDEN');
    expectProblem(
      await (await signIn(t, 'prescriber', { npi: DEMO.prescribers.primaryCare })).get('reports/claims'),
      403,
      'FORBIDDEN',
    );
  });
});
