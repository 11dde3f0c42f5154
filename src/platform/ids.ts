import { monotonicFactory, ulid } from 'ulidx';

/**
 * One monotonic ULID source for the process: two ids made in the same millisecond still sort in the order they were
 * made (ulidx increments the random part instead of drawing a new one).
 */
const monotonic = monotonicFactory();
let latest = 0;

/**
 * Time-ordered opaque id with a readable prefix (`clm_01J…`): a ULID (ulidx) seeded with the injected `now`, so ids sort
 * by the time they carry. Within one millisecond ids are monotonic. A `now` earlier than the latest id made
 * (back-dated demo history, a test clock moved back) gets a plain ULID at that earlier time instead of the monotonic
 * source's "latest time" — the id keeps the time it was given.
 */
export function newId(prefix: string, now: Date = new Date()): string {
  const time = now.getTime();
  if (time < latest) return `${prefix}_${ulid(time)}`;
  latest = time;
  return `${prefix}_${monotonic(time)}`;
}
