import { CLINICIAN_ROLES, type Principal } from '../platform/roles.js';
import { DomainError, notFound } from '../platform/errors.js';
import type { PaRequestRow } from './priorauth.repo.js';

/**
 * Who may see a case (docs/design.md#access): the member their own, the prescriber their own patients'
 * requests, a pharmacy the requests it started, staff all. A case the caller may not see is
 * answered 404 for members (no existence leak) and 403 for others.
 */
export function canSeeRequest(p: Principal, row: PaRequestRow): boolean {
  switch (p.role) {
    case 'member':
      return row.memberId === p.memberId;
    case 'prescriber':
      return row.prescriberNpi === p.npi;
    case 'pharmacy':
      return row.pharmacyNpi !== null && row.pharmacyNpi === p.npi;
    case 'intake':
    case 'reviewer-pharmacist':
    case 'reviewer-physician':
    case 'member-services':
    case 'admin':
      return true;
  }
}

export function assertCanSee(p: Principal, row: PaRequestRow | undefined, id: string): PaRequestRow {
  if (!row) throw notFound('PA request', id);
  if (!canSeeRequest(p, row)) {
    if (p.role === 'member') throw notFound('PA request', id);
    throw new DomainError('FORBIDDEN', 'This PA request belongs to another patient or prescriber');
  }
  return row;
}

/** The requester side: the prescriber on the case, staff taking it by phone/fax, a pharmacy that started it. */
export function assertCanAct(p: Principal, row: PaRequestRow): void {
  const ok =
    (p.role === 'prescriber' && row.prescriberNpi === p.npi) ||
    (p.role === 'pharmacy' && row.pharmacyNpi === p.npi && row.status === 'awaiting-answers') ||
    p.role === 'intake' ||
    p.role === 'member-services' ||
    p.role === 'admin';
  if (!ok) throw new DomainError('FORBIDDEN', 'Only the prescriber on this request (or intake staff) can do this');
}

export function assertClinician(p: Principal): void {
  if (!CLINICIAN_ROLES.includes(p.role))
    throw new DomainError('FORBIDDEN', 'Only clinical reviewers (pharmacist or physician) can do this');
}
