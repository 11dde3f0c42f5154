import { asc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { notices } from './notices.tables.js';

export type NoticeRow = typeof notices.$inferSelect;

export async function insertNotices(db: Db, rows: Array<typeof notices.$inferInsert>): Promise<void> {
  if (rows.length) await db.insert(notices).values(rows);
}

export function listNoticesForRequest(db: Db, paRequestId: string): Promise<NoticeRow[]> {
  return db.select().from(notices).where(eq(notices.paRequestId, paRequestId)).orderBy(asc(notices.createdAt), asc(notices.id));
}

export async function findNotice(db: Db, id: string): Promise<NoticeRow | undefined> {
  return (await db.select().from(notices).where(eq(notices.id, id)).limit(1))[0];
}
