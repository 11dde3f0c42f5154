import type { QuantityLimit } from '../../formulary/formulary-entry.js';
import { addDays, daysBetween } from '../../platform/dates.js';
import { maxQuantityFor, type HistoryFill } from './utilization.js';

/**
 * What a quantity limit counts: the drug-form group (SCDF) of a group entry or an authorization,
 * or the one product a product-level formulary entry names.
 */
export type LimitScope = { kind: 'group'; groupId: string } | { kind: 'product'; rxcui: string };

export function inLimitScope(scope: LimitScope, fill: HistoryFill): boolean {
  return scope.kind === 'group' ? fill.groupId === scope.groupId : fill.rxcui === scope.rxcui;
}

export interface QuantityWindowExcess {
  /** Units the limit allows in one window (the most that pays with nothing else in it). */
  allowed: number;
  windowDays: number;
  /** The fullest window holding the date of service: its first and last day. */
  windowStart: string;
  windowEnd: string;
  /** Paid, unreversed units of the scope already in that window. */
  paidInWindow: number;
  /** Units that would still pay on this date of service (0 or more). */
  remaining: number;
  /** First later date of service on which the billed quantity pays; null when it never can. */
  payableOn: string | null;
}

/** Quantities carry up to 3 decimals (442-E7): add them as whole thousandths, not floats. */
const milli = (q: number) => Math.round(q * 1000);

interface DayFill {
  day: number; // days after the date of service (negative: before)
  milli: number;
}

/** The fullest `w`-day window that holds `day`: its first day and its total. */
function fullestWindow(fills: DayFill[], day: number, w: number): { start: number; total: number } {
  let best = { start: day - w + 1, total: -1 };
  for (let start = day - w + 1; start <= day; start++) {
    let total = 0;
    for (const f of fills) if (f.day >= start && f.day < start + w) total += f.milli;
    if (total > best.total) best = { start, total };
  }
  return best;
}

/**
 * NCPDP 76 over a rolling window (docs/design.md#quantity-limits). "`units` per `days`" allows,
 * for a claim of `daysSupply` days, `units × max(daysSupply, days) / days` units (rounded down) in
 * any window of `max(daysSupply, days)` days — counting the paid, unreversed fills of the same
 * scope and this claim. Every window that would hold the claim is checked, also those reaching
 * past its date of service: claims need not arrive in date order (a late-billed fill must not fit
 * under a limit that later fills already use up). Returns null when the claim fits, else the
 * fullest window, what remains and the first date the billed quantity would pay.
 */
export function quantityWindowExcess(input: {
  limit: QuantityLimit;
  scope: LimitScope;
  history: HistoryFill[];
  dateOfService: string;
  quantity: number;
  daysSupply: number;
}): QuantityWindowExcess | null {
  const { limit, dateOfService: dos } = input;
  const w = Math.max(limit.days, input.daysSupply);
  const allowed = maxQuantityFor(limit, input.daysSupply);
  const cap = milli(allowed);
  const want = milli(input.quantity);
  const fills: DayFill[] = input.history
    .filter((f) => inLimitScope(input.scope, f))
    .map((f) => ({ day: daysBetween(dos, f.dateOfService), milli: milli(f.quantity) }))
    .filter((f) => f.day > -w);
  const here = fullestWindow(fills, 0, w);
  if (here.total + want <= cap) return null;
  const excess: QuantityWindowExcess = {
    allowed,
    windowDays: w,
    windowStart: addDays(dos, here.start),
    windowEnd: addDays(dos, here.start + w - 1),
    paidInWindow: here.total / 1000,
    remaining: Math.max(0, cap - here.total) / 1000,
    payableOn: null,
  };
  if (want > cap) return excess;
  // Day by day until every fill dated up to the last one has left the window.
  const lastFill = Math.max(0, ...fills.map((f) => f.day));
  for (let day = 1; day <= lastFill + w; day++) {
    if (fullestWindow(fills, day, w).total + want <= cap) return { ...excess, payableOn: addDays(dos, day) };
  }
  return excess;
}
