import { describe, expect, it } from 'vitest';
import { parseCsv } from '../shared/csv.js';
import { isValidNpi } from '../shared/npi.js';
import { allDemoAccounts, DEMO_ACCOUNTS_TEXT } from './demo-accounts.js';
import { DEMO } from './demo-data.js';
import { DEMO_PLAN_IDS } from './demo-plans.js';
import { generateDemoPeople, membersCsv, pharmaciesCsv, prescribersCsv } from './demo-people.js';

const ageOn = (dob: string, today: string) => {
  const [y, m, d] = dob.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
};

describe('demo people', () => {
  const people = generateDemoPeople();

  it('is the same on every run', () => {
    expect(generateDemoPeople()).toEqual(people);
    expect(membersCsv(generateDemoPeople().members)).toBe(membersCsv(people.members));
  });

  it('has at least 40 members over the five plans and five languages, 10 prescribers and 5 pharmacies', () => {
    expect(people.members.length).toBeGreaterThanOrEqual(40);
    for (const planId of Object.values(DEMO_PLAN_IDS))
      expect(people.members.filter((m) => m.planId === planId).length).toBeGreaterThanOrEqual(5);
    for (const lang of ['en', 'es', 'zh', 'vi', 'tl'])
      expect(people.members.filter((m) => m.language === lang).length).toBeGreaterThanOrEqual(5);
    expect(people.prescribers).toHaveLength(10);
    expect(people.pharmacies).toHaveLength(5);
    expect(people.pharmacies.map((p) => p.pharmacyType).sort()).toEqual([
      'mail',
      'retail',
      'retail',
      'retail',
      'specialty',
    ]);
  });

  it('ids, names and NPIs are unique; every NPI has a valid check digit', () => {
    const ids = people.members.map((m) => m.memberId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(people.members.map((m) => `${m.firstName} ${m.lastName}`)).size).toBe(ids.length);
    const npis = [...people.prescribers, ...people.pharmacies].map((p) => p.npi);
    expect(new Set(npis).size).toBe(npis.length);
    expect(npis.every(isValidNpi)).toBe(true);
    const usernames = allDemoAccounts().map((a) => a.username);
    expect(new Set(usernames).size).toBe(usernames.length);
  });

  it('ages fit the scenarios on the test clock (2026-11-20)', () => {
    const today = '2026-11-20';
    const byId = new Map(people.members.map((m) => [m.memberId, m]));
    expect(ageOn(byId.get(DEMO.members.childUnder6)!.dateOfBirth, today)).toBeLessThan(6);
    expect(ageOn(byId.get(DEMO.members.child)!.dateOfBirth, today)).toBeGreaterThanOrEqual(6);
    expect(
      people.members.filter((m) => m.planId === DEMO_PLAN_IDS.partD).every((m) => ageOn(m.dateOfBirth, today) >= 65),
    ).toBe(true);
    // The PA journeys take up to ten distinct active adults (born before 2000) of IHSS01.
    expect(
      people.members.filter(
        (m) => m.planId === DEMO_PLAN_IDS.ihss && !m.terminationDate && m.dateOfBirth < '2000-01-01',
      ).length,
    ).toBeGreaterThanOrEqual(10);
    const terminated = people.members.filter((m) => m.terminationDate);
    expect(terminated.map((m) => m.memberId)).toEqual([DEMO.members.terminated]);
    expect(terminated[0].terminationDate! < today).toBe(true);
    expect(byId.get(DEMO.members.spanishSpeaking)).toMatchObject({
      language: 'es',
      planId: DEMO_PLAN_IDS.mediCalManagedCare,
    });
  });

  it('renders CSVs that parse back to the same people', () => {
    expect(parseCsv(membersCsv(people.members)).records).toHaveLength(people.members.length);
    expect(parseCsv(prescribersCsv(people.prescribers)).records[0].values.npi).toBe(people.prescribers[0].npi);
    expect(parseCsv(pharmaciesCsv(people.pharmacies)).records.map((r) => r.values.pharmacy_type)).toContain('mail');
  });

  it('lists every demo login, each pharmacy API key, and both processors in the start-up text', () => {
    for (const a of allDemoAccounts()) expect(DEMO_ACCOUNTS_TEXT).toContain(a.username);
    for (const p of Object.values(DEMO.pharmacies)) {
      expect(p.apiKey.startsWith('opbm_')).toBe(true);
      expect(p.apiKey.length).toBeGreaterThanOrEqual(40);
      expect(DEMO_ACCOUNTS_TEXT).toContain(p.apiKey);
    }
    expect(DEMO_ACCOUNTS_TEXT).toMatch(/BIN 022659 PCN 6334225 group MediCalRx/);
    expect(allDemoAccounts().map((a) => a.role)).toEqual(
      expect.arrayContaining([
        'admin',
        'intake',
        'reviewer-pharmacist',
        'reviewer-physician',
        'member-services',
        'member',
        'prescriber',
        'pharmacy',
      ]),
    );
    expect(
      allDemoAccounts()
        .filter((a) => a.role.startsWith('reviewer-'))
        .map((a) => a.credential)
        .sort(),
    ).toEqual(['MD', 'MD', 'PharmD', 'PharmD']);
  });
});
