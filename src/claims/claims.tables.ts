import { sql } from 'drizzle-orm';
import {
  date,
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
import type { ClaimRequest, ClaimResponse } from './claim-types.js';

/**
 * Every adjudicated B1, paid or rejected (members see their rejects and reasons). Only one paid,
 * unreversed claim may exist per pharmacy + Rx number + fill + date of service: the partial unique
 * index is what makes a duplicate (`D`) impossible to pay twice, even under concurrent resubmission.
 *
 * Partitioned by month of date of service (migration 0018, docs/scaling.md#partitioning; drizzle-kit
 * cannot express PARTITION BY, so only the keys live here). A unique key of a partitioned table must
 * hold the partition key: the primary key is (id, date_of_service), and the duplicate key already
 * ends in date_of_service, so one partition's index guards it (a twin has the same date, the same
 * partition). No table references claims by foreign key.
 */
export const claims = pgTable(
  'claims',
  {
    id: text('id').notNull(),
    pharmacyNpi: text('pharmacy_npi').notNull(),
    prescriptionNumber: text('prescription_number').notNull(),
    fillNumber: integer('fill_number').notNull(),
    dateOfService: date('date_of_service', { mode: 'string' }).notNull(),
    cardholderId: text('cardholder_id').notNull(),
    memberId: text('member_id'),
    planId: text('plan_id'),
    productId: text('product_id').notNull(),
    rxcui: text('rxcui'),
    groupId: text('group_id'),
    ingredient: text('ingredient'),
    drugClass: text('drug_class'),
    quantity: numeric('quantity', { precision: 12, scale: 3 }).notNull(),
    daysSupply: integer('days_supply').notNull(),
    prescriberNpi: text('prescriber_npi').notNull(),
    transactionStatus: text('transaction_status').notNull(), // P | R
    rejectCodes: text('reject_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    authorizationNumber: text('authorization_number'),
    /** null: a regular fill; 'emergency' | 'transition': a temporary supply, never continuing therapy. */
    supplyKind: text('supply_kind'),
    patientPay: numeric('patient_pay', { precision: 12, scale: 2 }),
    planPay: numeric('plan_pay', { precision: 12, scale: 2 }),
    /** Paid claims: what went to the deductible (517-FH), and the plan year it counted in (reversal takes it back out). */
    deductibleApplied: numeric('deductible_applied', { precision: 12, scale: 2 }),
    planYearStart: date('plan_year_start', { mode: 'string' }),
    request: jsonb('request').$type<ClaimRequest>().notNull(),
    response: jsonb('response').$type<ClaimResponse>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.dateOfService] }),
    uniqueIndex('claims_paid_once_uq')
      .on(t.pharmacyNpi, t.prescriptionNumber, t.fillNumber, t.dateOfService)
      .where(sql`transaction_status = 'P' and reversed_at is null`),
    index('claims_member_dos_idx').on(t.memberId, t.dateOfService),
    index('claims_pharmacy_idx').on(t.pharmacyNpi, t.receivedAt),
  ],
);

/**
 * Per member, per plan, per plan year (docs/design.md#accumulators): the deductible met and the
 * out-of-pocket spending so far. Paid claims add to it and reversals subtract, each in the claim's
 * own transaction under the member's adjudication lock.
 */
export const memberAccumulators = pgTable(
  'member_accumulators',
  {
    memberId: text('member_id').notNull(),
    planId: text('plan_id').notNull(),
    planYearStart: date('plan_year_start', { mode: 'string' }).notNull(),
    deductibleMet: numeric('deductible_met', { precision: 12, scale: 2 }).notNull().default('0'),
    outOfPocketSpent: numeric('out_of_pocket_spent', { precision: 12, scale: 2 }).notNull().default('0'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.planId, t.planYearStart] })],
);

/**
 * Paid fills with a days' supply over LONG_SUPPLY_DAYS (90), written by a trigger on `claims`
 * (migration 0024) whatever inserts the claim (adjudication, a COPY load). A claim reads only the
 * months of history its rules look at (historyLookbackDays), and such a fill, older than that, is
 * the one thing that could still make it a refill too soon: when the member has one in the year, the
 * claim reads the whole year. Never deleted on reversal (a reversed fill only makes the claim read
 * more than it needs, never less); rows no claim can ask about (two years old) are deleted daily
 * (pruneLongSupplies).
 */
export const claimLongSupplies = pgTable(
  'claim_long_supplies',
  {
    memberId: text('member_id').notNull(),
    dateOfService: date('date_of_service', { mode: 'string' }).notNull(),
    claimId: text('claim_id').notNull(),
    daysSupply: integer('days_supply').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.dateOfService, t.claimId] })],
);
