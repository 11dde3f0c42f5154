/** The values a call note may take, and the identity-check rule (HIPAA-style: verify before PHI). */
export const CALLER_RELATIONSHIPS = ['member', 'representative', 'prescriber-office', 'pharmacy', 'other'] as const;
export type CallerRelationship = (typeof CALLER_RELATIONSHIPS)[number];

export const VERIFICATION_METHODS = [
  'member-id+date-of-birth',
  'date-of-birth+address',
  'date-of-birth+phone',
  'representative-authorization-on-file',
  'prescriber-npi+member-date-of-birth',
  'pharmacy-npi+member-date-of-birth',
] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export const CALL_TOPICS = ['claim-reject', 'pa-status', 'appeal', 'coverage', 'letter', 'other'] as const;
export type CallTopic = (typeof CALL_TOPICS)[number];

export const MAX_NOTE_LENGTH = 4000;

/** What a note says about the identity check, in words, for the record and the screen. */
export function identityStatement(verified: boolean, method: string | null): string {
  return verified
    ? `Caller identity verified (${method}) before member details were discussed.`
    : 'Caller identity NOT verified: no protected health information may be disclosed on this call.';
}
