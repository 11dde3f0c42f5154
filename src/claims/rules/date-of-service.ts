import type { FieldError } from '../../platform/errors.js';
import { addDays } from '../../platform/dates.js';

/** NCPDP timely filing: OpenPBM accepts dates of service up to a year back. */
export const TIMELY_FILING_DAYS = 365;

/**
 * The date of service against the plan's today (docs/design.md#time-zones): at most one day
 * ahead (a pharmacy east of its members' plan, or just past midnight, is already on the next
 * day), and no more than the timely-filing window back.
 */
export function checkDateOfService(dateOfService: string, today: string): FieldError | null {
  if (dateOfService > addDays(today, 1))
    return { path: 'dateOfService', message: `is in the future (today is ${today} in the plan's time zone)` };
  if (dateOfService < addDays(today, -TIMELY_FILING_DAYS))
    return { path: 'dateOfService', message: `is more than ${TIMELY_FILING_DAYS} days ago (timely filing)` };
  return null;
}
