import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Every legal clock is a durable row (docs/design.md#time): a sweep at the injected `now` claims due rows
 * one at a time (FOR UPDATE SKIP LOCKED, in due order) and runs each handler in the claiming
 * transaction, so a deadline fires exactly once however many workers run and whatever restarts
 * in between. A failing handler gives its own row a backoff (`retry_at`); after the last
 * attempt the row is dead-lettered (`dead_lettered_at`) and a person gets a work item.
 */
export const deadlines = pgTable(
  'deadlines',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    entityId: text('entity_id').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    firedAt: timestamp('fired_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** After a failed attempt: not before this instant (per-row backoff). */
    retryAt: timestamp('retry_at', { withTimezone: true }),
    /** Gave up after the last attempt; a work item asks a person to act. */
    deadLetteredAt: timestamp('dead_lettered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('deadlines_pending_due_idx')
      .on(t.dueAt)
      .where(sql`fired_at is null and cancelled_at is null and dead_lettered_at is null`),
    index('deadlines_entity_idx').on(t.entityId),
    uniqueIndex('deadlines_kind_entity_due_uq')
      .on(t.kind, t.entityId, t.dueAt)
      .where(sql`cancelled_at is null`),
  ],
);
