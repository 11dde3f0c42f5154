import { boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A member-services call about a member (docs/design.md#actors): who called, whether their identity was
 * verified before anything was discussed (and how), the topic, what was said, and who recorded
 * it when. An unverified caller's note is kept too, and says so.
 */
export const callNotes = pgTable(
  'call_notes',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id').notNull(),
    /** The staff account that took the call, and its display name at the time. */
    recordedBy: text('recorded_by').notNull(),
    recordedByRole: text('recorded_by_role').notNull(),
    recordedByName: text('recorded_by_name'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    callerName: text('caller_name').notNull(),
    callerRelationship: text('caller_relationship').notNull(), // member | representative | prescriber-office | pharmacy | other
    identityVerified: boolean('identity_verified').notNull(),
    /** How the caller was verified (e.g. member-id+date-of-birth); null when not verified. */
    verificationMethod: text('verification_method'),
    topic: text('topic').notNull(), // claim-reject | pa-status | appeal | coverage | letter | other
    note: text('note').notNull(),
    paRequestId: text('pa_request_id'),
    claimId: text('claim_id'),
    appealId: text('appeal_id'),
  },
  (t) => [index('call_notes_member_idx').on(t.memberId, t.recordedAt)],
);
