import { describe, expect, it } from 'vitest';
import { isWithinRenewalWindow, renewalDue } from './renewal-window.js';

describe('isWithinRenewalWindow (60 days before the end date by default)', () => {
  it.each([
    ['61 days before: not open', '2027-03-01', '2026-12-30', false],
    ['60 days before: open', '2027-03-01', '2026-12-31', true],
    ['59 days before: open', '2027-03-01', '2027-01-01', true],
    ['on the end date: open', '2027-03-01', '2027-03-01', true],
  ])('%s', (_n, end, today, open) => {
    expect(isWithinRenewalWindow({ authorizationEndDate: end, today })).toEqual({ open, opensOn: '2026-12-31' });
  });
  it('honors a plan window', () => {
    expect(isWithinRenewalWindow({ authorizationEndDate: '2027-03-01', today: '2027-02-01', windowDays: 14 })).toEqual({
      open: false,
      opensOn: '2027-02-15',
    });
  });
});

describe('renewalDue (the prescriber\'s "Renewals due" list)', () => {
  it.each([
    ['61 days before the end: not yet', '2026-12-30', { due: false, daysLeft: 61 }],
    ['60 days before the end: due, 60 days left', '2026-12-31', { due: true, daysLeft: 60 }],
    ['the last day: due, 0 days left', '2027-03-01', { due: true, daysLeft: 0 }],
    ['the day after it ended: no longer listed', '2027-03-02', { due: false, daysLeft: -1 }],
  ])('%s', (_n, today, expected) => {
    expect(renewalDue({ effectiveTo: '2027-03-01', today, windowDays: 60 })).toEqual(expected);
  });
  it("uses the plan's window", () => {
    expect(renewalDue({ effectiveTo: '2027-03-01', today: '2027-02-01', windowDays: 14 }).due).toBe(false);
    expect(renewalDue({ effectiveTo: '2027-03-01', today: '2027-02-15', windowDays: 14 })).toEqual({
      due: true,
      daysLeft: 14,
    });
  });
});
