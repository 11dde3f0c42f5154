import { LRUCache } from 'lru-cache';
import type { Db } from '../platform/db.js';
import { userAccountState } from './user-admin.repo.js';

/**
 * Revocation within seconds (docs/security.md#revocation): an access token is signed for 15
 * minutes, but each request also checks that its account is still enabled. The answer is cached
 * for ACCOUNT_STATE_TTL_MS so the claim hot path does not read `users` on every request; a
 * disabled account therefore stops working within 5 s in every process (at once in the process
 * that disabled it, which forgets its cached answer).
 */
export const ACCOUNT_STATE_TTL_MS = 5_000;

// Cache bookkeeping measures real elapsed time (lru-cache's own clock), not business time.
const cache = new LRUCache<string, { active: boolean; sessionEpoch: number }>({
  max: 50_000,
  ttl: ACCOUNT_STATE_TTL_MS,
});

/**
 * Whether a token issued in `sessionEpoch` still works: the account is enabled and no password
 * reset or change has ended its sessions since (the same 5 s bound as disabling).
 */
export async function isSessionActive(db: Db, userId: string, sessionEpoch: number): Promise<boolean> {
  let state = cache.get(userId);
  if (!state) {
    const row = await userAccountState(db, userId);
    state = { active: row !== undefined && row.disabledAt === null, sessionEpoch: row?.sessionEpoch ?? 0 };
    cache.set(userId, state);
  }
  return state.active && state.sessionEpoch === sessionEpoch;
}

/** Called when an account is disabled, enabled or its password set here, so this process does not wait out the cache. */
export function forgetAccountState(userId: string): void {
  cache.delete(userId);
}
