import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea } from '../platform/db-types.js';
import { APPEAL_STATUSES } from './appeal-status.js';

/**
 * An appeal of a PA determination (docs/design.md#appeals): filed by the member, the prescriber or a
 * representative against a denial, partial approval or closure, on its own clock, decided by a
 * clinician who took no part in the original decision.
 */
export const appeals = pgTable(
  'appeals',
  {
    id: text('id').primaryKey(),
    paRequestId: text('pa_request_id').notNull(),
    memberId: text('member_id').notNull(),
    planId: text('plan_id').notNull(),
    /** The prescriber on the case (who may see the appeal and gets its notices). */
    prescriberNpi: text('prescriber_npi').notNull(),
    status: text('status', { enum: APPEAL_STATUSES }).notNull(), // a TypeScript type only: no check constraint
    urgency: text('urgency').notNull(), // standard | urgent (expedited)
    statement: text('statement').notNull(),
    filedBy: text('filed_by').notNull(), // member | prescriber | representative
    /** The account that filed it (the member, the prescriber, or staff taking it by phone, mail or fax). */
    filedByUser: text('filed_by_user').notNull(),
    filedByRole: text('filed_by_role').notNull(),
    representativeName: text('representative_name'),
    /** The determination notice's date in the plan's zone, and the last day to file counted from it. */
    noticeDate: date('notice_date', { mode: 'string' }).notNull(),
    filingDeadline: date('filing_deadline', { mode: 'string' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    assignedTo: text('assigned_to'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    decision: text('decision'), // overturned | partially-overturned | upheld
    reasons: jsonb('reasons').$type<string[]>(),
    /** The reasons people read, by language ({ en, es }): rules/appeal-decision-wording.ts; null before it existed. */
    reasonsByLanguage: jsonb('reasons_by_language').$type<Record<string, string[]>>(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Username of the deciding clinician; decidedByName/credential are what the letter prints. */
    decidedBy: text('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedByCredential: text('decided_by_credential'),
    authorizationNumber: text('authorization_number'),
    approvedQuantity: numeric('approved_quantity', { precision: 12, scale: 3 }),
    /** Where the member can go next (upheld or partly upheld): the plan's policy at decision time. */
    nextLevel: text('next_level'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Optimistic lock: every change bumps it; a stale writer gets 409. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('appeals_pa_request_idx').on(t.paRequestId),
    index('appeals_member_idx').on(t.memberId),
    index('appeals_prescriber_idx').on(t.prescriberNpi),
    index('appeals_open_due_idx')
      .on(t.dueAt)
      .where(sql`status in ('submitted', 'in-review')`),
    // One open appeal per case, also under concurrent filings.
    uniqueIndex('appeals_one_open_per_case_uq')
      .on(t.paRequestId)
      .where(sql`status in ('submitted', 'in-review')`),
  ],
);

/** Every transition of an appeal: who, when, from → to, why (docs/design.md#records). */
export const appealHistory = pgTable(
  'appeal_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    appealId: text('appeal_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('appeal_history_appeal_idx').on(t.appealId, t.at)],
);

/** Documents supporting an appeal: bytes in the database with their SHA-256 and sniffed type. */
export const appealAttachments = pgTable(
  'appeal_attachments',
  {
    id: text('id').primaryKey(),
    appealId: text('appeal_id').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('appeal_attachments_appeal_idx').on(t.appealId)],
);
