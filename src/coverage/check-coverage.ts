import type { DrugConcept } from '../catalog/index.js';
import type { Alternative, Reject } from '../claims/claim-types.js';
import type { Adjudication } from '../claims/rules/adjudicate-claim.js';
import { findAlternatives } from '../claims/rules/alternatives.js';
import { ageOn, type MemberFacts } from '../claims/rules/eligibility.js';
import { estimatePatientPay } from '../claims/rules/pricing.js';
import { REJECT } from '../claims/rules/reject-codes.js';
import { otherProcessorOf, type OtherProcessor, type PlanRow } from '../plans/index.js';
import {
  describePrerequisites,
  isContinuingTherapy,
  isStepTherapyMet,
  maxQuantityFor,
  prerequisiteFills,
  type ActiveAuthorization,
  type HistoryFill,
} from '../claims/rules/utilization.js';
import type { PharmacyType } from '../plans/plan-policy.js';
import { findFormularyEntry, type ReferenceSnapshot } from '../reference/reference-cache.js';
import { pharmacyPrices, type PharmacyPrice } from './pharmacy-prices.js';

export interface CoverageAnswer {
  covered: boolean;
  eligible: boolean;
  planId: string;
  planName: string;
  drug: { rxcui: string; name: string; groupId: string; groupName: string; generic: boolean };
  tier: string | null;
  priorAuthorizationRequired: boolean;
  criteriaId: string | null;
  activeAuthorization?: { number: string; effectiveFrom: string; effectiveTo: string };
  stepTherapy?: {
    prerequisites: string;
    lookbackDays: number;
    met: boolean;
    /** Why the step does not stand in the way: the history, an authorization, or therapy already under way. */
    metBy: 'history' | 'authorization' | 'continuing-therapy' | null;
    /** The facts the rule read: days' supply of the prerequisite in the look-back, the least it needs, the last fill. */
    daysSupplyFound: number;
    minDaysSupply: number;
    lastFillDate: string | null;
  };
  quantityLimit?: { units: number; days: number; maxForDaysSupply: number };
  ageLimit?: { minAge: number | null; maxAge: number | null; met: boolean };
  sexLimit?: { sex: 'F' | 'M'; met: boolean };
  estimatedPatientPay: string | null;
  /** Retail (the days' supply asked) and mail order (90 days), where the plan offers mail for the tier. */
  pharmacyPrices: PharmacyPrice[];
  processor: OtherProcessor;
  alternatives: Alternative[];
  message: string;
  /** The dry run: what a claim for this quantity and days' supply on this date would get. */
  claim: {
    dateOfService: string;
    quantity: number;
    daysSupply: number;
    wouldPay: boolean;
    rejects: Reject[];
    message: string;
    patientPay: string | null;
    /** The exception the claim's reject points to, as in the claim's next steps. */
    exception?: { kind: string; criteriaId: string };
  };
}

export interface CoverageInput {
  reference: ReferenceSnapshot;
  member: MemberFacts;
  drug: DrugConcept;
  /** The package priced (the NDC asked about, or the concept's priced package). */
  unitPrice: string | null;
  history: HistoryFill[];
  authorizations: ActiveAuthorization[];
  dateOfService: string;
  quantity: number;
  daysSupply: number;
  pharmacyType: PharmacyType;
  /** The claim pipeline's answer for the same member, drug, quantity and date (decideClaim). */
  dryRun: Adjudication;
}

/** The plan that would pay: the member's, or the one its pharmacy benefit is carved out to. */
function payerOf(ref: ReferenceSnapshot, memberPlan: PlanRow): PlanRow {
  return memberPlan.carveOutPlanId ? (ref.plans.get(memberPlan.carveOutPlanId) ?? memberPlan) : memberPlan;
}

/**
 * The payer side of a real-time benefit check (docs/design.md#coverage). Whether a claim would
 * pay, its reject codes and its patient pay are the claim pipeline's own answer (the dry run in
 * `input.dryRun`); this adds what the plan's entry says about the drug (tier, which limits apply
 * and whether they are met) for people deciding what to prescribe. Nothing is recorded.
 */
export function checkCoverage(input: CoverageInput): CoverageAnswer {
  const { reference: ref, member, drug, dryRun, dateOfService: dos } = input;
  const memberPlan = ref.plans.get(member.planId)!;
  const plan = payerOf(ref, memberPlan);
  const processor = otherProcessorOf(plan, ref.processors)!;
  const rejectCodes = dryRun.rejects.map((r) => r.code);
  const eligible = dos >= member.effectiveDate && (member.terminationDate === null || dos <= member.terminationDate);
  // The entry as the member's approved exceptions leave it: the claim pipeline computed it
  // (src/claims/rules/exception-effect.ts), so coverage and the claim read the same terms.
  const entry = dryRun.terms ? dryRun.terms.entry : findFormularyEntry(ref, plan.id, drug);
  const wouldPay = dryRun.transactionStatus === 'P';
  const claim = {
    dateOfService: dos,
    quantity: input.quantity,
    daysSupply: input.daysSupply,
    wouldPay,
    rejects: dryRun.rejects,
    message: dryRun.message,
    patientPay: dryRun.pricing?.patientPay ?? null,
    ...(dryRun.transactionStatus === 'R' && dryRun.nextSteps?.exception
      ? { exception: dryRun.nextSteps.exception }
      : {}),
  };
  const drugInfo = {
    rxcui: drug.rxcui,
    name: drug.name,
    groupId: drug.groupId,
    groupName: drug.groupName,
    generic: drug.generic,
  };
  const alternatives = findAlternatives(ref, plan, drug, input.pharmacyType, { quantity: input.quantity });
  const carved =
    plan !== memberPlan ? ` Pharmacy benefits for ${memberPlan.name} members are covered by ${processor.name}.` : '';
  if (!entry || !entry.covered) {
    return {
      covered: false,
      eligible,
      planId: plan.id,
      planName: plan.name,
      drug: drugInfo,
      tier: null,
      priorAuthorizationRequired: false,
      criteriaId: null,
      estimatedPatientPay: null,
      pharmacyPrices: [],
      processor,
      alternatives,
      message: `${drug.name} is not on ${plan.name}'s formulary.${carved} Covered alternatives are listed; a formulary exception can be requested.`,
      claim,
    };
  }
  const auth = dryRun.terms?.applied[0] ?? null;
  const continuing = entry.newStartsOnly && isContinuingTherapy(input.history, drug.groupId, dos);
  const age = ageOn(member.dateOfBirth, dos);
  // The price the claim would be paid at, when the catalog prices the product; otherwise (or when
  // the claim would not pay today) the tier's cost share on the estimated total.
  const pricedByCatalog = dryRun.pricing?.basis === 'catalog-unit-price';
  const answer: CoverageAnswer = {
    covered: true,
    eligible,
    planId: plan.id,
    planName: plan.name,
    drug: drugInfo,
    tier: entry.tier,
    priorAuthorizationRequired:
      !wouldPay && entry.priorAuthorization && !dryRun.terms?.priorAuthorization && !continuing,
    criteriaId: entry.criteriaId,
    estimatedPatientPay:
      wouldPay && pricedByCatalog
        ? dryRun.pricing!.patientPay
        : estimatePatientPay(plan.policy, {
            tier: entry.tier,
            pharmacyType: input.pharmacyType,
            unitPrice: input.unitPrice,
            quantity: input.quantity,
          }),
    pharmacyPrices: pharmacyPrices(plan.policy, {
      tier: entry.tier,
      unitPrice: input.unitPrice,
      quantity: input.quantity,
      daysSupply: input.daysSupply,
    }),
    processor,
    alternatives,
    message: '',
    claim,
  };
  if (auth)
    answer.activeAuthorization = {
      number: auth.number,
      effectiveFrom: auth.effectiveFrom,
      effectiveTo: auth.effectiveTo,
    };
  // The formulary's own step edit: an approval lifts it from the entry the claim reads
  // (exception-effect.ts), and the words then say the approval covers the step.
  const ownStep = findFormularyEntry(ref, plan.id, drug)?.stepTherapy ?? null;
  const stepLifted = ownStep !== null && !entry.stepTherapy;
  const step = entry.stepTherapy ?? ownStep;
  if (step) {
    const found = prerequisiteFills(step, input.history, dos);
    // The same order the claim checks in (adjudicate-claim.ts): an authorization, then continuing
    // therapy, then the history; the words on screen say which one it was.
    const metBy = rejectCodes.includes(REJECT.STEP_THERAPY.code)
      ? null
      : stepLifted
        ? 'authorization'
        : continuing
          ? 'continuing-therapy'
          : isStepTherapyMet(step, input.history, dos)
            ? 'history'
            : null;
    answer.stepTherapy = {
      prerequisites: describePrerequisites(step),
      lookbackDays: step.lookbackDays,
      met: metBy !== null,
      metBy,
      daysSupplyFound: found.daysSupply,
      minDaysSupply: Math.max(step.minDaysSupply ?? 1, 1),
      lastFillDate: found.lastFillDate,
    };
  }
  // The limit the claim checks: an authorization's approved quantity replaces the formulary's.
  const limit = dryRun.terms?.authorizedLimit ?? entry.quantityLimit;
  if (limit) answer.quantityLimit = { ...limit, maxForDaysSupply: maxQuantityFor(limit, input.daysSupply) };
  if (entry.minAge !== null || entry.maxAge !== null) {
    answer.ageLimit = {
      minAge: entry.minAge,
      maxAge: entry.maxAge,
      met: (entry.minAge === null || age >= entry.minAge) && (entry.maxAge === null || age <= entry.maxAge),
    };
  }
  if (entry.sex === 'F' || entry.sex === 'M')
    answer.sexLimit = { sex: entry.sex, met: member.sex === 'U' || member.sex === entry.sex };
  const parts = [`${drug.name} is covered by ${plan.name}${entry.tier ? ` on the ${entry.tier} tier` : ''}.`];
  if (!eligible) parts.push(`This member is not eligible on ${dos}.`);
  if (answer.activeAuthorization)
    parts.push(`Approved under authorization ${auth!.number} through ${auth!.effectiveTo}.`);
  else if (answer.priorAuthorizationRequired) parts.push('Prior authorization is required.');
  if (answer.stepTherapy && !answer.stepTherapy.met)
    parts.push(`Step therapy: try ${answer.stepTherapy.prerequisites} first.`);
  if (limit) parts.push(`Limit: ${limit.units} per ${limit.days} days.`);
  if (answer.ageLimit && !answer.ageLimit.met) parts.push("Not covered at this member's age without an exception.");
  if (answer.sexLimit && !answer.sexLimit.met)
    parts.push("Not covered for this member's sex on file without an exception.");
  parts.push(
    wouldPay
      ? `A claim for ${input.quantity} units, ${input.daysSupply} days, on ${dos} would pay.`
      : `A claim for ${input.quantity} units, ${input.daysSupply} days, on ${dos} would be rejected (${rejectCodes.join(', ')}): ${dryRun.message}`,
  );
  answer.message = parts.join(' ') + carved;
  return answer;
}
