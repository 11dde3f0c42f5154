import type { Static } from '@sinclair/typebox';
import type { AppContext } from '../app-context.js';
import { DomainError, notFound } from '../platform/errors.js';
import type { TurnaroundQuerySchema } from './reports.schemas.js';
import { listReportAppeals, listReportCases } from './reports.repo.js';
import {
  computeTurnaroundMetrics,
  defaultRange,
  isCalendarDate,
  rangeBounds,
  rangeProblem,
  type TurnaroundMetrics,
} from './rules/turnaround-metrics.js';

export type TurnaroundQuery = Static<typeof TurnaroundQuerySchema>;

export type TurnaroundReport = TurnaroundMetrics & { planId: string | null; generatedAt: string };

/**
 * docs/design.md#metrics: the turnaround metrics for PA requests decided between `from` and `to` (UTC
 * calendar days, both included; the last 12 weeks by default), for one plan or all of them.
 */
export async function turnaroundReport(ctx: AppContext, query: TurnaroundQuery): Promise<TurnaroundReport> {
  const now = ctx.clock.now();
  const to = query.to ?? defaultRange(now).to;
  // Only `to` given: the 12 weeks ending then (an invalid `to` is reported below, as `to`).
  const from =
    query.from ?? (isCalendarDate(to) ? defaultRange(new Date(`${to}T00:00:00Z`)).from : defaultRange(now).from);
  const problem = rangeProblem(from, to);
  if (problem)
    throw new DomainError('VALIDATION_FAILED', `${problem.path}: ${problem.message}`, {
      errors: [{ path: `querystring.${problem.path}`, message: problem.message }],
    });
  const planId = query.planId?.trim() || null;
  if (planId && !(await ctx.reference.get()).plans.has(planId)) throw notFound('Plan', planId);
  const { start, end } = rangeBounds(from, to);
  const [cases, appeals] = await Promise.all([
    listReportCases(ctx.database, { start, end, planId }),
    listReportAppeals(ctx.database, { start, end, planId }),
  ]);
  return { ...computeTurnaroundMetrics({ from, to, cases, appeals, now }), planId, generatedAt: now.toISOString() };
}
