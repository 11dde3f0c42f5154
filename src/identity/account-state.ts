import { LRUCache } from 'lru-cache';
import type { Db } from '../platform/db.js';
import { userDisabledAt } from './user-admin.repo.js';

/**
 * Revocation within seconds (docs/security.md#revocation): an access token is signed for 15
 * minutes, but each request also checks that its account is still enabled. The answer is cached
 * for ACCOUNT_STATE_TTL_MS so the claim hot path does not read `users` on every request; a
 * disabled account therefore stops working within 5 s in every process (at once in the process
 * that disabled it, which forgets its cached answer).
 */
export const ACCOUNT_STATE_TTL_MS = 5_000;

// Cache bookkeeping measures real elapsed time (lru-cache's own clock), not business time.
const cache = new LRUCache<string, { active: boolean }>({ max: 50_000, ttl: ACCOUNT_STATE_TTL_MS });

export async function isAccountActive(db: Db, userId: string): Promise<boolean> {
  const hit = cache.get(userId);
  if (hit) return hit.active;
  const row = await userDisabledAt(db, userId);
  const active = row !== undefined && row.disabledAt === null;
  cache.set(userId, { active });
  return active;
}

/** Called when an account is disabled or enabled here, so this process does not wait out the cache. */
export function forgetAccountState(userId: string): void {
  cache.delete(userId);
}
