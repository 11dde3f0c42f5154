import { desc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { callNotes } from './call-notes.tables.js';

export type CallNoteRow = typeof callNotes.$inferSelect;
export type CallNoteInsert = typeof callNotes.$inferInsert;

export async function insertCallNote(db: Db, row: CallNoteInsert): Promise<CallNoteRow> {
  const [created] = await db.insert(callNotes).values(row).returning();
  return created;
}

/** A member's call notes, newest first. */
export function listCallNotesForMember(db: Db, memberId: string, limit: number): Promise<CallNoteRow[]> {
  return db
    .select()
    .from(callNotes)
    .where(eq(callNotes.memberId, memberId))
    .orderBy(desc(callNotes.recordedAt), desc(callNotes.id))
    .limit(limit);
}
