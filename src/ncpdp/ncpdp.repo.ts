import { asc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { ncpdpExchanges } from './ncpdp.tables.js';

export type ExchangeRow = typeof ncpdpExchanges.$inferSelect;
export type NewExchangeRow = typeof ncpdpExchanges.$inferInsert;

/** One insert for every claim a transmission concerned. */
export async function insertExchanges(db: Db, rows: NewExchangeRow[]): Promise<void> {
  if (rows.length) await db.insert(ncpdpExchanges).values(rows);
}

export function listExchangesForClaim(db: Db, claimId: string): Promise<ExchangeRow[]> {
  return db
    .select()
    .from(ncpdpExchanges)
    .where(eq(ncpdpExchanges.claimId, claimId))
    .orderBy(asc(ncpdpExchanges.receivedAt), asc(ncpdpExchanges.seq));
}
