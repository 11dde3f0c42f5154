import { date, index, integer, numeric, pgSequence, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What an approval creates (docs/design.md#authorizations): the scope is a drug-form group, so every strength of the
 * same medication and dose form is covered; `brandName` narrows it to a brand when the criteria
 * say so. Claims and coverage checks read these; only this module writes them.
 */
export const authorizations = pgTable(
  'authorizations',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull().unique(),
    memberId: text('member_id').notNull(),
    groupId: text('group_id').notNull(),
    scope: text('scope').notNull().default('drug-form-group'), // drug-form-group | brand-only
    brandName: text('brand_name'),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }).notNull(),
    maxUnits: numeric('max_units', { precision: 12, scale: 3 }),
    perDays: integer('per_days'),
    /** prior-authorization, or the exception kind it grants (src/shared/exception-kinds.ts): what claims do with it. */
    kind: text('kind').notNull().default('prior-authorization'),
    /** Formulary and tiering exceptions: the tier the decision named (the drug is paid at its cost sharing). */
    tier: text('tier'),
    status: text('status').notNull().default('active'), // active | revoked
    paRequestId: text('pa_request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('authorizations_member_group_idx').on(t.memberId, t.groupId),
    // Every case view reads its case's authorization (caseAuthorizationJsonSql): without it, a seq
    // scan of every authorization on each view (bench:pa, pg_stat_user_tables).
    index('authorizations_pa_request_idx').on(t.paRequestId),
  ],
);

/** The serial inside every authorization number (authorization-number.ts): never reused, even after a rollback. */
export const authorizationSerial = pgSequence('authorization_serial_seq', { startWith: 1 });
