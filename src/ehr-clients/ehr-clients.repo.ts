import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { ehrClients, oauthAssertionJtis } from './ehr-clients.tables.js';

export type EhrClientRow = typeof ehrClients.$inferSelect;

export async function insertEhrClient(db: Db, row: typeof ehrClients.$inferInsert): Promise<EhrClientRow> {
  const [created] = await db.insert(ehrClients).values(row).returning();
  return created;
}

export async function findEhrClientByClientId(db: Db, clientId: string): Promise<EhrClientRow | undefined> {
  const [row] = await db.select().from(ehrClients).where(eq(ehrClients.clientId, clientId)).limit(1);
  return row;
}

export async function findEhrClientById(db: Db, id: string): Promise<EhrClientRow | undefined> {
  const [row] = await db.select().from(ehrClients).where(eq(ehrClients.id, id)).limit(1);
  return row;
}

export async function findActiveEhrClientByApiKeyHash(db: Db, hash: string): Promise<EhrClientRow | undefined> {
  const [row] = await db
    .select()
    .from(ehrClients)
    .where(and(eq(ehrClients.apiKeyHash, hash), isNull(ehrClients.disabledAt)))
    .limit(1);
  return row;
}

export function listEhrClients(db: Db): Promise<EhrClientRow[]> {
  return db.select().from(ehrClients).orderBy(asc(ehrClients.clientId));
}

export async function updateEhrClient(
  db: Db,
  id: string,
  changes: Partial<
    Pick<EhrClientRow, 'jwks' | 'disabledAt' | 'scopes' | 'prescriberNpis' | 'apiKeyHash' | 'epaEndpoint'>
  >,
): Promise<EhrClientRow | undefined> {
  const [row] = await db.update(ehrClients).set(changes).where(eq(ehrClients.id, id)).returning();
  return row;
}

/** Records a client assertion's jti; false when it was already used (a replay). */
export async function recordAssertionJti(
  db: Db,
  clientId: string,
  jti: string,
  expiresAt: Date,
  now: Date,
): Promise<boolean> {
  await db.delete(oauthAssertionJtis).where(lt(oauthAssertionJtis.expiresAt, now));
  const rows = await db
    .insert(oauthAssertionJtis)
    .values({ clientId, jti, expiresAt })
    .onConflictDoNothing()
    .returning({ jti: oauthAssertionJtis.jti });
  return rows.length === 1;
}
