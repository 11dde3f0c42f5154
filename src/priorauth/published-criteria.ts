import { LRUCache } from 'lru-cache';
import type { AppContext } from '../app-context.js';
import type { Db } from '../platform/db.js';
import { findCriteriaVersion, findCurrentCriteriaVersion, type CriteriaSetRow } from './priorauth.repo.js';

/** A published criteria version: what a case was started on (without the movable "current" flag). */
export type PublishedCriteria = Omit<CriteriaSetRow, 'current'>;

const MAX_VERSIONS = 500;
const caches = new WeakMap<object, LRUCache<string, PublishedCriteria>>();

/**
 * The criteria version a case uses, read once per process and database. Published versions are
 * immutable (the criteria_sets_immutable trigger, migration 0012: only "current" may move), and
 * every PA step reads its case's version several times — a complete ePA PARequest read the same
 * row four times. What is cached is frozen, deeply, and shared: a caller that tried to edit what it
 * was given would throw (TypeError in strict mode) instead of changing what the next one reads —
 * copying it for every caller instead (structuredClone of the questionnaire, several times per
 * request) was the largest cost of our own code in the PA bench's CPU profile. `db` may be a
 * transaction: a miss is read through it.
 */
export async function findPublishedCriteria(
  ctx: Pick<AppContext, 'database'>,
  id: string,
  version: number,
  db: Db = ctx.database.db,
): Promise<PublishedCriteria | undefined> {
  let cache = caches.get(ctx.database);
  if (!cache) caches.set(ctx.database, (cache = new LRUCache({ max: MAX_VERSIONS })));
  const key = `${id}\u0000${version}`;
  let published = cache.get(key);
  if (!published) {
    const row = await findCriteriaVersion(db, id, version);
    if (!row) return undefined;
    const { current: _current, ...rest } = row;
    published = deepFreeze(rest);
    cache.set(key, published);
  }
  return published;
}

/**
 * The current version of a criteria set as findPublishedCriteria gives it: which version is current
 * is read every time (an administrator may publish one at any moment, from any process), the
 * version itself from the cache — a new case no longer reads and parses the set's body (≈ 10 KB of
 * JSON) from the database (bench:pa, pg_stat_statements: the largest single read of a JSON case).
 */
export async function findCurrentPublishedCriteria(
  ctx: Pick<AppContext, 'database'>,
  id: string,
  db: Db = ctx.database.db,
): Promise<PublishedCriteria | undefined> {
  const version = await findCurrentCriteriaVersion(db, id);
  return version === undefined ? undefined : findPublishedCriteria(ctx, id, version, db);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
