import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { plans } from '../plans/plans.tables.js';
import type { QuantityLimit, StepTherapy } from './formulary-entry.js';

/**
 * A plan's rule for a drug, by drug-form group (every strength) or by one product rxcui
 * (an rxcui entry wins over its group's entry).
 */
export const formularyEntries = pgTable(
  'formulary_entries',
  {
    id: serial('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    rxcui: text('rxcui'),
    groupId: text('group_id'),
    covered: boolean('covered').notNull(),
    tier: text('tier'),
    priorAuthorization: boolean('prior_authorization').notNull().default(false),
    criteriaId: text('criteria_id'),
    stepTherapy: jsonb('step_therapy').$type<StepTherapy>(),
    quantityLimit: jsonb('quantity_limit').$type<QuantityLimit>(),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    sex: text('sex'),
    newStartsOnly: boolean('new_starts_only').notNull().default(false),
    source: text('source').notNull().default('openpbm'),
    /** When this entry last changed (FHIR meta.lastUpdated, `_lastUpdated` searches); an import that keeps a row keeps its time. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('formulary_entries_plan_rxcui_uq').on(t.planId, t.rxcui),
    uniqueIndex('formulary_entries_plan_group_uq').on(t.planId, t.groupId),
    index('formulary_entries_plan_idx').on(t.planId),
  ],
);
