import { otherProcessorOf, type PlanRow, type ProcessorRow } from '../../plans/index.js';
import { REJECT } from './reject-codes.js';
import type { Step } from './step.js';

export interface RoutingInput {
  bin: string;
  pcn: string | null;
  groupId: string | null;
  memberPlan: PlanRow;
  plans: Map<string, PlanRow>;
  processors: Map<string, ProcessorRow>;
}

/**
 * Which plan pays this claim. A carved-out line of business (e.g. Medi-Cal managed care, whose
 * pharmacy benefit Medi-Cal Rx covers) sends the pharmacy to the other processor with 41 and its
 * BIN/PCN/group/phone; the same claim at that processor's BIN adjudicates under its plan.
 */
export function routeToPlan(input: RoutingInput): { plan: PlanRow } | { step: NonNullable<Step> } {
  const { memberPlan, plans, processors } = input;
  const payer = memberPlan.carveOutPlanId ? (plans.get(memberPlan.carveOutPlanId) ?? memberPlan) : memberPlan;
  const payerProcessor = processors.get(payer.processorId);
  if (!payerProcessor || payerProcessor.bin !== input.bin) {
    const other = otherProcessorOf(payer, processors);
    const carved = payer !== memberPlan;
    return {
      step: {
        reject: REJECT.OTHER_PROCESSOR,
        message: carved
          ? `This member's pharmacy benefit is covered by ${other?.name ?? 'another processor'}, not by ${memberPlan.name}. Send the claim to ${other?.name ?? 'that processor'}.`
          : `This member's pharmacy claims go to ${other?.name ?? 'another processor'}.`,
        nextSteps: other ? { otherProcessor: other } : undefined,
      },
    };
  }
  if (input.pcn && payerProcessor.pcn && input.pcn !== payerProcessor.pcn) {
    return {
      step: {
        reject: REJECT.PCN,
        message: `The processor control number should be ${payerProcessor.pcn}.`,
        nextSteps: { otherProcessor: otherProcessorOf(payer, processors)! },
      },
    };
  }
  const expectedGroup = payer.groupId ?? payerProcessor.groupId;
  if (input.groupId && expectedGroup && input.groupId !== expectedGroup) {
    return {
      step: {
        reject: REJECT.GROUP,
        message: `The group ID for this member should be ${expectedGroup}.`,
        nextSteps: { otherProcessor: otherProcessorOf(payer, processors)! },
      },
    };
  }
  return { plan: payer };
}
