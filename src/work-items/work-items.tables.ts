import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Things a person must do that the system could not (a fax that never went through, a missed
 * clock, a deadline that kept failing …), in a queue: `operations` or `supervisors`.
 */
export const workItems = pgTable(
  'work_items',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    queue: text('queue').notNull().default('operations'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    summary: text('summary').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: text('resolved_by'),
  },
  (t) => [index('work_items_open_idx').on(t.createdAt)],
);
