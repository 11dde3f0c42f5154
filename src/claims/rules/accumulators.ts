import type { AccumulatorPolicy, CostShare, Money } from '../../plans/plan-policy.js';
import type { AccumulatorStanding } from '../claim-types.js';
import { fromCents, toCents } from '../../shared/money.js';
import { patientPayCents } from './pricing.js';

/** One member's running totals for one plan and plan year, as stored (member_accumulators). */
export type { AccumulatorStanding };

export interface AccumulatorRow {
  planId: string;
  planYearStart: string;
  deductibleMet: Money;
  outOfPocketSpent: Money;
}

/** The plan year a date of service falls in: [start, end], both inclusive, YYYY-MM-DD. */
export function planYearOf(
  policy: AccumulatorPolicy | undefined,
  dateOfService: string,
): { start: string; end: string } {
  const startMonth = policy?.planYearStartMonth ?? 1;
  const year = Number(dateOfService.slice(0, 4));
  const month = Number(dateOfService.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  const mm = String(startMonth).padStart(2, '0');
  const start = `${startYear}-${mm}-01`;
  const endDate = new Date(Date.UTC(startYear + 1, startMonth - 1, 1) - 86_400_000);
  return { start, end: endDate.toISOString().slice(0, 10) };
}

/** The member's standing in a plan year, as the claim answer and GET /members/{id}/accumulators show it. */
export function standing(
  policy: AccumulatorPolicy | undefined,
  planId: string,
  year: { start: string; end: string },
  totals: { deductibleMetCents: number; outOfPocketCents: number },
): AccumulatorStanding {
  const deductible = policy?.deductible !== undefined ? toCents(policy.deductible) : null;
  const oopMax = policy?.outOfPocketMax !== undefined ? toCents(policy.outOfPocketMax) : null;
  return {
    planId,
    planYearStart: year.start,
    planYearEnd: year.end,
    deductible: deductible === null ? null : fromCents(deductible),
    deductibleMet: fromCents(totals.deductibleMetCents),
    deductibleRemaining: deductible === null ? null : fromCents(Math.max(0, deductible - totals.deductibleMetCents)),
    outOfPocketMax: oopMax === null ? null : fromCents(oopMax),
    outOfPocketSpent: fromCents(totals.outOfPocketCents),
    outOfPocketRemaining: oopMax === null ? null : fromCents(Math.max(0, oopMax - totals.outOfPocketCents)),
  };
}

/** The totals on file for a plan and plan year (zero when nothing was paid yet). */
export function totalsFor(rows: AccumulatorRow[], planId: string, planYearStart: string) {
  const row = rows.find((r) => r.planId === planId && r.planYearStart === planYearStart);
  return {
    deductibleMetCents: row ? toCents(row.deductibleMet) : 0,
    outOfPocketCents: row ? toCents(row.outOfPocketSpent) : 0,
  };
}

/** How the member's share of one claim is made up (D.0 517-FH, 518-FI, 572-4U), in cents. */
export interface MemberShare {
  patientPayCents: number;
  /** 517-FH: applied to the periodic deductible. */
  deductibleCents: number;
  /** 518-FI: the tier's copay (after the deductible). */
  copayCents: number;
  /** 572-4U: the tier's coinsurance (after the deductible). */
  coinsuranceCents: number;
  /** What the out-of-pocket maximum took off the member's share (the plan pays it). */
  overOutOfPocketMaxCents: number;
}

/**
 * The member's share of a claim's total under the plan-year accumulators (docs/design.md#accumulators):
 * the deductible first (the member pays the whole cost until it is met, unless the tier is exempt),
 * then the tier's copay or coinsurance on what is left, and nothing beyond the out-of-pocket
 * maximum (Medicare Part D: the annual out-of-pocket cap). Pure; totals are before this claim.
 */
export function memberShare(input: {
  totalCents: number;
  share: CostShare;
  tier: string | null;
  policy: AccumulatorPolicy | undefined;
  before: { deductibleMetCents: number; outOfPocketCents: number };
}): MemberShare {
  const { totalCents, share, policy, before } = input;
  const exempt = input.tier !== null && (policy?.deductibleExemptTiers ?? []).includes(input.tier);
  const deductibleLeft =
    policy?.deductible !== undefined && !exempt
      ? Math.max(0, toCents(policy.deductible) - before.deductibleMetCents)
      : 0;
  const toDeductible = Math.min(totalCents, deductibleLeft);
  const costShare = patientPayCents(share, totalCents - toDeductible);
  const isCopay = share.copay !== undefined;
  const owed = toDeductible + costShare;
  const capLeft =
    policy?.outOfPocketMax !== undefined
      ? Math.max(0, toCents(policy.outOfPocketMax) - before.outOfPocketCents)
      : Number.MAX_SAFE_INTEGER;
  const pays = Math.min(owed, capLeft);
  const deductibleCents = Math.min(toDeductible, pays);
  const shareCents = pays - deductibleCents;
  return {
    patientPayCents: pays,
    deductibleCents,
    copayCents: isCopay ? shareCents : 0,
    coinsuranceCents: isCopay ? 0 : shareCents,
    overOutOfPocketMaxCents: owed - pays,
  };
}
