import type { DrugConcept } from '../../catalog/index.js';
import type { FormularyRow } from '../../formulary/index.js';
import type { PharmacyType } from '../../plans/plan-policy.js';
import type { PlanRow } from '../../plans/index.js';
import { findFormularyEntry, type ReferenceSnapshot } from '../../reference/reference-cache.js';
import type {
  AccumulatorStanding,
  ClaimRequest,
  NextSteps,
  Pricing,
  Reject,
  TransactionStatus,
} from '../claim-types.js';
import { coveredGenericEquivalent, findAlternatives } from './alternatives.js';
import { dispenseAsWritten } from './dispense-as-written.js';
import { ageOn, checkEligibility, type MemberFacts } from './eligibility.js';
import { fromCents, toCents } from '../../shared/money.js';
import { memberShare, planYearOf, standing, totalsFor, type AccumulatorRow } from './accumulators.js';
import { costShareFor, priceClaim } from './pricing.js';
import { quantityWindowExcess, type LimitScope } from './quantity-window.js';
import { REJECT } from './reject-codes.js';
import { routeToPlan } from './routing.js';
import type { Step } from './step.js';
import {
  applyExceptions,
  exceptionStep,
  notCoveredExceptionKind,
  orderedTiers,
  type ExceptionTerms,
} from './exception-effect.js';
import {
  describePrerequisites,
  isContinuingTherapy,
  isStepTherapyMet,
  maxQuantityFor,
  refillTooSoon,
  type ActiveAuthorization,
  type HistoryFill,
} from './utilization.js';

export interface AdjudicationInput {
  request: ClaimRequest;
  member: MemberFacts | null;
  pharmacyType: PharmacyType;
  reference: ReferenceSnapshot;
  /**
   * The member's paid, unreversed claims from 365 days before the date of service to 365 days
   * after (claims may be billed out of date order; each rule reads the dates it needs), this claim excluded.
   */
  history: HistoryFill[];
  authorizations: ActiveAuthorization[];
  /** The member's plan-year totals on file (docs/design.md#accumulators); none yet when absent. */
  accumulators?: AccumulatorRow[];
}

export interface Adjudication {
  transactionStatus: Exclude<TransactionStatus, 'D'>;
  rejects: Reject[];
  message: string;
  planId: string | null;
  drug: DrugConcept | null;
  pricing?: Pricing;
  nextSteps?: NextSteps;
  authorizationNumber: string | null;
  emergencySupply: boolean;
  /** The drug's formulary entry as the member's authorizations leave it (exception-effect.ts): coverage reads it. */
  terms?: ExceptionTerms;
  /** Paid: the plan year the claim counts in, what it adds to the totals, and the standing after it. */
  accumulation?: {
    planYearStart: string;
    deductibleCents: number;
    outOfPocketCents: number;
    after: AccumulatorStanding;
  };
}

function rejected(
  step: NonNullable<Step>,
  planId: string | null,
  drug: DrugConcept | null,
  terms?: ExceptionTerms,
): Adjudication {
  return {
    ...(terms ? { terms } : {}),
    transactionStatus: 'R',
    rejects: [step.reject, ...(step.extraRejects ?? [])],
    message: step.message,
    planId,
    drug,
    nextSteps: step.nextSteps,
    authorizationNumber: null,
    emergencySupply: false,
  };
}

function paStep(
  plan: PlanRow,
  ref: ReferenceSnapshot,
  entry: FormularyRow,
): NonNullable<NextSteps['priorAuthorization']> {
  const processor = ref.processors.get(plan.processorId);
  const pa = plan.policy.priorAuthorization;
  return {
    required: true,
    processorName: pa.handledBy ?? processor?.name ?? plan.name,
    howToRequest: pa.howToRequest,
    fax: pa.fax ?? processor?.paFax ?? undefined,
    phone: pa.phone ?? processor?.paPhone ?? undefined,
    ...(entry.criteriaId ? { criteriaId: entry.criteriaId } : {}),
  };
}

/**
 * Point-of-sale adjudication, in the order of docs/design.md#claims: eligibility, processor routing,
 * product, formulary, age/sex, authorization (else PA), step therapy, quantity limit, refill too
 * soon, pricing. Pure: everything it needs is in the input.
 */
export function adjudicateClaim(input: AdjudicationInput): Adjudication {
  const { request, reference: ref } = input;
  const dos = request.dateOfService;

  const eligibility = checkEligibility(input.member, request.patient.dateOfBirth, dos);
  if (eligibility) return rejected(eligibility, input.member?.planId ?? null, null);
  const member = input.member!;
  const memberPlan = ref.plans.get(member.planId);
  if (!memberPlan)
    return rejected(
      { reject: REJECT.NOT_COVERED_PATIENT, message: 'This member has no pharmacy plan on file.' },
      null,
      null,
    );

  const routed = routeToPlan({
    bin: request.bin,
    pcn: request.pcn ?? null,
    groupId: request.groupId ?? null,
    memberPlan,
    plans: ref.plans,
    processors: ref.processors,
  });
  if ('step' in routed) return rejected(routed.step, memberPlan.id, null);
  const plan = routed.plan;

  const pkg = ref.packages.get(request.productId);
  const drug = pkg ? (ref.concepts.get(pkg.rxcui) ?? null) : null;
  if (!pkg || !drug) {
    return rejected(
      {
        reject: REJECT.PRODUCT,
        message: `NDC ${request.productId} is not in the plan's drug catalog. Check the NDC on the package.`,
      },
      plan.id,
      null,
    );
  }
  const alternatives = () =>
    findAlternatives(ref, plan, drug, input.pharmacyType, { quantity: request.quantityDispensed });

  // The entry as the member's approved exceptions and authorizations leave it (docs/design.md#exceptions).
  const ownEntry = findFormularyEntry(ref, plan.id, drug);
  const groupEntry = ref.formularies.get(plan.id)?.byGroup.get(drug.groupId);
  const terms = applyExceptions({
    entry: ownEntry,
    groupEntry,
    drug,
    authorizations: input.authorizations,
    dateOfService: dos,
    tiers: orderedTiers(Object.keys(plan.policy.costSharing.tiers)),
  });
  const reject = (step: NonNullable<Step>) => rejected(step, plan.id, drug, terms);
  let entry = terms.entry;
  if (!entry || !entry.covered) {
    const kind = notCoveredExceptionKind(drug, ownEntry, groupEntry);
    return reject({
      reject: REJECT.NOT_COVERED,
      message:
        kind === 'brand-medically-necessary'
          ? `${drug.name} is not on ${plan.name}'s list of covered drugs (formulary); its generic is. Your doctor can prescribe the generic, or ask for an exception if the brand is medically necessary.`
          : `${drug.name} is not on ${plan.name}'s list of covered drugs (formulary). Your doctor can switch to a covered drug listed below, or ask for a formulary exception.`,
      nextSteps: {
        alternatives: alternatives(),
        priorAuthorization: { ...paStep(plan, ref, ownEntry ?? ({} as FormularyRow)), required: false },
        exception: exceptionStep(kind),
      },
    });
  }

  // A brand whose generic the plan covers for less: the DAW code decides (docs/design.md#dispense-as-written).
  const brandRule = plan.policy.multiSourceBrand;
  const daw = dispenseAsWritten({
    drug,
    entry,
    generic: coveredGenericEquivalent(ref, plan.id, drug),
    dawCode: request.dawCode,
    policy: brandRule,
    brandException: terms.applied.some((a) => a.kind === 'brand-medically-necessary'),
    tiers: orderedTiers(Object.keys(plan.policy.costSharing.tiers)),
  });
  const brandException =
    brandRule?.prescriberRequiresBrand === 'generic-cost-share'
      ? {}
      : { exception: exceptionStep('brand-medically-necessary') };
  if (daw.kind === 'reject-substitutable') {
    const withDaw1 =
      brandRule?.prescriberRequiresBrand === 'reject'
        ? 'If the prescriber requires the brand, the prescriber can ask for a brand-medically-necessary exception.'
        : `If the prescriber wrote "dispense as written", send the claim again with DAW 1; it pays at the ${brandRule?.prescriberRequiresBrand === 'generic-cost-share' ? "generic's" : "brand's"} cost sharing.`;
    return reject({
      reject: REJECT.DAW,
      message: `${drug.name} has a generic equivalent ${plan.name} covers at a lower cost (${daw.generic.name}), and the claim allows substitution (DAW 0): dispense the generic. ${withDaw1}`,
      nextSteps: { alternatives: alternatives(), ...brandException },
    });
  }
  if (daw.kind === 'reject-brand-required') {
    return reject({
      reject: REJECT.PA_REQUIRED,
      message: `${plan.name} pays for ${drug.name} instead of its generic (${daw.generic.name}) only with an approved brand-medically-necessary exception. The prescriber can ask for one, or agree to the generic.`,
      nextSteps: {
        priorAuthorization: {
          ...paStep(plan, ref, entry),
          criteriaId: exceptionStep('brand-medically-necessary').criteriaId,
        },
        alternatives: alternatives(),
        exception: exceptionStep('brand-medically-necessary'),
      },
    });
  }
  if (daw.kind === 'generic-cost-share') entry = { ...entry, tier: daw.tier };

  // An approved exception lifts the age and sex limits (applyExceptions cleared them): the 60/61
  // answers send the prescriber to ask for exactly that.
  const authorization = terms.priorAuthorization;
  const age = ageOn(member.dateOfBirth, dos);
  if ((entry.minAge !== null && age < entry.minAge) || (entry.maxAge !== null && age > entry.maxAge)) {
    const range =
      entry.minAge !== null && entry.maxAge !== null
        ? `ages ${entry.minAge} to ${entry.maxAge}`
        : entry.minAge !== null
          ? `age ${entry.minAge} and older`
          : `age ${entry.maxAge} and younger`;
    return rejected(
      {
        reject: REJECT.AGE,
        message: `${drug.name} is covered for ${range}. The prescriber can ask for an age-limit exception.`,
        nextSteps: {
          priorAuthorization: paStep(plan, ref, entry),
          alternatives: alternatives(),
          exception: exceptionStep('age-limit'),
        },
      },
      plan.id,
      drug,
      terms,
    );
  }
  if (entry.sex && member.sex !== 'U' && entry.sex !== member.sex) {
    return reject({
      reject: REJECT.SEX,
      message: `${drug.name} is not covered for this member's sex on file. The prescriber can ask for a sex-limit exception.`,
      nextSteps: { priorAuthorization: paStep(plan, ref, entry), exception: exceptionStep('sex-limit') },
    });
  }

  const continuing = entry.newStartsOnly && isContinuingTherapy(input.history, drug.groupId, dos);
  const emergencyAllowed = plan.policy.emergencySupply;
  let emergencySupply = false;

  if (entry.priorAuthorization && !authorization && !continuing) {
    if (request.emergencySupply && emergencyAllowed && request.daysSupply <= emergencyAllowed.maxDaysSupply) {
      emergencySupply = true; // Medi-Cal: up to 72 hours without PA in an emergency (W&I Code §14185(a)(4))
    } else {
      const emergencyNote =
        request.emergencySupply && emergencyAllowed
          ? ` An emergency supply without approval is limited to ${emergencyAllowed.maxDaysSupply} days.`
          : '';
      return rejected(
        {
          reject: REJECT.PA_REQUIRED,
          message: `${drug.name} needs approval from ${paStep(plan, ref, entry).processorName} before the plan pays (prior authorization). The pharmacy can let your prescriber know; your prescriber sends the request.${emergencyNote}`,
          nextSteps: { priorAuthorization: paStep(plan, ref, entry), alternatives: alternatives() },
        },
        plan.id,
        drug,
        terms,
      );
    }
  }

  if (
    entry.stepTherapy &&
    !continuing &&
    !emergencySupply &&
    !isStepTherapyMet(entry.stepTherapy, input.history, dos)
  ) {
    const prereq = describePrerequisites(entry.stepTherapy);
    return rejected(
      {
        reject: REJECT.PA_REQUIRED,
        extraRejects: [REJECT.STEP_THERAPY],
        message: `The plan covers ${drug.name} after you have tried ${prereq} (step therapy). We found no fill of it in the last ${entry.stepTherapy.lookbackDays} days. Your prescriber can ask for a step-therapy exception.`,
        nextSteps: {
          priorAuthorization: paStep(plan, ref, entry),
          stepTherapy: { prerequisites: prereq, lookbackDays: entry.stepTherapy.lookbackDays },
          alternatives: alternatives(),
          exception: exceptionStep('step-therapy'),
        },
      },
      plan.id,
      drug,
      terms,
    );
  }

  // An authorization's own quantity replaces the formulary limit (the reviewer approved that amount);
  // either counts every paid fill of its scope in the rolling window (docs/design.md#quantity-limits).
  const authorizedLimit = terms.authorizedLimit !== null;
  const limit = terms.authorizedLimit ?? entry.quantityLimit;
  const scope: LimitScope =
    !authorizedLimit && entry.rxcui
      ? { kind: 'product', rxcui: entry.rxcui }
      : { kind: 'group', groupId: drug.groupId };
  const excess = limit
    ? quantityWindowExcess({
        limit,
        scope,
        history: input.history,
        dateOfService: dos,
        quantity: request.quantityDispensed,
        daysSupply: request.daysSupply,
      })
    : null;
  if (limit && excess) {
    const max = maxQuantityFor(limit, request.daysSupply);
    const perClaim = `The plan covers up to ${limit.units} units of ${drug.name} every ${limit.days} days (${max} for a ${request.daysSupply}-day supply)`;
    const when = excess.payableOn
      ? ` ${request.quantityDispensed} can be paid on or after ${excess.payableOn}, as earlier fills leave the window.`
      : '';
    const message =
      request.quantityDispensed > max
        ? `${perClaim}; ${request.quantityDispensed} were billed. The prescriber can ask for a quantity-limit exception.`
        : `${perClaim}. ${excess.paidInWindow} were already paid in the ${excess.windowDays} days from ${excess.windowStart} to ${excess.windowEnd}, so ${excess.remaining} more can be paid now; ${request.quantityDispensed} were billed.${when} The prescriber can ask for a quantity-limit exception.`;
    return rejected(
      {
        reject: REJECT.LIMIT,
        message,
        nextSteps: {
          quantityLimit: {
            units: limit.units,
            days: limit.days,
            maxForDaysSupply: max,
            windowStart: excess.windowStart,
            windowEnd: excess.windowEnd,
            paidInWindow: excess.paidInWindow,
            remaining: excess.remaining,
            ...(excess.payableOn ? { payableOn: excess.payableOn } : {}),
          },
          priorAuthorization: paStep(plan, ref, entry),
          exception: exceptionStep('quantity-limit'),
        },
      },
      plan.id,
      drug,
      terms,
    );
  }

  const tooSoon = refillTooSoon(input.history, drug.groupId, dos, plan.policy.refillTooSoonPercent);
  if (tooSoon) {
    return rejected(
      {
        reject: REJECT.REFILL_TOO_SOON,
        message: `This refill is too soon: the last fill on ${tooSoon.lastFill.dateOfService} was for ${tooSoon.lastFill.daysSupply} days. It can be filled on or after ${tooSoon.allowedOn}.`,
        nextSteps: {
          refillAllowedOn: tooSoon.allowedOn,
          previousFill: {
            dateOfService: tooSoon.lastFill.dateOfService,
            daysSupply: tooSoon.lastFill.daysSupply,
            quantity: tooSoon.lastFill.quantity,
          },
        },
      },
      plan.id,
      drug,
      terms,
    );
  }

  const priced = priceClaim({
    policy: plan.policy,
    tier: entry.tier,
    pharmacyType: input.pharmacyType,
    quantity: request.quantityDispensed,
    unitPrice: pkg.unitPrice,
    submittedIngredientCost: request.submittedIngredientCost ?? fromCents(0),
    usualAndCustomary: request.usualAndCustomaryCharge ?? null,
  });
  // Deductible first, then the tier's copay or coinsurance, nothing past the out-of-pocket maximum.
  const benefit = plan.policy.accumulators;
  const year = planYearOf(benefit, dos);
  const before = totalsFor(input.accumulators ?? [], plan.id, year.start);
  const totalCents = toCents(priced.ingredientCost) + toCents(priced.dispensingFee);
  const share = memberShare({
    totalCents,
    share: costShareFor(plan.policy, entry.tier, input.pharmacyType),
    tier: entry.tier,
    policy: benefit,
    before,
  });
  const pricing: Pricing = {
    ...priced,
    patientPay: fromCents(share.patientPayCents),
    planPay: fromCents(totalCents - share.patientPayCents),
    deductibleApplied: fromCents(share.deductibleCents),
    copay: fromCents(share.copayCents),
    coinsurance: fromCents(share.coinsuranceCents),
    ...(share.overOutOfPocketMaxCents > 0 ? { overOutOfPocketMax: fromCents(share.overOutOfPocketMaxCents) } : {}),
  };
  const after = standing(benefit, plan.id, year, {
    deductibleMetCents: before.deductibleMetCents + share.deductibleCents,
    outOfPocketCents: before.outOfPocketCents + share.patientPayCents,
  });
  const pays = toCents(pricing.patientPay) === 0 ? 'You pay nothing for this fill.' : `You pay $${pricing.patientPay}.`;
  const granted = terms.applied[0] ?? null;
  const why = emergencySupply
    ? ' Paid as an emergency supply; prior authorization is still needed for more.'
    : granted
      ? ` Approved under authorization ${granted.number}.`
      : daw.kind === 'generic-cost-share'
        ? ` The prescriber required the brand (DAW 1): paid at the generic's cost sharing.`
        : '';
  return {
    transactionStatus: 'P',
    rejects: [],
    message: `Paid by ${plan.name}. ${pays}${why}`,
    planId: plan.id,
    drug,
    pricing,
    nextSteps: emergencySupply ? { priorAuthorization: paStep(plan, ref, entry) } : undefined,
    authorizationNumber: granted?.number ?? null,
    emergencySupply,
    terms,
    accumulation: {
      planYearStart: year.start,
      deductibleCents: share.deductibleCents,
      outOfPocketCents: share.patientPayCents,
      after,
    },
  };
}
