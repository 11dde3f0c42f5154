import type { AppContext } from '../app-context.js';
import type { Principal } from '../identity/roles.js';
import { DomainError, notFound } from '../platform/errors.js';
import { findPaRequest, listHistory } from '../priorauth/priorauth.repo.js';
import { findAppeal } from './appeals.repo.js';
import { assertAppealReviewer, assertNotInvolved } from './appeal-access.js';
import { buildAppealView, type AppealView } from './appeal-view.js';
import { isOpenAppeal, OPEN_APPEAL_STATUSES } from './appeal-status.js';
import { reviewersInvolved } from './rules/independent-reviewer.js';
import { transitionAppeal } from './transition-appeal.js';

/**
 * A clinician takes an appeal for review. The reviewers of the original determination cannot
 * (403, rules/independent-reviewer.ts); an appeal assigned to someone else is a 409.
 */
export async function assignAppeal(ctx: AppContext, caller: Principal, id: string): Promise<AppealView> {
  assertAppealReviewer(caller);
  const db = ctx.database.db;
  const row = await findAppeal(db, id);
  if (!row) throw notFound('Appeal', id);
  const pa = (await findPaRequest(db, row.paRequestId))!;
  assertNotInvolved(caller, reviewersInvolved(pa.decidedBy, await listHistory(db, pa.id)));
  if (!isOpenAppeal(row.status)) throw new DomainError('CONFLICT', `The appeal is already ${row.status}`, { details: { currentStatus: row.status } });
  if (row.assignedTo && row.assignedTo !== caller.username) throw new DomainError('CONFLICT', `The appeal is assigned to ${row.assignedTo}`, { details: { assignedTo: row.assignedTo } });
  if (row.assignedTo === caller.username) return buildAppealView(ctx, row);
  const now = ctx.clock.now();
  const updated = await db.transaction((tx) => transitionAppeal(tx, row, {
    to: 'in-review', action: 'assigned', actor: caller, at: now, from: OPEN_APPEAL_STATUSES, changes: { assignedTo: caller.username, assignedAt: now },
  }));
  return buildAppealView(ctx, updated);
}
