import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Who did what, when, to which record, and why (docs/design.md#records, docs/security.md#audit-log);
 * staff reads of PHI included. `member_ids` names the members a row concerns (a case read names the
 * case's member), so an admin can ask "who read this member's records" in one indexed query.
 *
 * Append-only and the fastest-growing table: partitioned by month of `at` (UTC months, migration
 * 0018, docs/scaling.md#partitioning), so the primary key holds `at`.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    /** The user's id (users.id); null for the system and for rows written before it was kept. */
    actorId: text('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** The members the row concerns (PHI reads, and changes to a member's records). */
    memberIds: text('member_ids').array(),
    /** Why-code: the purpose the route declares for a PHI read (docs/security.md#audit-log). */
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.at] }),
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_at_idx').on(t.at),
    index('audit_events_actor_idx').on(t.actor, t.at),
    index('audit_events_member_ids_idx').using('gin', t.memberIds),
  ],
);
