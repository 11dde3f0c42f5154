import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { queueNotices } from '../notices/queue-notices.js';
import { DomainError, notFound } from '../platform/errors.js';
import { assertClinician } from './pa-access.js';
import { findPaRequest } from './priorauth.repo.js';
import { buildRequestView } from './request-view.js';
import { scheduleReviewClock } from './schedule-review-clock.js';
import { assignedElsewhere } from './assigned-elsewhere.js';
import { transitionRequest } from './transition-request.js';

/**
 * A reviewer may reclassify an urgent request that does not meet the definition (serious
 * jeopardy to life, health or function, or severe pain) to standard, with a reason; the clock is
 * recomputed from receipt and both prescriber and member are told (e.g. 42 CFR 423.570(d)).
 */
export async function reclassifyUrgency(
  ctx: AppContext,
  caller: Principal,
  id: string,
  input: { urgency: 'standard'; reason: string },
) {
  assertClinician(caller);
  if (!input.reason?.trim())
    throw new DomainError('VALIDATION_FAILED', 'Say why the request does not meet the urgent definition', {
      errors: [{ path: 'reason', message: 'is required' }],
    });
  const db = ctx.database.db;
  const row = await findPaRequest(db, id);
  if (!row) throw notFound('PA request', id);
  if (row.urgency !== 'urgent') throw new DomainError('INVALID_STATE', 'The request is already standard');
  if (row.assignedTo && row.assignedTo !== caller.username)
    throw await assignedElsewhere(db, 'request', row.assignedTo);
  const plan = (await ctx.reference.get()).plans.get(row.planId)!;
  const now = ctx.clock.now();
  const updated = await db.transaction(async (tx) => {
    const dueAt =
      row.completedAt && row.status !== 'awaiting-information'
        ? await scheduleReviewClock(tx, {
            paRequestId: row.id,
            startAt: row.completedAt,
            urgency: 'standard',
            policy: plan.policy,
            now,
          })
        : row.dueAt;
    const next = await transitionRequest(tx, row, {
      action: 'urgency-reclassified',
      actor: caller,
      at: now,
      from: ['awaiting-answers', 'submitted', 'in-review', 'awaiting-information'],
      changes: { urgency: 'standard', dueAt },
      reason: input.reason,
      details: { from: 'urgent', to: 'standard' },
    });
    await queueNotices(
      tx,
      {
        kind: 'urgency-reclassified',
        memberId: row.memberId,
        prescriberNpi: row.prescriberNpi,
        paRequestId: row.id,
        recipients: ['prescriber', 'member'],
        letterLanguages: plan.policy.letterLanguages,
        content: {
          paRequestId: row.id,
          drugName: row.drugName,
          planName: plan.name,
          reason: input.reason,
          dueAt: dueAt?.toISOString() ?? null,
        },
      },
      now,
    );
    return next;
  });
  return buildRequestView(ctx, updated);
}
