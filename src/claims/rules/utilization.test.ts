import { describe, expect, it } from 'vitest';
import type { DrugConcept } from '../../catalog/index.js';
import { inLimitScope, quantityWindowExcess, type LimitScope } from './quantity-window.js';
import {
  findAuthorization,
  isContinuingTherapy,
  isStepTherapyMet,
  prerequisiteFills,
  maxQuantityFor,
  refillTooSoon,
  type ActiveAuthorization,
  type HistoryFill,
} from './utilization.js';

const GROUP = '372803'; // metformin Oral Tablet (SCDF)
const fill = (dateOfService: string, quantity: number, over: Partial<HistoryFill> = {}): HistoryFill => ({
  claimId: `c-${dateOfService}-${quantity}`,
  dateOfService,
  daysSupply: 30,
  quantity,
  rxcui: '861004',
  groupId: GROUP,
  ingredient: 'metformin',
  drugClass: 'biguanide',
  ...over,
});
const groupScope: LimitScope = { kind: 'group', groupId: GROUP };

describe('quantity limits over the rolling window (docs/design.md#quantity-limits)', () => {
  // Each row: a limit, the paid fills, the claim at hand → pays, or 76 with what remains and when the quantity pays.
  const rows: Array<{
    name: string;
    limit: { units: number; days: number };
    history: HistoryFill[];
    claim: { dos: string; quantity: number; daysSupply: number };
    expected: null | { remaining: number; paidInWindow: number; payableOn: string | null; allowed: number };
  }> = [
    {
      name: '2 per 28 days, first fill of 1 unit pays',
      limit: { units: 2, days: 28 },
      history: [],
      claim: { dos: '2026-11-01', quantity: 1, daysSupply: 7 },
      expected: null,
    },
    {
      name: '2 per 28 days, second weekly unit pays',
      limit: { units: 2, days: 28 },
      history: [fill('2026-11-01', 1, { daysSupply: 7 })],
      claim: { dos: '2026-11-08', quantity: 1, daysSupply: 7 },
      expected: null,
    },
    {
      name: '2 per 28 days, a third unit in 28 days is refused until the first leaves the window',
      limit: { units: 2, days: 28 },
      history: [fill('2026-11-01', 1, { daysSupply: 7 }), fill('2026-11-08', 1, { daysSupply: 7 })],
      claim: { dos: '2026-11-15', quantity: 1, daysSupply: 7 },
      expected: { remaining: 0, paidInWindow: 2, payableOn: '2026-11-29', allowed: 2 },
    },
    {
      name: '2 per 28 days, the day the first fill leaves the window the unit pays',
      limit: { units: 2, days: 28 },
      history: [fill('2026-11-01', 1, { daysSupply: 7 }), fill('2026-11-08', 1, { daysSupply: 7 })],
      claim: { dos: '2026-11-29', quantity: 1, daysSupply: 7 },
      expected: null,
    },
    {
      name: '30 per 30 days: a second 30 within 30 days is refused (not 60 in 30 days)',
      limit: { units: 30, days: 30 },
      history: [fill('2026-11-01', 30)],
      claim: { dos: '2026-11-16', quantity: 30, daysSupply: 30 },
      expected: { remaining: 0, paidInWindow: 30, payableOn: '2026-12-01', allowed: 30 },
    },
    {
      name: '30 per 30 days: what remains pays, more does not',
      limit: { units: 30, days: 30 },
      history: [fill('2026-11-01', 20)],
      claim: { dos: '2026-11-10', quantity: 15, daysSupply: 15 },
      expected: { remaining: 10, paidInWindow: 20, payableOn: '2026-12-01', allowed: 30 },
    },
    {
      name: '30 per 30 days: exactly what remains pays',
      limit: { units: 30, days: 30 },
      history: [fill('2026-11-01', 20)],
      claim: { dos: '2026-11-10', quantity: 10, daysSupply: 10 },
      expected: null,
    },
    {
      name: 'payable when enough older fills have left the window, not only the oldest',
      limit: { units: 30, days: 30 },
      history: [fill('2026-11-01', 10), fill('2026-11-05', 10), fill('2026-11-09', 10)],
      claim: { dos: '2026-11-20', quantity: 20, daysSupply: 20 },
      expected: { remaining: 0, paidInWindow: 30, payableOn: '2026-12-05', allowed: 30 },
    },
    {
      name: 'a 90-day supply has a 90-day window and 3 × the units',
      limit: { units: 30, days: 30 },
      history: [],
      claim: { dos: '2026-11-01', quantity: 90, daysSupply: 90 },
      expected: null,
    },
    {
      name: 'a 90-day supply counts fills of the last 90 days',
      limit: { units: 30, days: 30 },
      history: [fill('2026-09-20', 30)],
      claim: { dos: '2026-11-01', quantity: 90, daysSupply: 90 },
      expected: { remaining: 60, paidInWindow: 30, payableOn: '2026-12-19', allowed: 90 },
    },
    {
      name: 'more than the limit in one claim never pays: no date',
      limit: { units: 30, days: 30 },
      history: [],
      claim: { dos: '2026-11-01', quantity: 31, daysSupply: 30 },
      expected: { remaining: 30, paidInWindow: 0, payableOn: null, allowed: 30 },
    },
    {
      name: 'fills of other drug-form groups do not count',
      limit: { units: 30, days: 30 },
      history: [fill('2026-11-01', 30, { groupId: 'other', rxcui: '1' })],
      claim: { dos: '2026-11-02', quantity: 30, daysSupply: 30 },
      expected: null,
    },
    {
      name: 'a fill dated later inside a window that would hold the claim counts (claims arrive out of date order)',
      limit: { units: 30, days: 30 },
      history: [fill('2026-11-05', 30)],
      claim: { dos: '2026-11-02', quantity: 30, daysSupply: 30 },
      expected: { remaining: 0, paidInWindow: 30, payableOn: '2026-12-05', allowed: 30 },
    },
    {
      name: 'a fill dated a whole window later does not count',
      limit: { units: 30, days: 30 },
      history: [fill('2026-12-02', 30)],
      claim: { dos: '2026-11-02', quantity: 30, daysSupply: 30 },
      expected: null,
    },
    {
      name: 'late-billed fills between two others: 2 per 28 days with fills on day 0 and day 20 leave no room on day 10',
      limit: { units: 2, days: 28 },
      history: [fill('2026-11-01', 1, { daysSupply: 7 }), fill('2026-11-21', 1, { daysSupply: 7 })],
      claim: { dos: '2026-11-11', quantity: 1, daysSupply: 7 },
      expected: { remaining: 0, paidInWindow: 2, payableOn: '2026-11-29', allowed: 2 },
    },
    {
      name: 'fractional units add up exactly (0.2 + 2.2 + 0.6 mL under a 3 mL limit; floats say 3.0000000000000004)',
      limit: { units: 3, days: 28 },
      history: [fill('2026-11-01', 0.2), fill('2026-11-02', 2.2)],
      claim: { dos: '2026-11-03', quantity: 0.6, daysSupply: 1 },
      expected: null,
    },
  ];
  it.each(rows)('$name', ({ limit, history, claim, expected }) => {
    const out = quantityWindowExcess({
      limit,
      scope: groupScope,
      history,
      dateOfService: claim.dos,
      quantity: claim.quantity,
      daysSupply: claim.daysSupply,
    });
    if (expected === null) expect(out).toBeNull();
    else expect(out).toMatchObject(expected);
  });

  it('a product-level limit counts only that product; a group limit counts every strength', () => {
    const history = [fill('2026-11-01', 30, { rxcui: '861004' }), fill('2026-11-02', 30, { rxcui: '861007' })];
    expect(inLimitScope({ kind: 'product', rxcui: '861007' }, history[0])).toBe(false);
    expect(inLimitScope({ kind: 'product', rxcui: '861007' }, history[1])).toBe(true);
    const claim = { dateOfService: '2026-11-03', quantity: 30, daysSupply: 30, limit: { units: 60, days: 30 } };
    expect(quantityWindowExcess({ ...claim, scope: { kind: 'product', rxcui: '861007' }, history })).toBeNull();
    expect(quantityWindowExcess({ ...claim, scope: groupScope, history })).toMatchObject({
      paidInWindow: 60,
      remaining: 0,
      windowStart: '2026-10-05',
      windowEnd: '2026-11-03',
    });
  });
});

describe('the other history rules', () => {
  it.each([
    { days: 30, limit: { units: 30, days: 30 }, max: 30 },
    { days: 90, limit: { units: 30, days: 30 }, max: 90 },
    { days: 10, limit: { units: 30, days: 30 }, max: 30 },
    { days: 28, limit: { units: 3, days: 28 }, max: 3 },
    { days: 45, limit: { units: 4, days: 28 }, max: 6 },
  ])('most units for a $days-day supply under $limit.units per $limit.days days: $max', ({ days, limit, max }) => {
    expect(maxQuantityFor(limit, days)).toBe(max);
  });

  it.each([
    { last: '2026-11-01', supply: 30, dos: '2026-11-15', percent: 75, allowedOn: '2026-11-24' },
    { last: '2026-11-01', supply: 30, dos: '2026-11-24', percent: 75, allowedOn: null },
    { last: '2026-11-01', supply: 30, dos: '2026-11-20', percent: 80, allowedOn: '2026-11-25' },
    { last: '2026-11-01', supply: 90, dos: '2027-01-05', percent: 75, allowedOn: '2027-01-08' },
  ])(
    'refill too soon: last fill $last for $supply days, claim on $dos at $percent % → $allowedOn',
    ({ last, supply, dos, percent, allowedOn }) => {
      const out = refillTooSoon([fill(last, 30, { daysSupply: supply })], GROUP, dos, percent);
      expect(out?.allowedOn ?? null).toBe(allowedOn);
    },
  );

  it('refill too soon looks at the latest fill of the group only', () => {
    const history = [fill('2026-10-01', 30), fill('2026-11-01', 30), fill('2026-11-10', 30, { groupId: 'other' })];
    expect(refillTooSoon(history, GROUP, '2026-11-15', 75)?.lastFill.dateOfService).toBe('2026-11-01');
    expect(refillTooSoon(history, 'unrelated', '2026-11-15', 75)).toBeNull();
  });

  it('step therapy needs enough days of a prerequisite inside the look-back', () => {
    const step = { prerequisites: { ingredients: ['metformin'] }, lookbackDays: 365, minDaysSupply: 90 };
    expect(isStepTherapyMet(step, [fill('2026-06-01', 30), fill('2026-07-01', 30)], '2026-11-20')).toBe(false);
    expect(
      isStepTherapyMet(step, [fill('2026-06-01', 30), fill('2026-07-01', 30), fill('2026-08-01', 30)], '2026-11-20'),
    ).toBe(true);
    expect(isStepTherapyMet(step, [fill('2025-06-01', 90, { daysSupply: 90 })], '2026-11-20')).toBe(false);
    expect(isStepTherapyMet({ ...step, minDaysSupply: undefined }, [], '2026-11-20')).toBe(false);
  });

  it('the prerequisite facts a screen words step therapy from: days found in the look-back and the last fill', () => {
    const step = { prerequisites: { ingredients: ['metformin'] }, lookbackDays: 365, minDaysSupply: 90 };
    expect(prerequisiteFills(step, [], '2026-11-20')).toEqual({ daysSupply: 0, lastFillDate: null });
    const history = [fill('2025-06-01', 30), fill('2026-07-01', 30), fill('2026-06-01', 30)];
    expect(prerequisiteFills(step, history, '2026-11-20')).toEqual({ daysSupply: 60, lastFillDate: '2026-07-01' });
  });

  it('continuing therapy: a regular fill of the group in the last 180 days', () => {
    expect(isContinuingTherapy([fill('2026-06-01', 30)], GROUP, '2026-11-20')).toBe(true);
    expect(isContinuingTherapy([fill('2026-05-01', 30)], GROUP, '2026-11-20')).toBe(false);
    expect(isContinuingTherapy([fill('2026-11-01', 30, { groupId: 'other' })], GROUP, '2026-11-20')).toBe(false);
  });

  it('an emergency or transition fill is never continuing therapy, however recent', () => {
    for (const supplyKind of ['emergency', 'transition'] as const)
      expect(isContinuingTherapy([fill('2026-11-17', 3, { daysSupply: 3, supplyKind })], GROUP, '2026-11-20')).toBe(
        false,
      );
    expect(
      isContinuingTherapy(
        [fill('2026-11-17', 3, { daysSupply: 3, supplyKind: 'emergency' }), fill('2026-09-01', 30)],
        GROUP,
        '2026-11-20',
      ),
    ).toBe(true);
  });

  it('an authorization covers its group in its dates; a brand-only one only that brand', () => {
    const concept = { rxcui: '1', groupId: 'G', brandName: 'Brandy' } as DrugConcept;
    const a: ActiveAuthorization = {
      number: 'PA1',
      groupId: 'G',
      scope: 'drug-form-group',
      brandName: null,
      effectiveFrom: '2026-11-01',
      effectiveTo: '2027-10-31',
      maxUnits: null,
      perDays: null,
    };
    expect(findAuthorization([a], concept, '2026-11-20')?.number).toBe('PA1');
    expect(findAuthorization([a], concept, '2026-10-31')).toBeNull();
    expect(findAuthorization([a], concept, '2027-11-01')).toBeNull();
    expect(findAuthorization([a], { ...concept, groupId: 'H' }, '2026-11-20')).toBeNull();
    const brandOnly = { ...a, scope: 'brand-only', brandName: 'Other' };
    expect(findAuthorization([brandOnly], concept, '2026-11-20')).toBeNull();
    expect(findAuthorization([{ ...brandOnly, brandName: 'Brandy' }], concept, '2026-11-20')?.number).toBe('PA1');
  });
});
