import type { AccumulatorStanding, ClaimResponse, NextSteps, Pricing, Reject } from '../claims/claim-types.js';
import type { KeyedReversal } from '../claims/reverse-claim-by-key.js';
import type { EligibilityAnswer } from '../claims/verify-eligibility.js';
import { formatHeader, type Header } from './telecom/header.js';
import { encodeOverpunch, moneyToCents } from './telecom/overpunch.js';
import { buildSegment, type FieldInput } from './telecom/segments.js';
import type { Segment } from './telecom/transmission.js';
import { writeDate, writeQuantity } from './telecom/values.js';
import { messageLines, toAscii } from './message-lines.js';

/** What every response group needs besides the answer itself. */
export interface ResponseContext {
  /** The help desk of the processor the transmission was addressed to (549-7F/550-8F). */
  helpDeskPhone: string | null;
  /** An NDC to name a covered alternative by (553-AR). */
  ndcForRxcui(rxcui: string): string | null;
}

/** 5 reject codes at most (510-FA), in the order the plan's rules found them. */
const MAX_REJECTS = 5;
const MAX_PREFERRED_PRODUCTS = 3;

/** Phone numbers as digits: 10 for a US number written with its country code. */
export function phoneDigits(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits || null;
}

const amount = (money: string | null | undefined): string | null => {
  if (money === null || money === undefined) return null;
  const cents = moneyToCents(money);
  return cents === null ? null : encodeOverpunch(cents);
};

/** An amount only where it applies (a zero deductible or copay is left out of the response). */
const nonZero = (money: string | null | undefined): string | null =>
  money && moneyToCents(money) !== 0 ? amount(money) : null;

const ways = (how: string[], fax?: string, phone?: string) =>
  how
    .map((w) =>
      w === 'epa' ? 'ePA' : w === 'fax' && fax ? `fax ${fax}` : w === 'phone' && phone ? `phone ${phone}` : w,
    )
    .join(', ');

/** The next steps, as sentences a pharmacist acts on (each kept whole in 526-FQ). */
export function nextStepParagraphs(steps: NextSteps | undefined): string[] {
  if (!steps) return [];
  const out: string[] = [];
  const pa = steps.priorAuthorization;
  if (pa)
    out.push(
      `${pa.required ? 'Prior auth' : 'Formulary exception'} from ${pa.processorName}: ${ways(pa.howToRequest, pa.fax, pa.phone)}.`,
    );
  const other = steps.otherProcessor;
  if (other)
    out.push(
      [
        `Bill ${other.name}: BIN ${other.bin}`,
        other.pcn ? `PCN ${other.pcn}` : '',
        other.groupId ? `Group ${other.groupId}` : '',
        other.phone ? `Help desk ${other.phone}` : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  if (steps.stepTherapy)
    out.push(
      `Step therapy: try ${steps.stepTherapy.prerequisites} first (${steps.stepTherapy.lookbackDays}-day look-back).`,
    );
  if (steps.quantityLimit)
    out.push(
      `Most that pays: ${steps.quantityLimit.maxForDaysSupply} (${steps.quantityLimit.units} per ${steps.quantityLimit.days} days).`,
    );
  if (steps.refillAllowedOn) out.push(`Refill pays on or after ${steps.refillAllowedOn}.`);
  return out;
}

interface StatusInput {
  status: string;
  authorizationNumber?: string | null;
  rejects: readonly Reject[];
  message: string;
  nextSteps?: string[];
  claimId?: string | null;
}

/** AM21 Response Status: 112-AN, 503-F3, 510-FA/511-FB, 130-UF/132-UH/526-FQ/131-UG, 549-7F/550-8F, 993-A7. */
export function statusSegment(input: StatusInput, ctx: ResponseContext): Segment {
  const rejects = input.rejects.slice(0, MAX_REJECTS);
  const lines = messageLines([
    { text: input.message },
    ...(input.nextSteps ?? []).map((text) => ({ text, keep: true })),
  ]);
  const fields: FieldInput[] = [
    ['AN', input.status],
    ['F3', input.authorizationNumber ? toAscii(input.authorizationNumber).slice(0, 20) : null],
  ];
  if (rejects.length) {
    fields.push(['FA', rejects.length]);
    for (const r of rejects) fields.push(['FB', r.code]);
  }
  if (lines.length) {
    fields.push(['UF', lines.length]);
    lines.forEach((line, i) => {
      fields.push(['UH', String(i + 1).padStart(2, '0')], ['FQ', line.text]);
      if (line.continues) fields.push(['UG', '+']);
    });
  }
  const phone = phoneDigits(ctx.helpDeskPhone);
  if (phone) fields.push(['7F', '03'], ['8F', phone]); // 03 = processor/PBM help desk
  fields.push(['A7', input.claimId ?? null]);
  return buildSegment('AM21', fields);
}

/** AM22 Response Claim: the prescription answered, and covered alternatives as preferred products. */
function claimSegment(prescriptionNumber: string | null, answer: ClaimResponse | null, ctx: ResponseContext) {
  const fields: FieldInput[] = [
    ['EM', prescriptionNumber ? '1' : null],
    ['D2', prescriptionNumber],
  ];
  // Alternatives that pay without PA first: those are what a pharmacist can dispense today.
  const preferred = [...(answer?.nextSteps?.alternatives ?? [])]
    .sort((x, y) => Number(x.priorAuthorizationRequired) - Number(y.priorAuthorizationRequired))
    .map((a) => ({ a, ndc: ctx.ndcForRxcui(a.rxcui) }))
    .filter((x) => x.ndc)
    .slice(0, MAX_PREFERRED_PRODUCTS);
  if (preferred.length) {
    fields.push(['9F', preferred.length]);
    for (const { a, ndc } of preferred) fields.push(['AP', '03'], ['AR', ndc], ['AU', toAscii(a.name).slice(0, 30)]); // 03 = NDC
  }
  return fields.some(([, v]) => v) ? buildSegment('AM22', fields) : null;
}

/** 522-FM: how the ingredient cost was reached (D.0 external code list). */
const BASIS: Record<Pricing['basis'], string> = {
  'submitted-ingredient-cost': '1', // ingredient cost paid as submitted
  'usual-and-customary': '4', // usual & customary paid as submitted
  'catalog-unit-price': '20', // national average drug acquisition cost (NADAC)
};

/** AM23 Response Pricing: patient pay, ingredient cost paid, dispensing fee paid, total paid, basis. */
function pricingSegment(p: Pricing, acc: AccumulatorStanding | undefined): Segment {
  return buildSegment('AM23', [
    ['F5', amount(p.patientPay)],
    ['F6', amount(p.ingredientCost)],
    ['F7', amount(p.dispensingFee)],
    ['F9', amount(p.planPay)],
    ['FM', BASIS[p.basis]],
    // Plan-year accumulators (docs/design.md#accumulators): accumulated / remaining deductible, then
    // how patient pay is made up — 517-FH deductible, 518-FI copay, 572-4U coinsurance — where they apply.
    ['FC', acc?.deductible != null ? amount(acc.deductibleMet) : null],
    ['FD', acc?.deductibleRemaining != null ? amount(acc.deductibleRemaining) : null],
    ['FH', nonZero(p.deductibleApplied)],
    ['FI', nonZero(p.copay)],
    ['4U', nonZero(p.coinsurance)],
  ]);
}

/** AM24 Response DUR/PPS for refill too soon: ER (overuse) with the fill it follows. */
function refillTooSoonDur(steps: NextSteps): Segment | null {
  const prev = steps.previousFill;
  if (!prev && !steps.refillAllowedOn) return null;
  return buildSegment('AM24', [
    ['J6', '1'],
    ['E4', 'ER'],
    ['FU', prev ? writeDate(prev.dateOfService) : null],
    ['FV', prev ? writeQuantity(prev.quantity) : null],
    ['FY', steps.refillAllowedOn ? `REFILL OK ON ${writeDate(steps.refillAllowedOn)}` : null],
  ]);
}

/** AM28 Response Other Payers: the processor that pays this member's pharmacy claims. */
function otherPayerSegment(other: NonNullable<NextSteps['otherProcessor']>): Segment {
  return buildSegment('AM28', [
    ['NT', '1'],
    ['5C', '01'], // primary
    ['6C', '03'], // BIN
    ['7C', other.bin],
    ['MH', other.pcn],
    ['MJ', other.groupId],
    ['UB', phoneDigits(other.phone)],
  ]);
}

/** One B1/B3 response group from the JSON claim answer: the same use case answered it. */
export function claimGroup(prescriptionNumber: string, answer: ClaimResponse, ctx: ResponseContext): Segment[] {
  const group = [
    statusSegment(
      {
        status: answer.transactionStatus,
        authorizationNumber: answer.authorizationNumber,
        rejects: answer.rejects,
        message: answer.message,
        nextSteps: nextStepParagraphs(answer.nextSteps),
        claimId: answer.claimId,
      },
      ctx,
    ),
  ];
  const claim = claimSegment(prescriptionNumber, answer, ctx);
  if (claim) group.push(claim);
  if (answer.pricing && answer.transactionStatus !== 'R')
    group.push(pricingSegment(answer.pricing, answer.accumulators));
  if (answer.rejects.some((r) => r.code === '79') && answer.nextSteps) {
    const dur = refillTooSoonDur(answer.nextSteps);
    if (dur) group.push(dur);
  }
  if (answer.nextSteps?.otherProcessor) group.push(otherPayerSegment(answer.nextSteps.otherProcessor));
  return group;
}

export function reversalGroup(prescriptionNumber: string, answer: KeyedReversal, ctx: ResponseContext): Segment[] {
  return [
    statusSegment(
      {
        status: answer.transactionStatus,
        rejects: answer.rejects,
        message: answer.message,
        claimId: answer.claimId || null,
      },
      ctx,
    ),
    claimSegment(prescriptionNumber, null, ctx)!,
  ];
}

/** A group rejected before adjudication (a field in error) or by a fault: never paid. */
export function rejectedGroup(
  reject: Reject,
  message: string,
  prescriptionNumber: string | null,
  ctx: ResponseContext,
): Segment[] {
  const group = [statusSegment({ status: 'R', rejects: [reject], message }, ctx)];
  const claim = claimSegment(prescriptionNumber, null, ctx);
  if (claim) group.push(claim);
  return group;
}

/** E1: the patient and plan at the transmission level, the status (and where claims go) in the group. */
export function eligibilityResponse(answer: EligibilityAnswer, ctx: ResponseContext) {
  const segments: Segment[] = [];
  if (answer.plan)
    segments.push(
      buildSegment('AM25', [
        ['C1', answer.plan.groupId],
        ['FO', answer.plan.id],
      ]),
    );
  if (answer.patient)
    segments.push(
      buildSegment('AM29', [
        ['CA', toAscii(answer.patient.firstName).slice(0, 12)],
        ['CB', toAscii(answer.patient.lastName).slice(0, 15)],
        ['C4', writeDate(answer.patient.dateOfBirth)],
      ]),
    );
  const group = [
    statusSegment(
      {
        status: answer.status,
        rejects: answer.rejects,
        message: answer.message,
        nextSteps: nextStepParagraphs(answer.otherProcessor ? { otherProcessor: answer.otherProcessor } : undefined),
      },
      ctx,
    ),
  ];
  if (answer.otherProcessor) group.push(otherPayerSegment(answer.otherProcessor));
  return { segments, group };
}

/** AM20 Response Message (504-F4, 200 characters): what concerns the whole transmission. */
export function messageSegment(text: string): Segment {
  return buildSegment('AM20', [['F4', toAscii(text).slice(0, 200)]]);
}

/** Keeps an echoed header value only when it is printable text (a corrupt header echoes blanks). */
const printable = (v: string | undefined) => (v !== undefined && /^[\x20-\x7e]*$/.test(v) ? v : '');

/** The response header: the request's transaction, provider and date echoed as far as they could be read. */
export function responseHeader(
  request: Header | null,
  status: 'A' | 'R',
  count: number,
  transactionCode?: string,
): Header {
  const v = request?.values ?? {};
  return formatHeader('response', {
    version: 'D0',
    transactionCode: transactionCode ?? printable(v.transactionCode),
    transactionCount: String(Math.min(Math.max(count, 1), 9)),
    headerResponseStatus: status,
    serviceProviderIdQualifier: printable(v.serviceProviderIdQualifier),
    serviceProviderId: printable(v.serviceProviderId),
    dateOfService: printable(v.dateOfService),
  });
}
