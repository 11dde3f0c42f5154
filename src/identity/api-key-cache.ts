import { LRUCache, type Perf } from 'lru-cache';
import type { Principal } from '../platform/roles.js';

/**
 * The API-key → principal cache that keeps the claim hot path off the database (lru-cache):
 * - bounded: at most `max` keys, least recently used evicted first (a flood of made-up keys evicts, never grows);
 * - `ttlMs`: an answer (also "no such key") is reused for at most this long, so a key revoked in another process stops
 *   working within it (docs/security.md#revocation);
 * - no stampede: while one lookup for a key is in flight, every other request with that key waits for it (lru-cache's
 *   `fetch` shares the pending promise), so N concurrent requests with a new key cost one lookup.
 */
export interface ApiKeyCacheOptions {
  ttlMs: number;
  max?: number;
  /** The cache's clock (monotonic `performance` by default); tests pass their own. */
  perf?: Perf;
}

/** Finds the principal for the key, or null when no active account has it (run only on a miss). */
export type ApiKeyLookup = () => Promise<Principal | null>;

export interface ApiKeyCache {
  principalFor(keyHash: string, lookup: ApiKeyLookup): Promise<Principal | null>;
  /** Drops every cached answer (a key revoked or an account disabled in this process). */
  clear(): void;
}

export function createApiKeyCache({ ttlMs, max = 10_000, perf }: ApiKeyCacheOptions): ApiKeyCache {
  // lru-cache stores no null/undefined values: the answer is wrapped so "no such key" is cached too.
  const cache = new LRUCache<string, { principal: Principal | null }, ApiKeyLookup>({
    max,
    ttl: ttlMs,
    ttlResolution: 0, // read the clock on every lookup (one performance.now() call), not a timer-cached value
    ...(perf ? { perf } : {}),
    fetchMethod: async (_keyHash, _stale, { context: lookup }) => ({ principal: await lookup() }),
  });
  // clear() aborts lookups in flight (lru-cache rejects their fetch): those requests look the key up again, after the
  // revocation, instead of failing.
  let clears = 0;
  return {
    async principalFor(keyHash, lookup) {
      const clearsBefore = clears;
      try {
        const entry = await cache.fetch(keyHash, { context: lookup });
        return entry?.principal ?? null;
      } catch (err) {
        if (clears !== clearsBefore) return lookup();
        throw err;
      }
    },
    clear: () => {
      clears++;
      cache.clear();
    },
  };
}
