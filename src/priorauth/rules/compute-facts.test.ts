import { describe, expect, it } from 'vitest';
import type { CriteriaSet, FactDefinition } from './criteria-set.js';
import { computeFacts, type FactInput } from './compute-facts.js';

// Drug-form groups and classes as in reference-data/drugs.csv: metformin Oral Tablet 372803 (biguanide),
// liraglutide Pen Injector 1653594 and semaglutide Pen Injector 1991305 (GLP-1 agonist), lisinopril Oral Tablet 372614.
const TODAY = '2026-11-20';
const set = (facts: FactDefinition[]) => ({ facts }) as CriteriaSet;
const input = (over: Partial<FactInput> = {}): FactInput => ({
  member: { dateOfBirth: '1970-11-21', sex: 'F' },
  claimHistory: [],
  requestedGroupId: '1991305',
  today: TODAY,
  ...over,
});
const fill = (dateOfService: string, daysSupply: number, over: Partial<FactInput['claimHistory'][number]> = {}) => ({
  dateOfService,
  daysSupply,
  ingredient: 'metformin',
  drugClass: 'biguanide',
  groupId: '372803',
  ...over,
});
const metformin90: FactDefinition = {
  name: 'metforminDays',
  kind: 'days-supply-filled',
  ingredients: ['metformin'],
  lookbackDays: 90,
};

describe('computeFacts', () => {
  it('member age in whole years on today (the day before the birthday counts the younger age)', () => {
    expect(computeFacts(set([{ name: 'age', kind: 'member-age' }]), input())).toEqual({ age: 55 });
    expect(
      computeFacts(
        set([{ name: 'age', kind: 'member-age' }]),
        input({ member: { dateOfBirth: '1970-11-20', sex: 'F' } }),
      ),
    ).toEqual({ age: 56 });
  });

  it('member sex as recorded', () => {
    expect(computeFacts(set([{ name: 'sex', kind: 'member-sex' }]), input())).toEqual({ sex: 'F' });
  });

  it('days supply counts covered days inside the look-back window, today included', () => {
    // 30 days from 2026-10-01 (inside a 90-day window that starts 2026-08-23).
    expect(computeFacts(set([metformin90]), input({ claimHistory: [fill('2026-10-01', 30)] }))).toEqual({
      metforminDays: 30,
    });
  });

  it('overlapping fills are not counted twice', () => {
    const history = [fill('2026-10-01', 30), fill('2026-10-20', 30)]; // 2026-10-01 … 2026-11-18
    expect(computeFacts(set([metformin90]), input({ claimHistory: history })).metforminDays).toBe(49);
  });

  it('a fill that started before the window counts only its days inside it', () => {
    // Window starts 2026-08-23; a 30-day fill from 2026-08-13 covers 2026-08-23 … 2026-09-11 inside it.
    expect(computeFacts(set([metformin90]), input({ claimHistory: [fill('2026-08-13', 30)] })).metforminDays).toBe(20);
    expect(computeFacts(set([metformin90]), input({ claimHistory: [fill('2026-07-01', 30)] })).metforminDays).toBe(0);
  });

  it('days after today do not count (a fill on today counts one day)', () => {
    expect(computeFacts(set([metformin90]), input({ claimHistory: [fill(TODAY, 30)] })).metforminDays).toBe(1);
  });

  it('matches by ingredient or by drug class; other drugs do not count', () => {
    const byClass: FactDefinition = {
      name: 'glp1Days',
      kind: 'days-supply-filled',
      drugClasses: ['GLP-1 agonist'],
      lookbackDays: 90,
    };
    const history = [
      fill('2026-10-01', 28, { ingredient: 'liraglutide', drugClass: 'GLP-1 agonist', groupId: '1653594' }),
      fill('2026-10-01', 30, { ingredient: 'lisinopril', drugClass: 'ACE inhibitor', groupId: '372614' }),
    ];
    expect(computeFacts(set([byClass, metformin90]), input({ claimHistory: history }))).toEqual({
      glp1Days: 28,
      metforminDays: 0,
    });
  });

  it('excludeRequestedGroup leaves out fills of the drug being requested (a trial of another drug is what counts)', () => {
    const otherGlp1: FactDefinition = {
      name: 'otherGlp1Days',
      kind: 'days-supply-filled',
      drugClasses: ['GLP-1 agonist'],
      excludeRequestedGroup: true,
      lookbackDays: 90,
    };
    const history = [
      fill('2026-10-01', 28, { ingredient: 'semaglutide', drugClass: 'GLP-1 agonist', groupId: '1991305' }),
      fill('2026-09-01', 28, { ingredient: 'liraglutide', drugClass: 'GLP-1 agonist', groupId: '1653594' }),
    ];
    expect(computeFacts(set([otherGlp1]), input({ claimHistory: history })).otherGlp1Days).toBe(28);
  });
});
