import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app-context.js';
import { importDrugCatalog } from '../catalog/import-drug-catalog.js';
import { countRows, openTestContext, readRepoFile } from '../imports/test-context.test-support.js';
import { findFormularyEntry } from '../reference/reference-cache.js';
import { hasSharedExamples, sharedDir } from '../shared/test-needs.test-support.js';
import { importQhpDrugs, importQhpPlans, QHP_UNASSIGNED_PROCESSOR } from './import-qhp.js';

const QHP_DIR = path.join(sharedDir(), 'examples/qhp');
const qhp = (file: string) => readFileSync(path.join(QHP_DIR, file), 'utf8');

let ctx: AppContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ctx, close } = await openTestContext());
  await importDrugCatalog(ctx, readRepoFile('reference-data/drugs.csv'));
});
afterAll(() => close?.());

const hasQhpExamples = hasSharedExamples('qhp');

describe.skipIf(!hasQhpExamples)('the real CMS QHP example files (../shared/examples/qhp)', () => {
  it('plans.json imports cleanly: three plans, their tiers and cost sharing, and the quirks as warnings', async () => {
    const summary = await importQhpPlans(ctx, qhp('plans.json'), { source: 'plans.json' });
    expect(summary.rejected).toEqual([]);
    expect(summary.loaded).toEqual({ processors: 1, plans: 3 });
    const w = summary.warnings.join('\n');
    expect(w).toMatch(/coinsurance_opt "BEFORE-DEDUCTIBLE" is not a README value/);
    expect(w).toMatch(/coinsurance_opt is missing/);
    expect(w).toMatch(/drug_tier "PREFERRED" is not one of the README's example tiers; kept as "preferred"/);
    expect(w).toMatch(/qhp-unassigned/);
    const ref = await ctx.reference.get();
    const gold = ref.plans.get('12345XX9876543')!;
    expect(gold).toMatchObject({
      name: 'Vandelay Insurance Gold Health Plan',
      lineOfBusiness: 'commercial',
      source: 'qhp',
      processorId: QHP_UNASSIGNED_PROCESSOR.id,
    });
    // $20 copay after the deductible (taken as met); the mail copay is NO-CHARGE, so 20 % coinsurance applies there.
    expect(gold.policy.costSharing.tiers).toEqual({
      generic: { retail: { copay: '20.00' }, mail: { coinsurance: '0.2' } },
      preferred: { retail: { copay: '20.00' }, mail: { coinsurance: '0.2' } },
    });
    // A single formulary object (not a list) is valid too.
    expect(Object.keys(ref.plans.get('12345XX9876541')!.policy.costSharing.tiers)).toEqual(['generic']);
    expect(ref.processors.get(QHP_UNASSIGNED_PROCESSOR.id)!.bin).toBe('');
  });

  it('drugs-1.json and drugs-2.json import without failing: RxCUIs missing from the catalog are reported, nothing is invented', async () => {
    const before = await countRows(ctx, ['formulary_entries']);
    for (const file of ['drugs-1.json', 'drugs-2.json']) {
      const summary = await importQhpDrugs(ctx, qhp(file), { source: file });
      expect(summary.loaded.formularyEntries).toBe(0);
      expect(summary.rejected.map((r) => [r.row, r.id])).toEqual([
        [1, '209459'],
        [2, '248656'],
      ]);
      expect(summary.rejected[0].reason).toMatch(
        /RxCUI 209459 \(".+"\) is not in the drug catalog; not loaded for 12345XX9876543, 12345XX9876542, 12345XX9876541/,
      );
    }
    expect(await countRows(ctx, ['formulary_entries'])).toEqual(before);
  });

  it('the CRLF fixtures (qhp_plans.json / qhp_drugs.json) import: placeholder ids are rejected rows, not failures', async () => {
    const plans = await importQhpPlans(ctx, qhp('qhp_plans.json'));
    expect(plans.loaded.plans).toBe(1);
    expect(plans.warnings.join('\n')).toMatch(/not a 14-character HIOS plan id/);
    const drugs = await importQhpDrugs(ctx, qhp('qhp_drugs.json'));
    expect(drugs.rejected.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(drugs.rejected[0].reason).toMatch(/rxnorm_id "RXNORM_ID_1" is not a numeric RxCUI/);
  });
});

describe('QHP drugs for RxCUIs the catalog knows', () => {
  const plansJson = JSON.stringify([
    {
      plan_id_type: 'HIOS-PLAN-ID',
      plan_id: '99999CA0000001',
      marketing_name: 'Test Silver',
      formulary: [
        {
          drug_tier: 'GENERIC',
          mail_order: true,
          cost_sharing: [
            {
              pharmacy_type: '1-MONTH-IN-RETAIL',
              copay_amount: 10,
              copay_opt: 'AFTER-DEDUCTIBLE',
              coinsurance_rate: 0,
              coinsurance_opt: 'NO-CHARGE',
            },
            {
              pharmacy_type: '3-MONTH-IN-MAIL',
              copay_amount: 20,
              copay_opt: 'AFTER-DEDUCTIBLE',
              coinsurance_rate: 0,
              coinsurance_opt: 'NO-CHARGE',
            },
          ],
        },
        {
          drug_tier: 'PREFERRED-BRAND',
          mail_order: false,
          cost_sharing: [
            {
              pharmacy_type: '1-MONTH-IN-RETAIL',
              copay_amount: 0,
              copay_opt: 'NO-CHARGE',
              coinsurance_rate: 0.3,
              coinsurance_opt: 'AFTER-DEDUCTIBLE',
            },
          ],
        },
      ],
    },
  ]);
  const drug = (rxnorm_id: string, drug_name: string, plans: object[]) => ({ rxnorm_id, drug_name, plans });
  const onPlan = (plan_id: string, drug_tier: string, flags: object = {}) => ({
    plan_id_type: 'HIOS-PLAN-ID',
    plan_id,
    drug_tier,
    prior_authorization: false,
    step_therapy: false,
    quantity_limit: false,
    years: [2026],
    ...flags,
  });

  it('loads entries by RxCUI with tier and flags, reports unknown plans and duplicates, and merges pages', async () => {
    // No processorId: the importer files QHP plans under its own 'unassigned' processor (whether or not the shared examples ran first).
    await importQhpPlans(ctx, plansJson);
    const page1 = await importQhpDrugs(
      ctx,
      JSON.stringify([
        drug('314076', 'lisinopril 10 MG Oral Tablet', [
          onPlan('99999CA0000001', 'GENERIC'),
          onPlan('00000XX0000000', 'GENERIC'),
        ]),
        drug('1991311', 'Ozempic 0.25/0.5 mg pen', [
          onPlan('99999CA0000001', 'PREFERRED-BRAND', {
            prior_authorization: true,
            step_therapy: true,
            quantity_limit: true,
          }),
        ]),
        drug('314076', 'lisinopril 10 MG Oral Tablet', [onPlan('99999CA0000001', 'GENERIC')]),
        drug('IHSS01-not-a-number', 'x', [onPlan('IHSS01', 'GENERIC')]),
      ]),
    );
    expect(page1.loaded).toEqual({ formularyEntries: 2, plans: 1 });
    expect(page1.rejected.map((r) => [r.row, r.id])).toEqual([
      [1, '314076@00000XX0000000'],
      [3, '314076@99999CA0000001'],
      [4, 'IHSS01-not-a-number'],
    ]);
    expect(page1.rejected[0].reason).toMatch(/plan 00000XX0000000 has not been imported/);
    expect(page1.rejected[1].reason).toMatch(/already listed for plan 99999CA0000001 at row 1/);
    const w = page1.warnings.join('\n');
    expect(w).toMatch(/1 entry requires prior authorization but QHP names no criteria set/);
    expect(w).toMatch(/quantity_limit=true but QHP gives no units or days/);
    expect(w).toMatch(/drug_name differs from the RxNorm name/);

    const page2 = await importQhpDrugs(
      ctx,
      JSON.stringify([
        drug('861004', 'metformin hydrochloride 1000 MG Oral Tablet', [onPlan('99999CA0000001', 'GENERIC')]),
      ]),
    );
    expect(page2.loaded.formularyEntries).toBe(1);
    const ref = await ctx.reference.get();
    const f = ref.formularies.get('99999CA0000001')!;
    expect([...f.byRxcui.keys()].sort()).toEqual(['1991311', '314076', '861004']);
    expect(findFormularyEntry(ref, '99999CA0000001', ref.concepts.get('1991311')!)).toMatchObject({
      tier: 'preferred-brand',
      priorAuthorization: true,
      criteriaId: null,
      quantityLimit: null,
      stepTherapy: { prerequisites: {} },
      source: 'qhp',
    });
    expect(ref.plans.get('99999CA0000001')!.policy.costSharing.tiers).toEqual({
      generic: { retail: { copay: '10.00' } },
      'preferred-brand': { retail: { coinsurance: '0.3' } },
    });
  });

  it('refuses to touch a plan that did not come from QHP, and an unknown processor', async () => {
    const { importPlanBundle } = await import('../operator-imports/import-plan-bundle.js');
    await importPlanBundle(
      ctx,
      JSON.stringify({
        format: 'openpbm-plans/1',
        processors: [{ id: 'p1', name: 'P1', bin: '123456' }],
        plans: [
          {
            id: 'OWN1',
            name: 'Own',
            lineOfBusiness: 'commercial',
            processorId: 'p1',
            policy: (await ctx.reference.get()).plans.get('99999CA0000001')!.policy,
          },
        ],
      }),
    );
    const r = await importQhpPlans(
      ctx,
      JSON.stringify([
        {
          plan_id_type: 'HIOS-PLAN-ID',
          plan_id: 'OWN1',
          marketing_name: 'x',
          formulary: { drug_tier: 'GENERIC', mail_order: false },
        },
      ]),
    );
    expect(r.rejected[0].reason).toMatch(/loaded from openpbm, not QHP/);
    await expect(importQhpPlans(ctx, plansJson, { processorId: 'nope' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('a file that is not a JSON array (or not JSON) fails whole and changes nothing', async () => {
    const before = await countRows(ctx, ['plans', 'formulary_entries', 'processors']);
    await expect(importQhpPlans(ctx, '{"plan_id": "x"}')).rejects.toMatchObject({ code: 'IMPORT_FAILED' });
    await expect(importQhpDrugs(ctx, '[{"rxnorm_id": "314076",')).rejects.toMatchObject({
      code: 'IMPORT_FAILED',
      message: expect.stringMatching(/not valid JSON/),
    });
    expect(await countRows(ctx, ['plans', 'formulary_entries', 'processors'])).toEqual(before);
  });
});
