import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { deadlines } from './deadlines.tables.js';

export type DeadlineRow = typeof deadlines.$inferSelect;

export async function insertDeadline(db: Db, row: typeof deadlines.$inferInsert): Promise<void> {
  await db.insert(deadlines).values(row).onConflictDoNothing();
}

export async function cancelDeadlines(db: Db, entityId: string, kinds: string[], at: Date): Promise<number> {
  const rows = await db
    .update(deadlines)
    .set({ cancelledAt: at })
    .where(
      and(
        eq(deadlines.entityId, entityId),
        inArray(deadlines.kind, kinds),
        isNull(deadlines.firedAt),
        isNull(deadlines.cancelledAt),
      ),
    )
    .returning({ id: deadlines.id });
  return rows.length;
}

export function selectDueDeadlines(db: Db, now: Date, limit: number): Promise<DeadlineRow[]> {
  return db
    .select()
    .from(deadlines)
    .where(and(isNull(deadlines.firedAt), isNull(deadlines.cancelledAt), lte(deadlines.dueAt, now)))
    .orderBy(asc(deadlines.dueAt))
    .limit(limit);
}

/** The conditional update that makes firing exactly-once: only one transaction can flip fired_at. */
export async function claimDeadline(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(deadlines)
    .set({ firedAt: now, attempts: sql`${deadlines.attempts} + 1` })
    .where(and(eq(deadlines.id, id), isNull(deadlines.firedAt), isNull(deadlines.cancelledAt)))
    .returning({ id: deadlines.id });
  return rows.length === 1;
}

export async function recordDeadlineFailure(db: Db, id: string, error: string): Promise<void> {
  await db
    .update(deadlines)
    .set({ attempts: sql`${deadlines.attempts} + 1`, lastError: error.slice(0, 2000) })
    .where(eq(deadlines.id, id));
}

export function listDeadlinesFor(db: Db, entityId: string): Promise<DeadlineRow[]> {
  return db.select().from(deadlines).where(eq(deadlines.entityId, entityId)).orderBy(asc(deadlines.dueAt));
}

export async function nextPendingDueAt(db: Db): Promise<Date | null> {
  const rows = await db
    .select({ dueAt: deadlines.dueAt })
    .from(deadlines)
    .where(and(isNull(deadlines.firedAt), isNull(deadlines.cancelledAt)))
    .orderBy(asc(deadlines.dueAt))
    .limit(1);
  return rows[0]?.dueAt ?? null;
}
