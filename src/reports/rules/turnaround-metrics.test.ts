import { describe, expect, it } from 'vitest';
import {
  computeTurnaroundMetrics,
  defaultRange,
  hoursToDecision,
  isAutomatic,
  isOnTime,
  isoWeekStart,
  median,
  rangeProblem,
  type AppealRow,
  type CaseRow,
} from './turnaround-metrics.js';

const at = (iso: string) => new Date(iso);
const H = 3_600_000;

function kase(over: Partial<CaseRow> & { decided?: string; hours?: number } = {}): CaseRow {
  const submittedAt = at(over.decided ?? '2026-11-02T10:00:00Z');
  const { decided: _d, hours, ...rest } = over;
  const decidedAt = over.decidedAt !== undefined ? over.decidedAt : new Date(submittedAt.getTime() + (hours ?? 0) * H);
  return {
    urgency: 'standard',
    status: 'approved',
    channel: 'portal',
    receivedAt: submittedAt,
    submittedAt,
    dueAt: null,
    decidedAt,
    decidedBy: 'system',
    ...rest,
  };
}

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])('median(%j) = %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('isoWeekStart (Monday, UTC)', () => {
  it.each([
    ['2026-11-16', '2026-11-16'], // Monday
    ['2026-11-22', '2026-11-16'], // Sunday
    ['2026-11-20', '2026-11-16'],
    ['2027-01-01', '2026-12-28'], // across a year
  ])('%s → %s', (day, monday) => {
    expect(isoWeekStart(day)).toBe(monday);
  });
  it('takes the UTC date of an instant', () => {
    expect(isoWeekStart(at('2026-11-23T01:00:00Z'))).toBe('2026-11-23');
  });
});

describe('per-case rules', () => {
  it.each([
    ['automatic approval: no due time, on time', kase({}), { auto: true, onTime: true }],
    [
      'clinician approval before due',
      kase({ decidedBy: 'pat', dueAt: at('2026-11-05T10:00:00Z'), hours: 24 }),
      { auto: false, onTime: true },
    ],
    [
      'clinician denial exactly at due',
      kase({ status: 'denied', decidedBy: 'pat', dueAt: at('2026-11-03T10:00:00Z'), hours: 24 }),
      { auto: false, onTime: true },
    ],
    [
      'denial after due',
      kase({ status: 'denied', decidedBy: 'pat', dueAt: at('2026-11-03T10:00:00Z'), hours: 25 }),
      { auto: false, onTime: false },
    ],
    [
      'deemed approval: system, never on time',
      kase({ status: 'deemed-approved', dueAt: at('2026-11-03T10:00:00Z'), hours: 24 }),
      { auto: false, onTime: false },
    ],
    [
      'closure for no response: on time',
      kase({ status: 'closed-no-response', dueAt: at('2026-11-03T10:00:00Z'), hours: 146 }),
      { auto: false, onTime: true },
    ],
  ])('%s', (_n, c, expected) => {
    expect({ auto: isAutomatic(c), onTime: isOnTime(c) }).toEqual(expected);
  });

  it.each([
    ['portal: from submission', kase({ receivedAt: at('2026-11-01T10:00:00Z'), hours: 6 }), 6],
    ['fax: from arrival', kase({ channel: 'fax', receivedAt: at('2026-11-02T04:00:00Z'), hours: 6 }), 12],
    [
      'never submitted (closed): from receipt',
      kase({ submittedAt: null, receivedAt: at('2026-11-02T10:00:00Z'), decidedAt: at('2026-11-02T13:30:00Z') }),
      3.5,
    ],
  ])('hours to decision, %s', (_n, c, hours) => {
    expect(hoursToDecision(c)).toBe(hours);
  });
});

describe('rangeProblem', () => {
  it.each([
    ['2026-11-01', '2026-11-30', null],
    ['2026-11-01', '2026-11-01', null],
    ['2026-11-30', '2026-11-01', 'from'],
    ['2026-02-30', '2026-03-01', 'from'],
    ['2026-11-01', 'tomorrow', 'to'],
    ['2026-13-01', '2026-12-01', 'from'],
    ['2024-01-01', '2026-12-01', 'to'],
  ])('%s..%s → %s', (from, to, path) => {
    expect(rangeProblem(from, to)?.path ?? null).toBe(path);
  });
  it('defaults to the last 12 weeks', () => {
    expect(defaultRange(at('2026-11-20T17:00:00Z'))).toEqual({ from: '2026-08-29', to: '2026-11-20' });
  });
});

describe('computeTurnaroundMetrics', () => {
  const now = at('2026-11-20T17:00:00Z');
  const cases: CaseRow[] = [
    kase({ decided: '2026-11-09T10:00:00Z', hours: 0 }), // automatic
    kase({ decided: '2026-11-10T10:00:00Z', hours: 10, decidedBy: 'pat', dueAt: at('2026-11-13T10:00:00Z') }),
    kase({
      decided: '2026-11-10T10:00:00Z',
      hours: 30,
      status: 'partially-approved',
      decidedBy: 'pat',
      dueAt: at('2026-11-13T10:00:00Z'),
    }),
    kase({
      decided: '2026-11-16T10:00:00Z',
      hours: 80,
      status: 'denied',
      decidedBy: 'dana',
      dueAt: at('2026-11-19T10:00:00Z'),
    }),
    kase({
      decided: '2026-11-17T10:00:00Z',
      hours: 24,
      urgency: 'urgent',
      status: 'deemed-approved',
      dueAt: at('2026-11-18T10:00:00Z'),
    }),
    kase({
      decided: '2026-11-17T10:00:00Z',
      hours: 4,
      urgency: 'urgent',
      status: 'denied',
      decidedBy: 'dana',
      dueAt: at('2026-11-18T10:00:00Z'),
    }),
    // Outside the range, cancelled, or open.
    kase({ decided: '2026-10-01T10:00:00Z', hours: 1 }),
    kase({ status: 'cancelled', decidedAt: null }),
    kase({ status: 'in-review', decidedAt: null, decidedBy: null, dueAt: at('2026-11-19T10:00:00Z') }),
    kase({
      status: 'in-review',
      decidedAt: null,
      decidedBy: null,
      urgency: 'urgent',
      dueAt: at('2026-11-21T10:00:00Z'),
    }),
    kase({ status: 'awaiting-information', decidedAt: null, decidedBy: null, receivedAt: at('2026-11-25T10:00:00Z') }), // received after the range
  ];
  const appeals: AppealRow[] = [
    { requestUrgency: 'standard', decision: 'overturned', decidedAt: at('2026-11-18T10:00:00Z') },
    { requestUrgency: 'standard', decision: 'upheld', decidedAt: at('2026-11-18T11:00:00Z') },
    { requestUrgency: 'urgent', decision: 'partially-overturned', decidedAt: at('2026-11-19T11:00:00Z') },
    { requestUrgency: 'urgent', decision: 'overturned', decidedAt: at('2026-10-19T11:00:00Z') }, // outside
  ];
  const m = computeTurnaroundMetrics({ from: '2026-11-05', to: '2026-11-20', cases, appeals, now });

  it.each([
    [
      'total',
      {
        decided: 6,
        approved: { count: 4, percent: 66.7 },
        partiallyApproved: 1,
        denied: { count: 2, percent: 33.3 },
        closedNoResponse: { count: 0, percent: 0 },
        deemedApproved: { count: 1, percent: 16.7 },
        automatic: { count: 1, percent: 16.7 },
        onTime: { count: 4, percent: 66.7 },
        averageHours: 24.7,
        medianHours: 17,
        appealsDecided: 3,
        approvedAfterAppeal: { count: 2, percent: 66.7 },
        open: 2,
        overdue: 1,
      },
    ],
    [
      'standard',
      {
        decided: 4,
        approved: { count: 3, percent: 75 },
        partiallyApproved: 1,
        denied: { count: 1, percent: 25 },
        closedNoResponse: { count: 0, percent: 0 },
        deemedApproved: { count: 0, percent: 0 },
        automatic: { count: 1, percent: 25 },
        onTime: { count: 3, percent: 75 },
        averageHours: 30,
        medianHours: 20,
        appealsDecided: 2,
        approvedAfterAppeal: { count: 1, percent: 50 },
        open: 1,
        overdue: 1,
      },
    ],
    [
      'expedited',
      {
        decided: 2,
        approved: { count: 1, percent: 50 },
        partiallyApproved: 0,
        denied: { count: 1, percent: 50 },
        closedNoResponse: { count: 0, percent: 0 },
        deemedApproved: { count: 1, percent: 50 },
        automatic: { count: 0, percent: 0 },
        onTime: { count: 1, percent: 50 },
        averageHours: 14,
        medianHours: 14,
        appealsDecided: 1,
        approvedAfterAppeal: { count: 1, percent: 100 },
        open: 1,
        overdue: 0,
      },
    ],
  ] as const)('%s', (key, expected) => {
    expect(m[key]).toEqual(expected);
  });

  it('gives a weekly trend with every week of the range, empty weeks included', () => {
    expect(m.weekly).toEqual([
      { weekStart: '2026-11-02', decided: 0, approvedPercent: null, medianHours: null },
      { weekStart: '2026-11-09', decided: 3, approvedPercent: 100, medianHours: 10 },
      { weekStart: '2026-11-16', decided: 3, approvedPercent: 33.3, medianHours: 24 },
    ]);
  });

  it('has no percentages or hours when nothing was decided', () => {
    const empty = computeTurnaroundMetrics({ from: '2026-01-01', to: '2026-01-07', cases: [], appeals: [], now });
    expect(empty.total).toMatchObject({
      decided: 0,
      approved: { count: 0, percent: null },
      averageHours: null,
      medianHours: null,
    });
  });
});
