import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/platform/dates.js';
import type { ApiClient } from '../support/http.js';
import { firstNpi, members, ndcsWhere, pharmacyWithKey, signIn, type MemberRow } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Coverage is a dry run of the claim pipeline (docs/design.md#coverage): for any member, drug,
// quantity and date, what GET /coverage says a claim would get is what the claim gets.

let t: TestApp;
let pharmacy: ApiClient;
let staff: ApiClient;
let pharmacyNpi: string;
let prescriberNpi: string;
let seq = 0;

/** TEST_CLOCK_START is 2026-11-20T17:00Z: 09:00 on 2026-11-20 in Los Angeles, the demo plans' zone. */
const TODAY = '2026-11-20';

async function coverageFor(m: MemberRow, ndc: string, quantity: number, daysSupply: number, dateOfService: string) {
  return staff.get(
    `coverage?memberId=${m.id}&productId=${ndc}&quantity=${quantity}&daysSupply=${daysSupply}&dateOfService=${dateOfService}`,
  );
}

/** The claim the member's pharmacy sends to the processor the coverage answer names. */
async function claimFor(
  m: MemberRow,
  ndc: string,
  quantity: number,
  daysSupply: number,
  dateOfService: string,
  processor: { bin: string; pcn: string | null; groupId: string | null },
) {
  return pharmacy.post('claims', {
    bin: processor.bin,
    pcn: processor.pcn,
    groupId: processor.groupId,
    cardholderId: m.id,
    patient: { dateOfBirth: m.date_of_birth },
    pharmacyNpi,
    prescriptionNumber: `DRY${++seq}`,
    fillNumber: 0,
    dateOfService,
    productId: ndc,
    quantityDispensed: quantity,
    daysSupply,
    prescriberNpi,
    // the dry run prices from the catalog with nothing submitted and no usual-and-customary cap
    submittedIngredientCost: '0.00',
    usualAndCustomaryCharge: '9999999.99',
  });
}

async function grantAuthorization(memberId: string, groupId: string, limit?: { units: number; days: number }) {
  await t.ctx.database.query(
    `insert into authorizations (id, number, member_id, group_id, effective_from, effective_to, max_units, per_days, created_at)
     values ($1, $2, $3, $4, $5::date, $6::date, $7, $8, now())`,
    [
      `aut_dry_${++seq}`,
      `DRY${seq}`,
      memberId,
      groupId,
      addDays(TODAY, -400),
      addDays(TODAY, 400),
      limit ? String(limit.units) : null,
      limit?.days ?? null,
    ],
  );
}

async function expectAgreement(m: MemberRow, ndc: string, quantity: number, daysSupply: number, dos: string) {
  const cov = await coverageFor(m, ndc, quantity, daysSupply, dos);
  const processor = cov.status === 200 ? cov.body.processor : { bin: '610011', pcn: 'BAYRX', groupId: null };
  const claim = await claimFor(m, ndc, quantity, daysSupply, dos, processor);
  const where = `${m.id} ${ndc} q${quantity} d${daysSupply} ${dos}: coverage ${JSON.stringify(cov.body.claim ?? cov.body)} claim ${JSON.stringify(claim.body)}`;
  // a date the claim refuses (future, past timely filing) the coverage check refuses the same way
  expect(cov.status, where).toBe(claim.status);
  if (claim.status !== 200) {
    expect(cov.body.code, where).toBe(claim.body.code);
    return { paid: false, codes: [claim.body.code as string] };
  }
  const codes = (claim.body.rejects as Array<{ code: string }>).map((r) => r.code);
  expect(cov.body.claim.wouldPay, where).toBe(claim.body.transactionStatus === 'P');
  expect(
    cov.body.claim.rejects.map((r: { code: string }) => r.code),
    where,
  ).toEqual(codes);
  expect(cov.body.claim.patientPay, where).toBe(claim.body.pricing?.patientPay ?? null);
  if (claim.body.transactionStatus === 'P' && claim.body.pricing.basis === 'catalog-unit-price')
    expect(cov.body.estimatedPatientPay, where).toBe(claim.body.pricing.patientPay);
  return { paid: claim.body.transactionStatus === 'P', codes };
}

let sexLimited: { ndc: string; groupId: string };
let quantityLimited: { ndc: string; groupId: string };
let men: MemberRow[];
let women: MemberRow[];

beforeAll(async () => {
  t = await createTestApp();
  pharmacyNpi = await firstNpi(t, 'pharmacies', "pharmacy_type = 'retail'");
  prescriberNpi = await firstNpi(t, 'prescribers');
  pharmacy = await pharmacyWithKey(t, pharmacyNpi);
  staff = await signIn(t, 'member-services');
  men = await members(t, "plan_id = 'IHSS01' and termination_date is null and sex = 'M'");
  women = await members(t, "plan_id = 'IHSS01' and termination_date is null and sex = 'F'");
  // The demo formulary has no sex limit: give one covered, unrestricted IHSS entry a women-only limit.
  const [plain] = await ndcsWhere(
    t,
    'IHSS01',
    (e) => !!e?.covered && !e.priorAuthorization && !e.stepTherapy && !e.quantityLimit && e.minAge === null,
  );
  await t.ctx.database.query(`update formulary_entries set sex = 'F' where plan_id = 'IHSS01' and group_id = $1`, [
    plain.groupId,
  ]);
  t.ctx.reference.invalidate();
  sexLimited = plain;
  const [pa] = await ndcsWhere(t, 'IHSS01', (e) => !!e?.covered && e.priorAuthorization && !e.stepTherapy);
  quantityLimited = pa;
});
afterAll(() => t?.close());

describe('GET /coverage is a dry run of the claim pipeline', () => {
  it('a sex limit: coverage says the claim is rejected 61, as it is; an approved exception lifts it for both', async () => {
    const man = men[0];
    const before = await expectAgreement(man, sexLimited.ndc, 30, 30, TODAY);
    expect(before).toEqual({ paid: false, codes: ['61'] });
    const cov = await coverageFor(man, sexLimited.ndc, 30, 30, TODAY);
    expect(cov.body.sexLimit).toEqual({ sex: 'F', met: false });
    expect(cov.body.message).toMatch(/sex on file/);
    // a woman on the same plan is paid for the same drug
    expect(await expectAgreement(women[0], sexLimited.ndc, 30, 30, TODAY)).toMatchObject({ paid: true });

    await grantAuthorization(man.id, sexLimited.groupId);
    expect(await expectAgreement(man, sexLimited.ndc, 30, 30, addDays(TODAY, -40))).toMatchObject({ paid: true });
  });

  it("an authorization's approved quantity: coverage rejects 76 above it exactly as the claim does", async () => {
    const m = men[1];
    await grantAuthorization(m.id, quantityLimited.groupId, { units: 30, days: 30 });
    const cov = await coverageFor(m, quantityLimited.ndc, 60, 30, TODAY);
    expect(cov.body.quantityLimit).toMatchObject({ units: 30, days: 30, maxForDaysSupply: 30 });
    expect(await expectAgreement(m, quantityLimited.ndc, 60, 30, TODAY)).toEqual({ paid: false, codes: ['76'] });
    expect(await expectAgreement(m, quantityLimited.ndc, 30, 30, TODAY)).toMatchObject({ paid: true });
  });

  it('agrees with the claim for any member, demo-formulary product, quantity and date (fast-check)', async () => {
    const ref = await t.ctx.reference.get();
    const pool = await members(t, "plan_id in ('IHSS01', 'CACOM1', 'PARTD1', 'MCAL-MC', 'MCRX-FFS')");
    // Members of every plan, terminated ones included; products of every kind the formularies hold.
    const people = pool.filter((_, i) => i % Math.max(1, Math.floor(pool.length / 24)) === 0);
    const products = [...ref.packages.values()]
      .filter((_, i) => i % Math.max(1, Math.floor(ref.packages.size / 60)) === 0)
      .map((p) => p.ndc);
    products.push(sexLimited.ndc, quantityLimited.ndc);
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...people),
        fc.constantFrom(...products),
        fc.constantFrom(1, 7.5, 28, 30, 60, 90, 120),
        fc.constantFrom(7, 30, 90),
        fc.constantFrom(-400, -120, -31, -7, 0, 1, 2),
        async (m, ndc, quantity, daysSupply, offset) => {
          const r = await expectAgreement(m, ndc, quantity, daysSupply, addDays(TODAY, offset));
          seen.add(r.paid ? 'P' : r.codes.join('+'));
        },
      ),
      { numRuns: 120, seed: 20261203 },
    );
    // The sample reaches paid claims and several kinds of reject, not one answer over and over.
    expect(seen.has('P')).toBe(true);
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });
});

describe("dates are the plan's dates (docs/design.md#time-zones)", () => {
  it("a date of service more than one day after the plan's today is refused as a future date, in the plan's zone", async () => {
    // 06:00Z on 2026-11-21 is 22:00 on the 20th in Los Angeles and 01:00 on the 21st in New York.
    t.clock.set(new Date('2026-11-21T06:00:00Z'));
    await t.ctx.database.query(
      `update plans set policy = jsonb_set(policy, '{review,timeZone}', '"America/New_York"') where id = 'CACOM1'`,
    );
    t.ctx.reference.invalidate();
    const [la] = await members(t, "plan_id = 'IHSS01' and termination_date is null");
    const [ny] = await members(t, "plan_id = 'CACOM1' and termination_date is null");
    const [generic] = await ndcsWhere(t, 'IHSS01', (e) => !!e?.covered && !e.priorAuthorization && !e.stepTherapy);
    const processorOf = async (m: MemberRow) =>
      (await staff.get(`coverage?memberId=${m.id}&productId=${generic.ndc}`)).body.processor;

    // Los Angeles plan: today is the 20th, so the 22nd is two days ahead: 400 naming the field, nothing stored
    const laClaim = await claimFor(la, generic.ndc, 30, 30, '2026-11-22', await processorOf(la));
    expect(laClaim.status).toBe(400);
    expect(laClaim.body.errors).toEqual([
      { path: 'dateOfService', message: "is in the future (today is 2026-11-20 in the plan's time zone)" },
    ]);
    const laCoverage = await coverageFor(la, generic.ndc, 30, 30, '2026-11-22');
    expect(laCoverage.status).toBe(400);
    // the coverage check's own default date is the plan's today
    expect((await staff.get(`coverage?memberId=${la.id}&productId=${generic.ndc}`)).body.claim.dateOfService).toBe(
      '2026-11-20',
    );

    // New York plan: already the 21st there, so the 22nd is one day ahead and is adjudicated
    const nyClaim = await claimFor(ny, generic.ndc, 30, 30, '2026-11-22', await processorOf(ny));
    expect(nyClaim.status).toBe(200);
    expect(nyClaim.body.transactionStatus).toMatch(/^[PR]$/);
    expect((await staff.get(`coverage?memberId=${ny.id}&productId=${generic.ndc}`)).body.claim.dateOfService).toBe(
      '2026-11-21',
    );
    // and the 23rd is refused for it too
    const nyLater = await claimFor(ny, generic.ndc, 30, 30, '2026-11-23', await processorOf(ny));
    expect(nyLater.status).toBe(400);
    expect(nyLater.body.errors[0].message).toContain('today is 2026-11-21');
  });
});
