import { sql } from 'drizzle-orm';
import type { SimulationReport } from './simulation-report.js';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea } from '../platform/db-types.js';
import { OPEN_STATUSES } from './pa-status.js';
import type { CriteriaSet } from './rules/criteria-set.js';

/** Criteria are versioned data: a change is a new version; open cases keep theirs. */
export const criteriaSets = pgTable(
  'criteria_sets',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: jsonb('body').$type<CriteriaSet>().notNull(),
    current: boolean('current').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

/**
 * The one draft of a criteria set an administrator is editing (docs/design.md#criteria-authoring).
 * Drafts are mutable; publishing copies the draft into criteria_sets as a new version, which a
 * trigger keeps immutable. `simulatedRevision` is the revision the stored simulation replayed:
 * publishing needs it to equal `revision` (a simulation of the latest content).
 */
export const criteriaDrafts = pgTable('criteria_drafts', {
  id: text('id').primaryKey(),
  baseVersion: integer('base_version').notNull(),
  body: jsonb('body').$type<Record<string, unknown>>().notNull(),
  revision: integer('revision').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  createdBy: text('created_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: text('updated_by').notNull(),
  simulatedRevision: integer('simulated_revision'),
  simulation: jsonb('simulation').$type<SimulationReport>(),
});

/** The unique index that keeps one open request per member, drug and kind. */
export const ONE_OPEN_REQUEST_INDEX = 'pa_requests_one_open_per_drug_kind_uq';

/** One PA request (case): one member, one prescriber, one medication in one dose form. */
export const paRequests = pgTable(
  'pa_requests',
  {
    id: text('id').primaryKey(),
    status: text('status').notNull(),
    memberId: text('member_id').notNull(),
    planId: text('plan_id').notNull(),
    prescriberNpi: text('prescriber_npi').notNull(),
    pharmacyNpi: text('pharmacy_npi'),
    requestedRxcui: text('requested_rxcui').notNull(),
    drugName: text('drug_name').notNull(),
    groupId: text('group_id').notNull(),
    groupName: text('group_name').notNull(),
    brandName: text('brand_name'),
    quantity: numeric('quantity', { precision: 12, scale: 3 }).notNull(),
    daysSupply: integer('days_supply').notNull(),
    urgency: text('urgency').notNull(), // standard | urgent
    urgencyReason: text('urgency_reason'),
    channel: text('channel').notNull(),
    /** prior-authorization, or the exception kind asked for (src/shared/exception-kinds.ts). */
    kind: text('kind').notNull().default('prior-authorization'),
    /** Medicare Part D exceptions: when the prescriber's supporting statement arrived (starts the clock, 42 CFR 423.568(b)). */
    supportingStatementReceivedAt: timestamp('supporting_statement_received_at', { withTimezone: true }),
    criteriaId: text('criteria_id').notNull(),
    criteriaVersion: integer('criteria_version').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>(),
    renewalOf: text('renewal_of'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    assignedTo: text('assigned_to'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    criteriaEvaluation: jsonb('criteria_evaluation').$type<Record<string, unknown>>(),
    determination: jsonb('determination').$type<Record<string, unknown>>(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    createdBy: text('created_by').notNull(),
    /** Optimistic lock: every change bumps it; a stale writer gets 409. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('pa_requests_member_idx').on(t.memberId),
    index('pa_requests_prescriber_idx').on(t.prescriberNpi),
    index('pa_requests_queue_idx')
      .on(t.dueAt)
      .where(sql`status in ('submitted', 'in-review')`),
    // One open request per member, drug-form group and kind (docs/design.md#prior-authorization): the check in
    // initiate-request.ts reads before it writes, so two submissions at the same moment would both
    // pass it; this index lets only one of them commit (the other gets the existing case, 409).
    uniqueIndex(ONE_OPEN_REQUEST_INDEX)
      .on(t.memberId, t.groupId, t.kind)
      .where(sql.raw(`status in (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`)),
  ],
);

/** Every transition: who, when, from → to, why (docs/design.md#records). */
export const paHistory = pgTable(
  'pa_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    paRequestId: text('pa_request_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('pa_history_request_idx').on(t.paRequestId, t.at)],
);

export const paAttachments = pgTable(
  'pa_attachments',
  {
    id: text('id').primaryKey(),
    paRequestId: text('pa_request_id').notNull(),
    documentId: text('document_id'),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('pa_attachments_request_idx').on(t.paRequestId)],
);

export const paInformationRequests = pgTable(
  'pa_information_requests',
  {
    id: text('id').primaryKey(),
    paRequestId: text('pa_request_id').notNull(),
    sequence: integer('sequence').notNull(),
    items: jsonb('items')
      .$type<Array<{ id: string; question?: string; document?: string; linkId?: string; documentId?: string }>>()
      .notNull(),
    note: text('note'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    requestedBy: text('requested_by').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    status: text('status').notNull(), // open | answered | expired
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    response: jsonb('response').$type<Record<string, unknown>>(),
  },
  (t) => [index('pa_info_requests_request_idx').on(t.paRequestId)],
);
