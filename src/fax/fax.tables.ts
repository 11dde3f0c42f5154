import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from '../platform/db-types.js';

/**
 * An inbound fax waiting for intake staff: they turn it into a PA case, or attach it to a case
 * (e.g. as the answer to an information request) or to an appeal. Its received time is the
 * request's receipt time when it becomes a case.
 */
export const faxIntakeItems = pgTable(
  'fax_intake_items',
  {
    id: text('id').primaryKey(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    senderFax: text('sender_fax').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    status: text('status').notNull(), // new | case-created | attached
    paRequestId: text('pa_request_id'),
    appealId: text('appeal_id'),
    handledBy: text('handled_by'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    note: text('note'),
  },
  (t) => [index('fax_intake_status_idx').on(t.status, t.receivedAt)],
);
