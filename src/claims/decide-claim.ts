import { DomainError } from '../platform/errors.js';
import { planToday } from '../platform/plan-time.js';
import type { PharmacyType } from '../plans/plan-policy.js';
import type { Database } from '../platform/db.js';
import type { ReferenceSnapshot } from '../reference/reference-cache.js';
import type { ClaimRequest } from './claim-types.js';
import { loadClaimContext, newestPaidDate, type ClaimContext } from './claims.repo.js';
import { adjudicateClaim, type Adjudication } from './rules/adjudicate-claim.js';
import { addDays } from '../platform/dates.js';
import { historyScopeFor } from './rules/history-scope.js';
import { checkDateOfService, TIMELY_FILING_DAYS } from './rules/date-of-service.js';

export { checkDateOfService, TIMELY_FILING_DAYS };

export interface ClaimDecision {
  context: ClaimContext;
  /** Null when the claim is a resubmission of a paid one (context.duplicate answers it). */
  result: Adjudication | null;
  /** Today in the plan's time zone, the day the date of service was checked against. */
  today: string;
}

/**
 * The claim pipeline without the write: read the claim's context (member, pharmacy, history,
 * authorizations, a paid duplicate), check the date of service in the plan's time zone, and
 * adjudicate. A B1 claim records what this decides; a coverage check is this same call with no
 * insert (docs/design.md#coverage), so the two cannot disagree.
 */
export async function decideClaim(
  database: Pick<Database, 'query'>,
  {
    reference,
    request,
    now,
    pharmacyTypeIfNone = 'retail',
  }: {
    reference: ReferenceSnapshot;
    request: ClaimRequest;
    now: Date;
    /** A dry run names no pharmacy: the kind of pharmacy it prices for (a claim uses its pharmacy's). */
    pharmacyTypeIfNone?: PharmacyType;
  },
): Promise<ClaimDecision> {
  const [decision] = await decideClaimFor(database, { reference, request, now }, [pharmacyTypeIfNone]);
  return decision!;
}

/**
 * decideClaim for several kinds of pharmacy at once (a real-time benefit check prices retail and
 * mail): one context read, one adjudication per kind, in the order given.
 */
export async function decideClaimFor(
  database: Pick<Database, 'query'>,
  { reference, request, now }: { reference: ReferenceSnapshot; request: ClaimRequest; now: Date },
  pharmacyTypesIfNone: PharmacyType[],
): Promise<ClaimDecision[]> {
  const context = await loadClaimContext(database, {
    memberId: request.cardholderId,
    pharmacyNpi: request.pharmacyNpi,
    prescriptionNumber: request.prescriptionNumber,
    fillNumber: request.fillNumber,
    dateOfService: request.dateOfService,
    historySince: addDays(request.dateOfService, -TIMELY_FILING_DAYS),
    history: historyScopeFor(reference, request.productId),
    newestDate: newestPaidDate(now),
  });
  const today = planToday(payerPlan(reference, context.member?.planId), now);
  const dateError = checkDateOfService(request.dateOfService, today);
  if (dateError)
    throw new DomainError('VALIDATION_FAILED', `${dateError.path}: ${dateError.message}`, { errors: [dateError] });
  return pharmacyTypesIfNone.map((pharmacyTypeIfNone) => {
    if (context.duplicate) return { context, result: null, today };
    const result = adjudicateClaim({
      request,
      member: context.member,
      pharmacyType: (context.pharmacyType ?? pharmacyTypeIfNone) as PharmacyType,
      reference,
      history: context.history,
      authorizations: context.authorizations,
      accumulators: context.accumulators,
    });
    return { context, result, today };
  });
}

/** The plan that answers for a member's pharmacy benefit: its own, or the one it is carved out to. */
export function payerPlan(reference: ReferenceSnapshot, memberPlanId: string | null | undefined) {
  const plan = memberPlanId ? reference.plans.get(memberPlanId) : undefined;
  return plan?.carveOutPlanId ? (reference.plans.get(plan.carveOutPlanId) ?? plan) : plan;
}
