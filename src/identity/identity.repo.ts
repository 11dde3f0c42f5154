import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { apiKeys, users } from './identity.tables.js';

export type UserRow = typeof users.$inferSelect;

export function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.query.users.findFirst({ where: eq(users.username, username) });
}

export async function findUserByApiKeyHash(db: Db, keyHash: string): Promise<UserRow | undefined> {
  const rows = await db
    .select({ user: users })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt), isNull(users.disabledAt)))
    .limit(1);
  return rows[0]?.user;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  return created;
}

export async function insertApiKey(db: Db, row: typeof apiKeys.$inferInsert): Promise<void> {
  await db.insert(apiKeys).values(row);
}

/**
 * The names people read for accounts that act on cases (assignees, deciders, history actors):
 * username → display name, for those of `usernames` that have one. One query for a whole list.
 */
export async function findDisplayNames(db: Db, usernames: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(usernames)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ username: users.username, displayName: users.displayName })
    .from(users)
    .where(inArray(users.username, wanted));
  return new Map(rows.flatMap((r) => (r.displayName ? [[r.username, r.displayName] as [string, string]] : [])));
}

/**
 * The SQL piece for another module's one-statement read (priorauth's readCaseDetails):
 * findDisplayNames as a JSON object username → display name, for the usernames `usernames` (a
 * subquery of the caller's statement, e.g. `select h.actor from pa_history h where …`) selects.
 */
export function displayNamesJsonSql(usernames: string): string {
  return `(select coalesce(json_object_agg(u.username, u.display_name), '{}'::json)
       from users u where u.display_name <> '' and u.username in (${usernames}))`;
}

/** The portal language a user chose, if any. */
export async function findUserLanguage(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ language: users.language }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.language ?? null;
}

export async function setUserLanguage(db: Db, userId: string, language: string): Promise<void> {
  await db.update(users).set({ language }).where(eq(users.id, userId));
}

export function listUsers(db: Db): Promise<UserRow[]> {
  return db.query.users.findMany({ orderBy: users.username });
}
