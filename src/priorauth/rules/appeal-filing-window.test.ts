import { describe, expect, it } from 'vitest';
import { appealFilingWindow } from './appeal-filing-window.js';

const LA = 'America/Los_Angeles';
const NY = 'America/New_York';

describe('appealFilingWindow', () => {
  // Denied Friday 2026-11-20 at 09:00 in California (17:00 UTC).
  const decidedAt = new Date('2026-11-20T17:00:00Z');
  const cases: Array<{
    name: string;
    receivedAt: string;
    days: number;
    zone?: string;
    open: boolean;
    deadline: string;
    receivedOn: string;
    noticeDate?: string;
  }> = [
    {
      name: 'same day',
      receivedAt: '2026-11-20T18:00:00Z',
      days: 65,
      open: true,
      deadline: '2027-01-24',
      receivedOn: '2026-11-20',
    },
    {
      name: 'Part D: the 65th day is on time',
      receivedAt: '2027-01-24T20:00:00Z',
      days: 65,
      open: true,
      deadline: '2027-01-24',
      receivedOn: '2027-01-24',
    },
    {
      name: 'Part D: 23:30 on the 65th day in California is on time although UTC says the 66th',
      receivedAt: '2027-01-25T07:30:00Z',
      days: 65,
      open: true,
      deadline: '2027-01-24',
      receivedOn: '2027-01-24',
    },
    {
      name: 'Part D: 00:30 on the 66th day in California is late',
      receivedAt: '2027-01-25T08:30:00Z',
      days: 65,
      open: false,
      deadline: '2027-01-24',
      receivedOn: '2027-01-25',
    },
    {
      name: 'Medi-Cal: 60 days',
      receivedAt: '2027-01-19T20:00:00Z',
      days: 60,
      open: true,
      deadline: '2027-01-19',
      receivedOn: '2027-01-19',
    },
    {
      name: 'Medi-Cal: day 61',
      receivedAt: '2027-01-20T20:00:00Z',
      days: 60,
      open: false,
      deadline: '2027-01-19',
      receivedOn: '2027-01-20',
    },
    {
      name: 'commercial: 180 days spans a DST change and a leap-free February',
      receivedAt: '2027-05-19T18:00:00Z',
      days: 180,
      open: true,
      deadline: '2027-05-19',
      receivedOn: '2027-05-19',
    },
    {
      name: 'commercial: day 181',
      receivedAt: '2027-05-20T18:00:00Z',
      days: 180,
      open: false,
      deadline: '2027-05-19',
      receivedOn: '2027-05-20',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const w = appealFilingWindow({
        decidedAt,
        receivedAt: new Date(c.receivedAt),
        filingWindowDays: c.days,
        timeZone: c.zone ?? LA,
      });
      expect(w).toEqual({
        noticeDate: c.noticeDate ?? '2026-11-20',
        deadline: c.deadline,
        receivedOn: c.receivedOn,
        open: c.open,
      });
    });
  }

  it("takes the notice date in the plan's zone: 22:00 in California is the next day in New York", () => {
    const late = new Date('2026-11-21T06:00:00Z'); // 22:00 Nov 20 in LA, 01:00 Nov 21 in NY
    expect(
      appealFilingWindow({ decidedAt: late, receivedAt: late, filingWindowDays: 60, timeZone: LA }).noticeDate,
    ).toBe('2026-11-20');
    expect(
      appealFilingWindow({ decidedAt: late, receivedAt: late, filingWindowDays: 60, timeZone: NY }).noticeDate,
    ).toBe('2026-11-21');
    expect(appealFilingWindow({ decidedAt: late, receivedAt: late, filingWindowDays: 60, timeZone: NY }).deadline).toBe(
      '2027-01-20',
    );
  });

  it('crosses a leap day', () => {
    const w = appealFilingWindow({
      decidedAt: new Date('2028-02-01T18:00:00Z'),
      receivedAt: new Date('2028-03-01T18:00:00Z'),
      filingWindowDays: 30,
      timeZone: LA,
    });
    expect(w).toMatchObject({ noticeDate: '2028-02-01', deadline: '2028-03-02', open: true });
  });
});
