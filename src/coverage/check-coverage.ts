import type { DrugConcept } from '../catalog/index.js';
import type { Alternative, OtherProcessor } from '../claims/claim-types.js';
import { findAlternatives } from '../claims/rules/alternatives.js';
import { ageOn, type MemberFacts } from '../claims/rules/eligibility.js';
import { estimatePatientPay } from '../claims/rules/pricing.js';
import { otherProcessorOf } from '../claims/rules/routing.js';
import {
  describePrerequisites,
  findAuthorization,
  isContinuingTherapy,
  isStepTherapyMet,
  maxQuantityFor,
  type ActiveAuthorization,
  type HistoryFill,
} from '../claims/rules/utilization.js';
import type { PharmacyType } from '../plans/plan-policy.js';
import { findFormularyEntry, type ReferenceSnapshot } from '../reference/reference-cache.js';

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
  stepTherapy?: { prerequisites: string; lookbackDays: number; met: boolean };
  quantityLimit?: { units: number; days: number; maxForDaysSupply: number };
  ageLimit?: { minAge: number | null; maxAge: number | null; met: boolean };
  estimatedPatientPay: string | null;
  processor: OtherProcessor;
  alternatives: Alternative[];
  message: string;
}

export interface CoverageInput {
  reference: ReferenceSnapshot;
  member: MemberFacts;
  drug: DrugConcept;
  /** The package when the question names an NDC (its unit price makes the estimate exact). */
  unitPrice: string | null;
  history: HistoryFill[];
  authorizations: ActiveAuthorization[];
  today: string;
  quantity: number;
  daysSupply: number;
  pharmacyType: PharmacyType;
}

/**
 * The payer side of a real-time benefit check (docs/design.md#coverage): the same rules as a claim, for the
 * plan that would pay it (a carved-out benefit answers for the other processor), nothing recorded.
 */
export function checkCoverage(input: CoverageInput): CoverageAnswer {
  const { reference: ref, member, drug, today } = input;
  const memberPlan = ref.plans.get(member.planId)!;
  const plan = memberPlan.carveOutPlanId ? (ref.plans.get(memberPlan.carveOutPlanId) ?? memberPlan) : memberPlan;
  const processor = otherProcessorOf(plan, ref.processors)!;
  const eligible =
    today >= member.effectiveDate && (member.terminationDate === null || today <= member.terminationDate);
  const entry = findFormularyEntry(ref, plan.id, drug);
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
      processor,
      alternatives,
      message: `${drug.name} is not on ${plan.name}'s formulary.${carved} Covered alternatives are listed; a formulary exception can be requested.`,
    };
  }
  const auth = findAuthorization(input.authorizations, drug, today);
  const continuing = entry.newStartsOnly && isContinuingTherapy(input.history, drug.groupId, today);
  const age = ageOn(member.dateOfBirth, today);
  const answer: CoverageAnswer = {
    covered: true,
    eligible,
    planId: plan.id,
    planName: plan.name,
    drug: drugInfo,
    tier: entry.tier,
    priorAuthorizationRequired: entry.priorAuthorization && !auth && !continuing,
    criteriaId: entry.criteriaId,
    estimatedPatientPay: estimatePatientPay(
      plan.policy,
      entry.tier,
      input.pharmacyType,
      input.unitPrice,
      input.quantity,
    ),
    processor,
    alternatives,
    message: '',
  };
  if (auth)
    answer.activeAuthorization = {
      number: auth.number,
      effectiveFrom: auth.effectiveFrom,
      effectiveTo: auth.effectiveTo,
    };
  if (entry.stepTherapy) {
    answer.stepTherapy = {
      prerequisites: describePrerequisites(entry.stepTherapy),
      lookbackDays: entry.stepTherapy.lookbackDays,
      met: Boolean(auth) || continuing || isStepTherapyMet(entry.stepTherapy, input.history, today),
    };
  }
  if (entry.quantityLimit)
    answer.quantityLimit = {
      ...entry.quantityLimit,
      maxForDaysSupply: maxQuantityFor(entry.quantityLimit, input.daysSupply),
    };
  if (entry.minAge !== null || entry.maxAge !== null) {
    answer.ageLimit = {
      minAge: entry.minAge,
      maxAge: entry.maxAge,
      met: (entry.minAge === null || age >= entry.minAge) && (entry.maxAge === null || age <= entry.maxAge),
    };
  }
  const parts = [`${drug.name} is covered by ${plan.name}${entry.tier ? ` on the ${entry.tier} tier` : ''}.`];
  if (!eligible) parts.push('This member is not eligible today.');
  if (answer.activeAuthorization)
    parts.push(`Approved under authorization ${auth!.number} through ${auth!.effectiveTo}.`);
  else if (answer.priorAuthorizationRequired) parts.push('Prior authorization is required.');
  if (answer.stepTherapy && !answer.stepTherapy.met)
    parts.push(`Step therapy: try ${answer.stepTherapy.prerequisites} first.`);
  if (answer.quantityLimit) parts.push(`Limit: ${entry.quantityLimit!.units} per ${entry.quantityLimit!.days} days.`);
  if (answer.ageLimit && !answer.ageLimit.met) parts.push("Not covered at this member's age without an exception.");
  answer.message = parts.join(' ') + carved;
  return answer;
}
