import type { Db } from '../platform/db.js';
import { DomainError } from '../platform/errors.js';
import { actorName, type Actor, type PaStatus } from './pa-status.js';
import { insertHistory, updatePaRequest, type PaRequestRow } from './priorauth.repo.js';
import type { paRequests } from './priorauth.tables.js';

export interface TransitionOptions {
  to?: PaStatus;
  action: string;
  actor: Actor;
  at: Date;
  reason?: string | null;
  details?: Record<string, unknown>;
  changes?: Partial<typeof paRequests.$inferInsert>;
  /** The statuses this change is allowed from; another status → 409. */
  from: PaStatus[];
}

/**
 * Every change of a case goes through here: an optimistic update (version + allowed statuses)
 * and its history row, in the caller's transaction. Losing a race is a 409, never a silent overwrite.
 */
export async function transitionRequest(db: Db, row: PaRequestRow, o: TransitionOptions): Promise<PaRequestRow> {
  if (!o.from.includes(row.status as PaStatus)) {
    throw new DomainError('INVALID_STATE', `The request is ${row.status}; ${o.action} is not possible now`, {
      details: { currentStatus: row.status },
    });
  }
  const updated = await updatePaRequest(
    db,
    row.id,
    row.version,
    { ...o.changes, ...(o.to ? { status: o.to } : {}), updatedAt: o.at },
    o.from,
  );
  if (!updated) throw new DomainError('CONFLICT', 'The request was changed by someone else; reload it and try again');
  await insertHistory(db, {
    paRequestId: row.id,
    at: o.at,
    ...actorName(o.actor),
    action: o.action,
    fromStatus: row.status,
    toStatus: updated.status,
    reason: o.reason ?? null,
    details: o.details ?? null,
  });
  return updated;
}
