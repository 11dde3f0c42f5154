import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  computeDueAt,
  computeWarningAt,
  DEFAULT_CLOCK_POLICIES,
  usFederalHolidays,
  zonedToInstant,
  type ReviewClockPolicy,
} from './compute-due-at.js';

describe('usFederalHolidays (observed dates, 5 U.S.C. 6103)', () => {
  it.each([
    [
      2026,
      [
        '2026-01-01',
        '2026-01-19',
        '2026-02-16',
        '2026-05-25',
        '2026-06-19',
        '2026-07-03',
        '2026-09-07',
        '2026-10-12',
        '2026-11-11',
        '2026-11-26',
        '2026-12-25',
      ],
    ],
    // 2022: New Year's Day 2022 was a Saturday (observed Fri 2021-12-31, not in 2022); Christmas a Sunday → Mon 26th.
    [
      2022,
      [
        '2022-01-17',
        '2022-02-21',
        '2022-05-30',
        '2022-06-20',
        '2022-07-04',
        '2022-09-05',
        '2022-10-10',
        '2022-11-11',
        '2022-11-24',
        '2022-12-26',
      ],
    ],
    [
      2021,
      [
        '2021-01-01',
        '2021-01-18',
        '2021-02-15',
        '2021-05-31',
        '2021-06-18',
        '2021-07-05',
        '2021-09-06',
        '2021-10-11',
        '2021-11-11',
        '2021-11-25',
        '2021-12-24',
        '2021-12-31',
      ],
    ],
  ])('%i', (year, expected) => {
    expect(usFederalHolidays(year)).toEqual(expected);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['Friday + 1 → Monday', '2026-11-20', 1, '2026-11-23'],
    ['Wednesday before Thanksgiving + 1 → Friday', '2026-11-25', 1, '2026-11-27'],
    ['Christmas Eve + 2 → Dec 28 (Christmas Friday, weekend)', '2026-12-24', 2, '2026-12-29'],
    ['Saturday + 1 → Monday', '2026-11-21', 1, '2026-11-23'],
    ['July 2 2026 + 1 → July 6 (July 4 observed Friday 3rd)', '2026-07-02', 1, '2026-07-06'],
  ])('%s', (_n, from, n, expected) => {
    expect(addBusinessDays(from, n)).toBe(expected);
  });
});

const policy = (over: Partial<ReviewClockPolicy> = {}): ReviewClockPolicy => ({
  ...DEFAULT_CLOCK_POLICIES.commercial,
  ...over,
});

describe('computeDueAt', () => {
  it.each([
    ['CA commercial standard: 72 elapsed hours', policy(), 'standard', '2026-11-20T17:00:00Z', '2026-11-23T17:00:00Z'],
    ['CA commercial urgent: 24 hours', policy(), 'urgent', '2026-11-20T17:00:00Z', '2026-11-21T17:00:00Z'],
    [
      'hours across the DST end are elapsed hours (wall clock shows 08:00 the next day)',
      policy(),
      'urgent',
      '2026-11-01T08:00:00Z',
      '2026-11-02T08:00:00Z',
    ],
    [
      'Medicare Part D expedited: 24 hours',
      DEFAULT_CLOCK_POLICIES['medicare-d'],
      'urgent',
      '2026-03-07T20:00:00Z',
      '2026-03-08T20:00:00Z',
    ],
    [
      '1 business day from Wednesday before Thanksgiving, same wall-clock time (09:00 PT)',
      policy({ standard: { amount: 1, unit: 'business-days' } }),
      'standard',
      '2026-11-25T17:00:00Z',
      '2026-11-27T17:00:00Z',
    ],
    [
      '2 business days over the spring-forward weekend keep 09:00 local',
      policy({ standard: { amount: 2, unit: 'business-days' } }),
      'standard',
      '2026-03-06T17:00:00Z',
      '2026-03-10T16:00:00Z',
    ],
    [
      '30 calendar days keep the local time across DST',
      policy({ standard: { amount: 30, unit: 'calendar-days' } }),
      'standard',
      '2026-10-20T16:00:00Z',
      '2026-11-19T17:00:00Z',
    ],
  ] as const)('%s', (_n, clock, urgency, received, due) => {
    expect(computeDueAt({ receivedAt: new Date(received), urgency, clock }).toISOString()).toBe(
      new Date(due).toISOString(),
    );
  });

  it("warns before due by the policy's hours", () => {
    expect(computeWarningAt(new Date('2026-11-23T17:00:00Z'), policy()).toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('converts wall-clock time in a zone to an instant on both sides of DST', () => {
    expect(zonedToInstant('2026-07-01', '09:00:00', 'America/Los_Angeles').toISOString()).toBe(
      '2026-07-01T16:00:00.000Z',
    );
    expect(zonedToInstant('2026-12-01', '09:00:00', 'America/Los_Angeles').toISOString()).toBe(
      '2026-12-01T17:00:00.000Z',
    );
  });
});
