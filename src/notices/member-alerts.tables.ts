import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from '../members/members.tables.js';

/**
 * How a member wants to hear that something happened on a prior authorization: per topic
 * (decisions; information requests), any of e-mail, text message and the portal. The letters the
 * rules require are sent regardless (notices); these are the extra alerts.
 */
export const memberNotificationPreferences = pgTable('member_notification_preferences', {
  memberId: text('member_id')
    .primaryKey()
    .references(() => members.id),
  decisions: jsonb('decisions').$type<string[]>().notNull(),
  informationRequests: jsonb('information_requests').$type<string[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: text('updated_by').notNull(),
});

/** One alert to one member through one channel (outbox: queued with the event, sent by the sweep). */
export const memberAlerts = pgTable(
  'member_alerts',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id').notNull(),
    topic: text('topic').notNull(), // decision | information-request
    noticeKind: text('notice_kind').notNull(),
    paRequestId: text('pa_request_id'),
    appealId: text('appeal_id'),
    channel: text('channel').notNull(), // email | text | portal
    address: text('address'),
    language: text('language').notNull(),
    status: text('status').notNull().default('queued'), // queued | retrying | sent | delivered | failed
    attempts: integer('attempts').notNull().default(0),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    deliveryReference: text('delivery_reference'),
  },
  (t) => [
    index('member_alerts_member_idx').on(t.memberId),
    index('member_alerts_due_idx').on(t.status, t.nextAttemptAt),
  ],
);
