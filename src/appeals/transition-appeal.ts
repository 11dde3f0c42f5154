import type { Db } from '../platform/db.js';
import { DomainError } from '../platform/errors.js';
import { historyEntry, type Actor } from '../priorauth/pa-status.js';
import { insertAppealHistory, updateAppeal, type AppealRow } from './appeals.repo.js';
import type { appeals } from './appeals.tables.js';
import type { AppealStatus } from './appeal-status.js';

export interface AppealTransition {
  to?: AppealStatus;
  action: string;
  actor: Actor;
  at: Date;
  reason?: string | null;
  details?: Record<string, unknown>;
  changes?: Partial<typeof appeals.$inferInsert>;
  /** The statuses this change is allowed from; another status → 409. */
  from: readonly AppealStatus[];
}

/**
 * Every change of an appeal goes through here: an optimistic update (version + allowed statuses)
 * and its history row, in the caller's transaction. Losing a race is a 409, never a silent overwrite.
 */
export async function transitionAppeal(db: Db, row: AppealRow, o: AppealTransition): Promise<AppealRow> {
  if (!o.from.includes(row.status as AppealStatus)) {
    throw new DomainError('INVALID_STATE', `The appeal is ${row.status}; ${o.action} is not possible now`, {
      details: { currentStatus: row.status },
    });
  }
  const updated = await updateAppeal(
    db,
    row.id,
    row.version,
    { ...o.changes, ...(o.to ? { status: o.to } : {}), updatedAt: o.at },
    o.from,
  );
  if (!updated) throw new DomainError('CONFLICT', 'The appeal was changed by someone else; reload it and try again');
  await insertAppealHistory(db, { appealId: row.id, ...historyEntry(o, row.status, updated.status) });
  return updated;
}
