import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Every SCRIPT message a hub sent, with the answer OpenPBM gave: a resend with the same
 * MessageID gets the original answer (idempotent), and the log shows what was exchanged.
 */
export const epaMessages = pgTable(
  'epa_messages',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull(),
    messageId: text('message_id').notNull(),
    transaction: text('transaction').notNull(),
    paRequestId: text('pa_request_id'),
    requestXml: text('request_xml').notNull(),
    /** Null while the message is being answered (the row is its lock against a concurrent twin). */
    responseXml: text('response_xml'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('epa_messages_sender_uq').on(t.clientId, t.messageId),
    index('epa_messages_case_idx').on(t.paRequestId),
  ],
);

/**
 * A PA case opened over ePA: which hub sent it, for which prescriber, and the endpoint recorded
 * at initiation where PANotifications go; `lastEvent` is what the sender already knows.
 */
export const epaCases = pgTable(
  'epa_cases',
  {
    paRequestId: text('pa_request_id').primaryKey(),
    clientId: text('client_id').notNull(),
    prescriberNpi: text('prescriber_npi').notNull(),
    endpoint: text('endpoint'),
    initiationMessageId: text('initiation_message_id').notNull(),
    lastEvent: text('last_event').notNull(),
    /** Set once the case is final and its last event is known to the sender: no more sweeping. */
    settledAt: timestamp('settled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('epa_cases_unsettled_idx')
      .on(t.createdAt)
      .where(sql`settled_at is null`),
  ],
);

/** One PANotification to deliver to a hub's endpoint: claimed by the sweep, retried with backoff; the delivery log. */
export const epaNotifications = pgTable(
  'epa_notifications',
  {
    id: text('id').primaryKey(),
    paRequestId: text('pa_request_id').notNull(),
    clientId: text('client_id').notNull(),
    event: text('event').notNull(),
    endpoint: text('endpoint').notNull(),
    messageId: text('message_id').notNull(),
    bodyXml: text('body_xml').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** Given up after the last attempt (a work item says so). */
    failedAt: timestamp('failed_at', { withTimezone: true }),
    lastError: text('last_error'),
    /** The delivery log: every attempt, when, and what the endpoint answered. */
    log: jsonb('log')
      .$type<Array<{ at: string; result: string }>>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('epa_notifications_once_uq').on(t.paRequestId, t.event),
    index('epa_notifications_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`delivered_at is null and failed_at is null`),
  ],
);
