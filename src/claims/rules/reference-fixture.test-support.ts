import type { DrugConcept, DrugPackage } from '../../catalog/index.js';
import type { FormularyRow } from '../../formulary/index.js';
import type { PlanPolicy } from '../../plans/plan-policy.js';
import type { PlanRow, ProcessorRow } from '../../plans/index.js';
import { buildSnapshot, type ReferenceSnapshot } from '../../reference/reference-cache.js';
import type { ClaimRequest } from '../claim-types.js';
import type { MemberFacts } from './eligibility.js';

/** A handful of real catalog rows (reference-data/drugs.csv) for pure-rule tests. */
const rows: Array<
  [
    ndc: string,
    rxcui: string,
    name: string,
    ingredient: string,
    groupId: string,
    brand: string | null,
    cls: string,
    unitPrice: string | null,
  ]
> = [
  ['76282041901', '314076', 'lisinopril 10 MG Oral Tablet', 'lisinopril', '372614', null, 'ACE inhibitor', null],
  [
    '52427044090',
    '104377',
    'lisinopril 10 MG Oral Tablet [Zestril]',
    'lisinopril',
    '372614',
    'Zestril',
    'ACE inhibitor',
    null,
  ],
  ['68180021101', '979492', 'losartan potassium 50 MG Oral Tablet', 'losartan', '372651', null, 'ARB', null],
  [
    '83301001002',
    '861004',
    'metformin hydrochloride 1000 MG Oral Tablet',
    'metformin',
    '372803',
    null,
    'biguanide',
    '0.02366',
  ],
  [
    '00169413211',
    '1991311',
    '0.25 MG, 0.5 MG Dose 1.5 ML semaglutide 1.34 MG/ML Pen Injector [Ozempic]',
    'semaglutide',
    '1991305',
    'Ozempic',
    'GLP-1 agonist',
    null,
  ],
  [
    '00169413611',
    '1991317',
    '1 MG Dose 1.5 ML semaglutide 1.34 MG/ML Pen Injector [Ozempic]',
    'semaglutide',
    '1991305',
    'Ozempic',
    'GLP-1 agonist',
    null,
  ],
  [
    '00169430301',
    '2200654',
    'semaglutide 3 MG Oral Tablet [Rybelsus]',
    'semaglutide',
    '2200643',
    'Rybelsus',
    'GLP-1 agonist',
    null,
  ],
  // A multi-source brand: Crestor and its generic at the same strength (brand/generic DAW edit).
  ['13668018005', '859747', 'rosuvastatin calcium 10 MG Oral Tablet', 'rosuvastatin', '402354', null, 'statin', null],
  [
    '00310075139',
    '859749',
    'rosuvastatin calcium 10 MG Oral Tablet [Crestor]',
    'rosuvastatin',
    '402354',
    'Crestor',
    'statin',
    null,
  ],
];

export const NDC = {
  lisinopril: '76282041901',
  zestril: '52427044090',
  losartan: '68180021101',
  metformin: '83301001002',
  ozempicLow: '00169413211',
  ozempicHigh: '00169413611',
  rybelsus: '00169430301',
  rosuvastatin: '13668018005',
  crestor: '00310075139',
};

export const policy = (over: Partial<PlanPolicy> = {}): PlanPolicy => ({
  costSharing: {
    dispensingFee: '1.75',
    tiers: {
      generic: { retail: { copay: '5.00' }, mail: { copay: '10.00' } },
      'preferred-brand': { retail: { copay: '30.00' } },
      'non-preferred-brand': { retail: { copay: '60.00' } },
      specialty: { retail: { coinsurance: '0.20', coinsuranceMax: '150.00' } },
    },
  },
  refillTooSoonPercent: 75,
  priorAuthorization: { howToRequest: ['epa', 'portal', 'fax'], fax: '1-555-010-0199', phone: '1-555-010-0198' },
  review: {
    standard: { amount: 72, unit: 'hours' },
    urgent: { amount: 24, unit: 'hours' },
    onMissed: 'deem-approved',
    warnBeforeHours: 4,
    timeZone: 'America/Los_Angeles',
  },
  informationRequests: { max: 2, responseWindowHours: 72 },
  renewalWindowDays: 60,
  appeals: {
    filingWindowDays: 180,
    standard: { amount: 30, unit: 'calendar-days' },
    expedited: { amount: 72, unit: 'hours' },
    nextLevel: 'Independent Medical Review',
  },
  letterLanguages: ['en', 'es'],
  ...over,
});

const entry = (planId: string, groupId: string, over: Partial<FormularyRow> = {}): FormularyRow => ({
  id: 0,
  planId,
  rxcui: null,
  groupId,
  covered: true,
  tier: 'generic',
  priorAuthorization: false,
  criteriaId: null,
  stepTherapy: null,
  quantityLimit: null,
  minAge: null,
  maxAge: null,
  sex: null,
  newStartsOnly: false,
  source: 'test',
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  ...over,
});

export function buildFixtureSnapshot(): ReferenceSnapshot {
  const concepts: DrugConcept[] = rows.map(([, rxcui, name, ingredient, groupId, brand, cls]) => ({
    rxcui,
    tty: brand ? 'SBD' : 'SCD',
    name,
    ingredient,
    ingredientRxcui: null,
    // As RxNorm gives them: the strength, and a brand's generic equivalent (the SCD of its name without the brand).
    strength: / (\d[\d.]* MG(?:\/ML)?) /.exec(name)?.[1] ?? null,
    doseForm: 'x',
    groupId,
    groupName: groupId,
    brandName: brand,
    generic: !brand,
    genericScdRxcui: brand
      ? (rows.find((r) => r[4] === groupId && !r[5] && r[2] === name.replace(/ \[[^\]]+\]$/, ''))?.[1] ?? null)
      : rxcui,
    drugClass: cls,
    updatedAt: new Date(0),
  }));
  const packages: DrugPackage[] = rows.map(([ndc, rxcui, , , , , , unitPrice]) => ({
    ndc,
    rxcui,
    unitPrice,
    priceUnit: unitPrice ? 'EA' : null,
    priceEffectiveDate: null,
  }));
  const processors: ProcessorRow[] = [
    {
      id: 'bayrx',
      name: 'Bay Area Rx PBM',
      bin: '610011',
      pcn: 'BAYRX',
      groupId: null,
      helpDeskPhone: '1-555-010-0100',
      paFax: '1-555-010-0199',
      paPhone: '1-555-010-0198',
      updatedAt: new Date(0),
    },
    {
      id: 'medi-cal-rx',
      name: 'Medi-Cal Rx',
      bin: '022659',
      pcn: '6334225',
      groupId: 'MediCalRx',
      helpDeskPhone: '1-800-977-2273',
      paFax: null,
      paPhone: null,
      updatedAt: new Date(0),
    },
  ];
  const plan = (
    id: string,
    processorId: string,
    groupId: string,
    p: PlanPolicy,
    carveOutPlanId: string | null = null,
  ): PlanRow => ({
    id,
    name: `Plan ${id}`,
    lineOfBusiness: 'commercial',
    processorId,
    groupId,
    carveOutPlanId,
    policy: p,
    source: 'test',
    updatedAt: new Date(0),
  });
  const zeroCopay = policy({
    costSharing: {
      dispensingFee: '1.75',
      tiers: { generic: { retail: { copay: '0.00' } }, 'preferred-brand': { retail: { copay: '0.00' } } },
    },
    emergencySupply: { maxDaysSupply: 3 },
  });
  const plans = [
    plan('IHSS01', 'bayrx', 'IHSS01', policy()),
    plan('MCAL-MC', 'bayrx', 'MCALMC', policy(), 'MCRX-FFS'),
    plan('MCRX-FFS', 'medi-cal-rx', 'MediCalRx', zeroCopay),
  ];
  const formulary: FormularyRow[] = [];
  for (const planId of ['IHSS01', 'MCRX-FFS']) {
    formulary.push(
      entry(planId, '372614'),
      { ...entry(planId, null as unknown as string, { rxcui: '104377', covered: false, tier: null }), groupId: null },
      entry(planId, '372651'),
      entry(planId, '372803'),
      entry(planId, '1991305', {
        tier: 'preferred-brand',
        priorAuthorization: true,
        criteriaId: 'glp1-t2dm',
        quantityLimit: { units: 3, days: 28 },
      }),
      entry(planId, '402354'),
      { ...entry(planId, null as unknown as string, { rxcui: '859749', tier: 'non-preferred-brand' }), groupId: null },
      entry(planId, '2200643', {
        tier: 'preferred-brand',
        stepTherapy: {
          prerequisites: { ingredients: ['metformin'] },
          lookbackDays: 365,
          minDaysSupply: 1,
          description: 'metformin',
        },
      }),
    );
  }
  return buildSnapshot({ concepts, packages, processors, plans, entries: formulary, loadedAt: 0 });
}

/** The fixture's IHSS01 member M1, a woman born 1961-04-02 (65 on the fixture claims' date of service). */
export const fixtureMember: MemberFacts = {
  id: 'M1',
  planId: 'IHSS01',
  dateOfBirth: '1961-04-02',
  sex: 'F',
  effectiveDate: '2026-01-01',
  terminationDate: null,
};

/** A claim by the fixture's IHSS01 member M1 on 2026-11-20 (lisinopril, 30 for 30 days); tests override what they vary. */
export const fixtureClaim = (over: Partial<ClaimRequest> = {}): ClaimRequest => ({
  bin: '610011',
  pcn: 'BAYRX',
  groupId: 'IHSS01',
  cardholderId: 'M1',
  patient: { dateOfBirth: '1961-04-02' },
  pharmacyNpi: '1234567893',
  prescriptionNumber: 'RX1',
  fillNumber: 0,
  dateOfService: '2026-11-20',
  productId: NDC.lisinopril,
  quantityDispensed: 30,
  daysSupply: 30,
  prescriberNpi: '1922334457',
  submittedIngredientCost: '12.00',
  usualAndCustomaryCharge: '20.00',
  ...over,
});
