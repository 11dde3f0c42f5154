import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import type { CteWrite } from '../platform/prepared.js';
import { deadlineWriteCtes, insertDeadline, type DeadlineCancel } from './deadlines.repo.js';

export interface DeadlineSpec {
  kind: string;
  entityId: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

/** Idempotent: the same kind + entity + due time is one deadline. Pass the use case's transaction. */
export async function scheduleDeadline(db: Db, spec: DeadlineSpec, now: Date): Promise<void> {
  await insertDeadline(db, deadlineRow(spec, now));
}

function deadlineRow(spec: DeadlineSpec, now: Date) {
  return {
    id: newId('ddl', now),
    kind: spec.kind,
    entityId: spec.entityId,
    dueAt: spec.dueAt,
    payload: spec.payload ?? null,
    createdAt: now,
  };
}

/**
 * scheduleDeadline and cancelDeadlines written by the caller's next statement (its `with`): one
 * round trip fewer each (issue #11). Same rows as the two calls; pass the use case's transaction.
 */
export function deadlineWrites(
  writes: { schedule?: DeadlineSpec | null; cancel?: DeadlineCancel },
  now: Date,
): CteWrite[] {
  return deadlineWriteCtes({
    insert: writes.schedule ? deadlineRow(writes.schedule, now) : undefined,
    cancel: writes.cancel,
  });
}
