import { findDisplayNames } from '../identity/index.js';
import { DomainError } from '../platform/errors.js';
import type { Db } from '../platform/db.js';

/**
 * The 409 for a case or appeal another reviewer has taken. Its detail is what an English screen shows,
 * so it names the reviewer as people know them (display name), not by account; the username stays in
 * `details` for clients that compare it with their own.
 */
export async function assignedElsewhere(db: Db, what: 'request' | 'appeal', assignedTo: string): Promise<DomainError> {
  const name = (await findDisplayNames(db, [assignedTo])).get(assignedTo) ?? null;
  return new DomainError('CONFLICT', `The ${what} is assigned to ${name ?? 'another reviewer'}`, {
    details: { assignedTo, assignedToName: name },
  });
}
