import type { SimulationReport } from './simulation-report.js';
import { and, asc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { criteriaDrafts, paRequests } from './priorauth.tables.js';

export type CriteriaDraftRow = typeof criteriaDrafts.$inferSelect;

export async function findCriteriaDraft(db: Db, id: string): Promise<CriteriaDraftRow | undefined> {
  return (await db.select().from(criteriaDrafts).where(eq(criteriaDrafts.id, id)).limit(1))[0];
}

/** Inserts the draft unless one exists (two admins opening it at once get the same draft). */
export async function insertCriteriaDraft(db: Db, row: typeof criteriaDrafts.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(criteriaDrafts)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: criteriaDrafts.id });
  return inserted.length === 1;
}

/** Optimistic update at `expectedRevision`; the revision moves on, so an older simulation no longer counts. */
export async function updateCriteriaDraft(
  db: Db,
  id: string,
  expectedRevision: number,
  changes: { body: Record<string, unknown>; updatedAt: Date; updatedBy: string },
): Promise<CriteriaDraftRow | undefined> {
  return (
    await db
      .update(criteriaDrafts)
      .set({ ...changes, revision: sql`${criteriaDrafts.revision} + 1` })
      .where(and(eq(criteriaDrafts.id, id), eq(criteriaDrafts.revision, expectedRevision)))
      .returning()
  )[0];
}

/** Stores a simulation report against the revision it replayed (only if the draft is still at it). */
export async function recordDraftSimulation(
  db: Db,
  id: string,
  revision: number,
  simulation: SimulationReport,
): Promise<boolean> {
  const rows = await db
    .update(criteriaDrafts)
    .set({ simulation, simulatedRevision: revision })
    .where(and(eq(criteriaDrafts.id, id), eq(criteriaDrafts.revision, revision)))
    .returning({ id: criteriaDrafts.id });
  return rows.length === 1;
}

export async function deleteCriteriaDraft(db: Db, id: string, revision?: number): Promise<boolean> {
  const where =
    revision === undefined
      ? eq(criteriaDrafts.id, id)
      : and(eq(criteriaDrafts.id, id), eq(criteriaDrafts.revision, revision));
  return (await db.delete(criteriaDrafts).where(where).returning({ id: criteriaDrafts.id })).length === 1;
}

/** The cases decided on one criteria version since `since`, with what their evaluation stored. */
export function listCasesDecidedOn(db: Db, criteriaId: string, version: number, since: Date) {
  return db
    .select({
      id: paRequests.id,
      memberId: paRequests.memberId,
      planId: paRequests.planId,
      groupId: paRequests.groupId,
      status: paRequests.status,
      answers: paRequests.answers,
      criteriaEvaluation: paRequests.criteriaEvaluation,
      determination: paRequests.determination,
      decidedAt: paRequests.decidedAt,
    })
    .from(paRequests)
    .where(
      and(
        eq(paRequests.criteriaId, criteriaId),
        eq(paRequests.criteriaVersion, version),
        isNotNull(paRequests.decidedAt),
        gte(paRequests.decidedAt, since),
      ),
    )
    .orderBy(asc(paRequests.decidedAt));
}
