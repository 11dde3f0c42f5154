import type { AppContext } from '../app-context.js';
import type { ClaimRequest } from '../claims/claim-types.js';
import { decideClaimFor, payerPlan } from '../claims/index.js';
import type { PharmacyType } from '../plans/plan-policy.js';
import { isRealDate } from '../platform/dates.js';
import type { Principal } from '../platform/roles.js';
import { findMemberById } from '../members/index.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { planToday } from '../platform/plan-time.js';
import type { ReferenceSnapshot } from '../reference/reference-cache.js';
import { checkCoverage, type CoverageAnswer } from './check-coverage.js';
import type { CoverageQuery } from './coverage.schemas.js';

export type { CoverageQuery };

/** The NDC a claim for this concept would carry: the one asked about, else a priced package, else any. */
function packageFor(ref: ReferenceSnapshot, rxcui: string, productId?: string) {
  if (productId) return ref.packages.get(productId);
  const priced = ref.pricedPackageByRxcui.get(rxcui);
  if (priced) return priced;
  for (const p of ref.packages.values()) if (p.rxcui === rxcui) return p;
  return undefined;
}

/**
 * GET /coverage: a dry run of the claim pipeline (docs/design.md#coverage). The same context read
 * and the same adjudication a B1 claim gets, for a claim the member's pharmacy would send to the
 * paying processor today (or on `dateOfService`), with nothing recorded; so for any member, drug,
 * quantity and date, "would pay" here is what the claim answers.
 */
export async function getCoverage(ctx: AppContext, caller: Principal, q: CoverageQuery): Promise<CoverageAnswer> {
  const [answer] = await getCoverageFor(ctx, caller, q, [q.pharmacyType ?? 'retail']);
  return answer!;
}

/**
 * getCoverage priced for several kinds of pharmacy (a real-time benefit check: retail and mail)
 * from one read of the member's context; the answers are what getCoverage gives for each kind.
 */
export async function getCoverageFor(
  ctx: AppContext,
  caller: Principal,
  q: CoverageQuery,
  pharmacyTypes: PharmacyType[],
): Promise<CoverageAnswer[]> {
  if (caller.role === 'member' && caller.memberId !== q.memberId)
    throw forbidden('Members can only check their own coverage');
  if (!q.productId && !q.rxcui)
    throw new DomainError('VALIDATION_FAILED', 'Give productId (NDC) or rxcui', {
      errors: [{ path: 'productId', message: 'productId or rxcui is required' }],
    });
  if (q.dateOfService !== undefined && !isRealDate(q.dateOfService))
    throw new DomainError('VALIDATION_FAILED', 'dateOfService: is not a real date', {
      errors: [{ path: 'dateOfService', message: 'is not a real date' }],
    });
  const ref = await ctx.reference.get();
  const asked = q.productId ? ref.packages.get(q.productId) : undefined;
  if (q.productId && !asked) throw notFound('Drug with NDC', q.productId);
  const drug = ref.concepts.get(asked?.rxcui ?? q.rxcui!);
  if (!drug) throw notFound('Drug with RxCUI', q.rxcui ?? '');
  const member = await findMemberById(ctx.database.db, q.memberId);
  if (!member) throw notFound('Member', q.memberId);
  const memberPlan = ref.plans.get(member.planId);
  if (!memberPlan) throw notFound('Plan of member', q.memberId);
  const now = ctx.clock.now();
  const payer = payerPlan(ref, member.planId)!;
  const processor = ref.processors.get(payer.processorId);
  const pkg = packageFor(ref, drug.rxcui, q.productId);
  const dateOfService = q.dateOfService ?? planToday(payer, now);
  const quantity = q.quantity ?? 30;
  const daysSupply = q.daysSupply ?? 30;
  // The claim the member's pharmacy would send to the paying processor. No pharmacy, prescription
  // or prescriber is named (nothing here can be a duplicate); no submitted cost, so the price is
  // the catalog's.
  const request: ClaimRequest = {
    bin: processor?.bin ?? '',
    pcn: processor?.pcn ?? null,
    groupId: payer.groupId ?? processor?.groupId ?? null,
    cardholderId: member.id,
    patient: { dateOfBirth: member.dateOfBirth },
    pharmacyNpi: '',
    prescriptionNumber: '',
    fillNumber: 0,
    dateOfService,
    productId: pkg?.ndc ?? '',
    quantityDispensed: quantity,
    daysSupply,
    prescriberNpi: '',
    submittedIngredientCost: null,
    usualAndCustomaryCharge: null,
  };
  const decisions = await decideClaimFor(ctx.database, { reference: ref, request, now }, pharmacyTypes);
  return decisions.map((decision, i) =>
    checkCoverage({
      reference: ref,
      member: decision.context.member!,
      drug,
      unitPrice: pkg?.unitPrice ?? null,
      history: decision.context.history,
      authorizations: decision.context.authorizations,
      dateOfService,
      quantity,
      daysSupply,
      pharmacyType: pharmacyTypes[i]!,
      dryRun: decision.result!,
    }),
  );
}
