import { registerDeadlineHandler } from '../deadlines/run-due-deadlines.js';
import { openWorkItem } from '../work-items/index.js';
import { findAppeal } from './appeals.repo.js';
import { isOpenAppeal, OPEN_APPEAL_STATUSES } from './appeal-status.js';
import { transitionAppeal } from './transition-appeal.js';

/**
 * What happens when an appeal's clock runs out (registered once, by src/composition/deadline-handlers.ts). The handler
 * re-reads the appeal: one decided since the deadline was set makes it a no-op.
 */
export function registerAppealDeadlines(): void {
  registerDeadlineHandler(
    'appeal-due',
    async (_ctx, tx, d, now, ref) => {
      const row = await findAppeal(tx, d.entityId);
      if (!row || !isOpenAppeal(row.status) || row.escalatedAt) return;
      const plan = ref.plans.get(row.planId);
      // A missed appeal deadline escalates; it never decides the appeal — not even on plans whose
      // PA clock deems a late request approved. That deemed approval (CA H&S §1367.241(b)) covers
      // prior authorization requests only. For appeals the law's remedy for a late plan is the next
      // level, not a grant: the member may go straight to it (Knox-Keene: DMHC review after 30 days
      // or at once when urgent, H&S §1368(b)(1)(A); Medicaid managed care: deemed exhaustion → State
      // fair hearing, 42 CFR 438.408(c)(3); ACA plans: deemed exhaustion → external review,
      // 45 CFR 147.136(b)(2)(ii)(F)), and a Part D sponsor must forward the late redetermination to
      // the IRE (42 CFR 423.590(c), (e)). So: flag it for the supervisor and record why.
      await transitionAppeal(tx, row, {
        action: 'escalated',
        actor: 'system',
        at: now,
        from: OPEN_APPEAL_STATUSES,
        changes: { escalatedAt: now },
        reason:
          'The appeal decision is overdue; escalated to the appeals supervisor. The member may take it to the next level without waiting.',
        details: { dueAt: row.dueAt.toISOString(), nextLevel: plan?.policy.appeals.nextLevel ?? null },
      });
      await openWorkItem(
        tx,
        {
          kind: 'appeal-overdue',
          queue: 'supervisors',
          entityType: 'appeal',
          entityId: row.id,
          summary: `${row.urgency === 'urgent' ? 'Expedited appeal' : 'Appeal'} ${row.id} was due ${row.dueAt.toISOString()} and is not decided${row.assignedTo ? ` (assigned to ${row.assignedTo})` : ' (unassigned)'}`,
          details: {
            paRequestId: row.paRequestId,
            memberId: row.memberId,
            dueAt: row.dueAt.toISOString(),
            nextLevel: plan?.policy.appeals.nextLevel ?? null,
          },
        },
        now,
      );
    },
    { deadLetterQueue: 'supervisors' },
  );
}
