import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { DEMO_CRITERIA_IDS, DEMO_PLAN_IDS, DEMO_PROCESSORS } from './demo-plans.js';
import { DEMO_ELIGIBILITY_START, DEMO_TERMINATION_DATE, demoPeople, scenarioMembers } from './demo-people.js';

const people = demoPeople();
const scenario = scenarioMembers(people);
const byRole = (role: string) => people.prescribers.find((p) => p.role === role)!.npi;
const pharmacy = (key: string) => {
  const p = people.pharmacies.find((x) => x.key === key)!;
  const account = DEMO_ACCOUNTS.pharmacies.find((a) => a.npi === p.npi)!;
  return {
    npi: p.npi,
    name: p.name,
    type: p.pharmacyType,
    username: account.username,
    password: account.password,
    apiKey: account.apiKey!,
  };
};

/**
 * The identities and products of the demo scenarios, for tests, the benchmark and the README.
 * Every value is computed from the generated data set or read from the real catalog rows below,
 * so this cannot drift from what loadDemoData loads (load-demo-data.test.ts checks each NDC's
 * formulary status).
 */
export const DEMO = {
  processors: DEMO_PROCESSORS,
  plans: DEMO_PLAN_IDS,
  criteriaIds: DEMO_CRITERIA_IDS,
  eligibility: { effectiveDate: DEMO_ELIGIBILITY_START, terminatedOn: DEMO_TERMINATION_DATE },
  members: {
    /** Active members of each plan, in id order. */
    byPlan: Object.fromEntries(
      Object.values(DEMO_PLAN_IDS).map((planId) => [
        planId,
        people.members.filter((m) => m.planId === planId && !m.terminationDate).map((m) => m.memberId),
      ]),
    ) as Record<string, string[]>,
    ihss: scenario.ihss.memberId,
    /** Medi-Cal managed care: claims at the plan's BIN get 41 → Medi-Cal Rx. Spanish-speaking. */
    mediCalManagedCare: scenario.spanishSpeaking.memberId,
    mediCalRx: scenario.mediCalRx.memberId,
    commercial: scenario.commercial.memberId,
    partD: scenario.partD.memberId,
    /** Terminated on eligibility.terminatedOn: claims after it reject 65. */
    terminated: scenario.terminated.memberId,
    /** Commercial plan, 4–5 years old: ADHD stimulants reject for age (minimum 6). */
    childUnder6: scenario.childUnder6.memberId,
    /** Commercial plan, school age: ADHD stimulants need PA. */
    child: scenario.child.memberId,
    mediCalChildUnder6: scenario.mediCalChildUnder6.memberId,
    spanishSpeaking: scenario.spanishSpeaking.memberId,
    chineseSpeaking: scenario.chineseSpeaking.memberId,
    vietnameseSpeaking: scenario.vietnameseSpeaking.memberId,
    tagalogSpeaking: scenario.tagalogSpeaking.memberId,
  },
  prescribers: {
    primaryCare: byRole('primaryCare'),
    endocrinology: byRole('endocrinology'),
    cardiology: byRole('cardiology'),
    psychiatry: byRole('psychiatry'),
    rheumatology: byRole('rheumatology'),
    addictionMedicine: byRole('addictionMedicine'),
    all: people.prescribers.map((p) => p.npi),
  },
  pharmacies: {
    retail: pharmacy('lakeshore'),
    retail2: pharmacy('sunset'),
    retail3: pharmacy('alumrock'),
    mail: pharmacy('mailorder'),
    specialty: pharmacy('specialty'),
  },
  accounts: DEMO_ACCOUNTS,
  /** Package NDCs from reference-data/drugs.csv and what the demo formularies do with them. */
  ndcs: {
    /** lisinopril 10 MG Oral Tablet: generic tier on every plan, no restrictions. */
    coveredGeneric: '76282041901',
    /** metformin 500 MG Oral Tablet: generic; the step-therapy prerequisite. */
    metformin: '23155010201',
    /** metformin 1000 MG Oral Tablet: the one package with a NADAC unit price. */
    metforminPriced: '83301001002',
    /** Ozempic 0.25/0.5 mg and 1 mg pens: one drug-form group (SCDF 1991305), PA glp1-t2dm, 3 per 28 days. */
    semaglutidePenLow: '00169413211',
    semaglutidePenHigh: '00169413611',
    /** Rybelsus 3 mg: semaglutide in another dose form (SCDF 2200643), its own PA. */
    semaglutideOral: '00169430301',
    /** Zestril 10 mg: not covered on any plan (its generic is): 70 with alternatives. */
    nonFormulary: '52427044090',
    /** Wegovy: weight management, not covered. */
    weightManagement: '00169452501',
    /** sildenafil 50 mg: 6 per 30 days on IHSS01 and CACOM1; not covered on Part D and Medi-Cal. */
    quantityLimited: '13668018701',
    /** dapagliflozin 10 mg generic: step therapy (metformin in the past year), no PA. */
    stepTherapy: '66993045730',
    /** methylphenidate 10 mg: PA adhd-stimulant, minimum age 6. */
    adhdStimulant: '57664022908',
    /** Eliquis 5 mg: PA doac for new starts only. */
    doac: '00003089421',
    /** Repatha auto-injector: PA pcsk9, a statin first. */
    pcsk9: '72511039301',
    /** Enbrel auto-injector: specialty tier, PA biologic-immunology. */
    biologic: '58406003201',
    /** generic buprenorphine/naloxone 8/2 mg film: no PA, 90 per 30 days. */
    buprenorphineGeneric: '00378876716',
  },
} as const;
