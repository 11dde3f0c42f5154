import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { apiKeys, users } from './identity.tables.js';
import type { UserRow } from './identity.repo.js';

/** A user by id or by username (admin screens show usernames). */
export async function findUserByIdOrUsername(db: Db, idOrUsername: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(or(eq(users.id, idOrUsername), eq(users.username, idOrUsername)))
    .limit(1);
  return row;
}

export async function userAccountState(
  db: Db,
  userId: string,
): Promise<{ disabledAt: Date | null; sessionEpoch: number } | undefined> {
  const [row] = await db
    .select({ disabledAt: users.disabledAt, sessionEpoch: users.sessionEpoch })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

/** A new password hash; ends every session (epoch + 1) and sets or clears "must change". */
export async function setUserPassword(
  db: Db,
  userId: string,
  passwordHash: string,
  mustChangePassword: boolean,
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword, sessionEpoch: sql`${users.sessionEpoch} + 1` })
    .where(eq(users.id, userId));
}

export async function setUserDisabledAt(db: Db, userId: string, at: Date | null): Promise<void> {
  await db.update(users).set({ disabledAt: at }).where(eq(users.id, userId));
}

/** Revokes every live API key of a user; returns how many. */
export async function revokeUserApiKeys(db: Db, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: at })
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length;
}
