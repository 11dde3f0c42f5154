/**
 * Month arithmetic for the monthly partitions of ever-growing tables (docs/scaling.md#partitioning).
 * Pure: every function takes the day it reasons about; callers pass the clock's day, nothing here
 * reads the wall clock. Months are 'YYYY-MM-01' strings; a partition holds [month, next month).
 */

/** A table partitioned by month: its partition column is a date, or a timestamptz cut at UTC midnight. */
export interface MonthPartitionedTable {
  table: string;
  bound: 'date' | 'utc-timestamp';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The first day of the month `day` falls in. */
export function monthOf(day: string): string {
  const [y, m] = parts(day);
  return `${pad(y, 4)}-${pad(m)}-01`;
}

/** The month `n` months after (or before, n < 0) the month of `day`. */
export function addMonths(day: string, n: number): string {
  const [y, m] = parts(day);
  const index = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}-01`;
}

/** claims + 2026-12-01 → claims_p2026_12. */
export function partitionName(table: string, month: string): string {
  const [y, m] = parts(monthOf(month));
  return `${table}_p${pad(y, 4)}_${pad(m)}`;
}

/** The month a partition name stands for, or null for any other name (the DEFAULT partition). */
export function partitionMonth(table: string, name: string): string | null {
  const m = new RegExp(`^${table}_p(\\d{4})_(\\d{2})$`).exec(name);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return `${m[1]}-${m[2]}-01`;
}

/** The partition that holds rows no month holds (migrations 0018, 0021). */
export function defaultPartitionName(table: string): string {
  return `${table}_default`;
}

/**
 * Whether a relation PostgreSQL names (an error's table, `tableoid`) is `table` itself or one of its
 * partitions, a month or DEFAULT: errors name the partition a row went to, not the parent.
 */
export function isTableOrPartition(table: string, relation: string | null): boolean {
  if (relation === null) return false;
  return relation === table || relation === defaultPartitionName(table) || partitionMonth(table, relation) !== null;
}

/** The partition's bounds as SQL literals: FROM (from) TO (to), `to` excluded. */
export function monthBounds(spec: MonthPartitionedTable, month: string): { from: string; to: string } {
  const from = monthOf(month);
  const to = addMonths(from, 1);
  return spec.bound === 'date' ? { from, to } : { from: `${from} 00:00:00+00`, to: `${to} 00:00:00+00` };
}

/** The month of `today` and the `ahead` months after it: the partitions that must exist. */
export function monthsToCreate(today: string, ahead: number): string[] {
  if (!Number.isInteger(ahead) || ahead < 0) throw new RangeError(`months ahead must be ≥ 0, got ${ahead}`);
  return Array.from({ length: ahead + 1 }, (_, i) => addMonths(today, i));
}

/** `day` minus whole years; 29 February becomes 28 February in a common year. */
export function yearsBefore(day: string, years: number): string {
  const [y, m, d] = parts(day);
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const last = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return `${pad(year, 4)}-${pad(m)}-${pad(Math.min(d, last))}`;
}

/**
 * The months, among `months`, whose every day is older than the retention: the partition ends on or
 * before `today` minus `retentionYears`. A partition that still holds one day inside retention stays.
 */
export function expiredMonths(months: string[], today: string, retentionYears: number): string[] {
  if (!Number.isInteger(retentionYears) || retentionYears < 1)
    throw new RangeError(`retention must be whole years ≥ 1, got ${retentionYears}`);
  const keepFrom = yearsBefore(today, retentionYears);
  return months.filter((m) => addMonths(m, 1) <= keepFrom).sort();
}
