import { addDays } from '../../platform/dates.js';

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
