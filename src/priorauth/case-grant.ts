import type { AuthorizationGrant } from '../authorizations/index.js';
import type { PlanRow } from '../plans/index.js';
import type { CriteriaSetRow, PaRequestRow } from './priorauth.repo.js';

/**
 * What an approval of this case grants, before any reviewer's limits: the case's member,
 * drug-form group (or brand) and renewal link, the criteria version's approval duration and
 * quantity, and the plan's zone and renewal window.
 */
export function caseGrant(
  request: PaRequestRow,
  plan: PlanRow,
  criteria: CriteriaSetRow | null | undefined,
): Omit<AuthorizationGrant, 'now' | 'approvedQuantity' | 'effectiveTo'> {
  return {
    memberId: request.memberId,
    groupId: request.groupId,
    brandName: request.brandName,
    paRequestId: request.id,
    renewalOf: request.renewalOf,
    daysSupply: request.daysSupply,
    approval: criteria?.body.approval ?? null,
    timeZone: plan.policy.review.timeZone,
    renewalWindowDays: plan.policy.renewalWindowDays,
  };
}
