import { registerDeadlineHandler } from '../deadlines/run-due-deadlines.js';
import { queueNotices } from '../notices/queue-notices.js';
import { findAuthorizationByNumber } from '../authorizations/index.js';
import {
  closeInformationRequest,
  findPaRequest,
  insertHistory,
  listInformationRequests,
  listPaRequests,
} from './priorauth.repo.js';
import { recordDetermination } from './record-determination.js';
import { escalateOverdueCase } from './escalate-overdue-case.js';
import { informationRequestClock, nextStateOnInformationExpiry } from './rules/information-request-rules.js';
import { scheduleReviewClock } from './schedule-review-clock.js';
import { transitionRequest } from './transition-request.js';
import { closedNoResponseReason, SYSTEM_REASONS } from './rules/determination-wording.js';

const REVIEWABLE = ['submitted', 'in-review'] as const;
/**
 * Where a running review clock can find a case: in review, or waiting on a reviewer's information
 * request on a plan whose clock `continues` through it (a `restarts-on-answer` request cancels the
 * clock's deadlines, so they never fire then).
 */
const CLOCK_RUNNING = [...REVIEWABLE, 'awaiting-information'] as const;

/**
 * What happens when a case's clock runs (docs/design.md#clocks). Every handler re-reads the case:
 * a case decided since the deadline was set makes the deadline a no-op.
 */
export function registerPaDeadlines(): void {
  registerDeadlineHandler('pa-warning', async (_ctx, tx, d, now) => {
    const row = await findPaRequest(tx, d.entityId);
    if (!row || !CLOCK_RUNNING.includes(row.status as never)) return;
    await insertHistory(tx, {
      paRequestId: row.id,
      at: now,
      actor: 'system',
      actorRole: 'system',
      action: 'due-soon',
      fromStatus: row.status,
      toStatus: row.status,
      details: { dueAt: row.dueAt?.toISOString() ?? null },
    });
  });

  registerDeadlineHandler(
    'pa-due',
    async (ctx, tx, d, now, ref) => {
      const row = await findPaRequest(tx, d.entityId);
      if (!row || !CLOCK_RUNNING.includes(row.status as never)) return;
      const plan = ref.plans.get(row.planId)!;
      if (plan.policy.review.onMissed === 'deem-approved') {
        // CA Health & Safety Code §1367.241(b): a request not answered in time is deemed granted.
        await recordDetermination(ctx, tx, row, {
          decision: 'deemed-approved',
          actor: 'system',
          now,
          from: [...CLOCK_RUNNING],
          plan,
          reasons: [SYSTEM_REASONS.deemed.en],
          reasonWording: [SYSTEM_REASONS.deemed],
        });
        return;
      }
      await escalateOverdueCase(tx, { row, plan, now, from: [...CLOCK_RUNNING] });
    },
    { deadLetterQueue: 'supervisors' },
  );

  registerDeadlineHandler(
    'pa-info-request-due',
    async (ctx, tx, d, now, ref) => {
      const row = await findPaRequest(tx, d.entityId);
      if (!row || row.status !== 'awaiting-information') return;
      const infoId = String(d.payload?.informationRequestId ?? '');
      if (!(await closeInformationRequest(tx, infoId, { status: 'expired' }))) return;
      const plan = ref.plans.get(row.planId)!;
      const count = (await listInformationRequests(tx, row.id)).length;
      if (
        nextStateOnInformationExpiry({ count, maxRequests: plan.policy.informationRequests.max }) ===
        'closed-no-response'
      ) {
        await recordDetermination(ctx, tx, row, {
          decision: 'closed-no-response',
          actor: 'system',
          now,
          from: ['awaiting-information'],
          plan,
          reasons: [closedNoResponseReason(count).en],
          reasonWording: [closedNoResponseReason(count)],
        });
        return;
      }
      // Back to the reviewer, who may ask once more or decide. A clock that continued through the
      // request keeps its due time; otherwise (restarts-on-answer, or an incomplete request that
      // never had a clock) it starts now.
      const dueAt =
        row.dueAt && informationRequestClock(plan.policy, plan.lineOfBusiness) === 'continues'
          ? row.dueAt
          : await scheduleReviewClock(tx, {
              paRequestId: row.id,
              startAt: now,
              urgency: row.urgency as 'standard' | 'urgent',
              policy: plan.policy,
              now,
            });
      await transitionRequest(tx, row, {
        to: 'in-review',
        action: 'information-not-received',
        actor: 'system',
        at: now,
        from: ['awaiting-information'],
        reason: 'The information request expired unanswered',
        changes: { dueAt, completedAt: row.completedAt ?? now },
      });
    },
    { deadLetterQueue: 'supervisors' },
  );

  registerDeadlineHandler('pa-renewal-reminder', async (_ctx, tx, d, now, ref) => {
    const auth = await findAuthorizationByNumber(tx, d.entityId);
    if (!auth || auth.status !== 'active' || !auth.paRequestId) return;
    const original = await findPaRequest(tx, auth.paRequestId);
    if (!original) return;
    const renewals = (await listPaRequests(tx, { memberId: auth.memberId, limit: 50 })).filter(
      (r) => r.renewalOf === auth.number && r.status !== 'cancelled',
    );
    if (renewals.length > 0) return;
    const plan = ref.plans.get(original.planId)!;
    await queueNotices(
      tx,
      {
        kind: 'renewal-reminder',
        memberId: auth.memberId,
        prescriberNpi: original.prescriberNpi,
        paRequestId: original.id,
        recipients: ['prescriber', 'member'],
        letterLanguages: plan.policy.letterLanguages,
        content: {
          authorizationNumber: auth.number,
          drugName: original.drugName,
          effectiveTo: auth.effectiveTo,
          planName: plan.name,
        },
      },
      now,
    );
  });
}
