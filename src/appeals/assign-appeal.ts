import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { buildAppealView, type AppealView } from './appeal-view.js';
import { OPEN_APPEAL_STATUSES } from './appeal-status.js';
import { openAppealForReview } from './open-appeal-for-review.js';
import { transitionAppeal } from './transition-appeal.js';

/**
 * A clinician takes an appeal for review. The reviewers of the original determination cannot
 * (403, rules/independent-reviewer.ts); an appeal assigned to someone else is a 409.
 */
export async function assignAppeal(ctx: AppContext, caller: Principal, id: string): Promise<AppealView> {
  const row = await openAppealForReview(ctx, caller, id);
  const db = ctx.database.db;
  if (row.assignedTo === caller.username) return buildAppealView(ctx, row);
  const now = ctx.clock.now();
  const updated = await db.transaction((tx) =>
    transitionAppeal(tx, row, {
      to: 'in-review',
      action: 'assigned',
      actor: caller,
      at: now,
      from: OPEN_APPEAL_STATUSES,
      changes: { assignedTo: caller.username, assignedAt: now },
    }),
  );
  return buildAppealView(ctx, updated);
}
