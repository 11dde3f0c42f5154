import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { encodeRow, placeholderRow, rowShape, shapeOf, type CteWrite } from '../platform/prepared.js';
import { deadlines } from './deadlines.tables.js';

export type DeadlineRow = typeof deadlines.$inferSelect;

export async function insertDeadline(db: Db, row: typeof deadlines.$inferInsert): Promise<void> {
  await db.insert(deadlines).values(row).onConflictDoNothing();
}

export interface DeadlineCancel {
  entityId: string;
  kinds: string[];
  at: Date;
}

function cancelling(db: Db, c: DeadlineCancel) {
  return db
    .update(deadlines)
    .set({ cancelledAt: c.at })
    .where(
      and(
        eq(deadlines.entityId, c.entityId),
        inArray(deadlines.kind, c.kinds),
        isNull(deadlines.firedAt),
        isNull(deadlines.cancelledAt),
      ),
    );
}

export async function cancelDeadlines(db: Db, entityId: string, kinds: string[], at: Date): Promise<number> {
  const rows = await cancelling(db, { entityId, kinds, at }).returning({ id: deadlines.id });
  return rows.length;
}

/**
 * insertDeadline and cancelDeadlines as data-modifying CTEs, to go in another module's statement
 * (issue #11: a round trip each costs the API process and PostgreSQL more than the write), which
 * prepares them with it (platform/prepared.ts CteWrite: placeholders, the same text and values as
 * built inline). Within one statement the cancel does not see the inserted row; pass only writes
 * that cannot meet.
 */
export function deadlineWriteCtes(writes: {
  insert?: typeof deadlines.$inferInsert;
  cancel?: DeadlineCancel;
}): CteWrite[] {
  const out: CteWrite[] = [];
  const row = writes.insert;
  if (row) {
    const values: Record<string, unknown> = {};
    encodeRow(deadlines, 'dl.', row, values);
    const shape = shapeOf(row);
    out.push({
      key: `inserted_deadline(${rowShape(row)})`,
      build: (db) =>
        db
          .$with('inserted_deadline')
          .as(db.insert(deadlines).values(placeholderRow('dl.', shape)).onConflictDoNothing()),
      values,
    });
  }
  const c = writes.cancel;
  if (c) {
    const values: Record<string, unknown> = { 'dc.entityId': c.entityId };
    encodeRow(deadlines, 'dc.', { cancelledAt: c.at }, values);
    c.kinds.forEach((k, i) => (values[`dc.kind${i}`] = k));
    const kindCount = c.kinds.length;
    out.push({
      key: `cancelled_deadlines(${c.kinds.length})`,
      build: (db) =>
        db.$with('cancelled_deadlines').as(
          db
            .update(deadlines)
            .set(placeholderRow('dc.', { cancelledAt: true as unknown as Date }))
            .where(
              and(
                eq(deadlines.entityId, sql.placeholder('dc.entityId')),
                inArray(
                  deadlines.kind,
                  Array.from({ length: kindCount }, (_, i) => sql.placeholder(`dc.kind${i}`)),
                ),
                isNull(deadlines.firedAt),
                isNull(deadlines.cancelledAt),
              ),
            ),
        ),
      values,
    });
  }
  return out;
}

const pending = () => and(isNull(deadlines.firedAt), isNull(deadlines.cancelledAt), isNull(deadlines.deadLetteredAt));

/**
 * Locks the earliest-due row that may run at `now` (due, and past its backoff), skipping rows
 * another sweeper holds: two sweepers never wait on each other and never take the same row.
 * Call inside the transaction that runs the handler and records the outcome.
 */
export async function lockNextDueDeadline(tx: Db, now: Date): Promise<DeadlineRow | undefined> {
  const rows = await tx
    .select()
    .from(deadlines)
    .where(and(pending(), lte(deadlines.dueAt, now), or(isNull(deadlines.retryAt), lte(deadlines.retryAt, now))))
    .orderBy(asc(deadlines.dueAt), asc(deadlines.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return rows[0];
}

export async function markDeadlineFired(tx: Db, id: string, now: Date): Promise<void> {
  await tx.update(deadlines).set({ firedAt: now, retryAt: null }).where(eq(deadlines.id, id));
}

/** A failed attempt: the count, the error, and either the next attempt's time or the dead letter. */
export async function markDeadlineFailed(
  tx: Db,
  id: string,
  outcome: { attempts: number; error: string; retryAt: Date | null; deadLetteredAt: Date | null },
): Promise<void> {
  await tx
    .update(deadlines)
    .set({
      attempts: outcome.attempts,
      lastError: outcome.error.slice(0, 2000),
      retryAt: outcome.retryAt,
      deadLetteredAt: outcome.deadLetteredAt,
    })
    .where(eq(deadlines.id, id));
}

export function listDeadlinesFor(db: Db, entityId: string): Promise<DeadlineRow[]> {
  return db.select().from(deadlines).where(eq(deadlines.entityId, entityId)).orderBy(asc(deadlines.dueAt));
}

export async function nextPendingDueAt(db: Db): Promise<Date | null> {
  const rows = await db
    .select({ dueAt: deadlines.dueAt })
    .from(deadlines)
    .where(pending())
    .orderBy(asc(deadlines.dueAt))
    .limit(1);
  return rows[0]?.dueAt ?? null;
}
