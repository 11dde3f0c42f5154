import type { Static } from '@sinclair/typebox';
import type { AppContext } from '../app-context.js';
import { findAppeal } from '../appeals/index.js';
import { writeAudit } from '../audit/write-audit.js';
import { findClaimById } from '../claims/index.js';
import type { Principal, Role } from '../platform/roles.js';
import { findMemberById } from '../members/index.js';
import { DomainError, forbidden, notFound, type FieldError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { findPaRequest } from '../priorauth/index.js';
import { toCallNoteView, type CallNoteView } from './call-note-view.js';
import { insertCallNote } from './call-notes.repo.js';
import type { RecordCallNoteBody } from './call-notes.schemas.js';

export const CALL_NOTE_WRITERS: readonly Role[] = ['member-services', 'admin'];

/** The route's body schema is the input's type: one schema, one type. */
export type RecordCallNoteInput = Static<typeof RecordCallNoteBody>;

export function assertCanWriteCallNotes(caller: Principal): void {
  if (!CALL_NOTE_WRITERS.includes(caller.role))
    throw forbidden('Call notes are recorded by member services (or an administrator)');
}

/** A linked case, claim or appeal must exist and be this member's: a note never points at someone else's record. */
async function checkLinks(ctx: AppContext, memberId: string, input: RecordCallNoteInput): Promise<FieldError[]> {
  const db = ctx.database.db;
  const errors: FieldError[] = [];
  if (input.paRequestId) {
    const pa = await findPaRequest(db, input.paRequestId);
    if (!pa || pa.memberId !== memberId)
      errors.push({ path: 'paRequestId', message: `is not a PA request of member ${memberId}` });
  }
  if (input.claimId) {
    const claim = await findClaimById(db, input.claimId);
    if (!claim || claim.memberId !== memberId)
      errors.push({ path: 'claimId', message: `is not a claim of member ${memberId}` });
  }
  if (input.appealId) {
    const appeal = await findAppeal(db, input.appealId);
    if (!appeal || appeal.memberId !== memberId)
      errors.push({ path: 'appealId', message: `is not an appeal of member ${memberId}` });
  }
  return errors;
}

/**
 * Records a call about a member (member services). The identity check is part of the record: a
 * verified call names how it was verified; an unverified caller's call is still recorded, and
 * the note says no PHI may be disclosed. Who and when come from the caller and the clock; the
 * note and its audit row are written together.
 */
export async function recordCallNote(
  ctx: AppContext,
  caller: Principal,
  memberId: string,
  input: RecordCallNoteInput,
): Promise<CallNoteView> {
  assertCanWriteCallNotes(caller);
  const db = ctx.database.db;
  const member = await findMemberById(db, memberId);
  if (!member) throw notFound('Member', memberId);

  const callerName = input.callerName.trim();
  const note = input.note.trim();
  const method = input.verificationMethod ?? null;
  const errors: FieldError[] = [];
  if (!callerName) errors.push({ path: 'callerName', message: 'is required: the name the caller gave' });
  if (!note) errors.push({ path: 'note', message: 'is required: what was asked and answered' });
  if (input.identityVerified && !method)
    errors.push({
      path: 'verificationMethod',
      message: "is required when the caller's identity was verified: say how",
    });
  if (!input.identityVerified && method)
    errors.push({
      path: 'verificationMethod',
      message: "must be left out when the caller's identity was not verified",
    });
  errors.push(...(await checkLinks(ctx, member.id, input)));
  if (errors.length)
    throw new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });

  const now = ctx.clock.now();
  const id = newId('cln', now);
  const row = await db.transaction(async (tx) => {
    const created = await insertCallNote(tx, {
      id,
      memberId: member.id,
      recordedBy: caller.username,
      recordedByRole: caller.role,
      recordedByName: caller.displayName ?? null,
      recordedAt: now,
      callerName,
      callerRelationship: input.callerRelationship,
      identityVerified: input.identityVerified,
      verificationMethod: method,
      topic: input.topic,
      note,
      paRequestId: input.paRequestId || null,
      claimId: input.claimId || null,
      appealId: input.appealId || null,
    });
    await writeAudit(tx, {
      at: now,
      actor: caller,
      action: 'call-note.recorded',
      entityType: 'call-note',
      entityId: id,
      details: {
        memberId: member.id,
        topic: input.topic,
        callerRelationship: input.callerRelationship,
        identityVerified: input.identityVerified,
        verificationMethod: method,
      },
    });
    return created;
  });
  return toCallNoteView(row);
}
