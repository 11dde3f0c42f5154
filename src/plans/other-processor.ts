import type { plans, processors } from './plans.tables.js';

// Row types from the tables, not the repository: claim-types (read by claims.tables) names
// OtherProcessor, and the repository's import of the database would close a file cycle.
type PlanRow = typeof plans.$inferSelect;
type ProcessorRow = typeof processors.$inferSelect;

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
