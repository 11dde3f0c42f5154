import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { drugConcepts, drugPackages } from './catalog.tables.js';

export type DrugConcept = typeof drugConcepts.$inferSelect;
export type DrugPackage = typeof drugPackages.$inferSelect;

export const loadAllConcepts = (db: Db) => db.select().from(drugConcepts);
export const loadAllPackages = (db: Db) => db.select().from(drugPackages);

export async function upsertConcepts(db: Db, rows: Array<typeof drugConcepts.$inferInsert>): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(drugConcepts)
    .values(rows)
    .onConflictDoUpdate({
      target: drugConcepts.rxcui,
      set: {
        tty: sql`excluded.tty`,
        name: sql`excluded.name`,
        ingredient: sql`excluded.ingredient`,
        ingredientRxcui: sql`excluded.ingredient_rxcui`,
        strength: sql`excluded.strength`,
        doseForm: sql`excluded.dose_form`,
        groupId: sql`excluded.group_id`,
        groupName: sql`excluded.group_name`,
        brandName: sql`excluded.brand_name`,
        generic: sql`excluded.generic`,
        genericScdRxcui: sql`excluded.generic_scd_rxcui`,
        drugClass: sql`excluded.drug_class`,
        updatedAt: sql`now()`,
      },
    });
}

export async function upsertPackages(db: Db, rows: Array<typeof drugPackages.$inferInsert>): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(drugPackages)
    .values(rows)
    .onConflictDoUpdate({
      target: drugPackages.ndc,
      set: {
        rxcui: sql`excluded.rxcui`,
        unitPrice: sql`excluded.unit_price`,
        priceUnit: sql`excluded.price_unit`,
        priceEffectiveDate: sql`excluded.price_effective_date`,
      },
    });
}
