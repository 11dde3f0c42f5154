import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { PlanPolicy } from './plan-policy.js';

/** Who adjudicates a claim: BIN 101-A1, PCN 104-A4, group 301-C1, help desk. */
export const processors = pgTable('processors', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  bin: text('bin').notNull(),
  pcn: text('pcn'),
  groupId: text('group_id'),
  helpDeskPhone: text('help_desk_phone'),
  paFax: text('pa_fax'),
  paPhone: text('pa_phone'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const plans = pgTable('plans', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  lineOfBusiness: text('line_of_business').notNull(),
  processorId: text('processor_id')
    .notNull()
    .references(() => processors.id),
  /** Group (301-C1) that claims for this plan carry. */
  groupId: text('group_id'),
  /** Pharmacy benefit carved out: claims go to this plan (at its processor) instead. */
  carveOutPlanId: text('carve_out_plan_id'),
  policy: jsonb('policy').$type<PlanPolicy>().notNull(),
  source: text('source').notNull().default('openpbm'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
