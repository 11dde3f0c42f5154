import type { AppContext } from '../app-context.js';
import { addDays } from '../platform/dates.js';
import { countClaimVolume, type ClaimVolumeRange } from './claims.repo.js';
import { REJECT } from './rules/reject-codes.js';

const DESCRIPTIONS = new Map<string, string>(Object.values(REJECT).map((r) => [r.code, r.description]));

export interface ClaimVolume {
  /** Every day of the range, days without claims as zeros (a chart's gaps are real days). */
  days: Array<{ day: string; paid: number; reversed: number; rejected: number }>;
  rejectCodes: Array<{ code: string; description: string | null; count: number }>;
  total: { paid: number; reversed: number; rejected: number };
}

/**
 * Claims volume by date of service and reject-code counts for a checked range (the reports module
 * checks it and the caller's role): the database aggregates, this fills the empty days and names
 * each code with its NCPDP text.
 */
export async function claimVolume(ctx: AppContext, range: ClaimVolumeRange): Promise<ClaimVolume> {
  const counted = await countClaimVolume(ctx.database, range);
  const byDay = new Map(counted.days.map((d) => [d.day, d]));
  const days: ClaimVolume['days'] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1))
    days.push(byDay.get(day) ?? { day, paid: 0, reversed: 0, rejected: 0 });
  const sum = (k: 'paid' | 'reversed' | 'rejected') => days.reduce((n, d) => n + d[k], 0);
  return {
    days,
    rejectCodes: counted.rejectCodes.map((c) => ({ ...c, description: DESCRIPTIONS.get(c.code) ?? null })),
    total: { paid: sum('paid'), reversed: sum('reversed'), rejected: sum('rejected') },
  };
}
