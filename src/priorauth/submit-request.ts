import { findPublishedCriteria } from './published-criteria.js';
import { DRAW_AUTHORIZATION_SERIAL, serialDrawn } from '../authorizations/index.js';
import { queueNotices } from '../notices/queue-notices.js';
import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { retryOnConflict } from '../platform/db-conflicts.js';
import { DomainError } from '../platform/errors.js';
import { storeAttachment, type PreparedAttachment } from './add-attachment.js';
import { openInformationRequest } from './open-information-request.js';
import { assertCanAct, assertCanSee } from './pa-access.js';
import { findPaRequestWithDocuments, listAttachments, type PaRequestRow } from './priorauth.repo.js';

/** The documents on a case (metadata, no bytes). */
import { criteriaMetApproval, recordDetermination } from './record-determination.js';
import { buildRequestView, type RequestView } from './request-view.js';
import { checkCompleteness, validateAnswers } from './rules/check-completeness.js';
import type { CriteriaSet } from './rules/criteria-set.js';
import { scheduleReviewClock } from './schedule-review-clock.js';
import { transitionRequest, transitionRequestSteps, type TransitionOptions } from './transition-request.js';
import { evaluateRequest } from './evaluate-request.js';
import { withPlanAnswers } from './rules/plan-answers.js';
import { reviewClockStart, supportingStatementReceipt } from './rules/exception-clock.js';

export function assertAnswersValid(criteria: CriteriaSet, answers: unknown): void {
  const problems = validateAnswers(criteria.questionnaire, answers as never);
  if (problems.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `The answers do not fit the question set: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      {
        errors: problems.map((p) => ({ path: `answers.${p.path}`, message: p.message })),
      },
    );
  }
}

/** What the request still lacks: its answers, and the documents on file plus `arriving` (stored with the submission). */
export async function missingItems(
  ctx: AppContext,
  row: PaRequestRow,
  criteria: CriteriaSet,
  answers: unknown,
  arriving: Array<{ documentId: string | null }> = [],
  onFile?: Array<{ documentId: string | null }>,
) {
  const attachments = [...(onFile ?? (await listAttachments(ctx.database.db, row.id))), ...arriving];
  return checkCompleteness(criteria.questionnaire, answers as never, {
    attachments: attachments.map((a) => ({ documentId: a.documentId ?? undefined })),
    requiredDocuments: criteria.requiredDocuments,
  });
}

export interface SubmitOptions {
  /**
   * The case as the caller has just read it (an ePA message reads it to route the message): not
   * read again. The transition's version check still refuses it if it changed since.
   */
  row?: PaRequestRow;
  /** Documents that came with the answers (prepareAttachment): they count for completeness and are stored in the submission's transaction. */
  attachments?: PreparedAttachment[];
  /** The documents already on the case, as the caller has just listed them (listAttachments): not listed again. */
  onFile?: Array<{ documentId: string | null }>;
}

/**
 * docs/design.md#prior-authorization. A complete request whose rules are all met is approved in this
 * response; otherwise it goes to clinical review with the trace and its clock running. An
 * incomplete one gets an information request listing what is missing (ePA, being synchronous,
 * gets the list as a 400 and nothing changes).
 */
export async function submitRequest(
  ctx: AppContext,
  caller: Principal,
  id: string,
  input: { answers?: unknown },
  options: SubmitOptions = {},
): Promise<RequestView> {
  return buildRequestView(ctx, await submitCase(ctx, caller, id, input, options));
}

/**
 * submitRequest without the case view: the submitted case's row. For callers that answer from the
 * row (ePA's PAResponse, caseOutcomeView): the view's reads are skipped.
 */
export async function submitCase(
  ctx: AppContext,
  caller: Principal,
  id: string,
  input: { answers?: unknown },
  options: SubmitOptions = {},
): Promise<PaRequestRow> {
  const db = ctx.database.db;
  // The case and its documents in one read, unless the caller has just read them.
  const found = options.row ? undefined : await findPaRequestWithDocuments(db, id);
  const row = assertCanSee(caller, options.row ?? found?.row, id);
  const onFile = options.onFile ?? found?.documents;
  assertCanAct(caller, row);
  if (row.status !== 'awaiting-answers')
    throw new DomainError('INVALID_STATE', `The request is ${row.status}; it was already submitted`);
  const criteriaRow = await findPublishedCriteria(ctx, row.criteriaId, row.criteriaVersion, db);
  const criteria = criteriaRow!.body;
  const plan = (await ctx.reference.get()).plans.get(row.planId)!;
  const given = input.answers ?? row.answers;
  if (!given)
    throw new DomainError('VALIDATION_FAILED', 'Answer the question set before submitting', {
      errors: [{ path: 'answers', message: 'is required' }],
    });
  assertAnswersValid(criteria, given);
  const answers = withPlanAnswers(criteria, given, plan.lineOfBusiness);
  const arriving = options.attachments ?? [];
  const completeness = await missingItems(ctx, row, criteria, answers, arriving, onFile);
  const now = ctx.clock.now();
  // A fax was received when it arrived; anything else now.
  const arrivedAt = row.channel === 'fax' ? row.receivedAt : now;
  const supportingStatementReceivedAt = supportingStatementReceipt({
    lineOfBusiness: plan.lineOfBusiness,
    kind: row.kind,
    onFile: row.supportingStatementReceivedAt,
    answers,
    arrivedAt,
  });

  if (!completeness.complete && row.channel === 'epa') {
    throw new DomainError(
      'VALIDATION_FAILED',
      `The request is incomplete: ${completeness.missing.map((m) => m.text).join('; ')}`,
      {
        errors: completeness.missing.map((m) => ({
          path: m.linkId ? `answers.${m.linkId}` : `attachments.${m.documentId}`,
          message: m.reason,
        })),
      },
    );
  }

  const evaluation = completeness.complete ? await evaluateRequest(ctx, { row, criteria, answers, now }) : null;
  const approving = evaluation?.evaluation.outcome === 'approve';
  // A deadlock or serialization loss rolls the whole transaction back: run it again (docs/design.md#errors).
  return retryOnConflict(() =>
    ctx.database.transaction(
      async ({ db: tx, begun }) => {
        for (const a of arriving) await storeAttachment(tx, a, row.status, now);
        if (!evaluation) {
          const submitted = await transitionRequest(tx, row, {
            to: 'awaiting-information',
            action: 'submitted-incomplete',
            actor: caller,
            at: now,
            from: ['awaiting-answers'],
            changes: { answers: answers as Record<string, unknown>, submittedAt: now, supportingStatementReceivedAt },
            details: { missing: completeness.missing },
          });
          await openInformationRequest(tx, {
            row: submitted,
            now,
            policy: plan.policy,
            planName: plan.name,
            actor: 'system',
            reason: 'incomplete',
            items: completeness.missing.map((m, i) => ({
              id: `missing-${i + 1}`,
              ...(m.documentId
                ? { document: m.text, documentId: m.documentId }
                : { question: m.text, linkId: m.linkId }),
            })),
            note: 'The request is missing required information. The review clock starts when it is complete.',
          });
          return submitted;
        }
        // The clock runs from receipt of the complete request; a fax was received when it arrived.
        const completedAt = arrivedAt;
        const submission: TransitionOptions = {
          to: 'submitted',
          action: 'submitted',
          actor: caller,
          at: now,
          from: ['awaiting-answers'],
          changes: {
            answers: answers as Record<string, unknown>,
            submittedAt: now,
            completedAt,
            criteriaEvaluation: evaluation,
            supportingStatementReceivedAt,
          },
          details: { outcome: evaluation.evaluation.outcome },
        };
        if (evaluation.evaluation.outcome === 'approve') {
          // The submission and the approval are written as one update (issue #11, round trips).
          return recordDetermination(ctx, tx, row, {
            ...criteriaMetApproval(),
            before: submission,
            now,
            plan,
            authorizationSerial: serialDrawn(begun),
          });
        }
        // The clock's deadlines first: the submission and the routing to review are then written as
        // one update with both history rows (issue #11, round trips), as an approval is.
        const dueAt = await scheduleReviewClock(tx, {
          paRequestId: row.id,
          // Part D exceptions: from the supporting statement's receipt (rules/exception-clock.ts).
          startAt:
            reviewClockStart({
              lineOfBusiness: plan.lineOfBusiness,
              kind: row.kind,
              completeAt: completedAt,
              supportingStatementReceivedAt,
            }) ?? completedAt,
          urgency: row.urgency as 'standard' | 'urgent',
          policy: plan.policy,
          now,
        });
        // A faxed request has no portal screen or ePA reply to tell the prescriber it arrived: an
        // acknowledgment goes back by fax with the due time (docs/design.md#notices).
        if (row.channel === 'fax')
          await queueNotices(
            tx,
            {
              kind: 'request-acknowledgment',
              memberId: row.memberId,
              prescriberNpi: row.prescriberNpi,
              paRequestId: row.id,
              recipients: ['prescriber'],
              letterLanguages: plan.policy.letterLanguages,
              content: {
                paRequestId: row.id,
                drugName: row.drugName,
                planName: plan.name,
                receivedAt: row.receivedAt.toISOString(),
                dueAt: dueAt.toISOString(),
              },
            },
            now,
          );
        return transitionRequestSteps(tx, row, [
          submission,
          {
            to: 'in-review',
            action: 'routed-to-review',
            actor: 'system',
            at: now,
            from: ['submitted'],
            changes: { dueAt },
            reason: 'Not every criterion could be confirmed automatically',
            details: { notMet: evaluation.evaluation.rules.filter((r) => r.result !== 'met').map((r) => r.id) },
          },
        ]);
      },
      // An approval's authorization serial is drawn with `begin`, in its round trip (issue #11).
      approving ? { atBegin: DRAW_AUTHORIZATION_SERIAL } : undefined,
    ),
  );
}
