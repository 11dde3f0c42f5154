import { bigserial, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from '../platform/db-types.js';

/**
 * The raw D.0 request and response of every claim transaction that came over the wire (B1, B2,
 * B3), kept with the claim it concerns: what the pharmacy sent and what it was answered, byte for
 * byte, for audit and support. Eligibility checks (E1) and transmissions rejected before a claim
 * existed are not kept (they concern no claim).
 *
 * Ever-growing (two copies of every D.0 claim): partitioned by month of `received_at` (UTC months,
 * migration 0021, docs/scaling.md#partitioning), so the primary key holds `received_at`, and every
 * insert names it (the row is routed to its month by it). No table references this one.
 */
export const ncpdpExchanges = pgTable(
  'ncpdp_exchanges',
  {
    id: text('id').notNull(),
    claimId: text('claim_id').notNull(),
    transactionCode: text('transaction_code').notNull(),
    /** Which transaction group of the transmission (0–3) concerned the claim. */
    groupIndex: integer('group_index').notNull(),
    /** 112-AN answered for that group (P, D, R, A). */
    status: text('status').notNull(),
    pharmacyNpi: text('pharmacy_npi').notNull(),
    channel: text('channel').notNull(), // http | tcp
    request: bytea('request').notNull(),
    response: bytea('response').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** Arrival order where the clock cannot tell (the manual demo clock stands still). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.receivedAt] }),
    index('ncpdp_exchanges_claim_idx').on(t.claimId, t.receivedAt),
  ],
);
