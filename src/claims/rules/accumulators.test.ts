import { describe, expect, it } from 'vitest';
import { memberShare, planYearOf, standing, totalsFor } from './accumulators.js';

const copay10 = { copay: '10.00' };
const coins25 = { coinsurance: '0.25' };
const commercial = { deductible: '250.00', outOfPocketMax: '1000.00', deductibleExemptTiers: ['generic'] };
const partD = { deductible: '615.00', outOfPocketMax: '2100.00' };

describe('the member share under plan-year accumulators (docs/design.md#accumulators)', () => {
  // Each row: the claim total, the tier's cost share, the totals before → what the member pays and why.
  it.each([
    {
      name: 'no accumulators on the plan: the copay',
      total: 4000,
      share: copay10,
      tier: 'preferred-brand',
      policy: undefined,
      before: [0, 0],
      expected: { patientPayCents: 1000, deductibleCents: 0, copayCents: 1000, overOutOfPocketMaxCents: 0 },
    },
    {
      name: 'deductible not met: the member pays the whole cost up to what is left of it, no copay on top',
      total: 4000,
      share: copay10,
      tier: 'preferred-brand',
      policy: commercial,
      before: [0, 0],
      expected: { patientPayCents: 4000, deductibleCents: 4000, copayCents: 0 },
    },
    {
      name: 'deductible met inside this claim: the rest of it, then the copay on what is left',
      total: 4000,
      share: copay10,
      tier: 'preferred-brand',
      policy: commercial,
      before: [23000, 23000],
      expected: { patientPayCents: 3000, deductibleCents: 2000, copayCents: 1000 },
    },
    {
      name: 'deductible met inside this claim, coinsurance on the rest',
      total: 10000,
      share: coins25,
      tier: 'specialty',
      policy: commercial,
      before: [24000, 24000],
      expected: { patientPayCents: 1000 + 2250, deductibleCents: 1000, coinsuranceCents: 2250 },
    },
    {
      name: 'deductible met before: only the copay',
      total: 4000,
      share: copay10,
      tier: 'preferred-brand',
      policy: commercial,
      before: [25000, 30000],
      expected: { patientPayCents: 1000, deductibleCents: 0, copayCents: 1000 },
    },
    {
      name: 'a tier exempt from the deductible takes its copay from the first fill',
      total: 4000,
      share: copay10,
      tier: 'generic',
      policy: commercial,
      before: [0, 0],
      expected: { patientPayCents: 1000, deductibleCents: 0, copayCents: 1000 },
    },
    {
      name: 'the out-of-pocket maximum is reached inside this claim: only what is left of it',
      total: 10000,
      share: coins25,
      tier: 'specialty',
      policy: commercial,
      before: [25000, 99000],
      expected: { patientPayCents: 1000, coinsuranceCents: 1000, overOutOfPocketMaxCents: 1500 },
    },
    {
      name: 'after the out-of-pocket maximum the member pays nothing',
      total: 10000,
      share: copay10,
      tier: 'preferred-brand',
      policy: commercial,
      before: [25000, 100000],
      expected: { patientPayCents: 0, copayCents: 0, overOutOfPocketMaxCents: 1000 },
    },
    {
      name: 'Part D: the annual cap stops the deductible too',
      total: 90000,
      share: coins25,
      tier: 'specialty',
      policy: partD,
      before: [0, 200000],
      expected: { patientPayCents: 10000, deductibleCents: 10000, coinsuranceCents: 0, overOutOfPocketMaxCents: 58625 },
    },
    {
      name: 'a copay above the cost is the cost',
      total: 500,
      share: copay10,
      tier: 'preferred-brand',
      policy: { outOfPocketMax: '1000.00' },
      before: [0, 0],
      expected: { patientPayCents: 500, copayCents: 500 },
    },
  ])('$name', ({ total, share, tier, policy, before, expected }) => {
    const out = memberShare({
      totalCents: total,
      share,
      tier,
      policy,
      before: { deductibleMetCents: before[0], outOfPocketCents: before[1] },
    });
    expect(out).toMatchObject(expected);
    expect(out.deductibleCents + out.copayCents + out.coinsuranceCents).toBe(out.patientPayCents);
    expect(out.patientPayCents).toBeLessThanOrEqual(total);
  });

  it.each([
    { month: undefined, dos: '2026-11-20', start: '2026-01-01', end: '2026-12-31' },
    { month: 1, dos: '2026-01-01', start: '2026-01-01', end: '2026-12-31' },
    { month: 7, dos: '2026-06-30', start: '2025-07-01', end: '2026-06-30' },
    { month: 7, dos: '2026-07-01', start: '2026-07-01', end: '2027-06-30' },
    { month: 3, dos: '2028-02-29', start: '2027-03-01', end: '2028-02-29' },
  ])('plan year starting in month $month: $dos falls in $start … $end', ({ month, dos, start, end }) => {
    expect(planYearOf(month === undefined ? undefined : { planYearStartMonth: month }, dos)).toEqual({ start, end });
  });

  it('standing shows what is met, spent and left; totals default to zero', () => {
    const totals = totalsFor(
      [{ planId: 'P', planYearStart: '2026-01-01', deductibleMet: '100.00', outOfPocketSpent: '140.00' }],
      'P',
      '2026-01-01',
    );
    expect(standing(commercial, 'P', { start: '2026-01-01', end: '2026-12-31' }, totals)).toEqual({
      planId: 'P',
      planYearStart: '2026-01-01',
      planYearEnd: '2026-12-31',
      deductible: '250.00',
      deductibleMet: '100.00',
      deductibleRemaining: '150.00',
      outOfPocketMax: '1000.00',
      outOfPocketSpent: '140.00',
      outOfPocketRemaining: '860.00',
    });
    expect(totalsFor([], 'P', '2026-01-01')).toEqual({ deductibleMetCents: 0, outOfPocketCents: 0 });
    expect(standing(undefined, 'P', { start: '2026-01-01', end: '2026-12-31' }, totals)).toMatchObject({
      deductible: null,
      deductibleRemaining: null,
      outOfPocketMax: null,
      outOfPocketRemaining: null,
      outOfPocketSpent: '140.00',
    });
  });
});
