import { addDays } from '../../platform/dates.js';
import { toLocalDate } from '../../platform/clock.js';

export interface FilingWindow {
  /** The determination notice's date in the plan's zone: day 0 of the window. */
  noticeDate: string;
  /** The last day an appeal is on time (inclusive), in the plan's zone. */
  deadline: string;
  /** The date the appeal was received, in the plan's zone. */
  receivedOn: string;
  open: boolean;
}

/**
 * Whether an appeal received at `receivedAt` is within the plan's filing window, counted in
 * calendar days from the date of the determination notice, both dates taken in the plan's time
 * zone (a filing at 23:30 in California is that California day, whatever the UTC date says).
 * Examples: 42 CFR 438.402(c)(2)(ii) "within 60 calendar days from the date on the adverse
 * benefit determination notice" (Medi-Cal managed care); 42 CFR 423.582(b) 65 days from the date
 * of the coverage determination notice (Part D redetermination); 180 days for commercial plans
 * (45 CFR 147.136(b), incorporating 29 CFR 2560.503-1(h)(3)(i); CA H&S §1368). The notice date is day 0, so the deadline is the
 * notice date plus the window; filing on the deadline itself is on time.
 */
export function appealFilingWindow(args: {
  decidedAt: Date;
  receivedAt: Date;
  filingWindowDays: number;
  timeZone: string;
}): FilingWindow {
  const noticeDate = toLocalDate(args.decidedAt, args.timeZone);
  const deadline = addDays(noticeDate, args.filingWindowDays);
  const receivedOn = toLocalDate(args.receivedAt, args.timeZone);
  return { noticeDate, deadline, receivedOn, open: receivedOn <= deadline };
}
