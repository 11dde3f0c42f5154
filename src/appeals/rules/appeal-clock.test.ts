import { describe, expect, it } from 'vitest';
import type { PlanPolicy } from '../../plans/plan-policy.js';
import { computeAppealDueAt } from './appeal-clock.js';

const LA = 'America/Los_Angeles';
const knoxKeene: PlanPolicy['appeals'] = {
  filingWindowDays: 180,
  standard: { amount: 30, unit: 'calendar-days' },
  expedited: { amount: 72, unit: 'hours' },
  nextLevel: 'IMR',
};
const partD: PlanPolicy['appeals'] = {
  filingWindowDays: 65,
  standard: { amount: 7, unit: 'calendar-days' },
  expedited: { amount: 72, unit: 'hours' },
  nextLevel: 'IRE',
};
const HOUR = 3_600_000;

describe('computeAppealDueAt', () => {
  const receivedAt = new Date('2026-11-20T17:00:00Z'); // Friday 09:00 in California

  it('expedited: 72 elapsed hours', () => {
    expect(
      computeAppealDueAt({ receivedAt, urgency: 'urgent', appeals: knoxKeene, timeZone: LA }).getTime() -
        receivedAt.getTime(),
    ).toBe(72 * HOUR);
    expect(
      computeAppealDueAt({ receivedAt, urgency: 'urgent', appeals: partD, timeZone: LA }).getTime() -
        receivedAt.getTime(),
    ).toBe(72 * HOUR);
  });

  it('standard pre-service: 30 calendar days, same wall-clock time', () => {
    expect(
      computeAppealDueAt({ receivedAt, urgency: 'standard', appeals: knoxKeene, timeZone: LA }).toISOString(),
    ).toBe('2026-12-20T17:00:00.000Z');
  });

  it('Part D redetermination: 7 calendar days', () => {
    expect(computeAppealDueAt({ receivedAt, urgency: 'standard', appeals: partD, timeZone: LA }).toISOString()).toBe(
      '2026-11-27T17:00:00.000Z',
    );
  });

  it('calendar days keep the wall-clock time across a DST change (09:00 PDT after 09:00 PST)', () => {
    const march = new Date('2027-03-01T17:00:00Z'); // 09:00 PST
    expect(
      computeAppealDueAt({ receivedAt: march, urgency: 'standard', appeals: knoxKeene, timeZone: LA }).toISOString(),
    ).toBe('2027-03-31T16:00:00.000Z');
  });

  it('business days when a plan counts them (skipping the weekend and Thanksgiving)', () => {
    const biz: PlanPolicy['appeals'] = { ...knoxKeene, standard: { amount: 5, unit: 'business-days' } };
    // Fri 11-20 → Mon 23, Tue 24, Wed 25, (Thu 26 Thanksgiving), Fri 27, Mon 30.
    expect(computeAppealDueAt({ receivedAt, urgency: 'standard', appeals: biz, timeZone: LA }).toISOString()).toBe(
      '2026-11-30T17:00:00.000Z',
    );
  });
});
