import { describe, expect, it } from 'vitest';
import { authorizationPeriod, effectiveToProblem } from './authorization-period.js';

describe('authorizationPeriod', () => {
  it.each([
    {
      name: 'a new approval runs from today for the duration',
      today: '2026-11-20',
      days: 365,
      renews: null,
      from: '2026-11-20',
      to: '2027-11-19',
    },
    {
      name: 'a one-day approval ends the day it starts',
      today: '2026-11-20',
      days: 1,
      renews: null,
      from: '2026-11-20',
      to: '2026-11-20',
    },
    {
      name: 'a renewal of a running authorization starts the day after it ends',
      today: '2026-11-20',
      days: 180,
      renews: '2026-12-31',
      from: '2027-01-01',
      to: '2027-06-29',
    },
    {
      name: 'a renewal of one that already ended starts today',
      today: '2026-11-20',
      days: 30,
      renews: '2026-11-01',
      from: '2026-11-20',
      to: '2026-12-19',
    },
    {
      name: 'a renewal of one ending today starts tomorrow',
      today: '2026-11-20',
      days: 30,
      renews: '2026-11-20',
      from: '2026-11-21',
      to: '2026-12-20',
    },
  ])('$name', ({ today, days, renews, from, to }) => {
    expect(authorizationPeriod({ today, durationDays: days, renewsEndingOn: renews })).toEqual({
      effectiveFrom: from,
      latestEffectiveTo: to,
    });
  });
});

describe('effectiveToProblem', () => {
  const period = { effectiveFrom: '2026-11-20', latestEffectiveTo: '2027-11-19' };
  const renewal = { effectiveFrom: '2027-01-01', latestEffectiveTo: '2027-06-29' };
  it.each([
    { effectiveTo: '2026-11-20', p: period, ok: true },
    { effectiveTo: '2027-11-19', p: period, ok: true },
    { effectiveTo: '2026-11-19', p: period, ok: false },
    { effectiveTo: '2025-01-01', p: period, ok: false },
    { effectiveTo: '2027-11-20', p: period, ok: false },
    { effectiveTo: '2026-12-31', p: renewal, ok: false },
    { effectiveTo: '2027-01-01', p: renewal, ok: true },
    { effectiveTo: '2027-06-30', p: renewal, ok: false },
  ])('$effectiveTo in $p.effectiveFrom…$p.latestEffectiveTo → allowed: $ok', ({ effectiveTo, p, ok }) => {
    const problem = effectiveToProblem(effectiveTo, p, '2026-11-20');
    if (ok) expect(problem).toBeNull();
    else
      expect(problem).toBe(
        `must be from ${p.effectiveFrom} to ${p.latestEffectiveTo} (the criteria's approval duration)`,
      );
  });
});
