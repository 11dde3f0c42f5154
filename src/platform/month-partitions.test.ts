import { describe, expect, it } from 'vitest';
import {
  addMonths,
  defaultPartitionName,
  expiredMonths,
  isTableOrPartition,
  monthBounds,
  monthOf,
  monthsToCreate,
  partitionMonth,
  partitionName,
  yearsBefore,
} from './month-partitions.js';

describe('month partitions', () => {
  it('names a month and reads the name back; the DEFAULT partition and other names are no month', () => {
    expect(partitionName('claims', '2026-12-17')).toBe('claims_p2026_12');
    expect(partitionMonth('claims', 'claims_p2026_12')).toBe('2026-12-01');
    expect(partitionMonth('claims', 'claims_default')).toBeNull();
    expect(partitionMonth('claims', 'claims_p2026_13')).toBeNull();
    expect(partitionMonth('claims', 'audit_events_p2026_12')).toBeNull();
  });

  it.each([
    ['claims', true],
    ['claims_p2026_12', true],
    [defaultPartitionName('claims'), true],
    ['claims_p2026_13', false],
    ['ncpdp_exchanges_p2026_12', false],
    ['ncpdp_exchanges_default', false],
    ['claims_history', false],
    [null, false],
  ] as const)('tells the claims table or one of its partitions from another relation: %s → %s', (relation, yes) => {
    expect(isTableOrPartition('claims', relation)).toBe(yes);
  });

  it('steps across year ends both ways', () => {
    expect(monthOf('2027-01-31')).toBe('2027-01-01');
    expect(addMonths('2026-11-30', 2)).toBe('2027-01-01');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-01');
    expect(addMonths('2026-03-01', -27)).toBe('2023-12-01');
  });

  it('bounds a date month as days and a timestamp month at UTC midnight, the end excluded', () => {
    expect(monthBounds({ table: 'claims', bound: 'date' }, '2026-12-05')).toEqual({
      from: '2026-12-01',
      to: '2027-01-01',
    });
    expect(monthBounds({ table: 'audit_events', bound: 'utc-timestamp' }, '2027-02-28')).toEqual({
      from: '2027-02-01 00:00:00+00',
      to: '2027-03-01 00:00:00+00',
    });
  });

  it('wants this month and the months ahead; refuses a negative count', () => {
    expect(monthsToCreate('2026-12-03', 3)).toEqual(['2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01']);
    expect(monthsToCreate('2026-12-03', 0)).toEqual(['2026-12-01']);
    expect(() => monthsToCreate('2026-12-03', -1)).toThrow(RangeError);
  });

  it('counts years back, 29 February landing on the 28th', () => {
    expect(yearsBefore('2026-12-03', 10)).toBe('2016-12-03');
    expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28');
    expect(yearsBefore('2028-02-29', 4)).toBe('2024-02-29');
  });

  it('expires a month only when all of it is older than the retention', () => {
    const months = ['2016-10-01', '2016-11-01', '2016-12-01', '2017-01-01', '2026-12-01'];
    // Ten years before 2026-12-03 is 2016-12-03: November 2016 ends before it, December 2016 does not.
    expect(expiredMonths(months, '2026-12-03', 10)).toEqual(['2016-10-01', '2016-11-01']);
    // On the first of the month, the month that just ended ten years ago goes too.
    expect(expiredMonths(months, '2027-01-01', 10)).toEqual(['2016-10-01', '2016-11-01', '2016-12-01']);
    expect(() => expiredMonths(months, '2026-12-03', 0)).toThrow(RangeError);
  });

  it('refuses a day that is not YYYY-MM-DD', () => {
    expect(() => monthOf('12/03/2026')).toThrow(RangeError);
  });
});
