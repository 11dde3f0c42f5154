import { queueNotices } from '../notices/queue-notices.js';
import type { PlanRow } from '../plans/index.js';
import type { Db } from '../platform/db.js';
import { openWorkItem } from '../work-items/index.js';
import type { PaStatus } from './pa-status.js';
import { insertHistory, type PaRequestRow } from './priorauth.repo.js';
import { transitionRequest } from './transition-request.js';

/** The independent review entity Part D cases go to (42 CFR 423.600; CMS contracts one, today C2C Innovative Solutions). */
export const PART_D_IRE = 'the Part D Independent Review Entity (IRE)';

/**
 * A missed review clock on a plan with no deemed approval (docs/clocks.md#escalation), in the
 * deadline's transaction:
 * - the case is marked escalated and a work item opens in the supervisors' queue, so a person
 *   owns the overdue case;
 * - Medicare Part D: the missed time frame is an adverse coverage determination that the plan must
 *   forward to the IRE within 24 hours of the time frame's end (42 CFR 423.568(h); the expedited
 *   clock of 423.572 is treated the same way here): the case records the forward, the
 *   work item asks the supervisor to send the case file, and the member and prescriber are told in
 *   writing that the IRE now has the request (CMS Parts C & D appeals guidance);
 * - other plans (Medi-Cal, marketplace): member and prescriber are told the decision is late and a
 *   supervisor has it.
 * The case stays open: a reviewer may still decide it (for Part D, a favourable decision before the
 * IRE rules is still owed to the member).
 */
export async function escalateOverdueCase(
  tx: Db,
  { row, plan, now, from }: { row: PaRequestRow; plan: PlanRow; now: Date; from: PaStatus[] },
): Promise<void> {
  const partD = plan.lineOfBusiness === 'medicare-d';
  const dueAt = row.dueAt?.toISOString() ?? null;
  const forwardBy = new Date(now.getTime() + 24 * 3_600_000).toISOString();
  await transitionRequest(tx, row, {
    action: 'escalated',
    actor: 'system',
    at: now,
    from,
    changes: { escalatedAt: now },
    reason: partD
      ? 'The decision is overdue: an adverse coverage determination under 42 CFR 423.568(h); forwarded to the IRE'
      : "The decision is overdue; escalated to the review supervisors' queue",
    details: { dueAt },
  });
  if (partD) {
    await insertHistory(tx, {
      paRequestId: row.id,
      at: now,
      actor: 'system',
      actorRole: 'system',
      action: 'auto-forwarded-to-ire',
      fromStatus: row.status,
      toStatus: row.status,
      reason: 'No decision within the Part D time frame (42 CFR 423.568(h)): the request goes to the IRE',
      details: { to: PART_D_IRE, dueAt, caseFileDueBy: forwardBy },
    });
  }
  await openWorkItem(
    tx,
    {
      kind: partD ? 'pa-forwarded-to-ire' : 'pa-overdue',
      queue: 'supervisors',
      entityType: 'pa-request',
      entityId: row.id,
      summary: partD
        ? `PA request ${row.id} was not decided by ${dueAt}: it is forwarded to ${PART_D_IRE}. Send the case file by ${forwardBy} (42 CFR 423.568(h)).`
        : `PA request ${row.id} was not decided by ${dueAt}: decide it now.`,
      details: {
        paRequestId: row.id,
        planId: row.planId,
        dueAt,
        ...(partD ? { forwardedTo: PART_D_IRE, caseFileDueBy: forwardBy } : {}),
      },
    },
    now,
  );
  await queueNotices(
    tx,
    {
      kind: 'escalation',
      memberId: row.memberId,
      prescriberNpi: row.prescriberNpi,
      paRequestId: row.id,
      recipients: ['member', 'prescriber'],
      letterLanguages: plan.policy.letterLanguages,
      content: {
        paRequestId: row.id,
        drugName: row.drugName,
        planName: plan.name,
        dueAt,
        forwardedTo: partD ? PART_D_IRE : null,
      },
    },
    now,
  );
}
