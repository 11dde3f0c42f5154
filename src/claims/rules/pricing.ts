import type { CostShare, PharmacyType, PlanPolicy } from '../../plans/plan-policy.js';
import type { Pricing } from '../claim-types.js';
import { applyRate, extendedCents, fromCents, toCents } from '../../shared/money.js';

export interface PriceInput {
  policy: PlanPolicy;
  tier: string | null;
  pharmacyType: PharmacyType;
  quantity: number;
  /** NADAC-style catalog price per unit, when the catalog has one. */
  unitPrice: string | null;
  submittedIngredientCost: string;
  usualAndCustomary: string | null;
}

export function costShareFor(policy: PlanPolicy, tier: string | null, pharmacyType: PharmacyType): CostShare {
  const byType = (tier && policy.costSharing.tiers[tier]) || undefined;
  return byType?.[pharmacyType] ?? byType?.retail ?? {};
}

/** Patient pay from the tier's copay or coinsurance (capped), never above the total. */
export function patientPayCents(share: CostShare, totalCents: number): number {
  let pay = 0;
  if (share.copay !== undefined) pay = toCents(share.copay);
  else if (share.coinsurance !== undefined) {
    pay = applyRate(totalCents, share.coinsurance);
    if (share.coinsuranceMax !== undefined) pay = Math.min(pay, toCents(share.coinsuranceMax));
  }
  return Math.max(0, Math.min(pay, totalCents));
}

/**
 * Ingredient cost from the catalog unit price where known, else the submitted ingredient cost
 * (409-D9); plus the plan's dispensing fee; the pharmacy's usual & customary charge (426-DQ) caps
 * the total ("lower of" rule), in which case no separate fee is paid.
 */
export function priceClaim(input: PriceInput): Pricing {
  const fee = toCents(input.policy.costSharing.dispensingFee);
  let ingredient: number;
  let basis: Pricing['basis'];
  if (input.unitPrice !== null) {
    // unit prices carry 5 decimals: price from the exact product, rounded once (docs/design.md#money)
    ingredient = extendedCents(input.unitPrice, input.quantity);
    basis = 'catalog-unit-price';
  } else {
    ingredient = toCents(input.submittedIngredientCost);
    basis = 'submitted-ingredient-cost';
  }
  let dispensingFee = fee;
  let total = ingredient + dispensingFee;
  if (input.usualAndCustomary !== null) {
    const uc = toCents(input.usualAndCustomary);
    if (uc < total) {
      ingredient = uc;
      dispensingFee = 0;
      total = uc;
      basis = 'usual-and-customary';
    }
  }
  const patient = patientPayCents(costShareFor(input.policy, input.tier, input.pharmacyType), total);
  return {
    ingredientCost: fromCents(ingredient),
    dispensingFee: fromCents(dispensingFee),
    patientPay: fromCents(patient),
    planPay: fromCents(total - patient),
    basis,
  };
}

/** Estimate for a coverage check or an alternative: null when the cost cannot be known. */
export function estimatePatientPay(
  policy: PlanPolicy,
  {
    tier,
    pharmacyType,
    unitPrice,
    quantity,
  }: { tier: string | null; pharmacyType: PharmacyType; unitPrice: string | null; quantity: number },
): string | null {
  const share = costShareFor(policy, tier, pharmacyType);
  if (share.copay !== undefined && share.coinsurance === undefined) return fromCents(toCents(share.copay));
  if (unitPrice === null) return share.coinsurance === undefined ? fromCents(0) : null;
  const total = extendedCents(unitPrice, quantity) + toCents(policy.costSharing.dispensingFee);
  return fromCents(patientPayCents(share, total));
}
