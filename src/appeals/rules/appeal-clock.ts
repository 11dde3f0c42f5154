import type { PlanPolicy } from '../../plans/plan-policy.js';
import { computeDueAt } from '../../priorauth/rules/compute-due-at.js';

export type AppealUrgency = 'standard' | 'urgent';

/**
 * When an appeal decision is due, from receipt of the appeal, on the plan's appeal clock (not the
 * PA clock): expedited for an urgent appeal, standard otherwise. Same counting as PA clocks
 * (elapsed hours; calendar or business days ending at the receipt's wall-clock time in the plan's
 * zone). Examples: CA H&S §1368.01(a)/(b) 30 days / 72 hours; 42 CFR 438.408(b) 30 days /
 * 72 hours; Part D redetermination 7 days / 72 hours (42 CFR 423.590(a), (d)).
 */
export function computeAppealDueAt(args: {
  receivedAt: Date;
  urgency: AppealUrgency;
  appeals: PlanPolicy['appeals'];
  timeZone: string;
}): Date {
  return computeDueAt({
    receivedAt: args.receivedAt,
    urgency: args.urgency,
    // onMissed and warnBefore do not affect the due time; an appeal's miss is handled in appeal-deadlines.ts.
    clock: {
      standard: args.appeals.standard,
      urgent: args.appeals.expedited,
      onMissed: 'escalate',
      warnBefore: { hours: 0 },
      timeZone: args.timeZone,
    },
  });
}
