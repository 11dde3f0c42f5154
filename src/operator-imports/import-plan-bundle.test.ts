import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app-context.js';
import { importDrugCatalog } from '../catalog/import-drug-catalog.js';
import { DomainError } from '../platform/errors.js';
import { countRows, openTestContext, readRepoFile } from '../imports/test-context.test-support.js';
import { importPlanBundle } from './import-plan-bundle.js';
import type { PlanPolicy } from '../plans/plan-policy.js';

const policy: PlanPolicy = {
  costSharing: {
    dispensingFee: '1.50',
    tiers: {
      generic: { retail: { copay: '10.00' } },
      'preferred-brand': { retail: { copay: '35.00' }, mail: { copay: '70.00' } },
    },
  },
  refillTooSoonPercent: 75,
  priorAuthorization: { howToRequest: ['epa', 'fax'] },
  review: {
    standard: { amount: 72, unit: 'hours' },
    urgent: { amount: 24, unit: 'hours' },
    onMissed: 'deem-approved',
    warnBeforeHours: 8,
    timeZone: 'America/Los_Angeles',
  },
  informationRequests: { max: 2, responseWindowHours: 72 },
  renewalWindowDays: 60,
  appeals: {
    filingWindowDays: 180,
    standard: { amount: 30, unit: 'calendar-days' },
    expedited: { amount: 72, unit: 'hours' },
    nextLevel: 'Independent Medical Review (DMHC)',
  },
  letterLanguages: ['en', 'es'],
};

const bundle = (over: Record<string, unknown> = {}, planOver: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'openpbm-plans/1',
    processors: [{ id: 'pbm1', name: 'Test PBM', bin: '999001', pcn: 'TEST', helpDeskPhone: '1-510-555-0190' }],
    plans: [
      {
        id: 'T1',
        name: 'Test Plan',
        lineOfBusiness: 'commercial',
        processorId: 'pbm1',
        groupId: 'T1',
        policy,
        formulary: [
          { group: '372614', covered: true, tier: 'generic' },
          { rxcui: '104377', covered: false, note: 'Zestril: generic covered' },
          {
            group: '1991305',
            covered: true,
            tier: 'preferred-brand',
            priorAuthorization: { criteriaId: 'glp1-t2dm' },
            quantityLimit: { units: 3, days: 28 },
            stepTherapy: { prerequisites: { ingredients: ['metformin'] }, lookbackDays: 365, minDaysSupply: 90 },
          },
          { rxcui: '99999999', covered: true, tier: 'generic' },
          { group: 'scdf:nothing Oral Tablet', covered: true, tier: 'generic' },
          {
            group: '1488568',
            covered: true,
            tier: 'generic',
            stepTherapy: { prerequisites: { ingredients: ['metfromin'] }, lookbackDays: 365 },
          },
          {
            group: 'scdf:methylphenidate Oral Tablet',
            covered: true,
            tier: 'generic',
            minAge: 6,
            sex: 'M',
            newStartsOnly: true,
          },
        ],
        ...planOver,
      },
    ],
    ...over,
  });

let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ctx, close } = await openTestContext());
  await importDrugCatalog(ctx, readRepoFile('reference-data/drugs.csv'));
});
afterAll(() => close?.());

const TABLES = ['processors', 'plans', 'formulary_entries', 'import_runs'];

describe('importPlanBundle', () => {
  it('loads processors, plans and formulary entries; entries naming unknown drugs are rejected rows', async () => {
    const summary = await importPlanBundle(ctx, bundle(), { source: 'test.json' });
    expect(summary.loaded).toEqual({ processors: 1, plans: 1, formularyEntries: 4 });
    expect(summary.rejected).toEqual([
      { row: 4, id: '/plans/0/formulary/3', reason: 'T1: RxCUI 99999999 is not in the drug catalog' },
      {
        row: 5,
        id: '/plans/0/formulary/4',
        reason: 'T1: drug-form group scdf:nothing Oral Tablet is not in the drug catalog',
      },
      {
        row: 6,
        id: '/plans/0/formulary/5',
        reason: 'T1: step-therapy prerequisite ingredient "metfromin" is not in the drug catalog',
      },
    ]);
    expect(summary.warnings.join(' ')).toMatch(/Criteria set not loaded yet: glp1-t2dm/);
    const ref = await ctx.reference.get();
    expect(ref.plans.get('T1')).toMatchObject({ processorId: 'pbm1', groupId: 'T1', source: 'openpbm', policy });
    const f = ref.formularies.get('T1')!;
    expect(f.byRxcui.get('104377')).toMatchObject({ covered: false, tier: null });
    expect(f.byGroup.get('1991305')).toMatchObject({
      priorAuthorization: true,
      criteriaId: 'glp1-t2dm',
      quantityLimit: { units: 3, days: 28 },
      stepTherapy: { lookbackDays: 365, minDaysSupply: 90 },
    });
    expect(f.byGroup.get('scdf:methylphenidate Oral Tablet')).toMatchObject({
      minAge: 6,
      sex: 'M',
      newStartsOnly: true,
      priorAuthorization: false,
    });
  });

  it('keeps the information-request clock a plan bundle states (docs/clocks.md)', async () => {
    const stated = { ...policy, informationRequests: { ...policy.informationRequests, clock: 'restarts-on-answer' } };
    await importPlanBundle(ctx, bundle({}, { policy: stated, formulary: undefined }));
    expect((await ctx.reference.get()).plans.get('T1')!.policy.informationRequests).toEqual({
      max: 2,
      responseWindowHours: 72,
      clock: 'restarts-on-answer',
    });
    await importPlanBundle(ctx, bundle({}, { formulary: undefined }));
    expect((await ctx.reference.get()).plans.get('T1')!.policy.informationRequests.clock).toBeUndefined();
  });

  it('replaces a listed formulary as a whole, and leaves it alone when the plan lists none', async () => {
    await importPlanBundle(ctx, bundle({}, { formulary: [{ group: '372614', covered: true, tier: 'generic' }] }));
    expect((await ctx.reference.get()).formularies.get('T1')!.entries).toHaveLength(1);
    await importPlanBundle(ctx, bundle({}, { formulary: undefined, name: 'Renamed' }));
    const ref = await ctx.reference.get();
    expect(ref.formularies.get('T1')!.entries).toHaveLength(1);
    expect(ref.plans.get('T1')!.name).toBe('Renamed');
  });

  it.each([
    ['a wrong format', '/format', bundle({ format: 'openpbm-plans/2' })],
    [
      'a missing policy field',
      '/plans/0/policy/renewalWindowDays',
      bundle({}, { policy: { ...policy, renewalWindowDays: undefined } }),
    ],
    [
      'money with three decimals',
      '/plans/0/policy/costSharing/dispensingFee',
      bundle({}, { policy: { ...policy, costSharing: { ...policy.costSharing, dispensingFee: '1.505' } } }),
    ],
    ['an unknown field', '/plans/0/colour', bundle({}, { colour: 'red' })],
    [
      'a BIN that is not 6 digits',
      '/processors/0/bin',
      bundle({ processors: [{ id: 'pbm1', name: 'x', bin: '12345' }] }),
    ],
    ['an unknown processor', '/plans/0/processorId', bundle({ processors: [] }, { processorId: 'nope' })],
    ['a carve-out to an unknown plan', '/plans/0/carveOutPlanId', bundle({}, { carveOutPlanId: 'NOPE' })],
    [
      'a tier the policy does not price',
      '/plans/0/formulary/0/tier',
      bundle({}, { formulary: [{ group: '372614', covered: true, tier: 'specialty' }] }),
    ],
    [
      'a covered entry without a tier',
      '/plans/0/formulary/0/tier',
      bundle({}, { formulary: [{ group: '372614', covered: true }] }),
    ],
    [
      'both group and rxcui',
      '/plans/0/formulary/0',
      bundle({}, { formulary: [{ group: '372614', rxcui: '314076', covered: false }] }),
    ],
    [
      'the same group twice',
      '/plans/0/formulary/1',
      bundle(
        {},
        {
          formulary: [
            { group: '372614', covered: false },
            { group: '372614', covered: false },
          ],
        },
      ),
    ],
    [
      'minAge above maxAge',
      '/plans/0/formulary/0/maxAge',
      bundle({}, { formulary: [{ group: '372614', covered: true, tier: 'generic', minAge: 18, maxAge: 6 }] }),
    ],
    [
      'step therapy naming nothing',
      '/plans/0/formulary/0/stepTherapy/prerequisites',
      bundle(
        {},
        {
          formulary: [
            { group: '372614', covered: true, tier: 'generic', stepTherapy: { prerequisites: {}, lookbackDays: 90 } },
          ],
        },
      ),
    ],
    [
      'an unknown time zone',
      '/plans/0/policy/review/timeZone',
      bundle({}, { policy: { ...policy, review: { ...policy.review, timeZone: 'Mars/Olympus' } } }),
    ],
    [
      'an information-request clock that is neither continues nor restarts-on-answer',
      '/plans/0/policy/informationRequests/clock',
      bundle({}, { policy: { ...policy, informationRequests: { ...policy.informationRequests, clock: 'pauses' } } }),
    ],
  ])('%s → VALIDATION_FAILED naming %s, nothing written', async (_name, path, text) => {
    const before = await countRows(ctx, TABLES);
    const error = await importPlanBundle(ctx, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    expect((error as DomainError).errors.map((e) => e.path)).toContain(path);
    expect(await countRows(ctx, TABLES)).toEqual(before);
  });

  it('a file that is not JSON → IMPORT_FAILED, nothing written', async () => {
    const before = await countRows(ctx, TABLES);
    await expect(importPlanBundle(ctx, '{"format": "openpbm-plans/1", "plans": [')).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
    });
    expect(await countRows(ctx, TABLES)).toEqual(before);
  });
});
