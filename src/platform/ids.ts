import { randomFillSync } from 'node:crypto';
import { decodeTime, isValid, monotonicFactory, ulid } from 'ulidx';

/**
 * ulidx's default source calls crypto.getRandomValues once per character (16 system calls per id:
 * 3 % of a claim's server CPU in the claims bench profile). The same CSPRNG bytes, drawn 4 KiB at a
 * time; each byte gives one character (byte / 256 < 1, so every one of the 32 symbols is equally likely).
 */
const pool = Buffer.alloc(4096);
let next = pool.length;
function pooledRandom(): number {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  return pool[next++]! / 256;
}

/**
 * One monotonic ULID source for the process: two ids made in the same millisecond still sort in the order they were
 * made (ulidx increments the random part instead of drawing a new one).
 */
const monotonic = monotonicFactory(pooledRandom);
let latest = 0;

/**
 * Time-ordered opaque id with a readable prefix (`clm_01J…`): a ULID (ulidx) seeded with the injected `now`, so ids sort
 * by the time they carry. Within one millisecond ids are monotonic. A `now` earlier than the latest id made
 * (back-dated demo history, a test clock moved back) gets a plain ULID at that earlier time instead of the monotonic
 * source's "latest time" — the id keeps the time it was given.
 */
export function newId(prefix: string, now: Date = new Date()): string {
  const time = now.getTime();
  if (time < latest) return `${prefix}_${ulid(time, pooledRandom)}`;
  latest = time;
  return `${prefix}_${monotonic(time)}`;
}

/** The time an id made by newId carries (`clm_01J…` → its ULID's time); null for any other string. */
export function idTime(id: string): Date | null {
  const at = id.lastIndexOf('_');
  const u = id.slice(at + 1);
  if (at < 1 || !isValid(u)) return null;
  return new Date(decodeTime(u));
}
