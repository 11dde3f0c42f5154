import { addDays } from '../../platform/dates.js';

export interface ClockSpan {
  amount: number;
  unit: 'hours' | 'business-days' | 'calendar-days';
}

export interface ReviewClockPolicy {
  standard: ClockSpan;
  urgent: ClockSpan;
  onMissed: 'deem-approved' | 'escalate';
  warnBefore: { hours: number };
  /** Business days and dates are counted in the plan's zone. */
  timeZone?: string;
}

const DEFAULT_ZONE = 'America/Los_Angeles';
const HOUR = 3_600_000;

/**
 * Review clocks by line of business, from receipt of the complete request.
 * - commercial / ihss (California, DMHC-regulated): 72 h standard, 24 h exigent; a request not
 *   answered in time is deemed granted (Health & Safety Code §1367.241(b)).
 * - medi-cal: 24 h for every pharmacy PA (W&I Code §14185(a)(1)); the program grants a 72-hour
 *   emergency supply rather than deemed approval, so a missed clock escalates.
 * - medicare-d: 72 h standard, 24 h expedited (42 CFR 423.568(b), 423.572(a)); no deemed
 *   approval — a missed clock is escalated (auto-forward to the IRE, 42 CFR 423.568(h)).
 */
export const DEFAULT_CLOCK_POLICIES: Record<'commercial' | 'ihss' | 'medi-cal' | 'medicare-d', ReviewClockPolicy> = {
  commercial: {
    standard: { amount: 72, unit: 'hours' },
    urgent: { amount: 24, unit: 'hours' },
    onMissed: 'deem-approved',
    warnBefore: { hours: 8 },
  },
  ihss: {
    standard: { amount: 72, unit: 'hours' },
    urgent: { amount: 24, unit: 'hours' },
    onMissed: 'deem-approved',
    warnBefore: { hours: 8 },
  },
  'medi-cal': {
    standard: { amount: 24, unit: 'hours' },
    urgent: { amount: 24, unit: 'hours' },
    onMissed: 'escalate',
    warnBefore: { hours: 4 },
  },
  'medicare-d': {
    standard: { amount: 72, unit: 'hours' },
    urgent: { amount: 24, unit: 'hours' },
    onMissed: 'escalate',
    warnBefore: { hours: 8 },
  },
};

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 Sunday

function nthWeekday(year: number, month: number, dow: number, n: number): string {
  const first = weekday(ymd(year, month, 1));
  return ymd(year, month, 1 + ((dow - first + 7) % 7) + (n - 1) * 7);
}

function lastWeekday(year: number, month: number, dow: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = weekday(ymd(year, month, days));
  return ymd(year, month, days - ((last - dow + 7) % 7));
}

/** Saturday holidays are observed on Friday, Sunday ones on Monday (5 U.S.C. 6103(b)). */
function observed(date: string): string {
  const dow = weekday(date);
  return dow === 6 ? addDays(date, -1) : dow === 0 ? addDays(date, 1) : date;
}

/** Observed U.S. federal holidays falling in `year` (5 U.S.C. 6103(a)). */
export function usFederalHolidays(year: number): string[] {
  const fixed = (m: number, d: number) => observed(ymd(year, m, d));
  const list = [
    fixed(1, 1),
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    lastWeekday(year, 5, 1), // Memorial Day
    ...(year >= 2021 ? [fixed(6, 19)] : []), // Juneteenth
    fixed(7, 4),
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    fixed(11, 11),
    nthWeekday(year, 11, 4, 4), // Thanksgiving
    fixed(12, 25),
    observed(ymd(year + 1, 1, 1)), // next New Year's Day observed on Dec 31 when Jan 1 is a Saturday
  ];
  return [...new Set(list.filter((d) => d.startsWith(String(year))))].sort();
}

export function isBusinessDay(date: string): boolean {
  const dow = weekday(date);
  return dow !== 0 && dow !== 6 && !usFederalHolidays(Number(date.slice(0, 4))).includes(date);
}

export function addBusinessDays(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isBusinessDay(d)) left--;
  }
  return d;
}

/** Wall-clock parts of an instant in a zone. */
function zoned(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

/** The instant at which a zone's wall clock shows `date time` (DST-safe by fixed-point iteration). */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
  const wanted = Date.parse(`${date}T${time}Z`);
  let guess = wanted;
  for (let i = 0; i < 3; i++) {
    const z = zoned(new Date(guess), timeZone);
    guess += wanted - Date.parse(`${z.date}T${z.time}Z`);
  }
  return new Date(guess);
}

/**
 * When a determination is due. Hours are elapsed hours (a DST change does not stretch them);
 * business days end at the same wall-clock time on the Nth business day after receipt, skipping
 * weekends and observed federal holidays; calendar days likewise on the Nth day.
 */
export function computeDueAt(args: {
  receivedAt: Date;
  urgency: 'standard' | 'urgent';
  clock: ReviewClockPolicy;
}): Date {
  const span = args.clock[args.urgency];
  const zone = args.clock.timeZone ?? DEFAULT_ZONE;
  switch (span.unit) {
    case 'hours':
      return new Date(args.receivedAt.getTime() + span.amount * HOUR);
    case 'calendar-days': {
      const z = zoned(args.receivedAt, zone);
      return zonedToInstant(addDays(z.date, span.amount), z.time, zone);
    }
    case 'business-days': {
      const z = zoned(args.receivedAt, zone);
      return zonedToInstant(addBusinessDays(z.date, span.amount), z.time, zone);
    }
  }
}

export function computeWarningAt(dueAt: Date, clock: ReviewClockPolicy): Date {
  return new Date(dueAt.getTime() - clock.warnBefore.hours * HOUR);
}
