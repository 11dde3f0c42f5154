import { findPublishedCriteria } from './published-criteria.js';
import type { Static } from '@sinclair/typebox';
import type { InformationResponseBody } from './priorauth.schemas.js';
import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { cancelDeadlines } from '../deadlines/index.js';
import { DomainError } from '../platform/errors.js';
import { openInformationRequest } from './open-information-request.js';
import { assertCanAct, assertCanSee } from './pa-access.js';
import {
  closeInformationRequest,
  findOpenInformationRequest,
  findPaRequest,
  listInformationRequests,
} from './priorauth.repo.js';
import { criteriaMetApproval, recordDetermination } from './record-determination.js';
import { buildRequestView } from './request-view.js';
import { mergeAnswers } from './merge-answers.js';
import { scheduleReviewClock } from './schedule-review-clock.js';
import { assertAnswersValid, missingItems } from './submit-request.js';
import { transitionRequest } from './transition-request.js';
import { evaluateRequest } from './evaluate-request.js';
import { informationRequestClock } from './rules/information-request-rules.js';
import { withPlanAnswers } from './rules/plan-answers.js';
import { reviewClockStart, supportingStatementReceipt } from './rules/exception-clock.js';

/**
 * The prescriber's answer as POST /pa-requests/{id}/information-response accepts it; fax intake adds
 * `receivedAt`, when the fax carrying the answer arrived (a supporting statement's receipt time).
 */
export type InformationResponseInput = Static<typeof InformationResponseBody> & { receivedAt?: Date };

/**
 * The prescriber answers (API, portal, or fax through intake). The case returns to review;
 * criteria are re-evaluated so the reviewer sees a fresh trace. The clock: a request that was
 * incomplete at submit starts its clock now (it had none); after a reviewer's request it keeps
 * its due time when the plan's information-request clock `continues`, and starts a full span
 * from the answer when it `restarts-on-answer` (docs/clocks.md). A request that was only
 * incomplete is decided automatically when every rule is now met.
 */
export async function respondToInformationRequest(
  ctx: AppContext,
  caller: Principal,
  id: string,
  input: InformationResponseInput,
) {
  const db = ctx.database.db;
  const row = assertCanSee(caller, await findPaRequest(db, id), id);
  assertCanAct(caller, row);
  if (row.status !== 'awaiting-information')
    throw new DomainError('INVALID_STATE', `The request is ${row.status}; there is no open information request`);
  const open = await findOpenInformationRequest(db, id);
  if (!open) throw new DomainError('INVALID_STATE', 'There is no open information request');
  if (input.answers === undefined && !input.note?.trim() && !input.attachmentIds?.length) {
    throw new DomainError('VALIDATION_FAILED', 'Send answers, a note, or attachments', {
      errors: [{ path: 'answers', message: 'answers, note or attachmentIds is required' }],
    });
  }
  const criteria = (await findPublishedCriteria(ctx, row.criteriaId, row.criteriaVersion, db))!.body;
  const merged = input.answers === undefined ? row.answers : mergeAnswers(row.answers, input.answers);
  if (input.answers !== undefined) assertAnswersValid(criteria, merged);
  const plan = (await ctx.reference.get()).plans.get(row.planId)!;
  const answers = withPlanAnswers(criteria, merged, plan.lineOfBusiness);
  const completeness = await missingItems(ctx, row, criteria, answers);
  const systemAsked = open.requestedBy === 'system';
  // The due time a reviewer's request left running (clock `continues`): the answer does not move it.
  const keptDueAt =
    !systemAsked && row.dueAt && informationRequestClock(plan.policy, plan.lineOfBusiness) === 'continues'
      ? row.dueAt
      : null;
  const now = ctx.clock.now();
  // Part D exceptions: the supporting statement may come with this answer; the clock runs from it.
  const supportingStatementReceivedAt = supportingStatementReceipt({
    lineOfBusiness: plan.lineOfBusiness,
    kind: row.kind,
    onFile: row.supportingStatementReceivedAt,
    answers,
    arrivedAt: input.receivedAt ?? now,
  });
  const evaluation =
    completeness.complete || !systemAsked ? await evaluateRequest(ctx, { row, criteria, answers, now }) : null;

  const updated = await db.transaction(async (tx) => {
    if (
      !(await closeInformationRequest(tx, open.id, {
        status: 'answered',
        respondedAt: now,
        response: {
          note: input.note ?? null,
          attachmentIds: input.attachmentIds ?? [],
          answered: input.answers !== undefined,
          by: caller.username,
        },
      }))
    ) {
      throw new DomainError('CONFLICT', 'The information request closed while you were answering');
    }
    await cancelDeadlines(tx, row.id, ['pa-info-request-due'], now);
    if (!completeness.complete && systemAsked) {
      const all = await listInformationRequests(tx, row.id);
      const still = await transitionRequest(tx, row, {
        action: 'information-received',
        actor: caller,
        at: now,
        from: ['awaiting-information'],
        changes: { answers: answers as Record<string, unknown>, supportingStatementReceivedAt },
        details: { stillMissing: completeness.missing },
      });
      if (all.length < plan.policy.informationRequests.max) {
        await openInformationRequest(tx, {
          row: still,
          now,
          policy: plan.policy,
          planName: plan.name,
          actor: 'system',
          reason: 'incomplete',
          note: 'Still missing required information.',
          items: completeness.missing.map((m, i) => ({
            id: `missing-${i + 1}`,
            ...(m.documentId ? { document: m.text, documentId: m.documentId } : { question: m.text, linkId: m.linkId }),
          })),
        });
      }
      return still;
    }
    if (!evaluation) throw new Error('unreachable: evaluation exists when the request is complete or a reviewer asked');
    const received = await transitionRequest(tx, row, {
      to: 'submitted',
      action: 'information-received',
      actor: caller,
      at: now,
      from: ['awaiting-information'],
      changes: {
        answers: answers as Record<string, unknown>,
        completedAt: keptDueAt ? row.completedAt : now,
        criteriaEvaluation: evaluation,
        supportingStatementReceivedAt,
      },
      details: { informationRequest: open.sequence, outcome: evaluation.evaluation.outcome },
    });
    // The answer is evaluated again like a new submission: criteria now met → approved at once
    // (the system never denies on its own), unless the plan wants its reviewers to see answers to
    // their own questions (policy.review.autoApproveOnInformation = false).
    const autoApprove = systemAsked || plan.policy.review.autoApproveOnInformation !== false;
    if (autoApprove && evaluation.evaluation.outcome === 'approve') {
      return recordDetermination(ctx, tx, received, { ...criteriaMetApproval(), now, plan });
    }
    const dueAt =
      keptDueAt ??
      (await scheduleReviewClock(tx, {
        paRequestId: row.id,
        startAt:
          reviewClockStart({
            lineOfBusiness: plan.lineOfBusiness,
            kind: row.kind,
            completeAt: now,
            supportingStatementReceivedAt,
          }) ?? now,
        urgency: row.urgency as 'standard' | 'urgent',
        policy: plan.policy,
        now,
      }));
    return transitionRequest(tx, received, {
      to: 'in-review',
      action: 'returned-to-review',
      actor: 'system',
      at: now,
      from: ['submitted'],
      changes: { dueAt },
      details: { clock: keptDueAt ? 'continues' : 'started' },
    });
  });
  return buildRequestView(ctx, updated);
}
