import { LRUCache } from 'lru-cache';
import type { Db } from '../platform/db.js';
import { findActiveEhrClientByApiKeyHash, findEhrClientById, type EhrClientRow } from './ehr-clients.repo.js';

/**
 * Hubs and EHRs authenticate on every message (an ePA exchange, an RTPB question, a FHIR call):
 * their registry row is cached for EHR_CLIENT_CACHE_MS, like users' API keys and account state
 * (docs/security.md#revocation), so a hub's request does not read `ehr_clients` each time. A change
 * made in this process (disable, keys, scopes, endpoint, a new client) clears the cache at once;
 * other processes see it within the TTL. Bounded: a flood of made-up keys evicts, never grows.
 */
export const EHR_CLIENT_CACHE_MS = 5_000;

// lru-cache stores no undefined: the answer is wrapped so "no such client" is cached too.
type Entry = { row: EhrClientRow | undefined };
const byKeyHash = new LRUCache<string, Entry>({ max: 10_000, ttl: EHR_CLIENT_CACHE_MS });
const byId = new LRUCache<string, Entry>({ max: 10_000, ttl: EHR_CLIENT_CACHE_MS });

/** The enabled client whose API key has this SHA-256, or undefined. */
export async function activeEhrClientByApiKeyHash(db: Db, hash: string): Promise<EhrClientRow | undefined> {
  let entry = byKeyHash.get(hash);
  if (!entry) byKeyHash.set(hash, (entry = { row: await findActiveEhrClientByApiKeyHash(db, hash) }));
  return entry.row;
}

/** The client with this row id (disabled or not: callers check `disabledAt`), or undefined. */
export async function ehrClientById(db: Db, id: string): Promise<EhrClientRow | undefined> {
  let entry = byId.get(id);
  if (!entry) byId.set(id, (entry = { row: await findEhrClientById(db, id) }));
  return entry.row;
}

/** A client registered or changed in this process: drop every cached answer. */
export function forgetEhrClients(): void {
  byKeyHash.clear();
  byId.clear();
}
