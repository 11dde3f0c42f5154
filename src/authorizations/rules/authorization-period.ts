import { addDays } from '../../platform/dates.js';

export interface AuthorizationPeriod {
  effectiveFrom: string;
  /** The last day the criteria's approval duration allows. */
  latestEffectiveTo: string;
  /** A period that may not end sooner (a Part D exception runs to the end of the plan year). */
  minimumEffectiveTo?: string;
}

/** The last day of the plan year holding `date`, for a plan year starting in `startMonth` (1 = January). */
export function planYearEnd(date: string, startMonth: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  return new Date(Date.UTC(startYear + 1, startMonth - 1, 1) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * When an authorization runs: from today in the plan's zone, or — for a renewal of one still
 * running — from the day after it ends, so coverage is continuous; for the criteria set's
 * approval duration (days, counting the first).
 */
export function authorizationPeriod(args: {
  today: string;
  durationDays: number;
  /** The end date of the authorization being renewed, if any. */
  renewsEndingOn?: string | null;
  /**
   * Medicare Part D exceptions: an approval stays valid for refills through the end of the plan
   * year (42 CFR 423.578(c)(4)), whatever the criteria's duration; the plan year starts in this month.
   */
  throughPlanYearEnd?: { startMonth: number };
}): AuthorizationPeriod {
  const effectiveFrom =
    args.renewsEndingOn && args.renewsEndingOn >= args.today ? addDays(args.renewsEndingOn, 1) : args.today;
  if (args.throughPlanYearEnd) {
    const end = planYearEnd(effectiveFrom, args.throughPlanYearEnd.startMonth);
    return { effectiveFrom, latestEffectiveTo: end, minimumEffectiveTo: end };
  }
  return { effectiveFrom, latestEffectiveTo: addDays(effectiveFrom, args.durationDays - 1) };
}

/**
 * A reviewer's shorter period must end inside the period the criteria allow: not before the
 * authorization starts (a period in the past covers nothing) and not after its approval
 * duration. Returns the problem in words, or null when the date is allowed.
 */
export function effectiveToProblem(effectiveTo: string, period: AuthorizationPeriod, today: string): string | null {
  const earliest = period.minimumEffectiveTo ?? (period.effectiveFrom > today ? period.effectiveFrom : today);
  if (period.minimumEffectiveTo && effectiveTo !== period.minimumEffectiveTo)
    return `must be ${period.minimumEffectiveTo}: a Medicare Part D exception is approved through the end of the plan year (42 CFR 423.578(c)(4))`;
  if (effectiveTo < earliest || effectiveTo > period.latestEffectiveTo)
    return `must be from ${earliest} to ${period.latestEffectiveTo} (the criteria's approval duration)`;
  return null;
}
