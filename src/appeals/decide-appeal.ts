import type { Static } from '@sinclair/typebox';
import type { AppealDecisionBody } from './appeals.schemas.js';
import type { AppContext } from '../app-context.js';
import { isRealDate } from '../platform/dates.js';
import { cancelDeadlines } from '../deadlines/index.js';
import type { Principal } from '../platform/roles.js';
import { queueNotices } from '../notices/queue-notices.js';
import { toLocalDate } from '../platform/clock.js';
import { DomainError, type FieldError } from '../platform/errors.js';
import { actorName } from '../priorauth/pa-status.js';
import { createAuthorization, revokeAuthorization, type AuthorizationRow } from '../authorizations/index.js';
import { caseGrant } from '../priorauth/case-grant.js';
import { findPaRequest, insertHistory, findPublishedCriteria } from '../priorauth/index.js';
import { listAppealsForCase } from './appeals.repo.js';
import { openAppealForReview } from './open-appeal-for-review.js';
import { buildAppealView, type AppealView } from './appeal-view.js';
import { OPEN_APPEAL_STATUSES } from './appeal-status.js';
import { APPEAL_DEADLINE_KINDS } from './file-appeal.js';
import { transitionAppeal } from './transition-appeal.js';
import { appealReasonsByLanguage, CRITERIA_MET_ON_APPEAL } from './rules/appeal-decision-wording.js';

/** POST /appeals/{id}/decision as its schema accepts it. */
export type AppealDecisionInput = Static<typeof AppealDecisionBody>;

function validate(input: AppealDecisionInput, reasons: string[], requestedQuantity: number, today: string): void {
  const errors: FieldError[] = [];
  if (input.decision !== 'overturned' && reasons.length === 0)
    errors.push({
      path: 'reasons',
      message: 'an appeal upheld in whole or in part needs specific reasons in plain language',
    });
  if (
    input.decision === 'partially-overturned' &&
    input.approvedQuantity === undefined &&
    input.effectiveTo === undefined
  ) {
    errors.push({
      path: 'approvedQuantity',
      message: 'approvedQuantity or effectiveTo is required: a partial overturn grants less than was asked',
    });
  }
  if (input.decision !== 'partially-overturned') {
    if (input.approvedQuantity !== undefined)
      errors.push({ path: 'approvedQuantity', message: 'only a partial overturn sets a quantity' });
    if (input.effectiveTo !== undefined)
      errors.push({ path: 'effectiveTo', message: 'only a partial overturn sets a shorter period' });
  }
  if (input.approvedQuantity !== undefined && input.approvedQuantity > requestedQuantity)
    errors.push({ path: 'approvedQuantity', message: `must be at most the requested ${requestedQuantity}` });
  if (input.effectiveTo !== undefined && (!isRealDate(input.effectiveTo) || input.effectiveTo < today))
    errors.push({ path: 'effectiveTo', message: `must be a real date from ${today} on` });
  if (errors.length)
    throw new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

/**
 * A clinician's appeal decision (docs/design.md#appeals), by someone who took no part in the original
 * determination (403 otherwise). Overturned, in whole or in part → the authorization an approval
 * creates (createAuthorization: a new number, the same scope, period and renewal reminder), replacing any
 * partial one; the case keeps its own decision and records that an appeal changed it. Upheld →
 * the letter names the next level. Decision notices to member and prescriber; deciding an appeal
 * already decided (or assigned to someone else) is a 409.
 */
export async function decideAppeal(
  ctx: AppContext,
  caller: Principal,
  id: string,
  input: AppealDecisionInput,
): Promise<AppealView> {
  const row = await openAppealForReview(ctx, caller, id);
  const db = ctx.database.db;
  const pa = (await findPaRequest(db, row.paRequestId))!;
  if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
    throw new DomainError('CONFLICT', 'The appeal changed since you opened it; reload it');

  const plan = (await ctx.reference.get()).plans.get(row.planId)!;
  const now = ctx.clock.now();
  const reasons = input.reasons.map((r) => r.trim()).filter(Boolean);
  validate(input, reasons, Number(pa.quantity), toLocalDate(now, plan.policy.review.timeZone));
  const finalReasons = reasons.length ? reasons : [CRITERIA_MET_ON_APPEAL.en];
  // What Spanish screens show in place of the reviewer's English (docs/design.md#portal-language).
  const reasonsByLanguage = appealReasonsByLanguage(input.decision, reasons);
  const decidedBy = {
    name: caller.displayName ?? caller.username,
    credential: caller.credential ?? null,
    role: caller.role,
  };
  // Whatever of the request stays denied can go to the next level (independent review / fair hearing / IRE).
  const nextLevel = input.decision === 'overturned' ? null : plan.policy.appeals.nextLevel;

  const updated = await db.transaction(async (tx) => {
    let authorization: AuthorizationRow | null = null;
    const replaced: string[] = [];
    if (input.decision !== 'upheld') {
      // A partial approval (or an earlier partial overturn) left an authorization for less: the
      // new one replaces it, so a claim never has to choose between two for the same drug.
      const earlier = [
        (pa.determination as { authorizationNumber?: string } | null)?.authorizationNumber,
        ...(await listAppealsForCase(tx, pa.id)).map((a) => a.authorizationNumber),
      ];
      for (const number of earlier) if (number && (await revokeAuthorization(tx, number))) replaced.push(number);
      authorization = await createAuthorization(tx, {
        ...caseGrant(pa, plan, await findPublishedCriteria(ctx, pa.criteriaId, pa.criteriaVersion, tx)),
        now,
        approvedQuantity: input.approvedQuantity,
        effectiveTo: input.effectiveTo,
      });
    }
    const decided = await transitionAppeal(tx, row, {
      to: input.decision,
      action: `decision:${input.decision}`,
      actor: caller,
      at: now,
      from: OPEN_APPEAL_STATUSES,
      reason: finalReasons.join('; '),
      changes: {
        decision: input.decision,
        reasons: finalReasons,
        reasonsByLanguage,
        decidedAt: now,
        decidedBy: caller.username,
        decidedByName: decidedBy.name,
        decidedByCredential: decidedBy.credential,
        authorizationNumber: authorization?.number ?? null,
        approvedQuantity: authorization?.maxUnits ?? null,
        nextLevel,
      },
      details: authorization
        ? {
            authorizationNumber: authorization.number,
            ...(replaced.length ? { replacedAuthorizations: replaced } : {}),
          }
        : { nextLevel },
    });
    // The case's own determination stands as made; its history says the appeal changed the outcome.
    await insertHistory(tx, {
      paRequestId: pa.id,
      at: now,
      ...actorName(caller),
      action: `appeal-${input.decision}`,
      fromStatus: pa.status,
      toStatus: pa.status,
      reason: finalReasons.join('; '),
      details: {
        appealId: row.id,
        // The case's history on a Spanish screen says the reason in Spanish, not the reviewer's English.
        reasonsByLanguage,
        ...(authorization ? { authorizationNumber: authorization.number } : {}),
        ...(replaced.length ? { replacedAuthorizations: replaced } : {}),
      },
    });
    await cancelDeadlines(tx, row.id, APPEAL_DEADLINE_KINDS, now);
    await queueNotices(
      tx,
      {
        kind: 'appeal-decision',
        memberId: pa.memberId,
        prescriberNpi: pa.prescriberNpi,
        paRequestId: pa.id,
        appealId: row.id,
        recipients: ['member', 'prescriber'],
        letterLanguages: plan.policy.letterLanguages,
        content: {
          appealId: row.id,
          paRequestId: pa.id,
          drugName: pa.drugName,
          scope: pa.groupName,
          planName: plan.name,
          urgency: row.urgency,
          receivedAt: row.receivedAt.toISOString(),
          decision: input.decision,
          reasons: finalReasons,
          decidedAt: now.toISOString(),
          decidedBy,
          ...(authorization
            ? {
                authorizationNumber: authorization.number,
                effectiveFrom: authorization.effectiveFrom,
                effectiveTo: authorization.effectiveTo,
                approvedQuantity: authorization.maxUnits === null ? null : Number(authorization.maxUnits),
                perDays: authorization.perDays,
              }
            : {}),
          ...(nextLevel ? { nextLevel } : {}),
        },
      },
      now,
    );
    return decided;
  });
  return buildAppealView(ctx, updated);
}
