import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { assertCanReadMember, findMemberById } from '../members/index.js';
import { planToday } from '../platform/plan-time.js';
import { payerPlan } from './decide-claim.js';
import { invalid, notFound } from '../platform/errors.js';
import { loadMemberAccumulators } from './accumulators.repo.js';
import { planYearOf, standing, totalsFor, type AccumulatorStanding } from './rules/accumulators.js';
import { isRealDate } from '../platform/dates.js';

export interface MemberAccumulators {
  memberId: string;
  /** The date the plan years are taken at (YYYY-MM-DD). */
  asOf: string;
  /** The plan that pays the member's pharmacy claims first, then any other plan with totals in a plan year holding `asOf`. */
  items: AccumulatorStanding[];
}

/**
 * GET /members/{id}/accumulators (docs/design.md#accumulators): deductible met, out-of-pocket
 * spent and what is left, per plan year. The same access as the member record: the member
 * (another member's id is 404), prescribers serving the member and staff — a read by anyone but the member is audited by the route's declaration.
 */
export async function getMemberAccumulators(
  ctx: AppContext,
  caller: Principal,
  memberId: string,
  query: { date?: string } = {},
): Promise<MemberAccumulators> {
  // The member record's rule (docs/design.md#access): a prescriber only for a member they serve.
  await assertCanReadMember(ctx, caller, memberId);
  if (query.date !== undefined && !isRealDate(query.date)) throw invalid('date', 'is not a real date');
  // today in the member's plan's time zone (docs/design.md#time-zones)
  const member = query.date === undefined ? await findMemberById(ctx.database.db, memberId) : undefined;
  const asOf = query.date ?? planToday(payerPlan(await ctx.reference.get(), member?.planId), ctx.clock.now());
  const found = await loadMemberAccumulators(ctx.database, memberId, asOf);
  if (!found) throw notFound('Member', memberId);
  const ref = await ctx.reference.get();
  const memberPlan = found.planId ? ref.plans.get(found.planId) : undefined;
  // A carved-out pharmacy benefit is paid (and counted) by the plan it is carved out to.
  const payingPlanId = memberPlan?.carveOutPlanId ?? memberPlan?.id;
  const planIds = [...new Set([...(payingPlanId ? [payingPlanId] : []), ...found.rows.map((r) => r.planId)])];
  const items: AccumulatorStanding[] = [];
  for (const planId of planIds) {
    const policy = ref.plans.get(planId)?.policy.accumulators;
    const year = planYearOf(policy, asOf);
    const totals = totalsFor(found.rows, planId, year.start);
    if (planId !== payingPlanId && found.rows.every((r) => r.planId !== planId || r.planYearStart !== year.start))
      continue;
    items.push(standing(policy, planId, year, totals));
  }
  return { memberId, asOf, items };
}
