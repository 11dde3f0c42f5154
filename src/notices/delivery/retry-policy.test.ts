import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttemptAt } from './retry-policy.js';

describe('delivery retry policy', () => {
  const now = new Date('2026-11-20T17:00:00Z');
  it.each([
    [1, '2026-11-20T17:05:00.000Z'],
    [2, '2026-11-20T17:15:00.000Z'],
    [3, '2026-11-20T18:00:00.000Z'],
    [4, '2026-11-20T21:00:00.000Z'],
  ])('after attempt %i the next is at %s', (attempts, at) => {
    expect(nextAttemptAt(attempts, now)?.toISOString()).toBe(at);
  });
  it('gives up after the last attempt', () => {
    expect(MAX_ATTEMPTS).toBe(5);
    expect(nextAttemptAt(5, now)).toBeNull();
  });
});
