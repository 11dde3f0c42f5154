/**
 * Prior-authorization turnaround metrics (docs/design.md#metrics; the set CMS-0057-F asks payers to publish):
 * approvals, denials, approvals after appeal, time from submission to decision, on-time share,
 * automatic share and deemed approvals, split by standard and expedited, plus a weekly trend.
 * Pure: the caller passes the rows and `now`; dates are calendar days in UTC.
 */

export type Urgency = 'standard' | 'urgent';

/** One PA request decided in the range, or still open. */
export interface CaseRow {
  urgency: Urgency;
  status: string;
  channel: string;
  receivedAt: Date;
  submittedAt: Date | null;
  dueAt: Date | null;
  decidedAt: Date | null;
  /** 'system' for automatic approvals, deemed approvals and closures; a username otherwise. */
  decidedBy: string | null;
}

/** One appeal decided in the range, with the urgency of the request it appeals. */
export interface AppealRow {
  requestUrgency: Urgency;
  decision: string;
  decidedAt: Date;
}

export interface Share {
  count: number;
  /** Of the denominator named in the field's doc; null when that is zero. */
  percent: number | null;
}

export interface SplitMetrics {
  /** Determinations (approved, partly approved, deemed approved, denied, closed) dated in the range. */
  decided: number;
  /** Approved, partly approved or deemed approved; share of `decided`. */
  approved: Share;
  partiallyApproved: number;
  denied: Share;
  closedNoResponse: Share;
  /** Deemed approved because the plan missed the clock; share of `decided`. */
  deemedApproved: Share;
  /** Approved by the criteria engine with no reviewer; share of `decided`. */
  automatic: Share;
  /** Decided at or before the due time (automatic decisions are immediate; deemed approvals are late); share of `decided`. */
  onTime: Share;
  averageHours: number | null;
  medianHours: number | null;
  /** Appeals decided in the range. */
  appealsDecided: number;
  /** Appeals overturned or partly overturned; share of `appealsDecided`. */
  approvedAfterAppeal: Share;
  /** Requests submitted and not decided yet (received before the range ends). */
  open: number;
  /** Of `open`, those past their due time now. */
  overdue: number;
}

export interface WeekPoint {
  /** Monday of the ISO week (UTC). */
  weekStart: string;
  decided: number;
  approvedPercent: number | null;
  medianHours: number | null;
}

export interface TurnaroundMetrics {
  from: string;
  to: string;
  total: SplitMetrics;
  standard: SplitMetrics;
  expedited: SplitMetrics;
  weekly: WeekPoint[];
}

export const DECIDED_STATUSES = [
  'approved',
  'partially-approved',
  'deemed-approved',
  'denied',
  'closed-no-response',
] as const;
export const OPEN_REVIEW_STATUSES = ['submitted', 'in-review', 'awaiting-information'] as const;
const APPROVED = new Set(['approved', 'partially-approved', 'deemed-approved']);
const OVERTURNED = new Set(['overturned', 'partially-overturned']);
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const round1 = (n: number) => Math.round(n * 10) / 10;
const share = (count: number, of: number): Share => ({ count, percent: of > 0 ? round1((count / of) * 100) : null });

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** When the payer had the request: a fax when it arrived, other channels when submitted. */
export function startOf(c: CaseRow): Date {
  return c.channel === 'fax' ? c.receivedAt : (c.submittedAt ?? c.receivedAt);
}

export function hoursToDecision(c: CaseRow): number {
  return Math.max(0, (c.decidedAt!.getTime() - startOf(c).getTime()) / HOUR_MS);
}

export function isAutomatic(c: CaseRow): boolean {
  return c.status === 'approved' && c.decidedBy === 'system';
}

/** A closure for lack of information is timed by the requester's window, not the review clock. */
export function isOnTime(c: CaseRow): boolean {
  if (c.status === 'deemed-approved') return false;
  if (c.status === 'closed-no-response' || !c.dueAt) return true;
  return c.decidedAt!.getTime() <= c.dueAt.getTime();
}

/** Monday (YYYY-MM-DD) of the ISO week holding `day` (YYYY-MM-DD or an instant), in UTC. */
export function isoWeekStart(day: string | Date): string {
  const d =
    typeof day === 'string'
      ? new Date(`${day}T00:00:00Z`)
      : new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * DAY_MS).toISOString().slice(0, 10);
}

/** [start, end) instants of the range of calendar days from..to (UTC). */
export function rangeBounds(from: string, to: string): { start: Date; end: Date } {
  return { start: new Date(`${from}T00:00:00Z`), end: new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS) };
}

function splitOf(cases: CaseRow[], appeals: AppealRow[], range: { start: Date; end: Date }, now: Date): SplitMetrics {
  const inRange = (d: Date | null) => d !== null && d >= range.start && d < range.end;
  const decided = cases.filter(
    (c) => (DECIDED_STATUSES as readonly string[]).includes(c.status) && inRange(c.decidedAt),
  );
  const open = cases.filter(
    (c) => (OPEN_REVIEW_STATUSES as readonly string[]).includes(c.status) && c.receivedAt < range.end,
  );
  const hours = decided.map(hoursToDecision);
  const n = decided.length;
  const count = (p: (c: CaseRow) => boolean) => decided.filter(p).length;
  const appealsInRange = appeals.filter((a) => inRange(a.decidedAt));
  return {
    decided: n,
    approved: share(
      count((c) => APPROVED.has(c.status)),
      n,
    ),
    partiallyApproved: count((c) => c.status === 'partially-approved'),
    denied: share(
      count((c) => c.status === 'denied'),
      n,
    ),
    closedNoResponse: share(
      count((c) => c.status === 'closed-no-response'),
      n,
    ),
    deemedApproved: share(
      count((c) => c.status === 'deemed-approved'),
      n,
    ),
    automatic: share(count(isAutomatic), n),
    onTime: share(count(isOnTime), n),
    averageHours: n ? round1(hours.reduce((a, b) => a + b, 0) / n) : null,
    medianHours: n ? round1(median(hours)!) : null,
    appealsDecided: appealsInRange.length,
    approvedAfterAppeal: share(appealsInRange.filter((a) => OVERTURNED.has(a.decision)).length, appealsInRange.length),
    open: open.length,
    overdue: open.filter((c) => c.dueAt !== null && c.dueAt < now).length,
  };
}

function weeklyTrend(cases: CaseRow[], from: string, to: string): WeekPoint[] {
  const byWeek = new Map<string, CaseRow[]>();
  for (
    let w = isoWeekStart(from);
    w <= to;
    w = new Date(new Date(`${w}T00:00:00Z`).getTime() + 7 * DAY_MS).toISOString().slice(0, 10)
  )
    byWeek.set(w, []);
  const range = rangeBounds(from, to);
  for (const c of cases) {
    if (
      !(DECIDED_STATUSES as readonly string[]).includes(c.status) ||
      !c.decidedAt ||
      c.decidedAt < range.start ||
      c.decidedAt >= range.end
    )
      continue;
    byWeek.get(isoWeekStart(c.decidedAt))?.push(c);
  }
  return [...byWeek.entries()].map(([weekStart, rows]) => {
    const m = median(rows.map(hoursToDecision));
    return {
      weekStart,
      decided: rows.length,
      approvedPercent: share(rows.filter((c) => APPROVED.has(c.status)).length, rows.length).percent,
      medianHours: m === null ? null : round1(m),
    };
  });
}

export function computeTurnaroundMetrics(input: {
  from: string;
  to: string;
  cases: CaseRow[];
  appeals: AppealRow[];
  now: Date;
}): TurnaroundMetrics {
  const range = rangeBounds(input.from, input.to);
  const of = (u: Urgency) =>
    splitOf(
      input.cases.filter((c) => c.urgency === u),
      input.appeals.filter((a) => a.requestUrgency === u),
      range,
      input.now,
    );
  return {
    from: input.from,
    to: input.to,
    total: splitOf(input.cases, input.appeals, range, input.now),
    standard: of('standard'),
    expedited: of('urgent'),
    weekly: weeklyTrend(input.cases, input.from, input.to),
  };
}

export const MAX_RANGE_DAYS = 731;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(v: string): boolean {
  const t = Date.parse(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
}

/** Checks a report range: real YYYY-MM-DD dates, from ≤ to, at most two years. Returns the problem in words, or null. */
export function rangeProblem(from: string, to: string): { path: 'from' | 'to'; message: string } | null {
  if (!isCalendarDate(from)) return { path: 'from', message: 'must be a calendar date YYYY-MM-DD' };
  if (!isCalendarDate(to)) return { path: 'to', message: 'must be a calendar date YYYY-MM-DD' };
  if (from > to) return { path: 'from', message: 'must be on or before to' };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (days > MAX_RANGE_DAYS) return { path: 'to', message: `the range may span at most ${MAX_RANGE_DAYS} days` };
  return null;
}

/** The default range: the last 12 weeks ending on `now`'s UTC date. */
export function defaultRange(now: Date): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  return { from: new Date(Date.parse(`${to}T00:00:00Z`) - 83 * DAY_MS).toISOString().slice(0, 10), to };
}
