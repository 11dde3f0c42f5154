import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../adapters/http/schemas.js';

/** GET /audit-events and /audit-events.csv: the filters and the page. */
export const AuditLogQuerySchema = Type.Object(
  {
    memberId: Type.Optional(Type.String({ maxLength: 20, description: 'Rows naming this member' })),
    userId: Type.Optional(
      Type.String({ maxLength: 100, description: "Rows by this user (the user's id or username)" }),
    ),
    from: Type.Optional(
      Type.String({ maxLength: 40, description: 'YYYY-MM-DD (UTC day) or a date-time with offset; inclusive' }),
    ),
    to: Type.Optional(
      Type.String({ maxLength: 40, description: 'YYYY-MM-DD (that whole UTC day included) or a date-time; exclusive' }),
    ),
    cursor: Type.Optional(Type.String({ maxLength: 20, description: 'nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);

/** One audit log row as the API shows it. */
export const AuditEventSchema = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String({ description: 'Username, or "system"' }),
  actorId: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  action: Type.String({ description: 'phi.read, phi.search, audit.read, auth.failed, user.disabled, …' }),
  entityType: Type.String(),
  entityId: Type.String(),
  memberIds: Type.Array(Type.String()),
  reason: Nullable(Type.String({ description: 'Why-code of a PHI read' })),
  details: Nullable(Type.Object({}, { additionalProperties: true })),
});

export type AuditLogQuery = Static<typeof AuditLogQuerySchema>;
export type AuditEventView = Static<typeof AuditEventSchema>;
