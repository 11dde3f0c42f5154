import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { notices } from './notices.tables.js';

export type NoticeRow = typeof notices.$inferSelect;

export async function insertNotices(db: Db, rows: Array<typeof notices.$inferInsert>): Promise<void> {
  if (rows.length) await db.insert(notices).values(rows);
}

export function listNoticesForRequest(db: Db, paRequestId: string): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(eq(notices.paRequestId, paRequestId))
    .orderBy(asc(notices.createdAt), asc(notices.id));
}

export async function findNotice(db: Db, id: string): Promise<NoticeRow | undefined> {
  return (await db.select().from(notices).where(eq(notices.id, id)).limit(1))[0];
}

/** Notices whose next delivery attempt is due (fax, e-mail, portal; mail goes by print batch). */
export function selectDeliverableNotices(db: Db, now: Date, limit: number): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(
      and(
        inArray(notices.status, ['queued', 'retrying']),
        inArray(notices.channel, ['fax', 'email', 'portal']),
        lte(notices.nextAttemptAt, now),
      ),
    )
    .orderBy(asc(notices.nextAttemptAt))
    .limit(limit);
}

/** Claims a notice for one attempt (status → sending) so two workers never send it twice. */
export async function claimNoticeForDelivery(db: Db, id: string): Promise<NoticeRow | undefined> {
  const rows = await db
    .update(notices)
    .set({ status: 'sending', attempts: sql`${notices.attempts} + 1` })
    .where(and(eq(notices.id, id), inArray(notices.status, ['queued', 'retrying'])))
    .returning();
  return rows[0];
}

export async function recordDeliveryResult(
  db: Db,
  id: string,
  changes: {
    status: string;
    nextAttemptAt?: Date | null;
    sentAt?: Date | null;
    lastError?: string | null;
    deliveryReference?: string | null;
  },
): Promise<void> {
  const { deliveryReference, ...rest } = changes;
  await db
    .update(notices)
    .set({ ...rest, ...(deliveryReference !== undefined ? { deliveryReference } : {}) })
    .where(eq(notices.id, id));
}

/** Mailed letters not yet in a print batch, oldest first. */
export function selectUnbatchedMail(db: Db, limit: number): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(and(eq(notices.channel, 'mail'), eq(notices.status, 'queued')))
    .orderBy(asc(notices.createdAt))
    .limit(limit);
}

export async function markBatched(db: Db, ids: string[], batch: string, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notices)
    .set({ status: 'sent', sentAt: at, deliveryReference: batch, attempts: sql`${notices.attempts} + 1` })
    .where(inArray(notices.id, ids));
}

export function listNotices(
  db: Db,
  filter: { paRequestId?: string; appealId?: string; memberId?: string },
): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(
      and(
        filter.paRequestId ? eq(notices.paRequestId, filter.paRequestId) : undefined,
        filter.appealId ? eq(notices.appealId, filter.appealId) : undefined,
        filter.memberId ? eq(notices.memberId, filter.memberId) : undefined,
      ),
    )
    .orderBy(asc(notices.createdAt), asc(notices.id))
    .limit(500);
}
