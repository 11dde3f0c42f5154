import type { AuthorizationGrant } from '../authorizations/index.js';
import { isExceptionKind } from '../shared/exception-kinds.js';
import type { PlanRow } from '../plans/index.js';
import type { PaRequestRow } from './priorauth.repo.js';
import type { PublishedCriteria } from './published-criteria.js';

/**
 * What an approval of this case grants, before any reviewer's limits: the case's member,
 * drug-form group (or brand) and renewal link, the criteria version's approval duration and
 * quantity, and the plan's zone and renewal window.
 */
export function caseGrant(
  request: PaRequestRow,
  plan: PlanRow,
  criteria: PublishedCriteria | null | undefined,
): Omit<AuthorizationGrant, 'now' | 'approvedQuantity' | 'effectiveTo'> {
  const partDException = plan.lineOfBusiness === 'medicare-d' && isExceptionKind(request.kind);
  return {
    kind: request.kind,
    // Part D exceptions hold for refills through the end of the plan year (42 CFR 423.578(c)(4));
    // Part D's plan year is the calendar year.
    ...(partDException
      ? { throughPlanYearEnd: { startMonth: plan.policy.accumulators?.planYearStartMonth ?? 1 } }
      : {}),
    memberId: request.memberId,
    groupId: request.groupId,
    brandName: request.brandName,
    paRequestId: request.id,
    renewalOf: request.renewalOf,
    daysSupply: request.daysSupply,
    // A quantity-limit exception raises the limit to the quantity asked for, per the case's days' supply.
    approval:
      request.kind === 'quantity-limit'
        ? {
            durationDays: criteria?.body.approval.durationDays ?? 365,
            maxQuantityPerDays: { units: Number(request.quantity), days: request.daysSupply },
          }
        : (criteria?.body.approval ?? null),
    timeZone: plan.policy.review.timeZone,
    renewalWindowDays: plan.policy.renewalWindowDays,
  };
}
