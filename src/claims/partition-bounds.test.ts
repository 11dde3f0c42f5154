import { describe, expect, it } from 'vitest';
import { newId } from '../platform/ids.js';
import { claimContextMonths, claimContextSql, claimIdServiceDates, newestPaidDate } from './claims.repo.js';

describe('claimContextMonths: the month constants that bound a claim context (docs/scaling.md#partitioning)', () => {
  it.each([
    // historySince, dateOfService → first history month, month after the window, service month
    ['2025-12-04', '2026-12-04', '2025-12-01', '2028-01-01', '2026-12-01'],
    ['2025-01-01', '2026-01-01', '2025-01-01', '2027-02-01', '2026-01-01'],
    ['2025-12-31', '2026-12-31', '2025-12-01', '2028-01-01', '2026-12-01'],
    // dos + 365 from 29 February lands on 28 February: still inside that month.
    ['2027-02-28', '2028-02-29', '2027-02-01', '2029-03-01', '2028-02-01'],
    // A coverage check reads a longer history (its own historySince).
    ['2020-06-15', '2026-12-04', '2020-06-01', '2028-01-01', '2026-12-01'],
  ])('since %s, dated %s → [%s, %s), service month %s', (since, dos, from, until, service) => {
    expect(claimContextMonths(since, dos)).toEqual({ historyFrom: from, historyUntil: until, serviceMonth: service });
  });

  it.each([
    // historySince, dateOfService, newest paid date → first history month, month after the window
    // A claim read on its day: the window ends with the month holding the newest possible fill.
    ['2025-12-04', '2026-12-04', '2026-12-06', '2025-12-01', '2027-01-01'],
    ['2025-12-30', '2026-12-30', '2027-01-01', '2025-12-01', '2027-02-01'],
    // Dated back months: fills since then count, up to the newest possible.
    ['2025-03-01', '2026-03-01', '2026-12-06', '2025-03-01', '2027-01-01'],
    // Dated back more than a year (a coverage check's long history): a year past the date of service.
    ['2024-01-10', '2025-01-10', '2026-12-06', '2024-01-01', '2026-02-01'],
  ])('since %s, dated %s, nothing paid after %s → [%s, %s)', (since, dos, newest, from, until) => {
    expect(claimContextMonths(since, dos, newest)).toMatchObject({ historyFrom: from, historyUntil: until });
  });

  it.each([
    ['2026-12-04T00:30:00Z', '2026-12-06'],
    ['2026-12-31T23:59:59Z', '2027-01-02'],
  ])('at %s no paid claim is dated after %s (a day past the plan today of any time zone)', (at, newest) => {
    expect(newestPaidDate(new Date(at))).toBe(newest);
  });

  it.each([
    ['2026-02-30', '2026-12-04'],
    ['2025-12-04', "2026-12-04'; drop table claims; --"],
    ['', '2026-12-04'],
  ])('gives no constants for dates that are not real (%s, %s): the statement keeps parameters only', (since, dos) => {
    expect(claimContextMonths(since, dos)).toBeNull();
    const statement = claimContextSql(null);
    expect(statement.name).toBe('claim-context:any');
    expect(statement.text).not.toContain("'::date");
  });

  it('names each set of months its own statement, with the months in its text', () => {
    const a = claimContextSql(claimContextMonths('2025-12-04', '2026-12-04'));
    const b = claimContextSql(claimContextMonths('2025-11-04', '2026-11-04'));
    expect(a.name).toBe('claim-context:2025-12-01:2028-01-01:2026-12-01');
    expect(a.text).toContain("c.date_of_service >= '2025-12-01'::date and c.date_of_service < '2028-01-01'::date");
    expect(a.text).toContain("d.date_of_service >= '2026-12-01'::date and d.date_of_service < '2027-01-01'::date");
    expect(b.name).not.toBe(a.name);
    expect(claimContextSql(claimContextMonths('2025-12-04', '2026-12-04'))).toBe(a);
  });
});

describe('claimIdServiceDates: the dates of service a claim id allows (its received time, timely filing)', () => {
  it.each([
    ['2026-12-04T12:00:00Z', '2025-12-02', '2026-12-06'],
    ['2026-01-01T00:30:00Z', '2024-12-30', '2026-01-03'],
    ['2028-03-01T23:59:00Z', '2027-02-28', '2028-03-03'],
  ])('an id made at %s → %s to %s', (at, from, to) => {
    expect(claimIdServiceDates(newId('clm', new Date(at)))).toEqual({ from, to });
  });

  it.each([['legacy-1'], ['clm_'], ['clm_not-a-ulid'], [''], ['_01JEXAMPLE0000000000000000']])(
    '%j carries no time: null (the lookup reads every month)',
    (id) => {
      expect(claimIdServiceDates(id)).toBeNull();
    },
  );
});
