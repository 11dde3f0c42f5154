import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { DomainError, notFound } from '../platform/errors.js';
import { findPaRequest, listHistory } from '../priorauth/index.js';
import { assertAppealReviewer, assertNotInvolved } from './appeal-access.js';
import { isOpenAppeal } from './appeal-status.js';
import { findAppeal, type AppealRow } from './appeals.repo.js';
import { assignedElsewhere } from '../priorauth/assigned-elsewhere.js';
import { physicianRequired, reviewersInvolved } from './rules/independent-reviewer.js';

/**
 * What every reviewer action on an appeal checks first: a clinician who took no part in the
 * original determination (403), a physician where the rules require one (403), an appeal still
 * open, and not assigned to someone else (409).
 */
export async function openAppealForReview(ctx: AppContext, caller: Principal, id: string): Promise<AppealRow> {
  assertAppealReviewer(caller);
  const db = ctx.database.db;
  const row = await findAppeal(db, id);
  if (!row) throw notFound('Appeal', id);
  const pa = (await findPaRequest(db, row.paRequestId))!;
  assertNotInvolved(caller, reviewersInvolved(pa.decidedBy, await listHistory(db, pa.id)));
  const plan = (await ctx.reference.get()).plans.get(row.planId);
  if (plan && physicianRequired(plan.lineOfBusiness, pa.status) && caller.role !== 'reviewer-physician') {
    throw new DomainError(
      'FORBIDDEN',
      'A Medicare Part D redetermination of a medical-necessity denial is made by a physician (42 CFR 423.590(f)(2))',
      { details: { reason: 'physician-required' } },
    );
  }
  if (!isOpenAppeal(row.status))
    throw new DomainError('CONFLICT', `The appeal is already ${row.status}`, {
      details: { currentStatus: row.status, decidedBy: row.decidedBy },
    });
  if (row.assignedTo && row.assignedTo !== caller.username) throw await assignedElsewhere(db, 'appeal', row.assignedTo);
  return row;
}
