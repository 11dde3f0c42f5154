import { CLINICIAN_ROLES, type Principal } from '../platform/roles.js';
import { DomainError, notFound } from '../platform/errors.js';
import type { AppealRow } from './appeals.repo.js';

/**
 * Who may see an appeal: the same rule as its PA case (docs/design.md#access) — the member their own, the
 * prescriber on the case, staff all. Pharmacies are not parties to an appeal. A member asking
 * for another's appeal gets 404 (no existence leak); others 403.
 */
export function canSeeAppeal(p: Principal, row: AppealRow): boolean {
  switch (p.role) {
    case 'member':
      return row.memberId === p.memberId;
    case 'prescriber':
      return row.prescriberNpi === p.npi;
    case 'pharmacy':
      return false;
    case 'intake':
    case 'reviewer-pharmacist':
    case 'reviewer-physician':
    case 'member-services':
    case 'admin':
      return true;
  }
}

export function assertCanSeeAppeal(p: Principal, row: AppealRow | undefined, id: string): AppealRow {
  if (!row) throw notFound('Appeal', id);
  if (!canSeeAppeal(p, row)) {
    if (p.role === 'member') throw notFound('Appeal', id);
    throw new DomainError('FORBIDDEN', 'This appeal belongs to another patient or prescriber');
  }
  return row;
}

export function assertAppealReviewer(p: Principal): void {
  if (!CLINICIAN_ROLES.includes(p.role))
    throw new DomainError('FORBIDDEN', 'Appeals are decided by clinical reviewers (pharmacist or physician)');
}

/** The reviewer independence rule (see rules/independent-reviewer.ts): a 403, never a silent hand-off. */
export function assertNotInvolved(p: Principal, involved: Set<string>): void {
  if (involved.has(p.username)) {
    throw new DomainError(
      'FORBIDDEN',
      'You took part in the original determination; the appeal must be reviewed by a clinician who did not',
      { details: { reason: 'original-reviewer' } },
    );
  }
}
