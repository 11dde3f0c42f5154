import { CLINICIAN_ROLES, type Role } from '../../platform/roles.js';

/**
 * The clinicians who took part in the original determination: the one who decided it, and any
 * clinician who acted on the case (took it, asked for information, decided). None of them may
 * decide the appeal: 42 CFR 438.406(b)(2)(i) (individuals "neither involved in any previous level
 * of review or decision-making"), 42 CFR 423.590(f)(1) (Part D: "a person who was not involved
 * in making the coverage determination"), 45 CFR 147.136(b)(2)(ii)(D) (independence and
 * impartiality). 'system' (an automatic closure) excludes nobody.
 */
export function reviewersInvolved(
  decidedBy: string | null,
  history: Array<{ actor: string; actorRole: string }>,
): Set<string> {
  const involved = new Set<string>();
  if (decidedBy && decidedBy !== 'system') involved.add(decidedBy);
  for (const h of history) if (CLINICIAN_ROLES.includes(h.actorRole as Role)) involved.add(h.actor);
  return involved;
}

/**
 * Medicare Part D: when the coverage determination was denied for lack of medical necessity, the
 * redetermination must be made by a physician (42 CFR 423.590(f)(2)). Every clinical PA denial or
 * partial approval is a medical-necessity decision; a closure for no response is not.
 */
export function physicianRequired(lineOfBusiness: string, caseDecision: string | null): boolean {
  return lineOfBusiness === 'medicare-d' && (caseDecision === 'denied' || caseDecision === 'partially-approved');
}
