import type { AppealStatus } from './appeal-status.js';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { appealAttachments, appealHistory, appeals } from './appeals.tables.js';

export type AppealRow = typeof appeals.$inferSelect;
export type AppealHistoryRow = typeof appealHistory.$inferSelect;
export type AppealAttachmentRow = typeof appealAttachments.$inferSelect;

// ---- appeals ---------------------------------------------------------------------------------

/**
 * Inserts an appeal unless the case already has an open one (the partial unique index
 * appeals_one_open_per_case_uq decides, so two simultaneous filings cannot both get in);
 * undefined means the case already has one.
 */
export async function insertAppeal(db: Db, row: typeof appeals.$inferInsert): Promise<AppealRow | undefined> {
  return (await db.insert(appeals).values(row).onConflictDoNothing().returning())[0];
}

export async function findAppeal(db: Db, id: string): Promise<AppealRow | undefined> {
  return (await db.select().from(appeals).where(eq(appeals.id, id)).limit(1))[0];
}

/** Appeals of one case, newest first. */
export function listAppealsForCase(db: Db, paRequestId: string): Promise<AppealRow[]> {
  return db.select().from(appeals).where(eq(appeals.paRequestId, paRequestId)).orderBy(desc(appeals.receivedAt));
}

/**
 * Optimistic update: applies only when the row is still at `expectedVersion` (and, optionally,
 * in one of `fromStatuses`); returns the new row, or undefined when someone else got there first.
 */
export async function updateAppeal(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof appeals.$inferInsert>,
  fromStatuses?: readonly AppealStatus[],
): Promise<AppealRow | undefined> {
  const where: SQL[] = [eq(appeals.id, id), eq(appeals.version, expectedVersion)];
  if (fromStatuses) where.push(inArray(appeals.status, [...fromStatuses]));
  const rows = await db
    .update(appeals)
    .set({ ...changes, version: sql`${appeals.version} + 1` })
    .where(and(...where))
    .returning();
  return rows[0];
}

export interface AppealFilter {
  paRequestId?: string;
  memberId?: string;
  prescriberNpi?: string;
  statuses?: AppealStatus[];
  limit: number;
}

/** Open appeals first by due time (the review order), then decided ones, newest first. */
export function listAppeals(db: Db, f: AppealFilter): Promise<AppealRow[]> {
  const where: SQL[] = [];
  if (f.paRequestId) where.push(eq(appeals.paRequestId, f.paRequestId));
  if (f.memberId) where.push(eq(appeals.memberId, f.memberId));
  if (f.prescriberNpi) where.push(eq(appeals.prescriberNpi, f.prescriberNpi));
  if (f.statuses?.length) where.push(inArray(appeals.status, f.statuses));
  return db
    .select()
    .from(appeals)
    .where(and(...where))
    .orderBy(
      sql`case when ${appeals.status} in ('submitted', 'in-review') then 0 else 1 end`,
      sql`case when ${appeals.status} in ('submitted', 'in-review') then ${appeals.dueAt} end asc`,
      desc(appeals.receivedAt),
    )
    .limit(f.limit);
}

// ---- history and attachments -----------------------------------------------------------------

export async function insertAppealHistory(db: Db, row: typeof appealHistory.$inferInsert): Promise<void> {
  await db.insert(appealHistory).values(row);
}

export function listAppealHistory(db: Db, appealId: string): Promise<AppealHistoryRow[]> {
  return db
    .select()
    .from(appealHistory)
    .where(eq(appealHistory.appealId, appealId))
    .orderBy(asc(appealHistory.at), asc(appealHistory.id));
}

export async function insertAppealAttachment(db: Db, row: typeof appealAttachments.$inferInsert): Promise<void> {
  await db.insert(appealAttachments).values(row);
}

/** Attachment metadata without the bytes. */
export function listAppealAttachments(db: Db, appealId: string) {
  return db
    .select({
      id: appealAttachments.id,
      filename: appealAttachments.filename,
      contentType: appealAttachments.contentType,
      size: appealAttachments.size,
      sha256: appealAttachments.sha256,
      uploadedBy: appealAttachments.uploadedBy,
      uploadedAt: appealAttachments.uploadedAt,
    })
    .from(appealAttachments)
    .where(eq(appealAttachments.appealId, appealId))
    .orderBy(asc(appealAttachments.uploadedAt), asc(appealAttachments.id));
}

export async function findAppealAttachment(
  db: Db,
  appealId: string,
  id: string,
): Promise<AppealAttachmentRow | undefined> {
  return (
    await db
      .select()
      .from(appealAttachments)
      .where(and(eq(appealAttachments.appealId, appealId), eq(appealAttachments.id, id)))
      .limit(1)
  )[0];
}

// ---- the authorization an overturn replaces -------------------------------------------------
