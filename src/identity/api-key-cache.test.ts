import { describe, expect, it } from 'vitest';
import type { Principal } from '../platform/roles.js';
import { createApiKeyCache } from './api-key-cache.js';

const principal: Principal = {
  userId: 'usr_01JEBQ3D8R7Y2W5KXH9M4TNPQS',
  username: 'pharmacy-gateway',
  role: 'pharmacy',
  displayName: 'Pharmacy gateway',
  credential: null,
  memberId: null,
  npi: '1234567893',
  via: 'api-key',
} as Principal;

/** A database stand-in that counts lookups and answers from a table the test changes (revoking = deleting a row). */
function keyTable() {
  const keys = new Map<string, Principal>([['hash-a', principal]]);
  let lookups = 0;
  let release: () => void = () => {};
  let gate: Promise<void> | null = null;
  return {
    keys,
    get lookups() {
      return lookups;
    },
    /** Holds lookups until release() (to have many requests arrive while one lookup runs). */
    hold() {
      gate = new Promise((r) => (release = r));
    },
    release: () => release(),
    lookup: (hash: string) => async () => {
      lookups++;
      if (gate) await gate;
      return keys.get(hash) ?? null;
    },
  };
}

function manualClock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createApiKeyCache', () => {
  it('verifies a new key once for 50 concurrent requests, and answers them all', async () => {
    const db = keyTable();
    const cache = createApiKeyCache({ ttlMs: 5_000 });
    db.hold();
    const pending = Array.from({ length: 50 }, () => cache.principalFor('hash-a', db.lookup('hash-a')));
    db.release();
    const answers = await Promise.all(pending);
    expect(db.lookups).toBe(1);
    expect(answers.every((p) => p?.userId === principal.userId)).toBe(true);
  });

  it('a key revoked elsewhere keeps working until the TTL runs out, then stops (docs/security.md#revocation)', async () => {
    const db = keyTable();
    const clock = manualClock();
    const cache = createApiKeyCache({ ttlMs: 5_000, perf: clock });
    expect(await cache.principalFor('hash-a', db.lookup('hash-a'))).toMatchObject({ username: 'pharmacy-gateway' });
    db.keys.delete('hash-a'); // revoked by another process: this cache is not told
    clock.advance(4_999);
    expect(await cache.principalFor('hash-a', db.lookup('hash-a'))).not.toBeNull();
    clock.advance(2);
    expect(await cache.principalFor('hash-a', db.lookup('hash-a'))).toBeNull();
    expect(db.lookups).toBe(2);
  });

  it('clear() (a revocation in this process) stops the key at once, also for a lookup that was in flight', async () => {
    const db = keyTable();
    const cache = createApiKeyCache({ ttlMs: 5_000 });
    expect(await cache.principalFor('hash-a', db.lookup('hash-a'))).not.toBeNull();
    db.keys.delete('hash-a');
    cache.clear();
    expect(await cache.principalFor('hash-a', db.lookup('hash-a'))).toBeNull();

    db.keys.set('hash-b', principal);
    db.hold();
    const inFlight = cache.principalFor('hash-b', db.lookup('hash-b'));
    db.keys.delete('hash-b');
    cache.clear();
    db.release();
    await expect(inFlight).resolves.toBeNull();
  });

  it('remembers "no such key" for the TTL too, and stays within its bound under a flood of made-up keys', async () => {
    const db = keyTable();
    const cache = createApiKeyCache({ ttlMs: 5_000, max: 100 });
    expect(await cache.principalFor('made-up', db.lookup('made-up'))).toBeNull();
    expect(await cache.principalFor('made-up', db.lookup('made-up'))).toBeNull();
    expect(db.lookups).toBe(1);
    for (let i = 0; i < 1_000; i++) await cache.principalFor(`flood-${i}`, db.lookup(`flood-${i}`));
    const before = db.lookups;
    await cache.principalFor('made-up', db.lookup('made-up')); // evicted by the flood: looked up again
    expect(db.lookups).toBe(before + 1);
    await cache.principalFor('flood-999', db.lookup('flood-999')); // recent: still cached
    expect(db.lookups).toBe(before + 1);
  });
});
