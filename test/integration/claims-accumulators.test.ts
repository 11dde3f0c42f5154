import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimRequest } from '../../src/claims/claim-types.js';
import { writeBillingRequest } from '../../src/ncpdp/write-request.js';
import { decodeOverpunch } from '../../src/ncpdp/telecom/overpunch.js';
import { fieldValue, findSegment } from '../../src/ncpdp/telecom/segments.js';
import { fromCents, toCents } from '../../src/shared/money.js';
import { pharmacyApiKey, readGroup, sendD0 } from '../support/d0.js';
import type { ApiClient } from '../support/http.js';
import { expectProblem } from '../support/http.js';
import {
  claimFor,
  importMembers,
  members,
  ndcsWhere,
  pharmacyWithKey,
  signIn,
  type MemberRow,
} from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Plan-year accumulators (docs/design.md#accumulators) on the demo commercial plan, given a
 * $100 deductible (generics exempt) and a $150 out-of-pocket maximum through a policy-only plan
 * bundle. The race test is meant for PostgreSQL (DATABASE_URL=postgres://…).
 */
let t: TestApp;
let pharmacy: ApiClient;
let pharmacyNpi: string;
let prescriberNpi: string;
let pharmacyKey: string;
/** One NDC per drug-form group: brand-tier drugs without PA, step therapy or limits (fills do not collide on 79). */
let brands: string[];
let generic: string;

const PLAN = 'CACOM1';
const cents = (m: string | undefined) => toCents(m ?? '0');
const total = (p: { ingredientCost: string; dispensingFee: string }) =>
  cents(p.ingredientCost) + cents(p.dispensingFee);

beforeAll(async () => {
  t = await createTestApp();
  pharmacyNpi = (
    await t.ctx.database.query<{ npi: string }>(
      "select npi from pharmacies where pharmacy_type = 'retail' order by npi limit 1",
    )
  )[0].npi;
  prescriberNpi = (await t.ctx.database.query<{ npi: string }>('select npi from prescribers order by npi limit 1'))[0]
    .npi;
  pharmacy = await pharmacyWithKey(t, pharmacyNpi);
  pharmacyKey = await pharmacyApiKey(t, pharmacyNpi);
  const plan = (await t.ctx.reference.get()).plans.get(PLAN)!;
  const admin = await signIn(t, 'admin');
  const r = await admin.post('imports/plan-bundle', {
    format: 'openpbm-plans/1',
    plans: [
      {
        id: plan.id,
        name: plan.name,
        lineOfBusiness: plan.lineOfBusiness,
        processorId: plan.processorId,
        ...(plan.groupId ? { groupId: plan.groupId } : {}),
        policy: {
          ...plan.policy,
          accumulators: { deductible: '100.00', deductibleExemptTiers: ['generic'], outOfPocketMax: '150.00' },
        },
      },
    ],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const free = (e: Parameters<Parameters<typeof ndcsWhere>[2]>[0]) =>
    !!e?.covered &&
    !e.priorAuthorization &&
    !e.stepTherapy &&
    !e.quantityLimit &&
    e.minAge === null &&
    e.maxAge === null &&
    !e.sex;
  const byGroup = new Map<string, string>();
  for (const x of await ndcsWhere(t, PLAN, (e) => free(e) && e!.tier === 'preferred-brand'))
    if (!byGroup.has(x.groupId)) byGroup.set(x.groupId, x.ndc);
  brands = [...byGroup.values()];
  // A generic of another drug-form group than every brand above (a fill of it must not be a 79 refill).
  generic = (await ndcsWhere(t, PLAN, (e) => free(e) && e!.tier === 'generic')).find(
    (x) => !byGroup.has(x.groupId),
  )!.ndc;
});
afterAll(() => t?.close());

async function fresh(prefix: string, count = 1): Promise<MemberRow[]> {
  return members(t, 'id = any($1)', [await importMembers(t, { planId: PLAN, prefix, count })]);
}

/** A brand fill whose cost is well above the copay: $80 submitted, no U&C cap below it. */
const brandClaim = (m: MemberRow, ndc: string, over: Record<string, unknown> = {}) =>
  claimFor(m, pharmacyNpi, prescriberNpi, {
    productId: ndc,
    groupId: PLAN,
    submittedIngredientCost: '80.00',
    usualAndCustomaryCharge: '500.00',
    // The patient asked for the brand (DAW 2): it pays at its own tier. CACOM1 answers DAW 0 on a
    // brand whose generic it covers (Synthroid) with 22 (docs/design.md#dispense-as-written).
    dawCode: '2',
    ...over,
  });

describe('deductible first, then the copay, nothing past the out-of-pocket maximum', () => {
  it('a plan year of fills: the deductible, an exempt generic, the cap, a reversal; the claim answer and GET /members/{id}/accumulators agree', async () => {
    const [m] = await fresh('ACCUM1');
    const bill = async (body: unknown) => {
      const r = await pharmacy.post('claims', body);
      expect(r.body.transactionStatus, JSON.stringify(r.body)).toBe('P');
      return r.body;
    };
    // 1. Nothing met: the member pays the whole cost up to the $100 deductible, copay on the rest.
    const first = await bill(brandClaim(m, brands[0]));
    const t1 = total(first.pricing);
    const ded1 = Math.min(t1, 10000);
    expect(cents(first.pricing.deductibleApplied)).toBe(ded1);
    expect(cents(first.pricing.copay)).toBe(Math.min(3500, t1 - ded1));
    expect(cents(first.pricing.patientPay)).toBe(ded1 + Math.min(3500, t1 - ded1));
    expect(cents(first.pricing.planPay)).toBe(t1 - cents(first.pricing.patientPay));
    expect(first.accumulators).toMatchObject({
      planId: PLAN,
      planYearStart: '2026-01-01',
      planYearEnd: '2026-12-31',
      deductible: '100.00',
      deductibleMet: fromCents(ded1),
      deductibleRemaining: fromCents(10000 - ded1),
      outOfPocketMax: '150.00',
      outOfPocketSpent: first.pricing.patientPay,
    });
    // 2. A generic is exempt from the deductible: its copay, and the deductible does not move.
    const gen = await bill(claimFor(m, pharmacyNpi, prescriberNpi, { productId: generic, groupId: PLAN }));
    expect(gen.pricing).toMatchObject({ deductibleApplied: '0.00', copay: '10.00', patientPay: '10.00' });
    expect(gen.accumulators.deductibleMet).toBe(fromCents(ded1));
    // 3. More brands until the out-of-pocket maximum: never more than what is left of it, then nothing.
    const paid = [first, gen];
    for (const ndc of brands.slice(1, 6)) paid.push(await bill(brandClaim(m, ndc)));
    const spent = paid.reduce((s, c) => s + cents(c.pricing.patientPay), 0);
    expect(spent).toBe(15000);
    const last = paid.at(-1)!;
    expect(last.accumulators).toMatchObject({ outOfPocketSpent: '150.00', outOfPocketRemaining: '0.00' });
    expect(last.pricing.patientPay).toBe('0.00');
    expect(cents(last.pricing.overOutOfPocketMax)).toBeGreaterThan(0);
    expect(cents(last.pricing.planPay)).toBe(total(last.pricing));
    // 4. The member sees the same standing.
    const member = await signIn(t, 'member', { memberId: m.id });
    const mine = await member.get(`members/${m.id}/accumulators`);
    expect(mine.status).toBe(200);
    expect(mine.body.items[0]).toEqual(last.accumulators);
    // 5. Reversing the first fill takes its deductible and spending back out.
    expect((await pharmacy.post(`claims/${first.claimId}/reversal`)).body.transactionStatus).toBe('A');
    const after = await member.get(`members/${m.id}/accumulators`);
    expect(after.body.items[0]).toMatchObject({
      deductibleMet: fromCents(paid.slice(1).reduce((sum, c) => sum + cents(c.pricing.deductibleApplied), 0)),
      outOfPocketSpent: fromCents(15000 - cents(first.pricing.patientPay)),
    });
  });

  it('the D.0 answer carries 517-FH (deductible), 518-FI (copay) and the accumulated / remaining deductible', async () => {
    const [m] = await fresh('ACCUMD');
    const r = await sendD0(t, pharmacyKey, writeBillingRequest([brandClaim(m, brands[0]) as unknown as ClaimRequest]));
    const g = readGroup(r.d0!);
    expect(g.status).toBe('P');
    const pricing = findSegment(g.segments, 'AM23');
    const amount = (id: string) => {
      const v = fieldValue(pricing, id);
      return v === undefined ? null : decodeOverpunch(v);
    };
    const t1 = amount('F6')! + amount('F7')!;
    const ded = Math.min(t1, 10000);
    expect(amount('FH')).toBe(ded);
    expect(amount('FC')).toBe(ded);
    expect(amount('FD')).toBe(10000 - ded);
    expect(amount('F5')).toBe(ded + (amount('FI') ?? 0));
    expect(amount('4U')).toBeNull();
  });

  it('20 fills of different drugs for one member at once: the deductible and the cap are applied exactly once', async () => {
    const [m] = await fresh('ACCUMR');
    const answers = await Promise.all(brands.slice(0, 20).map((ndc) => pharmacy.post('claims', brandClaim(m, ndc))));
    const paid = answers.map((a) => a.body).filter((b) => b.transactionStatus === 'P');
    expect(paid).toHaveLength(Math.min(20, brands.length));
    const deductible = paid.reduce((s, c) => s + cents(c.pricing.deductibleApplied), 0);
    const spent = paid.reduce((s, c) => s + cents(c.pricing.patientPay), 0);
    expect(deductible).toBe(10000);
    expect(spent).toBe(15000);
    const stored = await t.ctx.database.query<{ deductible_met: string; out_of_pocket_spent: string }>(
      'select deductible_met::text, out_of_pocket_spent::text from member_accumulators where member_id = $1',
      [m.id],
    );
    expect(stored).toEqual([{ deductible_met: '100.00', out_of_pocket_spent: '150.00' }]);
  });
});

describe('who may read a member’s accumulators', () => {
  it('another member and an unrelated pharmacy get 404 (the member record’s rule), member services 200 with an audit row; a bad date is 400', async () => {
    const [a, b] = await fresh('ACCUMX', 2);
    const memberA = await signIn(t, 'member', { memberId: a.id });
    expectProblem(await memberA.get(`members/${b.id}/accumulators`), 404, 'NOT_FOUND');
    expectProblem(await pharmacy.get(`members/${a.id}/accumulators`), 404, 'NOT_FOUND');
    const staff = await signIn(t, 'member-services');
    const r = await staff.get(`members/${a.id}/accumulators?date=2026-06-30`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ memberId: a.id, asOf: '2026-06-30' });
    expect(r.body.items[0]).toMatchObject({ planId: PLAN, deductibleMet: '0.00', deductibleRemaining: '100.00' });
    const audit = await t.ctx.database.query<{ n: number }>(
      "select count(*)::int as n from audit_events where entity_type = 'member-accumulators' and entity_id = $1",
      [a.id],
    );
    expect(audit[0].n).toBe(1);
    expectProblem(await staff.get(`members/${a.id}/accumulators?date=2026-02-30`), 400, 'VALIDATION_FAILED');
    expectProblem(await staff.get('members/NOPE000/accumulators'), 404, 'NOT_FOUND');
  });
});
