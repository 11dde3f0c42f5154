import { describe, expect, it } from 'vitest';
import { isWithinRenewalWindow } from './renewal-window.js';

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
