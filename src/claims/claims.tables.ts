import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ClaimRequest, ClaimResponse } from './claim-types.js';

/**
 * Every adjudicated B1, paid or rejected (members see their rejects and reasons). Only one paid,
 * unreversed claim may exist per pharmacy + Rx number + fill + date of service: the partial unique
 * index is what makes a duplicate (`D`) impossible to pay twice, even under concurrent resubmission.
 */
export const claims = pgTable(
  'claims',
  {
    id: text('id').primaryKey(),
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
    request: jsonb('request').$type<ClaimRequest>().notNull(),
    response: jsonb('response').$type<ClaimResponse>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('claims_paid_once_uq')
      .on(t.pharmacyNpi, t.prescriptionNumber, t.fillNumber, t.dateOfService)
      .where(sql`transaction_status = 'P' and reversed_at is null`),
    index('claims_member_dos_idx').on(t.memberId, t.dateOfService),
    index('claims_pharmacy_idx').on(t.pharmacyNpi, t.receivedAt),
  ],
);
