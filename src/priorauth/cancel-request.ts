import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { cancelDeadlines } from '../deadlines/index.js';
import { DomainError } from '../platform/errors.js';
import { assertCanAct, assertCanSee } from './pa-access.js';
import { OPEN_STATUSES } from './pa-status.js';
import { findPaRequest } from './priorauth.repo.js';
import { CASE_DEADLINE_KINDS } from './record-determination.js';
import { buildRequestView } from './request-view.js';
import { transitionRequest } from './transition-request.js';
import { reasonsByLanguage, SYSTEM_REASONS } from './rules/determination-wording.js';

/** The requester withdraws an open request; its clocks stop. */
export async function cancelRequest(ctx: AppContext, caller: Principal, id: string, input: { reason?: string }) {
  const db = ctx.database.db;
  const row = assertCanSee(caller, await findPaRequest(db, id), id);
  assertCanAct(caller, row);
  if (!OPEN_STATUSES.includes(row.status as never))
    throw new DomainError('INVALID_STATE', `The request is ${row.status}; only an open request can be cancelled`);
  const now = ctx.clock.now();
  const updated = await db.transaction(async (tx) => {
    const next = await transitionRequest(tx, row, {
      to: 'cancelled',
      action: 'cancelled',
      actor: caller,
      at: now,
      from: OPEN_STATUSES,
      reason: input.reason?.trim() || SYSTEM_REASONS.withdrawn.en,
      changes: {
        determination: {
          decision: 'cancelled',
          reasons: [input.reason?.trim() || SYSTEM_REASONS.withdrawn.en],
          // A reason the requester typed is their own words; the screens in Spanish say it plainly.
          reasonsByLanguage: reasonsByLanguage({
            decision: 'cancelled',
            wording: input.reason?.trim() ? undefined : [SYSTEM_REASONS.withdrawn],
          }),
          decidedAt: now.toISOString(),
          decidedBy: { name: caller.displayName ?? caller.username, role: caller.role },
        },
        decidedAt: now,
      },
    });
    await cancelDeadlines(tx, row.id, CASE_DEADLINE_KINDS, now);
    return next;
  });
  return buildRequestView(ctx, updated);
}
