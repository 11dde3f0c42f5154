import { identityStatement } from './call-note-rules.js';
import type { CallNoteRow } from './call-notes.repo.js';

/** A call note as the API returns it (staff only). */
export function toCallNoteView(r: CallNoteRow) {
  return {
    id: r.id,
    memberId: r.memberId,
    recordedAt: r.recordedAt.toISOString(),
    recordedBy: { username: r.recordedBy, role: r.recordedByRole, name: r.recordedByName },
    callerName: r.callerName,
    callerRelationship: r.callerRelationship,
    identityVerified: r.identityVerified,
    verificationMethod: r.verificationMethod,
    identityStatement: identityStatement(r.identityVerified, r.verificationMethod),
    topic: r.topic,
    note: r.note,
    paRequestId: r.paRequestId,
    claimId: r.claimId,
    appealId: r.appealId,
  };
}

export type CallNoteView = ReturnType<typeof toCallNoteView>;
