import type { AppContext } from '../app-context.js';
import { claimVolume, type ClaimVolume } from '../claims/index.js';
import { checkedReportRange, type ReportQuery } from './report-range.js';

export type ClaimsReport = ClaimVolume & { from: string; to: string; planId: string | null; generatedAt: string };

/**
 * docs/design.md#metrics: claims volume by date of service (paid, reversed, rejected) and the reject
 * codes returned, for a range of days and one plan or all of them.
 */
export async function claimsReport(ctx: AppContext, query: ReportQuery): Promise<ClaimsReport> {
  const range = await checkedReportRange(ctx, query);
  return { ...(await claimVolume(ctx, range)), ...range, generatedAt: ctx.clock.now().toISOString() };
}
