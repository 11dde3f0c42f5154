import type { AppContext } from '../app-context.js';
import { cancelDeadlines } from '../deadlines/index.js';
import type { Principal } from '../platform/roles.js';
import { forbidden } from '../platform/errors.js';
import { actorName } from '../priorauth/pa-status.js';
import { insertHistory } from '../priorauth/index.js';
import { assertCanSeeAppeal } from './appeal-access.js';
import { OPEN_APPEAL_STATUSES } from './appeal-status.js';
import { APPEAL_DEADLINE_KINDS } from './file-appeal.js';
import { buildAppealView, type AppealView } from './appeal-view.js';
import { findAppeal } from './appeals.repo.js';
import { transitionAppeal } from './transition-appeal.js';

/** Who may withdraw: the parties who may file (the member, the prescriber on the case) and member services or admin recording a withdrawal made by phone or mail. */
const WITHDRAWERS = ['member', 'prescriber', 'member-services', 'intake', 'admin'];

/**
 * The filer withdraws an open appeal (e.g. the drug was changed, or the matter was resolved):
 * the appeal stops, its clock is cancelled, and both the appeal and the case record who, when
 * and why. Nothing is decided, so nothing is lost: the member may file again while the filing
 * window is open (fileAppeal counts it from the original notice).
 */
export async function withdrawAppeal(
  ctx: AppContext,
  caller: Principal,
  id: string,
  input: { reason: string },
): Promise<AppealView> {
  if (!WITHDRAWERS.includes(caller.role))
    throw forbidden('An appeal is withdrawn by the member, the prescriber on the case, or member services');
  const db = ctx.database.db;
  const row = assertCanSeeAppeal(caller, await findAppeal(db, id), id);
  const now = ctx.clock.now();
  const updated = await db.transaction(async (tx) => {
    const next = await transitionAppeal(tx, row, {
      to: 'withdrawn',
      action: 'withdrawn',
      actor: caller,
      at: now,
      reason: input.reason,
      from: OPEN_APPEAL_STATUSES,
    });
    await cancelDeadlines(tx, row.id, APPEAL_DEADLINE_KINDS, now);
    await insertHistory(tx, {
      paRequestId: row.paRequestId,
      at: now,
      ...actorName(caller),
      action: 'appeal-withdrawn',
      fromStatus: null,
      toStatus: null,
      reason: input.reason,
      details: { appealId: row.id },
    });
    return next;
  });
  return buildAppealView(ctx, updated);
}
