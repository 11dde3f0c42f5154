import type { PlanPolicy } from '../../src/plans/plan-policy.js';
import type { LetterInput } from '../../src/notices/letters/letter.js';

/**
 * Letter inputs without a database: plans shaped like the demo plans (Medi-Cal Rx has no PA fax
 * on file; the PBM does), a member, a prescriber, a pharmacy, and the content each notice kind's
 * caller queues (priorauth/record-determination.ts, open-information-request.ts, …, appeals/).
 */
export const TODAY = '2026-11-20';
export const DECIDED_AT = '2026-11-20T17:00:00.000Z';

const hours = (amount: number) => ({ amount, unit: 'hours' as const });
const days = (amount: number) => ({ amount, unit: 'calendar-days' as const });

function policy(over: {
  appeals: PlanPolicy['appeals'];
  priorAuthorization: PlanPolicy['priorAuthorization'];
  onMissed?: 'deem-approved' | 'escalate';
}): PlanPolicy {
  return {
    costSharing: { dispensingFee: '1.00', tiers: {} },
    refillTooSoonPercent: 75,
    priorAuthorization: over.priorAuthorization,
    review: {
      standard: hours(72),
      urgent: hours(24),
      onMissed: over.onMissed ?? 'escalate',
      warnBeforeHours: 8,
      timeZone: 'America/Los_Angeles',
    },
    informationRequests: { max: 2, responseWindowHours: 72 },
    renewalWindowDays: 60,
    appeals: over.appeals,
    letterLanguages: ['en', 'es', 'zh', 'vi', 'tl'],
  };
}

const pbm = {
  name: 'Bay Area Rx PBM',
  helpDeskPhone: '1-510-555-0100',
  paFax: '1-510-555-0101',
  paPhone: '1-510-555-0102',
};
const mediCalRx = { name: 'Medi-Cal Rx', helpDeskPhone: '1-800-977-2273', paFax: null, paPhone: '1-800-977-2273' };

export const PLANS = {
  'medi-cal': {
    plan: {
      id: 'MCRX-FFS',
      name: 'Medi-Cal Rx (fee-for-service)',
      lineOfBusiness: 'medi-cal',
      policy: policy({
        appeals: {
          filingWindowDays: 60,
          standard: days(30),
          expedited: hours(72),
          nextLevel: 'State Fair Hearing (California Department of Social Services)',
        },
        priorAuthorization: {
          howToRequest: ['epa', 'portal', 'phone'],
          phone: '1-800-977-2273',
          handledBy: 'Medi-Cal Rx',
        },
      }),
    },
    processor: mediCalRx,
  },
  commercial: {
    plan: {
      id: 'CACOM1',
      name: 'Poppy Health Plan - California Commercial HMO',
      lineOfBusiness: 'commercial',
      policy: policy({
        appeals: {
          filingWindowDays: 180,
          standard: days(30),
          expedited: hours(72),
          nextLevel: 'Independent Medical Review (IMR)',
        },
        priorAuthorization: {
          howToRequest: ['epa', 'portal', 'fax', 'phone'],
          handledBy: 'Bay Area Rx PBM for Poppy Health Plan',
        },
        onMissed: 'deem-approved',
      }),
    },
    processor: pbm,
  },
  'medicare-d': {
    plan: {
      id: 'PARTD1',
      name: 'Poppy Medicare Rx (PDP)',
      lineOfBusiness: 'medicare-d',
      policy: policy({
        appeals: {
          filingWindowDays: 65,
          standard: days(7),
          expedited: hours(72),
          nextLevel: 'Independent Review Entity (IRE)',
        },
        priorAuthorization: {
          howToRequest: ['epa', 'portal', 'fax', 'phone'],
          handledBy: 'Bay Area Rx PBM for Poppy Medicare Rx',
        },
      }),
    },
    processor: pbm,
  },
} as const satisfies Record<string, Pick<LetterInput, 'plan' | 'processor'>>;

export type LineOfBusiness = keyof typeof PLANS;

export const MEMBER = {
  id: 'M100200300',
  firstName: 'María José',
  lastName: 'Hernández',
  dateOfBirth: '1978-03-05',
  language: 'es',
  addressLine1: '1200 Fruitvale Ave Apt 4',
  city: 'Oakland',
  state: 'CA',
  zip: '94601',
};
export const PRESCRIBER = {
  npi: '1234567893',
  firstName: 'Grace',
  lastName: 'Okafor',
  credential: 'MD',
  phone: '1-510-555-0170',
  fax: '1-510-555-0171',
  addressLine1: '400 Hawthorne Ave',
  city: 'Oakland',
  state: 'CA',
  zip: '94609',
};
export const PHARMACY = {
  npi: '1538001234',
  name: 'Lakeshore Pharmacy',
  phone: '1-510-555-0180',
  fax: '1-510-555-0181',
  addressLine1: '3300 Lakeshore Ave',
  city: 'Oakland',
  state: 'CA',
  zip: '94610',
};

export const CRITERIA_RULES = {
  diagnosis: 'Diagnosis of type 2 diabetes',
  glycemic: 'HbA1c at or above 7% within the last 6 months',
  step: 'Metformin for at least 90 days in the last year, or a contraindication',
};

const reviewer = { name: 'Dana Doctor', credential: 'MD', role: 'reviewer-physician', username: 'dana' };
const base = {
  paRequestId: 'par_TEST0001',
  drugName: 'Ozempic 0.25 MG/DOSE Pen Injector',
  scope: 'semaglutide Pen Injector',
  criteriaTitle: 'GLP-1 and GIP/GLP-1 receptor agonists for type 2 diabetes',
};
const authorization = {
  authorizationNumber: 'PA2612345678',
  effectiveFrom: '2026-11-20',
  effectiveTo: '2027-11-19',
  approvedQuantity: 3,
  perDays: 28,
};

/** The content each kind's caller queues (shapes copied from the callers). */
export function contentFor(
  kind: string,
  plan: Pick<LetterInput['plan'], 'name' | 'policy'>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const planName = plan.name;
  const determination = (decision: string, more: Record<string, unknown> = {}) => ({
    ...base,
    planName,
    appealFilingDays: plan.policy.appeals.filingWindowDays,
    nextLevel: plan.policy.appeals.nextLevel,
    determination: { decision, reasons: [], criteriaNotMet: [], decidedAt: DECIDED_AT, decidedBy: reviewer, ...more },
  });
  switch (kind) {
    case 'approval':
      return determination('approved', {
        reasons: ['The coverage criteria were reviewed and met.'],
        decidedBy: { name: 'OpenPBM automated criteria review', role: 'system', credential: null },
        ...authorization,
      });
    case 'partial-approval':
      return determination('partially-approved', {
        reasons: ['Approved at the starting dose only: 2 pens per 28 days.'],
        ...authorization,
        approvedQuantity: 2,
      });
    case 'denial':
      return {
        ...determination('denied', {
          reasons: [
            'HbA1c is 6.4% (2026-10-15), below the 7% threshold.',
            'No metformin trial and no contraindication documented.',
          ],
          criteriaNotMet: ['glycemic', 'step'],
        }),
        denialLanguage: {
          glycemic: {
            en: 'Your recent HbA1c blood test is below 7%, or it is more than 6 months old. The plan needs a recent result of 7% or higher.',
            es: 'Su prueba de sangre HbA1c reciente es menor de 7% o tiene más de 6 meses. El plan necesita un resultado reciente de 7% o más.',
          },
          step: {
            en: 'You need to try metformin for at least 90 days first, unless you cannot take it.',
            es: 'Primero debe probar metformina durante al menos 90 días, a menos que no pueda tomarla.',
          },
        },
      };
    case 'closure-no-response':
      return determination('closed-no-response', {
        decidedBy: { name: 'OpenPBM automated criteria review', role: 'system', credential: null },
        reasons: ['We asked for more information 2 times and did not receive it in time, so the request is closed.'],
      });
    case 'deemed-approval':
      return determination('deemed-approved', {
        decidedBy: { name: 'OpenPBM automated criteria review', role: 'system', credential: null },
        reasons: ['No decision within the required time.'],
        ...authorization,
      });
    case 'information-request':
    case 'incomplete-request':
      return {
        ...base,
        planName,
        items: [
          { id: 'i1', question: 'Attach the most recent HbA1c with its date' },
          { id: 'i2', document: 'Chart notes documenting the metformin trial' },
        ],
        note: 'Last A1c on file is from 2025.',
        dueAt: '2026-11-23T17:00:00.000Z',
        sequence: 1,
        maxRequests: 2,
      };
    case 'urgency-reclassified':
      return {
        ...base,
        planName,
        reason: 'Routine start of therapy; no acute risk described.',
        dueAt: '2026-11-23T17:00:00.000Z',
      };
    case 'renewal-reminder':
      return { authorizationNumber: 'PA2612345678', drugName: base.drugName, effectiveTo: '2027-11-19', planName };
    case 'pa-needed':
      return {
        drugName: base.drugName,
        planName,
        processorName: 'Bay Area Rx PBM',
        paRequestId: base.paRequestId,
        howToRequest: ['epa', 'portal', 'fax', 'phone'],
      };
    case 'cancellation':
    case 'escalation':
      return { ...base, planName };
    case 'appeal-acknowledgment':
      return {
        appealId: 'apl_TEST0001',
        ...base,
        planName,
        dueAt: '2026-12-20T17:00:00.000Z',
        urgency: 'standard',
        receivedAt: DECIDED_AT,
        filedBy: 'member',
      };
    case 'appeal-decision': {
      const decision = (extra.decision as string | undefined) ?? 'upheld';
      return {
        appealId: 'apl_TEST0001',
        ...base,
        planName,
        urgency: 'standard',
        receivedAt: DECIDED_AT,
        decision,
        reasons:
          decision === 'overturned'
            ? ['On appeal, the coverage criteria were reviewed again and are met.']
            : ['The new HbA1c (6.6%) is still below 7%.'],
        decidedAt: DECIDED_AT,
        decidedBy: { name: 'Pat Second', credential: 'PharmD' },
        ...(decision !== 'upheld'
          ? { ...authorization, ...(decision === 'partially-overturned' ? { approvedQuantity: 2 } : {}) }
          : {}),
        ...(decision !== 'overturned' ? { nextLevel: 'State Fair Hearing' } : {}),
      };
    }
    case 'request-acknowledgment':
      return { ...base, planName, dueAt: '2026-12-20T17:00:00.000Z', receivedAt: DECIDED_AT };
    default:
      throw new Error(`no fixture for ${kind}`);
  }
}

export function letterInput(args: {
  kind: string;
  recipient: 'member' | 'prescriber' | 'pharmacy';
  language?: string;
  lob?: LineOfBusiness;
  content?: Record<string, unknown>;
  member?: Partial<typeof MEMBER>;
}): LetterInput {
  const { plan, processor } = PLANS[args.lob ?? 'medi-cal'];
  const member = { ...MEMBER, ...args.member };
  const language = args.language ?? (args.recipient === 'member' ? member.language : 'en');
  const content = args.content ?? contentFor(args.kind, plan);
  return {
    notice: {
      id: `ntc_${args.kind}_${args.recipient}`,
      kind: args.kind,
      recipient: args.recipient,
      recipientId:
        args.recipient === 'member' ? member.id : args.recipient === 'prescriber' ? PRESCRIBER.npi : PHARMACY.npi,
      channel: args.recipient === 'member' ? 'mail' : 'fax',
      address: null,
      language,
      content: args.recipient === 'member' ? { ...content, requestedLanguage: member.language } : content,
      paRequestId: 'par_TEST0001',
      appealId: (content.appealId as string | undefined) ?? null,
    },
    plan,
    processor,
    member,
    prescriber: PRESCRIBER,
    pharmacy: PHARMACY,
    request: { quantity: '3.000', daysSupply: 28, urgency: 'standard', receivedAt: new Date('2026-11-19T18:00:00Z') },
    criteriaRules: CRITERIA_RULES,
    today: TODAY,
  };
}
