import { DomainError } from '../platform/errors.js';
import { planToday } from '../platform/plan-time.js';
import type { PharmacyType } from '../plans/plan-policy.js';
import type { Database } from '../platform/db.js';
import type { ReferenceSnapshot } from '../reference/reference-cache.js';
import type { ClaimRequest } from './claim-types.js';
import { loadClaimContext, newestPaidDate, type ClaimContext, type ClaimContextKey } from './claims.repo.js';
import { adjudicateClaim, type Adjudication } from './rules/adjudicate-claim.js';
import { addDays } from '../platform/dates.js';
import { historyLookbackDays, historyScopeFor } from './rules/history-scope.js';
import type { ActiveAuthorization } from './rules/utilization.js';
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
    narrowHistory = false,
    firstContext,
  }: {
    reference: ReferenceSnapshot;
    request: ClaimRequest;
    now: Date;
    /** The first read's answer when the caller made it already (the read of firstContextKey). */
    firstContext?: ClaimContext;
    /** A dry run names no pharmacy: the kind of pharmacy it prices for (a claim uses its pharmacy's). */
    pharmacyTypeIfNone?: PharmacyType;
    /**
     * Read only the fills the claim's rules can look at (historyLookbackDays) rather than the whole
     * timely-filing year; the decision is the same. A claim sets it; a coverage check, which also
     * words its answer from the history, reads the year.
     */
    narrowHistory?: boolean;
  },
): Promise<ClaimDecision> {
  const [decision] = await decideClaimFor(database, { reference, request, now, narrowHistory, firstContext }, [
    pharmacyTypeIfNone,
  ]);
  return decision!;
}

/**
 * decideClaim for several kinds of pharmacy at once (a real-time benefit check prices retail and
 * mail): one context read, one adjudication per kind, in the order given.
 */
export async function decideClaimFor(
  database: Pick<Database, 'query'>,
  {
    reference,
    request,
    now,
    narrowHistory = false,
    firstContext,
  }: {
    reference: ReferenceSnapshot;
    request: ClaimRequest;
    now: Date;
    narrowHistory?: boolean;
    /** The first read's answer when the caller made it already (the read of firstContextKey). */
    firstContext?: ClaimContext;
  },
  pharmacyTypesIfNone: PharmacyType[],
): Promise<ClaimDecision[]> {
  const yearSince = addDays(request.dateOfService, -TIMELY_FILING_DAYS);
  const read = (historySince: string) =>
    loadClaimContext(database, contextKey({ reference, request, now }, historySince));
  const first = firstContextKey({ reference, request, now, narrowHistory });
  let context = firstContext ?? (await read(first.historySince));
  // Fewer months of partitions read (docs/scaling.md#partitioning); the whole year again in the
  // rare case the shorter read cannot decide alike: a long supply before it, or an authorization
  // whose own quantity limit counts further back than it read.
  if (
    first.historySince !== yearSince &&
    (context.longSupplyBefore || authorizedWindowDays(context.authorizations, request.daysSupply) > first.lookback)
  )
    context = await read(yearSince);
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

/** The claim-context read of a claim's history from `historySince`. */
function contextKey(
  { reference, request, now }: { reference: ReferenceSnapshot; request: ClaimRequest; now: Date },
  historySince: string,
): ClaimContextKey {
  return {
    memberId: request.cardholderId,
    pharmacyNpi: request.pharmacyNpi,
    prescriptionNumber: request.prescriptionNumber,
    fillNumber: request.fillNumber,
    dateOfService: request.dateOfService,
    historySince,
    longSupplySince: addDays(request.dateOfService, -TIMELY_FILING_DAYS),
    history: historyScopeFor(reference, request.productId),
    newestDate: newestPaidDate(now),
  };
}

/**
 * A claim's first context read (decideClaimFor makes it unless given its answer): the whole
 * timely-filing year, or with `narrowHistory` only as far back as the drug's rules look
 * (historyLookbackDays) when that is shorter. `lookback` is the days it reads back.
 */
export function firstContextKey({
  reference,
  request,
  now,
  narrowHistory = false,
}: {
  reference: ReferenceSnapshot;
  request: ClaimRequest;
  now: Date;
  narrowHistory?: boolean;
}): ClaimContextKey & { lookback: number } {
  const lookback = narrowHistory ? historyLookbackDays(reference, request.productId, request.daysSupply) : Infinity;
  return lookback < TIMELY_FILING_DAYS
    ? { ...contextKey({ reference, request, now }, addDays(request.dateOfService, -lookback)), lookback }
    : { ...contextKey({ reference, request, now }, addDays(request.dateOfService, -TIMELY_FILING_DAYS)), lookback };
}

/**
 * The longest rolling window an authorization's own quantity limit can count over for this claim
 * (quantityWindowExcess: max(limit days, days' supply)); 0 when none carries a limit. Any of the
 * member's active authorizations counts, whatever its drug: an upper bound is enough.
 */
function authorizedWindowDays(authorizations: ActiveAuthorization[], daysSupply: number): number {
  let days = 0;
  for (const a of authorizations)
    if (a.maxUnits != null && a.perDays != null) days = Math.max(days, a.perDays, daysSupply);
  return days;
}

/** The plan that answers for a member's pharmacy benefit: its own, or the one it is carved out to. */
export function payerPlan(reference: ReferenceSnapshot, memberPlanId: string | null | undefined) {
  const plan = memberPlanId ? reference.plans.get(memberPlanId) : undefined;
  return plan?.carveOutPlanId ? (reference.plans.get(plan.carveOutPlanId) ?? plan) : plan;
}
