import type { AppContext } from '../app-context.js';
import { writeAudit } from '../audit/write-audit.js';
import { loadMemberBenefits } from '../claims/index.js';
import { addDays } from '../platform/dates.js';
import { isStaff, type Principal } from '../identity/roles.js';
import { toLocalDate } from '../platform/clock.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { checkCoverage, type CoverageAnswer } from './check-coverage.js';
import type { PharmacyType } from '../plans/plan-policy.js';

export interface CoverageQuery {
  memberId: string;
  productId?: string;
  rxcui?: string;
  quantity?: number;
  daysSupply?: number;
  /** Where it would be filled (patient pay differs by pharmacy type); retail unless said. */
  pharmacyType?: PharmacyType;
}

export async function getCoverage(ctx: AppContext, caller: Principal, q: CoverageQuery): Promise<CoverageAnswer> {
  if (caller.role === 'member' && caller.memberId !== q.memberId)
    throw forbidden('Members can only check their own coverage');
  if (!q.productId && !q.rxcui)
    throw new DomainError('VALIDATION_FAILED', 'Give productId (NDC) or rxcui', {
      errors: [{ path: 'productId', message: 'productId or rxcui is required' }],
    });
  const ref = await ctx.reference.get();
  const pkg = q.productId ? ref.packages.get(q.productId) : undefined;
  if (q.productId && !pkg) throw notFound('Drug with NDC', q.productId);
  const drug = ref.concepts.get(pkg?.rxcui ?? q.rxcui!);
  if (!drug) throw notFound('Drug with RxCUI', q.rxcui ?? '');
  const now = ctx.clock.now();
  const today = toLocalDate(now);
  const benefits = await loadMemberBenefits(ctx.database, q.memberId, today, addDays(today, -365));
  if (!benefits.member) throw notFound('Member', q.memberId);
  if (isStaff(caller)) {
    await writeAudit(ctx.database.db, {
      at: now,
      actor: caller,
      action: 'phi.read',
      entityType: 'member-coverage',
      entityId: q.memberId,
    });
  }
  return checkCoverage({
    reference: ref,
    member: benefits.member,
    drug,
    unitPrice: pkg?.unitPrice ?? ref.pricedPackageByRxcui.get(drug.rxcui)?.unitPrice ?? null,
    history: benefits.history,
    authorizations: benefits.authorizations,
    today,
    quantity: q.quantity ?? 30,
    daysSupply: q.daysSupply ?? 30,
    pharmacyType: q.pharmacyType ?? 'retail',
  });
}
