import type { AppContext } from '../app-context.js';
import { loadMemberBenefits } from '../claims/index.js';
import { addDays } from '../platform/dates.js';
import type { PaRequestRow } from './priorauth.repo.js';
import { computeFacts } from './rules/compute-facts.js';
import type { CriteriaSet } from './rules/criteria-set.js';
import { evaluateCriteria } from './rules/evaluate-criteria.js';
import { planToday } from '../platform/plan-time.js';

/**
 * The member's facts a criteria set declares, as of the plan's date at `now` (age, sex, two
 * years of paid claims up to that date). Read-only.
 */
export async function factsAsOf(
  ctx: AppContext,
  row: Pick<PaRequestRow, 'memberId' | 'planId' | 'groupId'>,
  criteria: CriteriaSet,
  now: Date,
) {
  const today = planToday((await ctx.reference.get()).plans.get(row.planId), now);
  // One round trip: the member's date of birth and sex come with the claim history.
  const benefits = await loadMemberBenefits(ctx.database, row.memberId, today, addDays(today, -730));
  const member = benefits.member!;
  const facts = computeFacts(criteria, {
    member: { dateOfBirth: member.dateOfBirth, sex: member.sex as 'M' | 'F' | 'U' },
    claimHistory: benefits.history.map((h) => ({
      dateOfService: h.dateOfService,
      daysSupply: h.daysSupply,
      ingredient: h.ingredient ?? '',
      drugClass: h.drugClass ?? '',
      groupId: h.groupId ?? '',
    })),
    requestedGroupId: row.groupId,
    today,
  });
  return { facts, today };
}

/**
 * Gathers the member's facts and evaluates the criteria set's rules over the answers. Read-only:
 * call it before opening the transaction that records the outcome (on PGlite a read outside an
 * open transaction would wait for it). The facts are stored with the evaluation, so a later
 * simulation replays the case on what was true then (rules/replay-criteria.ts).
 */
export async function evaluateRequest(
  ctx: AppContext,
  { row, criteria, answers, now }: { row: PaRequestRow; criteria: CriteriaSet; answers: unknown; now: Date },
) {
  const { facts, today } = await factsAsOf(ctx, row, criteria, now);
  const evaluation = evaluateCriteria(criteria, answers as never, facts, today);
  return { facts, today, evaluation, evaluatedAt: now.toISOString() };
}
