import { describe, expect, it } from 'vitest';
import type { ClaimRequest } from '../claim-types.js';
import type { FormularyRow } from '../../formulary/index.js';
import { adjudicateClaim } from './adjudicate-claim.js';
import type { MemberFacts } from './eligibility.js';
import { defaultExceptionTier, exceptionProblem, exceptionTierChoices } from './exception-effect.js';
import { buildFixtureSnapshot, fixtureClaim, fixtureMember, NDC } from './reference-fixture.test-support.js';
import type { ActiveAuthorization } from './utilization.js';

// The fixture formulary (IHSS01): lisinopril generic tier, Zestril not covered (its generic is),
// losartan generic, Ozempic preferred-brand with PA and 3 per 28 days, Rybelsus preferred-brand
// with step therapy (metformin). Age and sex limits are added to losartan below.
const snapshot = buildFixtureSnapshot();
const limited = buildFixtureSnapshot();
const losartan = limited.formularies.get('IHSS01')!.byGroup.get('372651')! as FormularyRow;
Object.assign(losartan, { minAge: 70, sex: 'M' });

const member: MemberFacts = fixtureMember;
const claim = (productId: string, over: Partial<ClaimRequest> = {}): ClaimRequest =>
  // A total well above every copay, so the tier shows in what the member pays.
  fixtureClaim({ productId, submittedIngredientCost: '100.00', usualAndCustomaryCharge: '200.00', ...over });
const auth = (kind: string, groupId: string, over: Partial<ActiveAuthorization> = {}): ActiveAuthorization => ({
  number: `AUT-${kind}`,
  groupId,
  scope: 'drug-form-group',
  brandName: null,
  effectiveFrom: '2026-11-01',
  effectiveTo: '2026-12-31',
  maxUnits: null,
  perDays: null,
  kind,
  tier: null,
  ...over,
});
const LISINOPRIL = '372614';
const LOSARTAN = '372651';
const SEMAGLUTIDE_PEN = '1991305';
const SEMAGLUTIDE_ORAL = '2200643';

type Row = {
  name: string;
  productId: string;
  over?: Partial<ClaimRequest>;
  auths: ActiveAuthorization[];
  ref?: typeof snapshot;
  status: 'P' | 'R';
  codes?: string[];
  patientPay?: string;
  exception?: string;
  authorizationNumber?: string | null;
};

const rows: Row[] = [
  {
    name: 'a non-formulary brand without an exception: 70, brand medically necessary',
    productId: NDC.zestril,
    auths: [],
    status: 'R',
    codes: ['70'],
    exception: 'brand-medically-necessary',
  },
  {
    name: 'a formulary exception covers it at the tier the decision named',
    productId: NDC.zestril,
    auths: [auth('formulary', LISINOPRIL, { tier: 'preferred-brand' })],
    status: 'P',
    patientPay: '30.00',
    authorizationNumber: 'AUT-formulary',
  },
  {
    name: 'a formulary exception without a named tier pays at the highest non-specialty tier',
    productId: NDC.zestril,
    auths: [auth('formulary', LISINOPRIL)],
    status: 'P',
    patientPay: '60.00',
  },
  {
    name: 'brand medically necessary: the brand at its generic’s cost sharing',
    productId: NDC.zestril,
    auths: [auth('brand-medically-necessary', LISINOPRIL, { scope: 'brand-only', brandName: 'Zestril' })],
    status: 'P',
    patientPay: '5.00',
  },
  {
    name: 'a brand-only exception for another brand does nothing',
    productId: NDC.zestril,
    auths: [auth('brand-medically-necessary', LISINOPRIL, { scope: 'brand-only', brandName: 'Prinivil' })],
    status: 'R',
    codes: ['70'],
  },
  {
    name: 'a tiering exception: the lower tier’s cost sharing',
    productId: NDC.rybelsus,
    auths: [auth('tiering', SEMAGLUTIDE_ORAL, { tier: 'generic' }), auth('step-therapy', SEMAGLUTIDE_ORAL)],
    status: 'P',
    patientPay: '5.00',
  },
  {
    name: 'step therapy unmet: 75 + 608, step-therapy exception',
    productId: NDC.rybelsus,
    auths: [],
    status: 'R',
    codes: ['75', '608'],
    exception: 'step-therapy',
  },
  {
    name: 'a step-therapy exception lifts the step edit only (tier unchanged)',
    productId: NDC.rybelsus,
    auths: [auth('step-therapy', SEMAGLUTIDE_ORAL)],
    status: 'P',
    patientPay: '30.00',
  },
  {
    name: 'over the quantity limit under PA: 76, quantity-limit exception',
    productId: NDC.ozempicLow,
    over: { quantityDispensed: 6, daysSupply: 28 },
    auths: [auth('prior-authorization', SEMAGLUTIDE_PEN)],
    status: 'R',
    codes: ['76'],
    exception: 'quantity-limit',
  },
  {
    name: 'a quantity-limit exception raises the limit to the approved amount',
    productId: NDC.ozempicLow,
    over: { quantityDispensed: 6, daysSupply: 28 },
    auths: [
      auth('prior-authorization', SEMAGLUTIDE_PEN),
      auth('quantity-limit', SEMAGLUTIDE_PEN, { maxUnits: 6, perDays: 28 }),
    ],
    status: 'P',
    authorizationNumber: 'AUT-prior-authorization',
  },
  {
    name: 'above the approved amount still rejects 76',
    productId: NDC.ozempicLow,
    over: { quantityDispensed: 7, daysSupply: 28 },
    auths: [
      auth('prior-authorization', SEMAGLUTIDE_PEN),
      auth('quantity-limit', SEMAGLUTIDE_PEN, { maxUnits: 6, perDays: 28 }),
    ],
    status: 'R',
    codes: ['76'],
  },
  {
    name: 'a quantity-limit exception is not prior authorization',
    productId: NDC.ozempicLow,
    over: { quantityDispensed: 6, daysSupply: 28 },
    auths: [auth('quantity-limit', SEMAGLUTIDE_PEN, { maxUnits: 6, perDays: 28 })],
    status: 'R',
    codes: ['75'],
  },
  {
    name: 'under the age limit: 60, age-limit exception',
    productId: NDC.losartan,
    ref: limited,
    auths: [],
    status: 'R',
    codes: ['60'],
    exception: 'age-limit',
  },
  {
    name: 'an age-limit exception lifts the age limit, not the sex limit: 61, sex-limit exception',
    productId: NDC.losartan,
    ref: limited,
    auths: [auth('age-limit', LOSARTAN)],
    status: 'R',
    codes: ['61'],
    exception: 'sex-limit',
  },
  {
    name: 'age- and sex-limit exceptions together: paid at the entry’s tier',
    productId: NDC.losartan,
    ref: limited,
    auths: [auth('age-limit', LOSARTAN), auth('sex-limit', LOSARTAN)],
    status: 'P',
    patientPay: '5.00',
  },
  {
    name: 'an exception that has ended does nothing',
    productId: NDC.losartan,
    ref: limited,
    auths: [auth('age-limit', LOSARTAN, { effectiveTo: '2026-11-19' }), auth('sex-limit', LOSARTAN)],
    status: 'R',
    codes: ['60'],
  },
  {
    name: 'a prior authorization (before exception kinds) still lifts age and sex limits',
    productId: NDC.losartan,
    ref: limited,
    auths: [auth('prior-authorization', LOSARTAN)],
    status: 'P',
  },
];

describe('what an approved exception does to a claim (docs/design.md#exceptions)', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, r) => {
    const result = adjudicateClaim({
      request: claim(r.productId, r.over),
      member,
      pharmacyType: 'retail',
      reference: r.ref ?? snapshot,
      history: [],
      authorizations: r.auths,
    });
    expect(result.transactionStatus).toBe(r.status);
    if (r.codes) expect(result.rejects.map((x) => x.code)).toEqual(r.codes);
    if (r.patientPay) expect(result.pricing?.patientPay).toBe(r.patientPay);
    if (r.exception) expect(result.nextSteps?.exception).toEqual({ kind: r.exception, criteriaId: expect.any(String) });
    if (r.authorizationNumber !== undefined) expect(result.authorizationNumber).toBe(r.authorizationNumber);
  });
});

describe('which exceptions a drug can have', () => {
  const ihss = snapshot.formularies.get('IHSS01')!;
  const concept = (rxcui: string) => snapshot.concepts.get(rxcui)!;
  const zestril = concept('104377');
  const rybelsus = concept('2200654');
  const base = {
    lineOfBusiness: 'medicare-d',
    tiers: ['generic', 'preferred-brand', 'non-preferred-brand', 'specialty'],
    member: { age: 65, sex: 'F' },
  };
  const cases: Array<[string, Parameters<typeof exceptionProblem>[0], RegExp | null]> = [
    [
      'formulary for a non-formulary drug',
      {
        ...base,
        kind: 'formulary',
        drug: zestril,
        entry: ihss.byRxcui.get('104377'),
        groupEntry: ihss.byGroup.get(LISINOPRIL),
      },
      null,
    ],
    [
      'formulary for a covered drug',
      {
        ...base,
        kind: 'formulary',
        drug: rybelsus,
        entry: ihss.byGroup.get(SEMAGLUTIDE_ORAL),
        groupEntry: ihss.byGroup.get(SEMAGLUTIDE_ORAL),
      },
      /is on the formulary/,
    ],
    [
      'brand for a brand whose generic is covered',
      {
        ...base,
        kind: 'brand-medically-necessary',
        drug: zestril,
        entry: ihss.byRxcui.get('104377'),
        groupEntry: ihss.byGroup.get(LISINOPRIL),
      },
      null,
    ],
    [
      'tiering on Part D for a preferred-brand drug',
      { ...base, kind: 'tiering', drug: rybelsus, entry: ihss.byGroup.get(SEMAGLUTIDE_ORAL), groupEntry: undefined },
      null,
    ],
    [
      'tiering outside Part D',
      {
        ...base,
        lineOfBusiness: 'commercial',
        kind: 'tiering',
        drug: rybelsus,
        entry: ihss.byGroup.get(SEMAGLUTIDE_ORAL),
        groupEntry: undefined,
      },
      /Medicare Part D/,
    ],
    [
      'quantity limit for a drug without one',
      {
        ...base,
        kind: 'quantity-limit',
        drug: rybelsus,
        entry: ihss.byGroup.get(SEMAGLUTIDE_ORAL),
        groupEntry: undefined,
      },
      /no quantity limit/,
    ],
    [
      'step therapy for a step drug',
      {
        ...base,
        kind: 'step-therapy',
        drug: rybelsus,
        entry: ihss.byGroup.get(SEMAGLUTIDE_ORAL),
        groupEntry: undefined,
      },
      null,
    ],
    [
      'age limit for a drug without one',
      { ...base, kind: 'age-limit', drug: rybelsus, entry: ihss.byGroup.get(SEMAGLUTIDE_ORAL), groupEntry: undefined },
      /no age limit/,
    ],
    [
      'sex limit for a drug without one',
      { ...base, kind: 'sex-limit', drug: rybelsus, entry: ihss.byGroup.get(SEMAGLUTIDE_ORAL), groupEntry: undefined },
      /no sex limit/,
    ],
  ];
  it.each(cases)('%s', (_n, input, problem) => {
    const answer = exceptionProblem(input);
    if (problem) expect(answer).toMatch(problem);
    else expect(answer).toBeNull();
  });

  it('names the tiers a decision may choose, and the default', () => {
    const tiers = base.tiers;
    const preferred = ihss.byGroup.get(SEMAGLUTIDE_ORAL);
    expect(exceptionTierChoices('tiering', tiers, preferred)).toEqual(['generic']);
    expect(defaultExceptionTier('tiering', tiers, preferred)).toBe('generic');
    expect(exceptionTierChoices('formulary', tiers, undefined)).toEqual(tiers);
    expect(defaultExceptionTier('formulary', tiers, undefined)).toBe('non-preferred-brand');
    expect(exceptionTierChoices('age-limit', tiers, preferred)).toEqual([]);
  });
});

describe('tier order', () => {
  it('orders tiers by cost sharing, whatever order the policy object keeps (JSONB sorts keys)', async () => {
    const { orderedTiers } = await import('./exception-effect.js');
    expect(orderedTiers(['generic', 'specialty', 'preferred-brand', 'non-preferred-brand'])).toEqual([
      'generic',
      'preferred-brand',
      'non-preferred-brand',
      'specialty',
    ]);
    expect(orderedTiers(['specialty', 'tier-x', 'generic'])).toEqual(['generic', 'tier-x', 'specialty']);
  });
});
