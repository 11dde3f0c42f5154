import type { InsurancePlanPlanSpecificCost } from '@medplum/fhirtypes';
import type { CostShare, PlanPolicy } from '../../plans/plan-policy.js';
import { BENEFIT_TYPE_BY_PHARMACY, DRUG_TIER_DISPLAY, USDF } from './usdf.js';
import { moneyAsJsonNumber, rateAsPercent, toCents } from '../../shared/money.js';

/** Tier keys outside USDF's DrugTierCS (QHP files name their own) keep a local code system. */
export const LOCAL_TIER_SYSTEM = 'https://openpbm.org/fhir/CodeSystem/drug-tier';

export function tierCoding(tier: string) {
  return DRUG_TIER_DISPLAY[tier]
    ? { system: USDF.cs.drugTier, code: tier, display: DRUG_TIER_DISPLAY[tier] }
    : { system: LOCAL_TIER_SYSTEM, code: tier, display: tier };
}

type BenefitType = keyof typeof BENEFIT_TYPE_BY_PHARMACY;

/** The pharmacy benefit types a tier is priced for: retail always (the fallback), mail when the plan prices it. */
export function benefitTypesOf(policy: PlanPolicy, tier: string): BenefitType[] {
  const shares = policy.costSharing.tiers[tier];
  return shares?.mail ? ['retail', 'mail'] : ['retail'];
}

const option = (code: string, display: string) => ({
  coding: [{ system: USDF.cs.costShareOption, code, display }],
});

/** One cost share as USDF cost entries: a copay in USD or a coinsurance percentage (no deductibles in OpenPBM plans). */
function costs(share: CostShare) {
  const out = [];
  if (share.copay !== undefined) {
    const zero = toCents(share.copay) === 0;
    out.push({
      type: { coding: [{ system: USDF.cs.benefitCostType, code: 'copay', display: 'Copay' }] },
      qualifiers: [zero ? option('no-charge', 'No Charge') : option('charge', 'Charge')],
      value: { value: moneyAsJsonNumber(share.copay), unit: '$', system: 'urn:iso:std:iso:4217', code: 'USD' },
    });
  }
  if (share.coinsurance !== undefined) {
    out.push({
      type: { coding: [{ system: USDF.cs.benefitCostType, code: 'coinsurance', display: 'Coinsurance' }] },
      qualifiers: [option('charge', 'Charge')],
      value: {
        value: rateAsPercent(share.coinsurance),
        system: 'http://unitsofmeasure.org',
        code: '%',
      },
    });
  }
  return out;
}

/** Tiers × pharmacy benefit types → InsurancePlan.plan.specificCost (withCost false: the Formulary's cost-free outline). */
export function specificCosts(policy: PlanPolicy, withCost: boolean): InsurancePlanPlanSpecificCost[] {
  const byType = new Map<BenefitType, InsurancePlanPlanSpecificCost>();
  for (const [tier, shares] of Object.entries(policy.costSharing.tiers)) {
    for (const type of benefitTypesOf(policy, tier)) {
      const share = type === 'retail' ? (shares.retail ?? {}) : shares[type];
      if (!share) continue;
      let sc = byType.get(type);
      if (!sc) {
        const { code, display } = BENEFIT_TYPE_BY_PHARMACY[type];
        sc = { category: { coding: [{ system: USDF.cs.pharmacyBenefitType, code, display }] }, benefit: [] };
        byType.set(type, sc);
      }
      const c = withCost ? costs(share) : [];
      sc.benefit!.push({ type: { coding: [tierCoding(tier)] }, ...(c.length ? { cost: c } : {}) });
    }
  }
  return [...byType.values()];
}

export type { PlanPolicy };
