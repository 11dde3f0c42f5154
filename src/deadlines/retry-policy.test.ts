import { describe, expect, it } from 'vitest';
import { DEADLINE_MAX_ATTEMPTS, nextDeadlineAttemptAt } from './retry-policy.js';

const NOW = new Date('2026-11-20T17:00:00Z');
const minutesAfter = (d: Date | null) => (d === null ? null : (d.getTime() - NOW.getTime()) / 60_000);

describe('nextDeadlineAttemptAt', () => {
  it.each([
    [1, 1],
    [2, 5],
    [3, 15],
    [4, 60],
    [5, null],
    [9, null],
  ])('after %i failed attempt(s) → retry in %s minutes', (attempts, minutes) => {
    expect(minutesAfter(nextDeadlineAttemptAt(attempts, NOW))).toBe(minutes);
  });

  it('gives up after exactly DEADLINE_MAX_ATTEMPTS attempts', () => {
    expect(DEADLINE_MAX_ATTEMPTS).toBe(5);
    expect(nextDeadlineAttemptAt(DEADLINE_MAX_ATTEMPTS - 1, NOW)).not.toBeNull();
    expect(nextDeadlineAttemptAt(DEADLINE_MAX_ATTEMPTS, NOW)).toBeNull();
  });
});
