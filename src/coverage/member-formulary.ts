import type { Static } from '@sinclair/typebox';
import type { AppContext } from '../app-context.js';
import type { FormularySearchQuery } from '../reference/formulary.schemas.js';
import { loadMemberBenefits, payerPlan } from '../claims/index.js';
import { applyExceptions, effectiveEntry, orderedTiers } from '../claims/rules/exception-effect.js';
import { findMemberById } from '../members/index.js';
import { forbidden, notFound } from '../platform/errors.js';
import { planToday } from '../platform/plan-time.js';
import { isStaff, type Principal } from '../platform/roles.js';
import { searchFormulary, type FormularyHit, type MemberTerms } from '../reference/search-formulary.js';

/** GET /members/{id}/formulary's query: the formulary search's own (text, covered only, page size). */
export type MemberFormularyQuery = Static<typeof FormularySearchQuery>;

/**
 * GET /members/{id}/formulary (docs/design.md#exceptions): the formulary of the plan that pays
 * for the member, each entry as the member's approved exceptions and authorizations leave it
 * today — a formulary exception's drug covered at the decided tier, a tiering exception's lower
 * tier, a raised quantity limit, an age or sex limit lifted, a brand at its generic's tier, PA
 * and step therapy lifted by a PA — computed by the same function claims, coverage, RTPB and CRD
 * use (applyExceptions), so the list never disagrees with the claim.
 */
export async function memberFormulary(ctx: AppContext, caller: Principal, memberId: string, q: MemberFormularyQuery) {
  // A member's approved exceptions and authorizations are PHI: the member and plan staff (audited
  // as a PHI read) see them; prescribers and pharmacies ask the coverage API with the patient's
  // identifiers instead (docs/security.md, access matrix).
  if (caller.role === 'member') {
    if (caller.memberId !== memberId) throw forbidden("Members can only see their own plan's formulary terms");
  } else if (!isStaff(caller)) throw forbidden("A member's formulary terms are for the member and plan staff");
  const member = await findMemberById(ctx.database.db, memberId);
  if (!member) throw notFound('Member', memberId);
  const ref = await ctx.reference.get();
  const payer = payerPlan(ref, member.planId);
  if (!payer) throw notFound('Plan of member', memberId);
  const today = planToday(payer, ctx.clock.now());
  const { authorizations } = await loadMemberBenefits(ctx.database, member.id, today, today);
  const tiers = orderedTiers(Object.keys(payer.policy.costSharing.tiers));
  const byGroup = ref.formularies.get(payer.id)?.byGroup;
  const memberTerms: MemberTerms = (concept, planEntry) => {
    if (!authorizations.some((a) => a.groupId === concept.groupId)) return { entry: planEntry, applied: [] };
    const terms = applyExceptions({
      entry: planEntry,
      groupEntry: byGroup?.get(concept.groupId),
      drug: concept,
      authorizations,
      dateOfService: today,
      tiers,
    });
    return {
      entry: effectiveEntry(terms),
      applied: terms.applied.map((a) => ({
        number: a.number,
        kind: a.kind ?? 'prior-authorization',
        effectiveTo: a.effectiveTo,
      })),
    };
  };
  const items: FormularyHit[] = searchFormulary(ref, payer.id, q.q, {
    coveredOnly: q.coveredOnly,
    limit: q.limit,
    memberTerms,
  });
  return { memberId: member.id, planId: member.planId, formularyPlanId: payer.id, asOf: today, items };
}
