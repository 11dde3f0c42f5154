import { describe, expect, it } from 'vitest';
import { localTimeToInstant, OPERATIONS_TIME_ZONE, planToday, todayInZone } from './plan-time.js';

const plan = (timeZone: string) => ({ policy: { review: { timeZone } } });

describe("today is the plan's calendar date (docs/design.md#time-zones)", () => {
  it.each([
    // instant, zone, date there
    ['2026-11-21T06:00:00Z', 'America/Los_Angeles', '2026-11-20'], // 22:00 PST the evening before
    ['2026-11-21T06:00:00Z', 'America/New_York', '2026-11-21'], // 01:00 EST
    ['2026-11-21T06:00:00Z', 'Pacific/Honolulu', '2026-11-20'],
    ['2026-11-21T06:00:00Z', 'Asia/Tokyo', '2026-11-21'],
    // the night of the spring-forward change (2026-03-08 02:00 → 03:00 in the U.S.)
    ['2026-03-08T07:59:00Z', 'America/Los_Angeles', '2026-03-07'], // 23:59 PST
    ['2026-03-08T08:00:00Z', 'America/Los_Angeles', '2026-03-08'], // 00:00 PST
    ['2026-03-09T06:59:00Z', 'America/Los_Angeles', '2026-03-08'], // 23:59 PDT
    ['2026-03-09T07:00:00Z', 'America/Los_Angeles', '2026-03-09'], // 00:00 PDT: midnight is an hour earlier in UTC
    // fall back (2026-11-01 02:00 → 01:00)
    ['2026-11-01T06:59:00Z', 'America/Los_Angeles', '2026-10-31'], // 23:59 PDT
    ['2026-11-02T07:59:00Z', 'America/Los_Angeles', '2026-11-01'], // 23:59 PST
    ['2026-11-02T08:00:00Z', 'America/Los_Angeles', '2026-11-02'],
    // Arizona keeps standard time all year
    ['2026-07-01T06:59:00Z', 'America/Phoenix', '2026-06-30'],
    ['2026-07-01T07:00:00Z', 'America/Phoenix', '2026-07-01'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(planToday(plan(zone), new Date(instant))).toBe(date);
    expect(todayInZone(new Date(instant), zone)).toBe(date);
  });

  it('a date kept for the second it was asked for is not given for the next one (midnight)', () => {
    expect(todayInZone(new Date('2026-03-08T07:59:59.100Z'), 'America/Los_Angeles')).toBe('2026-03-07');
    expect(todayInZone(new Date('2026-03-08T07:59:59.900Z'), 'America/Los_Angeles')).toBe('2026-03-07');
    expect(todayInZone(new Date('2026-03-08T08:00:00.000Z'), 'America/Los_Angeles')).toBe('2026-03-08');
    expect(todayInZone(new Date('2026-03-08T07:59:59.999Z'), 'America/Los_Angeles')).toBe('2026-03-07');
    expect(todayInZone(new Date('2026-03-08T07:59:59.999Z'), 'Asia/Tokyo')).toBe('2026-03-08');
  });

  it('without a plan, days are counted in the stated operations zone', () => {
    expect(OPERATIONS_TIME_ZONE).toBe('America/Los_Angeles');
    expect(planToday(null, new Date('2026-11-21T06:00:00Z'))).toBe('2026-11-20');
  });
});

describe('a local wall-clock time as an instant (renewal reminders at 9 a.m. where the plan is)', () => {
  it.each([
    ['2026-11-20', 'America/Los_Angeles', '2026-11-20T17:00:00.000Z'], // PST, UTC−8
    ['2026-07-01', 'America/Los_Angeles', '2026-07-01T16:00:00.000Z'], // PDT, UTC−7
    ['2026-03-08', 'America/Los_Angeles', '2026-03-08T16:00:00.000Z'], // the spring-forward day, after the change
    ['2026-11-01', 'America/Los_Angeles', '2026-11-01T17:00:00.000Z'], // the fall-back day, after the change
    ['2026-11-20', 'America/New_York', '2026-11-20T14:00:00.000Z'],
    ['2026-07-01', 'America/Phoenix', '2026-07-01T16:00:00.000Z'],
    ['2026-07-01', 'Pacific/Honolulu', '2026-07-01T19:00:00.000Z'],
  ])('09:00 on %s in %s is %s', (date, zone, instant) => {
    const at = localTimeToInstant(date, '09:00', zone);
    expect(at.toISOString()).toBe(instant);
    expect(todayInZone(at, zone)).toBe(date);
  });
});
