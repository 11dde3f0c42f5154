import type { AppContext } from '../app-context.js';
import { memberClaimHistory, memberPaidFills } from '../claims/index.js';
import { DomainError } from '../platform/errors.js';
import { addDays } from '../platform/dates.js';
import { planToday } from '../platform/plan-time.js';
import { CLINICIAN_ROLES, type Principal } from '../platform/roles.js';
import { assertCanSee, assertClinician } from './pa-access.js';
import { findPaRequest } from './priorauth.repo.js';

/** How far back the reviewer's claim history reaches (the last year, docs/design.md#reviewer-screen). */
export const CLAIM_HISTORY_DAYS = 365;

/**
 * The case member's claims of the last year (dates of service from today − 365 days, today in the
 * plan's zone), paid, rejected and reversed, for the clinician weighing the case: the fills the
 * criteria's facts were computed from, and what else the member takes. Clinicians only — it is the
 * member's whole pharmacy history, not just this prescriber's prescriptions.
 */
export async function caseClaimHistory(ctx: AppContext, caller: Principal, caseId: string) {
  assertClinician(caller);
  const row = assertCanSee(caller, await findPaRequest(ctx.database.db, caseId), caseId);
  const { from, to } = await lastYear(ctx, row.planId);
  return { memberId: row.memberId, from, to, items: await memberClaimHistory(ctx, row.memberId, from) };
}

/** The last year of dates of service: today in the plan's zone and `CLAIM_HISTORY_DAYS` before it. */
async function lastYear(ctx: AppContext, planId: string): Promise<{ from: string; to: string }> {
  const plan = (await ctx.reference.get()).plans.get(planId);
  const to = planToday(plan, ctx.clock.now());
  return { from: addDays(to, -CLAIM_HISTORY_DAYS), to };
}

/**
 * The case member's medication history from paid claims of the last year
 * (docs/design.md#prescriber-portal), for
 * whoever answers the case's questions: the case's prescriber sees the fills of their own
 * prescriptions (what a prescriber may see of claims); clinicians and intake see every paid fill.
 */
export async function caseMedicationHistory(ctx: AppContext, caller: Principal, caseId: string) {
  if (!['prescriber', 'intake', ...CLINICIAN_ROLES].includes(caller.role))
    throw new DomainError('FORBIDDEN', 'Only the prescriber on the case, intake and clinical reviewers can read this');
  const row = assertCanSee(caller, await findPaRequest(ctx.database.db, caseId), caseId);
  const { from, to } = await lastYear(ctx, row.planId);
  const own = caller.role === 'prescriber' ? (caller.npi ?? '') : undefined;
  return {
    memberId: row.memberId,
    from,
    to,
    prescriberOnly: own !== undefined,
    items: await memberPaidFills(ctx, row.memberId, from, own),
  };
}
