import { addDays } from '../../platform/dates.js';

export interface AuthorizationPeriod {
  effectiveFrom: string;
  /** The last day the criteria's approval duration allows. */
  latestEffectiveTo: string;
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
}): AuthorizationPeriod {
  const effectiveFrom =
    args.renewsEndingOn && args.renewsEndingOn >= args.today ? addDays(args.renewsEndingOn, 1) : args.today;
  return { effectiveFrom, latestEffectiveTo: addDays(effectiveFrom, args.durationDays - 1) };
}

/**
 * A reviewer's shorter period must end inside the period the criteria allow: not before the
 * authorization starts (a period in the past covers nothing) and not after its approval
 * duration. Returns the problem in words, or null when the date is allowed.
 */
export function effectiveToProblem(effectiveTo: string, period: AuthorizationPeriod, today: string): string | null {
  const earliest = period.effectiveFrom > today ? period.effectiveFrom : today;
  if (effectiveTo < earliest || effectiveTo > period.latestEffectiveTo)
    return `must be from ${earliest} to ${period.latestEffectiveTo} (the criteria's approval duration)`;
  return null;
}
