import { estimatePatientPay } from '../claims/rules/pricing.js';
import type { PlanPolicy } from '../plans/plan-policy.js';

/** Mail-order pharmacies fill a 90-day supply (the demo plans' cost sharing: twice the 30-day retail copay). */
export const MAIL_DAYS_SUPPLY = 90;

export interface PharmacyPrice {
  pharmacyType: 'retail' | 'mail';
  daysSupply: number;
  quantity: number;
  /** The member's estimated share; null when the catalog has no price and the share is coinsurance. */
  patientPay: string | null;
}

/**
 * What the member would pay for the same drug at a retail pharmacy (the days' supply asked) and by
 * mail order (a 90-day supply at the same daily dose). Mail is listed only when the plan states a
 * mail cost share for the drug's tier: a tier without one (e.g. specialty) is not offered by mail.
 */
export function pharmacyPrices(
  policy: PlanPolicy,
  {
    tier,
    unitPrice,
    quantity,
    daysSupply,
  }: { tier: string | null; unitPrice: string | null; quantity: number; daysSupply: number },
): PharmacyPrice[] {
  const prices: PharmacyPrice[] = [
    {
      pharmacyType: 'retail',
      daysSupply,
      quantity,
      patientPay: estimatePatientPay(policy, { tier, pharmacyType: 'retail', unitPrice, quantity }),
    },
  ];
  const mailShare = tier ? policy.costSharing.tiers[tier]?.mail : undefined;
  if (mailShare) {
    // The same daily dose for 90 days, to 3 decimals (NCPDP quantities carry 3).
    const mailQuantity = Math.round(((quantity * MAIL_DAYS_SUPPLY) / daysSupply) * 1000) / 1000;
    prices.push({
      pharmacyType: 'mail',
      daysSupply: MAIL_DAYS_SUPPLY,
      quantity: mailQuantity,
      patientPay: estimatePatientPay(policy, { tier, pharmacyType: 'mail', unitPrice, quantity: mailQuantity }),
    });
  }
  return prices;
}
