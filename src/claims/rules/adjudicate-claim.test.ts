import { describe, expect, it } from 'vitest';
import type { ClaimRequest } from '../claim-types.js';
import { adjudicateClaim, type AdjudicationInput } from './adjudicate-claim.js';
import type { MemberFacts } from './eligibility.js';
import { buildFixtureSnapshot, fixtureClaim, fixtureMember, NDC } from './reference-fixture.test-support.js';
import type { ActiveAuthorization, HistoryFill } from './utilization.js';

const snapshot = buildFixtureSnapshot();
const ihssMember: MemberFacts = fixtureMember;
const mediCalMember: MemberFacts = { ...ihssMember, id: 'M2', planId: 'MCAL-MC' };

const claim = fixtureClaim;

const fill = (over: Partial<HistoryFill>): HistoryFill => ({
  claimId: 'c',
  dateOfService: '2026-10-01',
  daysSupply: 30,
  quantity: 30,
  rxcui: '861004',
  groupId: '372803',
  ingredient: 'metformin',
  drugClass: 'biguanide',
  ...over,
});

const auth = (over: Partial<ActiveAuthorization> = {}): ActiveAuthorization => ({
  number: 'PA123',
  groupId: '1991305',
  scope: 'drug-form-group',
  brandName: null,
  effectiveFrom: '2026-11-01',
  effectiveTo: '2027-10-31',
  maxUnits: null,
  perDays: null,
  ...over,
});

function run(over: Partial<AdjudicationInput> & { request?: ClaimRequest }) {
  return adjudicateClaim({
    request: claim(),
    member: ihssMember,
    pharmacyType: 'retail',
    reference: snapshot,
    history: [],
    authorizations: [],
    ...over,
  });
}

describe('adjudicateClaim — what a pharmacist would list', () => {
  const cases: Array<{
    name: string;
    input: Parameters<typeof run>[0];
    status: 'P' | 'R';
    codes?: string[];
    patientPay?: string;
    check?: (r: ReturnType<typeof run>) => void;
  }> = [
    { name: 'covered generic pays with the generic copay', input: {}, status: 'P', patientPay: '5.00' },
    { name: 'unknown cardholder → 52', input: { member: null }, status: 'R', codes: ['52'] },
    {
      name: 'date of birth mismatch → 09',
      input: { request: claim({ patient: { dateOfBirth: '1961-04-03' } }) },
      status: 'R',
      codes: ['09'],
    },
    {
      name: 'terminated coverage → 65',
      input: { member: { ...ihssMember, terminationDate: '2026-06-30' } },
      status: 'R',
      codes: ['65'],
    },
    {
      name: 'not yet effective → 65',
      input: { member: { ...ihssMember, effectiveDate: '2026-12-01' } },
      status: 'R',
      codes: ['65'],
    },
    {
      name: 'carved-out Medi-Cal member at the plan BIN → 41 naming Medi-Cal Rx',
      input: { member: mediCalMember, request: claim({ cardholderId: 'M2', groupId: 'MCALMC' }) },
      status: 'R',
      codes: ['41'],
      check: (r) =>
        expect(r.nextSteps?.otherProcessor).toEqual({
          name: 'Medi-Cal Rx',
          bin: '022659',
          pcn: '6334225',
          groupId: 'MediCalRx',
          phone: '1-800-977-2273',
        }),
    },
    {
      name: 'same claim at Medi-Cal Rx pays with $0 copay',
      input: {
        member: mediCalMember,
        request: claim({ bin: '022659', pcn: '6334225', groupId: 'MediCalRx', cardholderId: 'M2' }),
      },
      status: 'P',
      patientPay: '0.00',
      check: (r) => expect(r.planId).toBe('MCRX-FFS'),
    },
    { name: 'wrong group → 06', input: { request: claim({ groupId: 'OTHER' }) }, status: 'R', codes: ['06'] },
    {
      name: 'NDC not in catalog → 54',
      input: { request: claim({ productId: '00000000000' }) },
      status: 'R',
      codes: ['54'],
    },
    {
      name: 'brand excluded while its generic is covered → 70 with the generic as alternative',
      input: { request: claim({ productId: NDC.zestril }) },
      status: 'R',
      codes: ['70'],
      check: (r) => {
        expect(r.nextSteps?.alternatives?.[0]).toMatchObject({
          rxcui: '314076',
          tier: 'generic',
          priorAuthorizationRequired: false,
          estimatedPatientPay: '5.00',
        });
        expect(r.message).toMatch(/not on .* covered drugs/);
      },
    },
    {
      name: 'PA drug without authorization → 75 with PA next steps',
      input: { request: claim({ productId: NDC.ozempicLow, quantityDispensed: 3, daysSupply: 28 }) },
      status: 'R',
      codes: ['75'],
      check: (r) =>
        expect(r.nextSteps?.priorAuthorization).toMatchObject({
          required: true,
          processorName: 'Bay Area Rx PBM',
          howToRequest: ['epa', 'portal', 'fax'],
          fax: '1-555-010-0199',
          criteriaId: 'glp1-t2dm',
        }),
    },
    {
      name: 'authorization for the drug-form group pays another strength, with its number',
      input: {
        request: claim({
          productId: NDC.ozempicHigh,
          quantityDispensed: 3,
          daysSupply: 28,
          submittedIngredientCost: '910.00',
          usualAndCustomaryCharge: '980.00',
        }),
        authorizations: [auth()],
      },
      status: 'P',
      patientPay: '30.00',
      check: (r) => expect(r.authorizationNumber).toBe('PA123'),
    },
    {
      name: 'authorization outside its period does not count',
      input: {
        request: claim({ productId: NDC.ozempicLow, quantityDispensed: 3, daysSupply: 28 }),
        authorizations: [auth({ effectiveTo: '2026-11-19' })],
      },
      status: 'R',
      codes: ['75'],
    },
    {
      name: 'authorization for another dose form does not count',
      input: {
        request: claim({ productId: NDC.ozempicLow, quantityDispensed: 3, daysSupply: 28 }),
        authorizations: [auth({ groupId: '2200643' })],
      },
      status: 'R',
      codes: ['75'],
    },
    {
      name: 'quantity over the formulary limit (3 per 28 days) → 76',
      input: {
        request: claim({ productId: NDC.ozempicLow, quantityDispensed: 4, daysSupply: 28 }),
        authorizations: [auth()],
      },
      status: 'R',
      codes: ['76'],
      // Over the limit on its own: nothing in the window yet, and no later date makes 4 pay.
      check: (r) =>
        expect(r.nextSteps?.quantityLimit).toEqual({
          units: 3,
          days: 28,
          maxForDaysSupply: 3,
          windowStart: '2026-10-24',
          windowEnd: '2026-11-20',
          paidInWindow: 0,
          remaining: 3,
        }),
    },
    {
      name: 'authorization quantity replaces the formulary limit',
      input: {
        request: claim({ productId: NDC.ozempicLow, quantityDispensed: 2, daysSupply: 28 }),
        authorizations: [auth({ maxUnits: 1, perDays: 28 })],
      },
      status: 'R',
      codes: ['76'],
    },
    {
      name: 'step therapy met from claim history pays',
      input: {
        request: claim({
          productId: NDC.rybelsus,
          submittedIngredientCost: '900.00',
          usualAndCustomaryCharge: '950.00',
        }),
        history: [fill({})],
      },
      status: 'P',
      patientPay: '30.00',
    },
    {
      name: 'step therapy not met → 75 + 608',
      input: { request: claim({ productId: NDC.rybelsus }) },
      status: 'R',
      codes: ['75', '608'],
    },
    {
      name: 'step therapy prerequisite older than the look-back → 75',
      input: { request: claim({ productId: NDC.rybelsus }), history: [fill({ dateOfService: '2025-11-01' })] },
      status: 'R',
      codes: ['75', '608'],
    },
    {
      name: 'refill at 50 % of the last supply → 79 with the first allowed date and the fill it follows',
      input: {
        history: [
          fill({
            dateOfService: '2026-11-05',
            groupId: '372614',
            ingredient: 'lisinopril',
            drugClass: 'ACE inhibitor',
          }),
        ],
      },
      status: 'R',
      codes: ['79'],
      check: (r) => {
        expect(r.nextSteps?.refillAllowedOn).toBe('2026-11-28');
        expect(r.nextSteps?.previousFill).toEqual({ dateOfService: '2026-11-05', daysSupply: 30, quantity: 30 });
      },
    },
    {
      name: 'refill at 77 % of the last supply pays',
      input: { history: [fill({ dateOfService: '2026-10-28', groupId: '372614' })] },
      status: 'P',
    },
    {
      name: 'Medi-Cal emergency supply of 3 days pays without PA',
      input: {
        member: mediCalMember,
        request: claim({
          bin: '022659',
          pcn: '6334225',
          groupId: 'MediCalRx',
          cardholderId: 'M2',
          productId: NDC.ozempicLow,
          quantityDispensed: 1,
          daysSupply: 3,
          emergencySupply: true,
        }),
      },
      status: 'P',
      check: (r) => expect(r.emergencySupply).toBe(true),
    },
    {
      name: 'Medi-Cal emergency supply over 72 hours → 75',
      input: {
        member: mediCalMember,
        request: claim({
          bin: '022659',
          pcn: '6334225',
          groupId: 'MediCalRx',
          cardholderId: 'M2',
          productId: NDC.ozempicLow,
          quantityDispensed: 1,
          daysSupply: 7,
          emergencySupply: true,
        }),
      },
      status: 'R',
      codes: ['75'],
      check: (r) => expect(r.message).toMatch(/limited to 3 days/),
    },
    {
      name: 'emergency flag on a plan without emergency supply → 75',
      input: {
        request: claim({ productId: NDC.ozempicLow, quantityDispensed: 1, daysSupply: 3, emergencySupply: true }),
      },
      status: 'R',
      codes: ['75'],
    },
  ];

  it.each(cases)('$name', ({ input, status, codes, patientPay, check }) => {
    const r = run(input);
    expect(r.transactionStatus).toBe(status);
    if (codes) expect(r.rejects.map((x) => x.code)).toEqual(codes);
    if (status === 'R') expect(r.message.length).toBeGreaterThan(20);
    if (patientPay) expect(r.pricing?.patientPay).toBe(patientPay);
    check?.(r);
  });
});

describe('pricing', () => {
  it('uses the catalog unit price where known, plus the dispensing fee', () => {
    const r = run({
      request: claim({
        productId: NDC.metformin,
        quantityDispensed: 60,
        submittedIngredientCost: '50.00',
        usualAndCustomaryCharge: '40.00',
      }),
    });
    // 60 × $0.02366 = $1.42 (rounded), + $1.75 fee = $3.17 total; the $5 copay is capped at the total.
    expect(r.pricing).toEqual({
      ingredientCost: '1.42',
      dispensingFee: '1.75',
      patientPay: '3.17',
      planPay: '0.00',
      basis: 'catalog-unit-price',
      deductibleApplied: '0.00',
      copay: '3.17',
      coinsurance: '0.00',
    });
  });
  it('falls back to the submitted ingredient cost, and U&C caps the total', () => {
    const r = run({ request: claim({ submittedIngredientCost: '12.00', usualAndCustomaryCharge: '9.00' }) });
    expect(r.pricing).toEqual({
      ingredientCost: '9.00',
      dispensingFee: '0.00',
      patientPay: '5.00',
      planPay: '4.00',
      basis: 'usual-and-customary',
      deductibleApplied: '0.00',
      copay: '5.00',
      coinsurance: '0.00',
    });
  });
  it('pays submitted cost + fee when U&C is higher', () => {
    const r = run({ request: claim({ submittedIngredientCost: '12.00', usualAndCustomaryCharge: '20.00' }) });
    expect(r.pricing).toEqual({
      ingredientCost: '12.00',
      dispensingFee: '1.75',
      patientPay: '5.00',
      planPay: '8.75',
      basis: 'submitted-ingredient-cost',
      deductibleApplied: '0.00',
      copay: '5.00',
      coinsurance: '0.00',
    });
  });
  it('takes what is left of the deductible first, then the copay, and reports the plan-year standing after the claim', () => {
    const plan = snapshot.plans.get('IHSS01')!;
    const accumulators = { deductible: '10.00', outOfPocketMax: '100.00' };
    const reference = {
      ...snapshot,
      plans: new Map(snapshot.plans).set('IHSS01', { ...plan, policy: { ...plan.policy, accumulators } }),
    };
    const r = run({
      reference,
      accumulators: [
        { planId: 'IHSS01', planYearStart: '2026-01-01', deductibleMet: '4.00', outOfPocketSpent: '4.00' },
      ],
      request: claim({ submittedIngredientCost: '12.00', usualAndCustomaryCharge: '20.00' }),
    });
    // Total $13.75: the $6 left of the deductible, then the $5 copay on the remaining $7.75.
    expect(r.pricing).toMatchObject({ deductibleApplied: '6.00', copay: '5.00', patientPay: '11.00', planPay: '2.75' });
    expect(r.accumulation).toMatchObject({
      planYearStart: '2026-01-01',
      deductibleCents: 600,
      outOfPocketCents: 1100,
      after: {
        deductibleMet: '10.00',
        deductibleRemaining: '0.00',
        outOfPocketSpent: '15.00',
        outOfPocketRemaining: '85.00',
      },
    });
  });
});
