import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * One PAS Claim item that became (or matched) a PA case: the link between the submitter's
 * identifiers and OpenPBM's case, for $inquire and for notifying decisions on pended requests.
 */
export const pasRequests = pgTable(
  'pas_requests',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull(),
    /** Claim.identifier `system|value` (the submitter's trace number). */
    claimIdentifier: text('claim_identifier').notNull(),
    itemSequence: integer('item_sequence').notNull(),
    memberId: text('member_id').notNull(),
    /** Null while the item is being processed (the row is the item's lock against a concurrent twin). */
    paRequestId: text('pa_request_id'),
    /** The submitter's bundle minus nothing: what the response and notifications echo (references, identifiers). */
    requestBundle: jsonb('request_bundle').$type<Record<string, unknown>>().notNull(),
    /** Pended at submission: its decision is notified to the client's subscriptions. */
    pended: boolean('pended').notNull(),
    /** The final case status its subscribers were notified of (null while still pended). */
    finalStatus: text('final_status'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('pas_requests_claim_item_uq').on(t.clientId, t.claimIdentifier, t.itemSequence),
    index('pas_requests_case_idx').on(t.paRequestId),
  ],
);

/** A client's PAS subscription (Subscriptions R5 Backport on R4, PASSubscriptionTopic, rest-hook). */
export const fhirSubscriptions = pgTable(
  'fhir_subscriptions',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull(),
    topic: text('topic').notNull(),
    orgIdentifier: text('org_identifier').notNull(),
    endpoint: text('endpoint').notNull(),
    payloadContent: text('payload_content').notNull(), // full-resource | id-only
    headers: text('headers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').notNull(), // active | error | off
    eventsSinceStart: bigint('events_since_start', { mode: 'number' }).notNull().default(0),
    resource: jsonb('resource').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('fhir_subscriptions_client_idx').on(t.clientId)],
);

/** One decision to deliver to one subscription; claimed by the sweep (SKIP LOCKED), retried with backoff. */
export const pasNotifications = pgTable(
  'pas_notifications',
  {
    id: text('id').primaryKey(),
    subscriptionId: text('subscription_id').notNull(),
    pasRequestId: text('pas_request_id').notNull(),
    caseStatus: text('case_status').notNull(),
    eventNumber: bigint('event_number', { mode: 'number' }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('pas_notifications_once_uq').on(t.subscriptionId, t.pasRequestId, t.caseStatus),
    index('pas_notifications_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`delivered_at is null`),
  ],
);
