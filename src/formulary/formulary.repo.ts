import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { formularyEntries } from './formulary.tables.js';

export type FormularyRow = typeof formularyEntries.$inferSelect;

export const loadAllFormularyEntries = (db: Db) => db.select().from(formularyEntries);

/** A plan's formulary is replaced as a whole by an import (a formulary file is the whole list). */
export async function replacePlanFormulary(
  db: Db,
  planId: string,
  rows: Array<typeof formularyEntries.$inferInsert>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(formularyEntries).where(eq(formularyEntries.planId, planId));
    for (let i = 0; i < rows.length; i += 500) await tx.insert(formularyEntries).values(rows.slice(i, i + 500));
  });
}
