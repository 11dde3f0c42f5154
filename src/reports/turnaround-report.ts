import type { Static } from '@sinclair/typebox';
import type { AppContext } from '../app-context.js';
import { checkedReportRange } from './report-range.js';
import type { TurnaroundQuerySchema } from './reports.schemas.js';
import { listReportAppeals, listReportCases } from './reports.repo.js';
import { computeTurnaroundMetrics, rangeBounds, type TurnaroundMetrics } from './rules/turnaround-metrics.js';

export type TurnaroundQuery = Static<typeof TurnaroundQuerySchema>;

export type TurnaroundReport = TurnaroundMetrics & { planId: string | null; generatedAt: string };

/**
 * docs/design.md#metrics: the turnaround metrics for PA requests decided between `from` and `to` (UTC
 * calendar days, both included; the last 12 weeks by default), for one plan or all of them.
 */
export async function turnaroundReport(ctx: AppContext, query: TurnaroundQuery): Promise<TurnaroundReport> {
  const now = ctx.clock.now();
  const { from, to, planId } = await checkedReportRange(ctx, query);
  const { start, end } = rangeBounds(from, to);
  const [cases, appeals] = await Promise.all([
    listReportCases(ctx.database, { start, end, planId }),
    listReportAppeals(ctx.database, { start, end, planId }),
  ]);
  return { ...computeTurnaroundMetrics({ from, to, cases, appeals, now }), planId, generatedAt: now.toISOString() };
}
