import { boolean, index, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** An RxNorm product concept (SCD or SBD) with its drug-form group (SCDF). */
export const drugConcepts = pgTable(
  'drug_concepts',
  {
    rxcui: text('rxcui').primaryKey(),
    tty: text('tty').notNull(), // SCD | SBD
    name: text('name').notNull(),
    ingredient: text('ingredient').notNull(),
    ingredientRxcui: text('ingredient_rxcui'),
    strength: text('strength'),
    doseForm: text('dose_form').notNull(),
    /** SCDF rxcui, or `scdf:<SCDF name>` where RxNorm lists gave no SCDF id (PROVENANCE.md). */
    groupId: text('group_id').notNull(),
    groupName: text('group_name').notNull(),
    brandName: text('brand_name'),
    generic: boolean('generic').notNull(),
    genericScdRxcui: text('generic_scd_rxcui'),
    drugClass: text('drug_class'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('drug_concepts_group_idx').on(t.groupId), index('drug_concepts_class_idx').on(t.drugClass)],
);

/** A package NDC (11 digits, 5-4-2) of a concept; unit price where NADAC publishes one. */
export const drugPackages = pgTable(
  'drug_packages',
  {
    ndc: text('ndc').primaryKey(),
    rxcui: text('rxcui')
      .notNull()
      .references(() => drugConcepts.rxcui),
    unitPrice: numeric('unit_price', { precision: 14, scale: 5 }),
    priceUnit: text('price_unit'),
    priceEffectiveDate: text('price_effective_date'),
  },
  (t) => [index('drug_packages_rxcui_idx').on(t.rxcui)],
);
