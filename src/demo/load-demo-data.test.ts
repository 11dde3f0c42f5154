import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app-context.js';
import { authenticateBearer, issueToken } from '../identity/authenticate.js';
import { countRows, openTestContext } from '../imports/test-context.test-support.js';
import { findMemberById, searchMembers } from '../members/index.js';
import { findFormularyEntry, type ReferenceSnapshot } from '../reference/reference-cache.js';
import { MAINTENANCE_DRUGS } from './demo-claim-history.js';
import { DEMO } from './demo-data.js';
import { isDatabaseEmpty, loadDemoData } from './load-demo-data.js';

const TABLES = [
  'criteria_sets',
  'drug_concepts',
  'drug_packages',
  'processors',
  'plans',
  'formulary_entries',
  'members',
  'prescribers',
  'pharmacies',
  'users',
  'api_keys',
];

let ctx: AppContext;
let close: () => Promise<void>;
let ref: ReferenceSnapshot;
let firstCounts: Record<string, number>;

beforeAll(async () => {
  ({ ctx, close } = await openTestContext());
  expect(await isDatabaseEmpty(ctx)).toBe(true);
  const result = await loadDemoData(ctx, { living: false });
  expect(result.imports.every((s) => s.rejected.length === 0)).toBe(true);
  // The criteria library loads first, so the formularies name only loaded criteria sets.
  expect(result.imports.map((s) => s.kind)).toEqual([
    'criteria',
    'drug-catalog',
    'plan-bundle',
    'members',
    'prescribers',
    'pharmacies',
  ]);
  expect(result.imports.find((s) => s.kind === 'plan-bundle')!.warnings).toEqual([]);
  firstCounts = await countRows(ctx, TABLES);
  ref = await ctx.reference.get();
});
afterAll(() => close?.());

const entryFor = (planId: string, ndc: string) => {
  const pkg = ref.packages.get(ndc);
  expect(pkg, `NDC ${ndc} is in the catalog`).toBeTruthy();
  return findFormularyEntry(ref, planId, ref.concepts.get(pkg!.rxcui)!);
};

describe('loadDemoData', () => {
  it('loads everything once, and a second run changes no data (idempotent)', async () => {
    expect(await isDatabaseEmpty(ctx)).toBe(false);
    expect(firstCounts.members).toBeGreaterThanOrEqual(40);
    expect(firstCounts.prescribers).toBe(10);
    expect(firstCounts.pharmacies).toBe(5);
    expect(firstCounts.plans).toBe(5);
    expect(firstCounts.processors).toBe(2);
    const again = await loadDemoData(ctx, { living: false });
    expect(again.accountsCreated).toEqual([]);
    expect(await countRows(ctx, TABLES)).toEqual(firstCounts);
    const runs = await ctx.database.query<{ kind: string; actor: string }>('select kind, actor from import_runs');
    expect(runs.filter((r) => r.kind === 'members')).toHaveLength(2);
    expect(runs.every((r) => r.actor === 'system')).toBe(true);
  });

  it('sets up the processors and the Medi-Cal carve-out', () => {
    expect(ref.processors.get('medi-cal-rx')).toMatchObject({
      name: 'Medi-Cal Rx',
      bin: '022659',
      pcn: '6334225',
      groupId: 'MediCalRx',
    });
    expect(ref.processors.get('bayrx')).toMatchObject({ bin: '610011', pcn: 'BAYRX' });
    expect(ref.plans.get('MCAL-MC')).toMatchObject({
      carveOutPlanId: 'MCRX-FFS',
      processorId: 'bayrx',
      lineOfBusiness: 'medi-cal',
    });
    expect(ref.plans.get('MCRX-FFS')!.policy).toMatchObject({
      emergencySupply: { maxDaysSupply: 3 },
      review: { standard: { amount: 24, unit: 'hours' } },
    });
    expect(ref.plans.get('PARTD1')!.policy.review).toMatchObject({
      onMissed: 'escalate',
      standard: { amount: 72 },
      urgent: { amount: 24 },
    });
    expect(ref.plans.get('CACOM1')!.policy.review.onMissed).toBe('deem-approved');
    expect(ref.plans.get('IHSS01')!.policy.costSharing.tiers.generic.retail).toEqual({ copay: '5.00' });
    expect(ref.plans.get('PARTD1')!.policy.appeals.filingWindowDays).toBe(65);
    expect(ref.plans.get('MCRX-FFS')!.policy.appeals.filingWindowDays).toBe(60);
  });

  it("covers the living demo's maintenance generics on every plan it bills, with no edit that would reject a refill", () => {
    for (const plan of ['IHSS01', 'CACOM1', 'PARTD1', 'MCRX-FFS'])
      for (const [name, drug] of Object.entries(MAINTENANCE_DRUGS))
        expect(entryFor(plan, drug.ndc), `${name} on ${plan}`).toMatchObject({
          covered: true,
          tier: 'generic',
          priorAuthorization: false,
          stepTherapy: null,
          quantityLimit: null,
        });
  });

  it('gives each named NDC the formulary status DEMO says it has', () => {
    const n = DEMO.ndcs;
    for (const plan of ['IHSS01', 'CACOM1', 'PARTD1', 'MCRX-FFS']) {
      expect(entryFor(plan, n.coveredGeneric)).toMatchObject({
        covered: true,
        tier: 'generic',
        priorAuthorization: false,
        stepTherapy: null,
        quantityLimit: null,
      });
      expect(entryFor(plan, n.metformin)).toMatchObject({
        covered: true,
        tier: 'generic',
        priorAuthorization: false,
        quantityLimit: null,
      });
      expect(entryFor(plan, n.nonFormulary)?.covered).toBe(false);
      expect(entryFor(plan, n.weightManagement)?.covered).toBe(false);
      const low = entryFor(plan, n.semaglutidePenLow)!;
      expect(low).toMatchObject({
        covered: true,
        priorAuthorization: true,
        criteriaId: 'glp1-t2dm',
        quantityLimit: { units: 3, days: 28 },
      });
      expect(entryFor(plan, n.semaglutidePenHigh)).toBe(low);
      expect(entryFor(plan, n.semaglutideOral)).toMatchObject({ priorAuthorization: true, criteriaId: 'glp1-t2dm' });
      expect(entryFor(plan, n.stepTherapy)).toMatchObject({
        covered: true,
        priorAuthorization: false,
        stepTherapy: { prerequisites: { ingredients: ['metformin'] }, lookbackDays: 365 },
      });
      expect(entryFor(plan, n.adhdStimulant)).toMatchObject({
        priorAuthorization: true,
        criteriaId: 'adhd-stimulant',
        minAge: 6,
      });
      expect(entryFor(plan, n.doac)).toMatchObject({
        priorAuthorization: true,
        criteriaId: 'doac',
        newStartsOnly: true,
      });
      expect(entryFor(plan, n.pcsk9)).toMatchObject({
        criteriaId: 'pcsk9',
        stepTherapy: { prerequisites: { drugClasses: ['statin'] } },
      });
      expect(entryFor(plan, n.biologic)).toMatchObject({ tier: 'specialty', criteriaId: 'biologic-immunology' });
      expect(entryFor(plan, n.buprenorphineGeneric)).toMatchObject({
        covered: true,
        priorAuthorization: false,
        quantityLimit: { units: 90, days: 30 },
      });
    }
    for (const plan of ['IHSS01', 'CACOM1'])
      expect(entryFor(plan, n.quantityLimited)).toMatchObject({
        covered: true,
        priorAuthorization: false,
        quantityLimit: { units: 6, days: 30 },
      });
    for (const plan of ['PARTD1', 'MCRX-FFS']) expect(entryFor(plan, n.quantityLimited)?.covered).toBe(false);
    // The carved-out plan has no formulary of its own: Medi-Cal Rx's applies.
    expect(ref.formularies.get('MCAL-MC')).toBeUndefined();
  });

  it('every criteria id the formularies name is one of the demo criteria sets', () => {
    const used = new Set(
      [...ref.formularies.values()].flatMap((f) => f.entries.map((e) => e.criteriaId)).filter(Boolean),
    );
    expect([...used].sort()).toEqual([...DEMO.criteriaIds].sort());
  });

  it('stores the scenario members, and the insurance search finds them', async () => {
    const db = ctx.database.db;
    expect(await findMemberById(db, DEMO.members.terminated)).toMatchObject({
      terminationDate: DEMO.eligibility.terminatedOn,
    });
    const es = (await findMemberById(db, DEMO.members.spanishSpeaking))!;
    expect(es).toMatchObject({
      language: 'es',
      planId: 'MCAL-MC',
      effectiveDate: DEMO.eligibility.effectiveDate,
      terminationDate: null,
    });
    const found = await searchMembers(db, { lastName: es.lastName.toUpperCase(), dateOfBirth: es.dateOfBirth });
    expect(found.map((m) => m.id)).toContain(es.id);
    expect(
      await searchMembers(db, {
        lastName: es.lastName,
        dateOfBirth: es.dateOfBirth,
        firstName: es.firstName.slice(0, 2).toLowerCase(),
        zip: es.zip!,
      }),
    ).toHaveLength(1);
    expect(await searchMembers(db, { lastName: '%', dateOfBirth: es.dateOfBirth })).toEqual([]);
  });

  it('creates the demo logins: passwords work, pharmacy API keys authenticate with their NPI', async () => {
    const admin = await issueToken(ctx, DEMO.accounts.admin.username, DEMO.accounts.admin.password);
    expect(admin.accessToken).toBeTruthy();
    const pharmacy = await authenticateBearer(ctx, DEMO.pharmacies.retail.apiKey);
    expect(pharmacy).toMatchObject({ role: 'pharmacy', npi: DEMO.pharmacies.retail.npi });
    const reviewer = DEMO.accounts.reviewerPhysician;
    await expect(issueToken(ctx, reviewer.username, reviewer.password)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });
});
