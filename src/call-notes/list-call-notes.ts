import type { AppContext } from '../app-context.js';
import { isStaff, type Principal } from '../platform/roles.js';
import { findMemberById } from '../members/index.js';
import { forbidden, notFound } from '../platform/errors.js';
import { toCallNoteView } from './call-note-view.js';
import { listCallNotesForMember } from './call-notes.repo.js';

/** A member's call notes, newest first: staff only (they hold PHI and staff remarks); the read is audited by the route's declaration (adapters/http/phi-read-audit.ts). */
export async function listCallNotes(ctx: AppContext, caller: Principal, memberId: string, limit = 100) {
  if (!isStaff(caller)) throw forbidden('Call notes are seen by plan staff only');
  const db = ctx.database.db;
  if (!(await findMemberById(db, memberId))) throw notFound('Member', memberId);
  const rows = await listCallNotesForMember(db, memberId, Math.min(limit, 500));
  return { items: rows.map(toCallNoteView) };
}
