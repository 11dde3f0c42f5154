import { describe, expect, it } from 'vitest';
import type { MultiSourceBrandPolicy } from '../../plans/plan-policy.js';
import type { ReferenceSnapshot } from '../../reference/reference-cache.js';
import type { ClaimRequest } from '../claim-types.js';
import { adjudicateClaim } from './adjudicate-claim.js';
import { dispenseAsWritten } from './dispense-as-written.js';
import type { MemberFacts } from './eligibility.js';
import { buildFixtureSnapshot, fixtureClaim, fixtureMember, NDC } from './reference-fixture.test-support.js';
import type { ActiveAuthorization } from './utilization.js';

// The brand/generic DAW edit (docs/design.md#dispense-as-written), through the pure claim rules:
// Crestor 10 mg (non-preferred-brand, $60) whose generic rosuvastatin 10 mg is covered ($5).
const base = buildFixtureSnapshot();
const member: MemberFacts = fixtureMember;

/** The fixture with IHSS01's brand rule set (absent: no edit). */
function planWith(rule: MultiSourceBrandPolicy | undefined): ReferenceSnapshot {
  const plan = base.plans.get('IHSS01')!;
  const plans = new Map(base.plans).set('IHSS01', { ...plan, policy: { ...plan.policy, multiSourceBrand: rule } });
  return { ...base, plans };
}

const claim = (productId: string, dawCode: string | undefined): ClaimRequest =>
  // Well above every copay, so the tier shows in what the member pays.
  fixtureClaim({
    productId,
    submittedIngredientCost: '400.00',
    usualAndCustomaryCharge: '450.00',
    ...(dawCode === undefined ? {} : { dawCode }),
  });

const brandException: ActiveAuthorization = {
  number: 'PA777',
  groupId: '402354',
  scope: 'brand-only',
  brandName: 'Crestor',
  effectiveFrom: '2026-11-01',
  effectiveTo: '2027-10-31',
  maxUnits: null,
  perDays: null,
  kind: 'brand-medically-necessary',
};

const STRICT: MultiSourceBrandPolicy = { substitutionAllowed: 'reject', prescriberRequiresBrand: 'reject' };
const GENERIC_SHARE: MultiSourceBrandPolicy = {
  substitutionAllowed: 'reject',
  prescriberRequiresBrand: 'generic-cost-share',
};
const BRAND_SHARE: MultiSourceBrandPolicy = {
  substitutionAllowed: 'reject',
  prescriberRequiresBrand: 'brand-cost-share',
};
const LENIENT: MultiSourceBrandPolicy = {
  substitutionAllowed: 'brand-cost-share',
  prescriberRequiresBrand: 'brand-cost-share',
};

describe('brand/generic (DAW) edit — what the pharmacy gets back', () => {
  const cases: Array<{
    name: string;
    rule: MultiSourceBrandPolicy | undefined;
    productId?: string;
    daw: string | undefined;
    auths?: ActiveAuthorization[];
    status: 'P' | 'R';
    codes?: string[];
    patientPay?: string;
    exception?: boolean;
    authorization?: string | null;
    message?: RegExp;
  }> = [
    {
      name: 'no plan rule: the brand pays at its own tier',
      rule: undefined,
      daw: '0',
      status: 'P',
      patientPay: '60.00',
    },
    {
      name: 'DAW 0 on a plan that rejects → 22, the generic first among alternatives, the exception named',
      rule: STRICT,
      daw: '0',
      status: 'R',
      codes: ['22'],
      exception: true,
      message: /DAW 0\): dispense the generic\. If the prescriber requires the brand.*exception/,
    },
    { name: 'no DAW code is DAW 0 (408-D8 default) → 22', rule: STRICT, daw: undefined, status: 'R', codes: ['22'] },
    {
      name: 'DAW 1 without the exception on a plan that requires it → 75 naming the exception',
      rule: STRICT,
      daw: '1',
      status: 'R',
      codes: ['75'],
      exception: true,
      message: /only with an approved brand-medically-necessary exception/,
    },
    {
      name: 'DAW 1 without the exception where the plan pays the generic’s cost share → paid at $5',
      rule: GENERIC_SHARE,
      daw: '1',
      status: 'P',
      patientPay: '5.00',
      authorization: null,
      message: /DAW 1\): paid at the generic's cost sharing/,
    },
    {
      name: 'DAW 0 where DAW 1 would pay the generic’s share → 22 telling to resend with DAW 1, no exception needed',
      rule: GENERIC_SHARE,
      daw: '0',
      status: 'R',
      codes: ['22'],
      exception: false,
      message: /send the claim again with DAW 1; it pays at the generic's cost sharing/,
    },
    {
      name: 'DAW 1 where the plan pays the brand’s cost share → paid at $60',
      rule: BRAND_SHARE,
      daw: '1',
      status: 'P',
      patientPay: '60.00',
    },
    { name: 'DAW 0 on a plan that allows it → paid at $60', rule: LENIENT, daw: '0', status: 'P', patientPay: '60.00' },
    {
      name: 'DAW 2 (the patient asked for the brand) → the brand’s own tier',
      rule: STRICT,
      daw: '2',
      status: 'P',
      patientPay: '60.00',
    },
    {
      name: 'DAW 1 with an approved brand-medically-necessary exception → the brand at the generic’s $5, under it',
      rule: STRICT,
      daw: '1',
      auths: [brandException],
      status: 'P',
      patientPay: '5.00',
      authorization: 'PA777',
    },
    {
      name: 'the exception pays whatever the DAW code (DAW 0)',
      rule: STRICT,
      daw: '0',
      auths: [brandException],
      status: 'P',
      patientPay: '5.00',
      authorization: 'PA777',
    },
    {
      name: 'an exception that has ended no longer pays → 75',
      rule: STRICT,
      daw: '1',
      auths: [{ ...brandException, effectiveTo: '2026-11-19' }],
      status: 'R',
      codes: ['75'],
    },
    {
      name: 'the generic itself with DAW 0 → paid at $5',
      rule: STRICT,
      productId: NDC.rosuvastatin,
      daw: '0',
      status: 'P',
      patientPay: '5.00',
    },
    {
      name: 'a brand with no generic (Ozempic) is not touched: its PA edit answers',
      rule: STRICT,
      productId: NDC.ozempicLow,
      daw: '0',
      status: 'R',
      codes: ['75'],
      exception: false,
    },
    {
      name: 'an excluded brand (Zestril) still answers 70 with the exception, whatever the DAW',
      rule: STRICT,
      productId: NDC.zestril,
      daw: '1',
      status: 'R',
      codes: ['70'],
      exception: true,
    },
  ];

  it.each(cases)('$name', (c) => {
    const request = claim(c.productId ?? NDC.crestor, c.daw);
    if (c.productId === NDC.ozempicLow) Object.assign(request, { quantityDispensed: 3, daysSupply: 28 });
    const r = adjudicateClaim({
      request,
      member,
      pharmacyType: 'retail',
      reference: planWith(c.rule),
      history: [],
      authorizations: c.auths ?? [],
    });
    expect(r.transactionStatus, r.message).toBe(c.status);
    if (c.codes) expect(r.rejects.map((x) => x.code)).toEqual(c.codes);
    if (c.patientPay) expect(r.pricing?.patientPay).toBe(c.patientPay);
    if (c.authorization !== undefined) expect(r.authorizationNumber).toBe(c.authorization);
    if (c.message) expect(r.message).toMatch(c.message);
    if (c.exception === true)
      expect(r.nextSteps?.exception).toEqual({
        kind: 'brand-medically-necessary',
        criteriaId: 'brand-medically-necessary',
      });
    if (c.exception === false) expect(r.nextSteps?.exception?.kind).not.toBe('brand-medically-necessary');
    if (c.codes?.[0] === '22')
      expect(r.nextSteps?.alternatives?.[0]).toMatchObject({
        rxcui: '859747',
        tier: 'generic',
        estimatedPatientPay: '5.00',
      });
  });
});

describe('dispenseAsWritten — the rule on its own', () => {
  const crestor = base.concepts.get('859749')!;
  const generic = base.concepts.get('859747')!;
  const f = base.formularies.get('IHSS01')!;
  const brandEntry = f.byRxcui.get('859749')!;
  const genericEntry = f.byGroup.get('402354')!;
  const tiers = ['generic', 'preferred-brand', 'non-preferred-brand', 'specialty'];
  const args = {
    drug: crestor,
    entry: brandEntry,
    generic: { concept: generic, entry: genericEntry },
    dawCode: '0',
    policy: STRICT,
    brandException: false,
    tiers,
  };

  it('no covered, sold generic: nothing to substitute', () => {
    expect(dispenseAsWritten({ ...args, generic: null })).toEqual({ kind: 'pass' });
  });
  it('a brand on the same tier as its generic costs the member nothing more: no edit', () => {
    expect(dispenseAsWritten({ ...args, entry: { ...brandEntry, tier: 'generic' } })).toEqual({ kind: 'pass' });
  });
  it('DAW 1 at the generic’s cost share names the generic’s tier', () => {
    expect(dispenseAsWritten({ ...args, dawCode: '1', policy: GENERIC_SHARE })).toEqual({
      kind: 'generic-cost-share',
      tier: 'generic',
      generic,
    });
  });
  it('DAW 0 to reject names the generic to dispense', () => {
    expect(dispenseAsWritten(args)).toEqual({ kind: 'reject-substitutable', generic });
  });
});
