import type { PlanPolicy } from './plan-policy.js';

/**
 * The policy a plan gets when its source file says nothing about PA clocks and appeals (CMS QHP
 * files carry only cost sharing). Federal marketplace floor: exception requests answered in 72
 * hours, 24 hours when exigent (45 CFR 156.122(c)); internal appeals filed within 180 days, 30
 * days for a pre-service decision, 72 hours expedited, then external review (45 CFR 147.136).
 * State rules may be stricter: set them with a plan bundle.
 */
/** A QHP plan whose HIOS id names no known state counts its days in Eastern time (docs/plan-bundle-format.md). */
export const DEFAULT_MARKETPLACE_TIME_ZONE = 'America/New_York';

export function marketplacePolicy(
  costSharing: PlanPolicy['costSharing'],
  timeZone = DEFAULT_MARKETPLACE_TIME_ZONE,
): PlanPolicy {
  return {
    costSharing,
    refillTooSoonPercent: 75,
    priorAuthorization: { howToRequest: ['epa', 'portal', 'fax'] },
    review: {
      standard: { amount: 72, unit: 'hours' },
      urgent: { amount: 24, unit: 'hours' },
      onMissed: 'escalate',
      warnBeforeHours: 8,
      timeZone,
    },
    informationRequests: { max: 2, responseWindowHours: 72 },
    renewalWindowDays: 60,
    appeals: {
      filingWindowDays: 180,
      standard: { amount: 30, unit: 'calendar-days' },
      expedited: { amount: 72, unit: 'hours' },
      nextLevel: 'External review by an independent review organization (45 CFR 147.136(d))',
    },
    letterLanguages: ['en', 'es'],
  };
}
