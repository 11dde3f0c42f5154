import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { faxIntakeItems } from './fax.tables.js';

export type FaxItemRow = typeof faxIntakeItems.$inferSelect;

export async function insertFaxItem(db: Db, row: typeof faxIntakeItems.$inferInsert): Promise<void> {
  await db.insert(faxIntakeItems).values(row);
}

/** Metadata only (no bytes) for lists. */
export function listFaxItems(db: Db, status?: string) {
  return db
    .select({
      id: faxIntakeItems.id,
      receivedAt: faxIntakeItems.receivedAt,
      senderFax: faxIntakeItems.senderFax,
      contentType: faxIntakeItems.contentType,
      size: faxIntakeItems.size,
      sha256: faxIntakeItems.sha256,
      status: faxIntakeItems.status,
      paRequestId: faxIntakeItems.paRequestId,
      appealId: faxIntakeItems.appealId,
      handledBy: faxIntakeItems.handledBy,
      handledAt: faxIntakeItems.handledAt,
      note: faxIntakeItems.note,
    })
    .from(faxIntakeItems)
    .where(status ? eq(faxIntakeItems.status, status) : undefined)
    .orderBy(asc(faxIntakeItems.receivedAt));
}

export async function findFaxItem(db: Db, id: string): Promise<FaxItemRow | undefined> {
  return (await db.select().from(faxIntakeItems).where(eq(faxIntakeItems.id, id)).limit(1))[0];
}

/** Conditional: only a new item is handled, once (two intake clerks cannot both file it). */
export async function markFaxHandled(
  db: Db,
  id: string,
  changes: {
    status: 'case-created' | 'attached';
    paRequestId?: string | null;
    appealId?: string | null;
    handledBy: string;
    handledAt: Date;
    note?: string | null;
  },
): Promise<boolean> {
  const rows = await db
    .update(faxIntakeItems)
    .set(changes)
    .where(and(eq(faxIntakeItems.id, id), eq(faxIntakeItems.status, 'new')))
    .returning({ id: faxIntakeItems.id });
  return rows.length === 1;
}
