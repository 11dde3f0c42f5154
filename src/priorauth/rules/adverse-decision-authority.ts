import type { Role } from '../../platform/roles.js';
import type { PlanPolicy } from '../../plans/plan-policy.js';

export type ReviewerRole = 'reviewer-pharmacist' | 'reviewer-physician';
const BOTH: ReviewerRole[] = ['reviewer-pharmacist', 'reviewer-physician'];

/**
 * The reviewer roles that may make an adverse decision (deny, or approve only in part) on a plan's
 * PA cases. Medicare Part D: "if the Part D plan sponsor expects to issue a partially or fully
 * adverse medical necessity decision … the coverage determination must be reviewed by a physician"
 * (42 CFR 423.566(d)): physicians only, whatever the plan's policy file says. Other lines follow
 * the plan's `review.adverseDecisionRoles`, by default any clinical reviewer.
 */
export function adverseDecisionRoles(lineOfBusiness: string, policy: Pick<PlanPolicy, 'review'>): ReviewerRole[] {
  if (lineOfBusiness === 'medicare-d') return ['reviewer-physician'];
  const listed = policy.review.adverseDecisionRoles;
  return listed && listed.length ? BOTH.filter((r) => listed.includes(r)) : BOTH;
}

export function mayMakeAdverseDecision(
  role: Role,
  lineOfBusiness: string,
  policy: Pick<PlanPolicy, 'review'>,
): boolean {
  return (adverseDecisionRoles(lineOfBusiness, policy) as Role[]).includes(role);
}

export const isAdverse = (decision: string) => decision === 'denied' || decision === 'partially-approved';
