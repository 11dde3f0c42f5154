import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A notice (letter) to one recipient about one event, in the recipient's language, through one
 * channel. Rendering (PDF) and delivery with retries work from these rows (outbox).
 */
export const notices = pgTable(
  'notices',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    paRequestId: text('pa_request_id'),
    appealId: text('appeal_id'),
    memberId: text('member_id'),
    recipient: text('recipient').notNull(), // member | prescriber | pharmacy
    recipientId: text('recipient_id').notNull(),
    channel: text('channel').notNull(), // fax | mail | portal | email
    address: text('address'),
    language: text('language').notNull(),
    status: text('status').notNull().default('queued'), // queued | sending | retrying | sent | delivered | failed
    attempts: integer('attempts').notNull().default(0),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** While `sending`: the sender's lease. Past it, the sender is presumed dead and another worker retries. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** Where it went: the fax reference, the .eml file, the print batch. */
    deliveryReference: text('delivery_reference'),
  },
  (t) => [
    index('notices_pa_request_idx').on(t.paRequestId),
    index('notices_member_idx').on(t.memberId),
    // A pharmacy's own letters (GET /notices without a filter), newest first.
    index('notices_recipient_idx').on(t.recipient, t.recipientId, t.createdAt),
  ],
);
