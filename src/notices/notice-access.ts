import { isStaff, type Principal } from '../platform/roles.js';
import type { NoticeRow } from './notices.repo.js';

/** The parties on the case a notice is about (the PA request), when it is about one. */
export interface NoticeCase {
  memberId: string;
  prescriberNpi: string;
  pharmacyNpi: string | null;
}

/**
 * Who may read a notice (docs/design.md#access, minimum necessary): staff every notice; a member the letters
 * addressed to them; a prescriber the letters addressed to them and every letter on a case they
 * prescribed; a pharmacy the letters addressed to it. Anything else is answered as not found.
 */
export function canSeeNotice(
  p: Principal,
  n: Pick<NoticeRow, 'recipient' | 'recipientId' | 'memberId'>,
  paCase: NoticeCase | null,
): boolean {
  if (isStaff(p)) return true;
  switch (p.role) {
    case 'member':
      return (
        Boolean(p.memberId) &&
        n.recipient === 'member' &&
        n.recipientId === p.memberId &&
        (n.memberId === null || n.memberId === p.memberId)
      );
    case 'prescriber':
      return (
        Boolean(p.npi) && ((n.recipient === 'prescriber' && n.recipientId === p.npi) || paCase?.prescriberNpi === p.npi)
      );
    case 'pharmacy':
      return Boolean(p.npi) && n.recipient === 'pharmacy' && n.recipientId === p.npi;
    default:
      return false;
  }
}
