import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { insertDeadline } from './deadlines.repo.js';

export interface DeadlineSpec {
  kind: string;
  entityId: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

/** Idempotent: the same kind + entity + due time is one deadline. Pass the use case's transaction. */
export async function scheduleDeadline(db: Db, spec: DeadlineSpec, now: Date): Promise<void> {
  await insertDeadline(db, {
    id: newId('ddl', now),
    kind: spec.kind,
    entityId: spec.entityId,
    dueAt: spec.dueAt,
    payload: spec.payload ?? null,
    createdAt: now,
  });
}
