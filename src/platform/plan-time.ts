import { toLocalDate } from './clock.js';

/**
 * "Today" is a calendar date in the plan's time zone (docs/design.md#time-zones): a claim, a
 * coverage check, PA eligibility and evaluation, authorization periods and renewal reminders all
 * count days where the plan's members live, not where the server runs. The zone is plan policy
 * (`policy.review.timeZone`, required in every plan bundle and checked to be an IANA zone).
 */
export interface PlanWithZone {
  policy: { review: { timeZone: string } };
}

/** Where nothing names a plan (an unknown member, an operations file name), days are counted in this zone. */
export const OPERATIONS_TIME_ZONE = 'America/Los_Angeles';

export function planTimeZone(plan: PlanWithZone | null | undefined): string {
  return plan?.policy.review.timeZone ?? OPERATIONS_TIME_ZONE;
}

/** YYYY-MM-DD of `now` in a time zone. */
export function todayInZone(now: Date, timeZone: string): string {
  return toLocalDate(now, timeZone);
}

/** YYYY-MM-DD of `now` in the plan's time zone; the operations zone when there is no plan. */
export function planToday(plan: PlanWithZone | null | undefined, now: Date): string {
  return toLocalDate(now, planTimeZone(plan));
}

/**
 * The instant a local wall-clock time happens on a date in a zone ("09:00 on 2026-03-08 in New
 * York"), across daylight-saving changes. Used for reminders that must arrive in the plan's
 * morning rather than at a fixed UTC hour.
 */
export function localTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [h, m] = time.split(':').map(Number);
  const [y, mo, d] = date.split('-').map(Number);
  const wanted = Date.UTC(y, mo - 1, d, h, m);
  // Start from the wall time read as UTC and correct by the zone's offset at that instant; a
  // second pass settles the hour around a DST change.
  let guess = wanted;
  for (let i = 0; i < 2; i++) guess = wanted - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

const partFormats = new Map<string, Intl.DateTimeFormat>();
function offsetMs(instant: Date, timeZone: string): number {
  let f = partFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  const local = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return local - Math.floor(instant.getTime() / 1000) * 1000;
}
