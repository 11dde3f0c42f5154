import { asc, eq } from 'drizzle-orm';
import { sqlBytea, sqlLiteral, type Db, type TxDatabase } from '../platform/db.js';
import { ncpdpExchanges } from './ncpdp.tables.js';

export type ExchangeRow = typeof ncpdpExchanges.$inferSelect;
export type NewExchangeRow = typeof ncpdpExchanges.$inferInsert;

/** One insert for every claim a transmission concerned. */
export async function insertExchanges(db: Db, rows: NewExchangeRow[]): Promise<void> {
  if (rows.length) await db.insert(ncpdpExchanges).values(rows);
}

/**
 * Writes one wire copy as the last statement of the claim's transaction, in the commit's round
 * trip (TxDatabase.atCommit): a one-claim transmission then costs the database the same round
 * trips as a JSON claim. Every value goes in as an escaped literal (a simple query has no parameters).
 */
export function keepExchangeAtCommit(tx: TxDatabase, row: NewExchangeRow): void {
  const values = [
    sqlLiteral(row.id),
    sqlLiteral(row.claimId),
    sqlLiteral(row.transactionCode),
    sqlLiteral(row.groupIndex),
    sqlLiteral(row.status),
    sqlLiteral(row.pharmacyNpi),
    sqlLiteral(row.channel),
    sqlBytea(row.request),
    sqlBytea(row.response),
    sqlLiteral(row.receivedAt),
  ];
  tx.atCommit(
    `insert into ncpdp_exchanges (id, claim_id, transaction_code, group_index, status, pharmacy_npi, channel, request, response, received_at) values (${values.join(', ')})`,
  );
}

export function listExchangesForClaim(db: Db, claimId: string): Promise<ExchangeRow[]> {
  return db
    .select()
    .from(ncpdpExchanges)
    .where(eq(ncpdpExchanges.claimId, claimId))
    .orderBy(asc(ncpdpExchanges.receivedAt), asc(ncpdpExchanges.seq));
}
