import type { PlanRow, ProcessorRow } from './plans.repo.js';

/** The processor that pays a member's pharmacy claims when it is not us (NCPDP reject 41's BIN/PCN/group/phone). */
export interface OtherProcessor {
  name: string;
  bin: string;
  pcn: string | null;
  groupId: string | null;
  phone: string | null;
}

export function otherProcessorOf(plan: PlanRow, processors: Map<string, ProcessorRow>): OtherProcessor | null {
  const p = processors.get(plan.processorId);
  if (!p) return null;
  return { name: p.name, bin: p.bin, pcn: p.pcn, groupId: plan.groupId ?? p.groupId, phone: p.helpDeskPhone };
}
