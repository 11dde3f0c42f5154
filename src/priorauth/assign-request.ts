import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { notFound } from '../platform/errors.js';
import { assertClinician } from './pa-access.js';
import { findPaRequest } from './priorauth.repo.js';
import { buildRequestView } from './request-view.js';
import { assignedElsewhere } from './assigned-elsewhere.js';
import { transitionRequest } from './transition-request.js';

/** A reviewer takes a case; a case assigned to someone else is a 409 (no silent take-over). */
export async function assignRequest(ctx: AppContext, caller: Principal, id: string) {
  assertClinician(caller);
  const db = ctx.database.db;
  const row = await findPaRequest(db, id);
  if (!row) throw notFound('PA request', id);
  if (row.assignedTo && row.assignedTo !== caller.username)
    throw await assignedElsewhere(db, 'request', row.assignedTo);
  if (row.assignedTo === caller.username) return buildRequestView(ctx, row);
  const now = ctx.clock.now();
  const updated = await db.transaction((tx) =>
    transitionRequest(tx, row, {
      action: 'assigned',
      actor: caller,
      at: now,
      from: ['submitted', 'in-review', 'awaiting-information'],
      changes: { assignedTo: caller.username, assignedAt: now },
    }),
  );
  return buildRequestView(ctx, updated);
}
