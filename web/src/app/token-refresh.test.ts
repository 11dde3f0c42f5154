import { describe, expect, it } from 'vitest';
import { shouldRefresh } from './token-refresh';

const MIN = 60_000;
const TTL = 15 * MIN;

describe('shouldRefresh', () => {
  it.each([
    { case: 'fresh token', age: 2 * MIN, idle: 0, expected: false },
    { case: 'past half its life, person active', age: 8 * MIN, idle: 1 * MIN, expected: true },
    { case: 'past half its life, idle 14 min', age: 14 * MIN, idle: 14 * MIN, expected: true },
    { case: 'idle for a whole lifetime', age: 14 * MIN, idle: 15 * MIN, expected: false },
    { case: 'already expired', age: 16 * MIN, idle: 0, expected: false },
    { case: 'exactly half', age: 7.5 * MIN, idle: 0, expected: true },
  ])('$case → $expected', ({ age, idle, expected }) => {
    const now = 1_000_000_000;
    expect(shouldRefresh({ issuedAt: now - age, expiresInMs: TTL, lastActivityAt: now - idle, now })).toBe(expected);
  });
});
