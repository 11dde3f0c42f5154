import type { AppContext } from '../app-context.js';
import { DomainError, notFound } from '../platform/errors.js';
import { defaultRange, isCalendarDate, rangeProblem } from './rules/turnaround-metrics.js';

export interface ReportQuery {
  from?: string;
  to?: string;
  planId?: string;
}

/**
 * An admin report's range and plan, checked: `from`/`to` default to the 12 weeks ending today (UTC
 * days, both included; only `to` given: the 12 weeks ending then); a bad date or range is 400 with
 * the field, an unknown plan 404.
 */
export async function checkedReportRange(
  ctx: AppContext,
  query: ReportQuery,
): Promise<{ from: string; to: string; planId: string | null }> {
  const now = ctx.clock.now();
  const to = query.to ?? defaultRange(now).to;
  const from =
    query.from ?? (isCalendarDate(to) ? defaultRange(new Date(`${to}T00:00:00Z`)).from : defaultRange(now).from);
  const problem = rangeProblem(from, to);
  if (problem)
    throw new DomainError('VALIDATION_FAILED', `${problem.path}: ${problem.message}`, {
      errors: [{ path: `querystring.${problem.path}`, message: problem.message }],
    });
  const planId = query.planId?.trim() || null;
  if (planId && !(await ctx.reference.get()).plans.has(planId)) throw notFound('Plan', planId);
  return { from, to, planId };
}
