import { Type } from '@sinclair/typebox';
import { Instant, Nullable } from '../adapters/http/schemas.js';
import { CALL_TOPICS, CALLER_RELATIONSHIPS, MAX_NOTE_LENGTH, VERIFICATION_METHODS } from './call-note-rules.js';

const Id = (description: string) => Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64, description })));

export const RecordCallNoteBody = Type.Object(
  {
    callerName: Type.String({ minLength: 1, maxLength: 200, description: 'Who called, as they gave their name' }),
    callerRelationship: Type.Union(
      CALLER_RELATIONSHIPS.map((r) => Type.Literal(r)),
      { description: "The caller's relationship to the member" },
    ),
    identityVerified: Type.Boolean({
      description: "Whether the caller's identity (or authority) was verified before member details were discussed",
    }),
    verificationMethod: Type.Optional(
      Nullable(
        Type.Union(
          VERIFICATION_METHODS.map((m) => Type.Literal(m)),
          { description: 'Required when identityVerified is true; absent when not verified' },
        ),
      ),
    ),
    topic: Type.Union(CALL_TOPICS.map((t) => Type.Literal(t))),
    note: Type.String({
      minLength: 1,
      maxLength: MAX_NOTE_LENGTH,
      description: `What was asked and answered (at most ${MAX_NOTE_LENGTH} characters)`,
    }),
    paRequestId: Id("The PA case the call was about (must be this member's)"),
    claimId: Id("The claim the call was about (must be this member's)"),
    appealId: Id("The appeal the call was about (must be this member's)"),
  },
  { additionalProperties: false },
);

export const CallNoteSchema = Type.Object(
  {
    id: Type.String(),
    memberId: Type.String(),
    recordedAt: Instant,
    recordedBy: Type.Object({ username: Type.String(), role: Type.String(), name: Nullable(Type.String()) }),
    callerName: Type.String(),
    callerRelationship: Type.String(),
    identityVerified: Type.Boolean(),
    verificationMethod: Nullable(Type.String()),
    identityStatement: Type.String({
      description: 'The identity check in words; an unverified call says no PHI may be disclosed',
    }),
    topic: Type.String(),
    note: Type.String(),
    paRequestId: Nullable(Type.String()),
    claimId: Nullable(Type.String()),
    appealId: Nullable(Type.String()),
  },
  { description: 'A member-services call note' },
);

export const MemberIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 20 }) });
export const CallNoteListQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
  { additionalProperties: false },
);
