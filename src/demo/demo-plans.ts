import type { QuantityLimit, StepTherapy } from '../formulary/formulary-entry.js';
import type { PlanPolicy } from '../plans/plan-policy.js';
import {
  PLAN_BUNDLE_FORMAT,
  type BundleFormularyEntry,
  type BundlePlan,
  type BundleProcessor,
  type PlanBundle,
} from '../plans/plan-bundle.schema.js';

/**
 * The demo plans, built over the real drug catalog (reference-data/drugs.csv): two processors,
 * five plans, and formularies computed from each drug's class, generic/brand status and dose form.
 * Organisations are fictional (Poppy Health Plan, Bay Area Rx PBM); Medi-Cal Rx's identifiers and
 * phone are the real public ones. Phone numbers of fictional bodies are in the 555-01xx range.
 */

/** The catalog facts the formulary rules read (a parsed drugs.csv row or a stored concept). */
export interface CatalogConcept {
  rxcui: string;
  tty: string;
  name: string;
  ingredient: string;
  strength?: string | null;
  doseForm: string;
  groupId: string;
  brandName?: string | null;
  generic: boolean;
  drugClass?: string | null;
}

export const DEMO_PROCESSORS = {
  pbm: {
    id: 'bayrx',
    name: 'Bay Area Rx PBM',
    bin: '610011',
    pcn: 'BAYRX',
    helpDeskPhone: '1-510-555-0100',
    paFax: '1-510-555-0101',
    paPhone: '1-510-555-0102',
  },
  mediCalRx: {
    id: 'medi-cal-rx',
    name: 'Medi-Cal Rx',
    bin: '022659',
    pcn: '6334225',
    groupId: 'MediCalRx',
    helpDeskPhone: '1-800-977-2273',
    paPhone: '1-800-977-2273',
  },
} as const satisfies Record<string, BundleProcessor>;

export const DEMO_PLAN_IDS = {
  mediCalManagedCare: 'MCAL-MC',
  mediCalRx: 'MCRX-FFS',
  ihss: 'IHSS01',
  commercial: 'CACOM1',
  partD: 'PARTD1',
} as const;

/** Criteria sets the formularies name (the criteria library defines them). */
export const DEMO_CRITERIA_IDS = [
  'glp1-t2dm',
  'sglt2',
  'doac',
  'biologic-immunology',
  'pcsk9',
  'adhd-stimulant',
  'testosterone',
  'buprenorphine-naloxone',
] as const;

const LA = 'America/Los_Angeles';
const hours = (amount: number) => ({ amount, unit: 'hours' as const });
const calendarDays = (amount: number) => ({ amount, unit: 'calendar-days' as const });
const copay = (amount: string) => ({ copay: amount });

const ZERO_COPAY_TIERS: PlanPolicy['costSharing']['tiers'] = {
  generic: { retail: copay('0.00') },
  'preferred-brand': { retail: copay('0.00') },
  'non-preferred-brand': { retail: copay('0.00') },
  specialty: { retail: copay('0.00') },
};

/** Knox-Keene plans (IHSS and commercial lines): CA Health & Safety Code §1367.241. */
const californiaKnoxKeeneReview: PlanPolicy['review'] = {
  // 72 hours non-urgent, 24 hours exigent; a request not answered in time is deemed granted.
  standard: hours(72),
  urgent: hours(24),
  onMissed: 'deem-approved',
  warnBeforeHours: 8,
  timeZone: LA,
};
/** The fictional plan's appeals unit (555-01xx numbers; a made-up post-office box). */
const poppyAppealsUnit = {
  mailingAddress: ['Poppy Health Plan, Attention: Appeals and Grievances', 'P.O. Box 24510', 'Oakland, CA 94623-1510'],
  fax: '1-510-555-0105',
  phone: '1-510-555-0106',
};
const californiaKnoxKeeneAppeals: PlanPolicy['appeals'] = {
  // Grievances within 180 days of the notice; 30 days standard, 72 hours urgent (H&S §1368.01).
  filingWindowDays: 180,
  standard: calendarDays(30),
  expedited: hours(72),
  nextLevel: 'Independent Medical Review (IMR) by the California Department of Managed Health Care (DMHC)',
  ...poppyAppealsUnit,
};

const mediCalAppeals: PlanPolicy['appeals'] = {
  // 42 CFR 438.402(c)(2)(ii): 60 days from the notice; 438.408: 30 days standard, 72 hours expedited.
  filingWindowDays: 60,
  standard: calendarDays(30),
  expedited: hours(72),
  nextLevel:
    'State Fair Hearing (California Department of Social Services); Independent Medical Review (DMHC) for managed-care members',
};

const common = {
  refillTooSoonPercent: 75,
  informationRequests: { max: 2, responseWindowHours: 72 },
  renewalWindowDays: 60,
};

function policies(): Record<string, PlanPolicy> {
  return {
    [DEMO_PLAN_IDS.ihss]: {
      ...common,
      costSharing: {
        dispensingFee: '1.75',
        // Mail order fills 90 days for twice the 30-day retail copay.
        tiers: {
          generic: { retail: copay('5.00'), mail: copay('10.00') },
          'preferred-brand': { retail: copay('30.00'), mail: copay('60.00') },
          'non-preferred-brand': { retail: copay('60.00'), mail: copay('120.00') },
          specialty: { retail: { coinsurance: '0.20', coinsuranceMax: '150.00' } },
        },
      },
      // A specialty-drug deductible (every other tier pays its copay from the first fill) and a yearly
      // out-of-pocket maximum, so members see both kinds of progress (GET /members/{id}/accumulators).
      accumulators: {
        deductible: '250.00',
        deductibleExemptTiers: ['generic', 'preferred-brand', 'non-preferred-brand'],
        outOfPocketMax: '3000.00',
      },
      priorAuthorization: {
        howToRequest: ['epa', 'portal', 'fax', 'phone'],
        handledBy: 'Bay Area Rx PBM for Poppy Health Plan',
      },
      review: californiaKnoxKeeneReview,
      appeals: californiaKnoxKeeneAppeals,
      letterLanguages: ['en', 'es', 'zh', 'vi', 'tl'],
    },
    [DEMO_PLAN_IDS.commercial]: {
      ...common,
      costSharing: {
        dispensingFee: '1.50',
        tiers: {
          generic: { retail: copay('10.00'), mail: copay('20.00') },
          'preferred-brand': { retail: copay('35.00'), mail: copay('70.00') },
          'non-preferred-brand': { retail: copay('70.00'), mail: copay('140.00') },
          // California caps specialty cost sharing at $250 per 30-day supply (AB 339, H&S §1342.73).
          specialty: { retail: { coinsurance: '0.20', coinsuranceMax: '250.00' } },
        },
      },
      priorAuthorization: {
        howToRequest: ['epa', 'portal', 'fax', 'phone'],
        handledBy: 'Bay Area Rx PBM for Poppy Health Plan',
      },
      // Generic substitution: a brand whose generic is covered, billed with DAW 0, rejects 22
      // (dispense the generic); with DAW 1 it needs a brand-medically-necessary exception (75),
      // which pays the brand at the generic's cost sharing (docs/design.md#dispense-as-written).
      multiSourceBrand: { substitutionAllowed: 'reject', prescriberRequiresBrand: 'reject' },
      review: californiaKnoxKeeneReview,
      appeals: californiaKnoxKeeneAppeals,
      letterLanguages: ['en', 'es', 'zh'],
    },
    [DEMO_PLAN_IDS.partD]: {
      ...common,
      costSharing: {
        dispensingFee: '2.00',
        tiers: {
          generic: { retail: copay('5.00'), mail: copay('10.00') },
          // $35 keeps covered insulin within the Medicare monthly insulin cap.
          'preferred-brand': { retail: copay('35.00'), mail: copay('70.00') },
          'non-preferred-brand': { retail: copay('95.00'), mail: copay('190.00') },
          specialty: { retail: { coinsurance: '0.25' } },
        },
      },
      priorAuthorization: {
        howToRequest: ['epa', 'portal', 'fax', 'phone'],
        handledBy: 'Bay Area Rx PBM for Poppy Medicare Rx',
      },
      review: {
        // Coverage determinations: 72 hours standard, 24 hours expedited (42 CFR 423.568, 423.572).
        // A missed deadline goes to the Independent Review Entity; it is never granted by default.
        standard: hours(72),
        urgent: hours(24),
        onMissed: 'escalate',
        warnBeforeHours: 8,
        timeZone: LA,
      },
      appeals: {
        // Redetermination: requested within 65 days (42 CFR 423.582); 7 days standard, 72 hours expedited (423.590).
        filingWindowDays: 65,
        standard: calendarDays(7),
        expedited: hours(72),
        nextLevel: 'Reconsideration by the Independent Review Entity (IRE), 42 CFR 423.600',
        ...poppyAppealsUnit,
      },
      letterLanguages: ['en', 'es'],
    },
    [DEMO_PLAN_IDS.mediCalRx]: {
      ...common,
      // Medi-Cal Rx: no copay; fee-for-service professional dispensing fee.
      costSharing: { dispensingFee: '10.05', tiers: ZERO_COPAY_TIERS },
      // Medicaid PA: an answer within 24 hours and a 72-hour emergency supply (42 USC 1396r-8(d)(5)).
      emergencySupply: { maxDaysSupply: 3 },
      priorAuthorization: {
        howToRequest: ['epa', 'portal', 'phone'],
        phone: '1-800-977-2273',
        handledBy: 'Medi-Cal Rx',
      },
      review: { standard: hours(24), urgent: hours(24), onMissed: 'escalate', warnBeforeHours: 4, timeZone: LA },
      appeals: mediCalAppeals,
      letterLanguages: ['en', 'es', 'zh', 'vi', 'tl'],
    },
    [DEMO_PLAN_IDS.mediCalManagedCare]: {
      ...common,
      // The pharmacy benefit is carved out to Medi-Cal Rx; these settings cover nothing at the counter.
      costSharing: { dispensingFee: '0.00', tiers: ZERO_COPAY_TIERS },
      emergencySupply: { maxDaysSupply: 3 },
      priorAuthorization: {
        howToRequest: ['epa', 'portal', 'fax', 'phone'],
        handledBy: 'Medi-Cal Rx (pharmacy benefit carved out)',
      },
      review: { standard: hours(24), urgent: hours(24), onMissed: 'escalate', warnBeforeHours: 4, timeZone: LA },
      appeals: mediCalAppeals,
      letterLanguages: ['en', 'es', 'zh', 'vi', 'tl'],
    },
  };
}

type PlanKind = 'ihss' | 'commercial' | 'medicare-d' | 'medi-cal';

/** One drug's rule on one plan, before compression into group and product entries. */
type Rule = Omit<BundleFormularyEntry, 'group' | 'rxcui' | 'note'>;

const NOT_COVERED: Rule = { covered: false };

const metforminFirst: StepTherapy = {
  prerequisites: { ingredients: ['metformin'] },
  lookbackDays: 365,
  minDaysSupply: 90,
  description: "metformin (90 days' supply in the past year)",
};
const metforminFirstGenericSglt2: StepTherapy = {
  prerequisites: { ingredients: ['metformin'] },
  lookbackDays: 365,
  minDaysSupply: 30,
  description: 'metformin (a 30-day supply in the past year)',
};
const statinFirst: StepTherapy = {
  prerequisites: { drugClasses: ['statin'] },
  lookbackDays: 365,
  minDaysSupply: 90,
  description: "a statin (90 days' supply in the past year)",
};
const ql = (units: number, days: number): QuantityLimit => ({ units, days });

/** Brands the demo plans exclude although a covered generic exists (so a 70 reject shows alternatives). */
const EXCLUDED_BRANDS = new Set(['Zestril', 'Prilosec', 'Viagra', 'Revatio']);
/** Weight-management products: not covered (Part D excludes them by statute; the demo plans follow). */
const WEIGHT_MANAGEMENT_BRANDS = new Set(['Wegovy', 'Saxenda', 'Zepbound']);
/** Narrow-therapeutic-index brand kept on a preferred tier. */
const PREFERRED_BRANDS = new Set(['Synthroid']);

function ruleFor(kind: PlanKind, c: CatalogConcept, genericMarketed: (groupId: string) => boolean): Rule {
  const brand = !c.generic;
  const marketedGeneric = genericMarketed(c.groupId);
  const brandWithGeneric = brand && marketedGeneric;
  if (c.brandName && WEIGHT_MANAGEMENT_BRANDS.has(c.brandName)) return NOT_COVERED;
  if (c.brandName && EXCLUDED_BRANDS.has(c.brandName)) return NOT_COVERED;
  const brandTier = marketedGeneric ? 'non-preferred-brand' : 'preferred-brand';
  // A clinical drug (SCD) with no marketed generic is the single-source brand's drug: brand tier.
  const ownTier = !brand && marketedGeneric ? 'generic' : brandTier;

  switch (c.drugClass) {
    case 'GLP-1 agonist': {
      // semaglutide 2.4 mg auto-injectors are sold only as Wegovy (weight management).
      if (c.doseForm === 'Auto-Injector') return NOT_COVERED;
      const limit = c.doseForm === 'Oral Tablet' ? ql(30, 30) : c.ingredient === 'liraglutide' ? ql(3, 30) : ql(3, 28);
      return {
        covered: true,
        tier: ownTier,
        priorAuthorization: { criteriaId: 'glp1-t2dm' },
        stepTherapy: metforminFirst,
        quantityLimit: limit,
      };
    }
    case 'GIP/GLP-1 agonist':
      // tirzepatide vials are sold only as Zepbound (weight management).
      if (c.doseForm !== 'Auto-Injector') return NOT_COVERED;
      return {
        covered: true,
        tier: 'preferred-brand',
        priorAuthorization: { criteriaId: 'glp1-t2dm' },
        stepTherapy: metforminFirst,
        quantityLimit: ql(4, 28),
      };
    case 'SGLT2 inhibitor':
      // A generic SGLT2 inhibitor after metformin needs no review; the brands need PA.
      if (!brand && marketedGeneric) return { covered: true, tier: 'generic', stepTherapy: metforminFirstGenericSglt2 };
      return { covered: true, tier: brandTier, priorAuthorization: { criteriaId: 'sglt2' } };
    case 'DOAC':
      // Anticoagulation must not be interrupted: PA for new starts only.
      return { covered: true, tier: ownTier, priorAuthorization: { criteriaId: 'doac' }, newStartsOnly: true };
    case 'TNF inhibitor':
    case 'IL-12/23 inhibitor':
    case 'IL-4R antagonist':
      return { covered: true, tier: 'specialty', priorAuthorization: { criteriaId: 'biologic-immunology' } };
    case 'PCSK9 inhibitor':
      return {
        covered: true,
        tier: 'preferred-brand',
        priorAuthorization: { criteriaId: 'pcsk9' },
        stepTherapy: statinFirst,
        quantityLimit: c.doseForm === 'Cartridge' ? ql(1, 28) : ql(2, 28),
      };
    case 'ADHD stimulant':
      return { covered: true, tier: ownTier, priorAuthorization: { criteriaId: 'adhd-stimulant' }, minAge: 6 };
    case 'androgen':
      return { covered: true, tier: ownTier, priorAuthorization: { criteriaId: 'testosterone' } };
    case 'opioid use disorder (buprenorphine/naloxone)':
      // Generic buprenorphine/naloxone without PA (medication for addiction treatment must stay
      // easy to start); up to three films or tablets a day. Brands need PA.
      if (!brand) return { covered: true, tier: ownTier, quantityLimit: ql(90, 30) };
      return {
        covered: true,
        tier: 'non-preferred-brand',
        priorAuthorization: { criteriaId: 'buprenorphine-naloxone' },
      };
    case 'PDE5 inhibitor': {
      // sildenafil 20 mg treats pulmonary arterial hypertension; 25–100 mg treat erectile
      // dysfunction, which Medicare Part D and Medi-Cal exclude.
      if (brand) return NOT_COVERED;
      if (c.strength === '20 MG') return { covered: true, tier: 'generic' };
      if (kind === 'medicare-d' || kind === 'medi-cal') return NOT_COVERED;
      return { covered: true, tier: 'generic', quantityLimit: ql(6, 30) };
    }
    case 'insulin (long-acting)':
      // Insulins are biologics: unbranded and biosimilar glargine sit on the preferred-brand tier.
      return { covered: true, tier: 'preferred-brand' };
    default:
      if (!brand) return { covered: true, tier: ownTier };
      if (c.brandName && PREFERRED_BRANDS.has(c.brandName)) return { covered: true, tier: 'preferred-brand' };
      // Medi-Cal pays for a brand with a marketed generic only through an exception.
      if (brandWithGeneric && kind === 'medi-cal') return NOT_COVERED;
      return { covered: true, tier: brandTier };
  }
}

const ruleKey = (r: Rule) => JSON.stringify(r);

/**
 * One entry per drug-form group for the rule most of its products share (the generic products'
 * rule where there are any), and a product (RxCUI) entry for each product that differs: the
 * formulary reads "every strength of lisinopril tablets: generic tier; Zestril: not covered".
 */
export function buildFormulary(
  kind: PlanKind,
  concepts: readonly CatalogConcept[],
  genericMarketed: (groupId: string) => boolean,
): BundleFormularyEntry[] {
  const groups = new Map<string, CatalogConcept[]>();
  for (const c of concepts) {
    const list = groups.get(c.groupId);
    if (list) list.push(c);
    else groups.set(c.groupId, [c]);
  }
  const entries: BundleFormularyEntry[] = [];
  for (const [groupId, members] of groups) {
    const rules = members.map((c) => ({ c, rule: ruleFor(kind, c, genericMarketed), key: '' }));
    for (const r of rules) r.key = ruleKey(r.rule);
    const pool = rules.some((r) => !r.c.brandName) ? rules.filter((r) => !r.c.brandName) : rules;
    const tally = new Map<string, number>();
    for (const r of pool) tally.set(r.key, (tally.get(r.key) ?? 0) + 1);
    const baseKey = [...tally].sort((a, b) => b[1] - a[1])[0][0];
    const base = pool.find((r) => r.key === baseKey)!.rule;
    entries.push({ group: groupId, ...base });
    for (const r of rules) if (r.key !== baseKey) entries.push({ rxcui: r.c.rxcui, ...r.rule });
  }
  return entries;
}

/**
 * The demo plan bundle (format openpbm-plans/1), loaded through importPlanBundle like any other.
 * `packagedRxcuis`: products with at least one NDC, which is how "a generic is marketed" is told.
 */
export function buildDemoPlanBundle(
  concepts: readonly CatalogConcept[],
  packagedRxcuis: ReadonlySet<string>,
): PlanBundle {
  const marketedGenericGroups = new Set(
    concepts.filter((c) => c.generic && packagedRxcuis.has(c.rxcui)).map((c) => c.groupId),
  );
  const genericMarketed = (groupId: string) => marketedGenericGroups.has(groupId);
  const policy = policies();
  const plan = (p: Omit<BundlePlan, 'policy'>): BundlePlan => ({ ...p, policy: policy[p.id] });
  const { pbm, mediCalRx } = DEMO_PROCESSORS;
  return {
    format: PLAN_BUNDLE_FORMAT,
    processors: [{ ...pbm }, { ...mediCalRx }],
    plans: [
      plan({
        id: DEMO_PLAN_IDS.mediCalRx,
        name: 'Medi-Cal Rx (fee-for-service)',
        lineOfBusiness: 'medi-cal',
        processorId: mediCalRx.id,
        groupId: 'MediCalRx',
        formulary: buildFormulary('medi-cal', concepts, genericMarketed),
      }),
      plan({
        id: DEMO_PLAN_IDS.mediCalManagedCare,
        name: 'Poppy Health Plan — Medi-Cal',
        lineOfBusiness: 'medi-cal',
        processorId: pbm.id,
        groupId: 'MCALMC',
        // Since 2022 Medi-Cal managed-care plans do not cover outpatient pharmacy drugs: Medi-Cal Rx does.
        carveOutPlanId: DEMO_PLAN_IDS.mediCalRx,
        formulary: [],
      }),
      plan({
        id: DEMO_PLAN_IDS.ihss,
        name: 'Poppy Health Plan — IHSS',
        lineOfBusiness: 'ihss',
        processorId: pbm.id,
        groupId: 'IHSS01',
        formulary: buildFormulary('ihss', concepts, genericMarketed),
      }),
      plan({
        id: DEMO_PLAN_IDS.commercial,
        name: 'Poppy Health Plan — California Commercial HMO',
        lineOfBusiness: 'commercial',
        processorId: pbm.id,
        groupId: 'CACOM1',
        formulary: buildFormulary('commercial', concepts, genericMarketed),
      }),
      plan({
        id: DEMO_PLAN_IDS.partD,
        name: 'Poppy Medicare Rx (PDP)',
        lineOfBusiness: 'medicare-d',
        processorId: pbm.id,
        groupId: 'PARTD1',
        formulary: buildFormulary('medicare-d', concepts, genericMarketed),
      }),
    ],
  };
}
