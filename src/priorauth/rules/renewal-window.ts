import { addDays, daysBetween } from '../../platform/dates.js';

/**
 * ePA renewals may be sent within the window before the prior authorization's end date
 * (60 days by default, plan policy): open from end − windowDays, inclusive.
 */
export function isWithinRenewalWindow(args: { authorizationEndDate: string; today: string; windowDays?: number }): {
  open: boolean;
  opensOn: string;
} {
  const opensOn = addDays(args.authorizationEndDate, -(args.windowDays ?? 60));
  return { open: args.today >= opensOn, opensOn };
}

/**
 * Whether an authorization is due for renewal on `today` (the prescriber's "Renewals due"): its
 * window is open and it has not ended yet; `daysLeft` counts to the end date (0 on the last day).
 */
export function renewalDue(args: { effectiveTo: string; today: string; windowDays: number }): {
  due: boolean;
  daysLeft: number;
} {
  const { open } = isWithinRenewalWindow({
    authorizationEndDate: args.effectiveTo,
    today: args.today,
    windowDays: args.windowDays,
  });
  const daysLeft = daysBetween(args.today, args.effectiveTo);
  return { due: open && daysLeft >= 0, daysLeft };
}
