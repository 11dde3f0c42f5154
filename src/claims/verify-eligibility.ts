import type { AppContext } from '../app-context.js';
import type { Reject } from './claim-types.js';
import { checkEligibility } from './rules/eligibility.js';
import { REJECT } from './rules/reject-codes.js';
import { otherProcessorOf, type OtherProcessor } from '../plans/index.js';
import { routeToPlan } from './rules/routing.js';
import type { Principal } from '../platform/roles.js';
import { forbidden } from '../platform/errors.js';
import { findMemberById } from '../members/index.js';

export interface EligibilityQuestion {
  bin: string;
  pcn: string | null;
  groupId: string | null;
  cardholderId: string;
  dateOfBirth: string;
  dateOfService: string;
}

export interface EligibilityAnswer {
  /** A: the member is found and covered on the date; R: not (with the reason). */
  status: 'A' | 'R';
  rejects: Reject[];
  message: string;
  /** Only once the cardholder ID and the date of birth both match. */
  patient?: { firstName: string; lastName: string; dateOfBirth: string };
  plan?: { id: string; name: string; groupId: string | null; effectiveDate: string; terminationDate: string | null };
  /** Pharmacy claims for this member go to another processor (a carve-out, or another plan's BIN). */
  otherProcessor?: OtherProcessor;
}

/**
 * E1 eligibility verification: is this cardholder covered on the date, by which plan, and where
 * do the pharmacy claims go. The same eligibility and routing rules as a claim (DESIGN: claims,
 * steps 1–2), without a drug; nothing is recorded.
 */
export async function verifyEligibility(
  ctx: AppContext,
  caller: Principal,
  q: EligibilityQuestion,
): Promise<EligibilityAnswer> {
  if (caller.role !== 'pharmacy') throw forbidden('Eligibility verification is for pharmacies');
  const member = await findMemberById(ctx.database.db, q.cardholderId);
  const facts = member
    ? {
        id: member.id,
        planId: member.planId,
        dateOfBirth: member.dateOfBirth,
        sex: member.sex,
        effectiveDate: member.effectiveDate,
        terminationDate: member.terminationDate,
      }
    : null;
  const found = member && member.dateOfBirth === q.dateOfBirth ? member : null;
  const patient = found
    ? { firstName: found.firstName, lastName: found.lastName, dateOfBirth: found.dateOfBirth }
    : undefined;
  const step = checkEligibility(facts, q.dateOfBirth, q.dateOfService);
  if (step) return { status: 'R', rejects: [step.reject], message: step.message, ...(patient ? { patient } : {}) };

  const ref = await ctx.reference.get();
  const memberPlan = ref.plans.get(member!.planId);
  if (!memberPlan)
    return {
      status: 'R',
      rejects: [REJECT.NOT_COVERED_PATIENT],
      message: 'This member has no pharmacy plan on file.',
      patient,
    };
  const routed = routeToPlan({
    bin: q.bin,
    pcn: q.pcn,
    groupId: q.groupId,
    memberPlan,
    plans: ref.plans,
    processors: ref.processors,
  });
  const payer = 'plan' in routed ? routed.plan : memberPlan;
  const processor = ref.processors.get(payer.processorId);
  const plan = {
    id: payer.id,
    name: payer.name,
    groupId: payer.groupId ?? processor?.groupId ?? null,
    effectiveDate: member!.effectiveDate,
    terminationDate: member!.terminationDate,
  };
  const through = member!.terminationDate ? ` through ${member!.terminationDate}` : '';
  if ('plan' in routed)
    return {
      status: 'A',
      rejects: [],
      message: `Covered by ${payer.name} on ${q.dateOfService} (since ${member!.effectiveDate}${through}).`,
      patient,
      plan,
    };
  // Covered, but not here: say where the pharmacy claims go (41 is the claim's answer, not E1's).
  const carvedOut = memberPlan.carveOutPlanId ? ref.plans.get(memberPlan.carveOutPlanId) : undefined;
  const other =
    routed.step.nextSteps?.otherProcessor ?? (carvedOut ? otherProcessorOf(carvedOut, ref.processors) : null);
  return {
    status: 'A',
    rejects: [],
    message: `Covered on ${q.dateOfService}${through ? ` (${through.trim()})` : ''}. ${routed.step.message}`,
    patient,
    plan,
    ...(other ? { otherProcessor: other } : {}),
  };
}
