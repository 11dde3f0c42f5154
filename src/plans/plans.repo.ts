import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { plans, processors } from './plans.tables.js';

export type ProcessorRow = typeof processors.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;

export const loadAllProcessors = (db: Db) => db.select().from(processors);
export const loadAllPlans = (db: Db) => db.select().from(plans);

export async function upsertProcessor(db: Db, row: typeof processors.$inferInsert): Promise<void> {
  await db
    .insert(processors)
    .values(row)
    .onConflictDoUpdate({
      target: processors.id,
      set: {
        name: sql`excluded.name`,
        bin: sql`excluded.bin`,
        pcn: sql`excluded.pcn`,
        groupId: sql`excluded.group_id`,
        helpDeskPhone: sql`excluded.help_desk_phone`,
        paFax: sql`excluded.pa_fax`,
        paPhone: sql`excluded.pa_phone`,
        updatedAt: sql`now()`,
      },
    });
}

export async function upsertPlan(db: Db, row: typeof plans.$inferInsert): Promise<void> {
  await db
    .insert(plans)
    .values(row)
    .onConflictDoUpdate({
      target: plans.id,
      set: {
        name: sql`excluded.name`,
        lineOfBusiness: sql`excluded.line_of_business`,
        processorId: sql`excluded.processor_id`,
        groupId: sql`excluded.group_id`,
        carveOutPlanId: sql`excluded.carve_out_plan_id`,
        policy: sql`excluded.policy`,
        source: sql`excluded.source`,
        updatedAt: sql`now()`,
      },
    });
}
