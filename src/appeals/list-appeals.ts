import type { Static } from '@sinclair/typebox';
import type { AppContext } from '../app-context.js';
import { isStaff, type Principal } from '../platform/roles.js';
import { DomainError, forbidden } from '../platform/errors.js';
import { listAppeals } from './appeals.repo.js';
import { toAppealSummary } from './appeal-view.js';
import { findDisplayNames } from '../identity/index.js';
import { APPEAL_STATUSES, isAppealStatus } from './appeal-status.js';
import type { AppealListQuery as AppealListQuerySchema } from './appeals.schemas.js';

export type AppealListQuery = Static<typeof AppealListQuerySchema>;

/**
 * Appeals the caller may see (the PA case rule): members their own, prescribers those on their
 * cases, staff all (a staff read is audited by the route's declaration). Open appeals come first, by
 * due time: the reviewers' queue.
 */
export async function listAppealsFor(ctx: AppContext, caller: Principal, q: AppealListQuery) {
  const statuses = q.status ? q.status.split(',').map((s) => s.trim()) : undefined;
  const bad = statuses?.find((s) => !isAppealStatus(s));
  if (bad)
    throw new DomainError('VALIDATION_FAILED', `Unknown status "${bad}"`, {
      errors: [{ path: 'status', message: `must be one of ${APPEAL_STATUSES.join(', ')}` }],
    });
  const limit = Math.min(q.limit ?? 100, 500);
  const db = ctx.database.db;
  const filter = { paRequestId: q.paRequestId, statuses: statuses?.filter(isAppealStatus), limit };
  let rows;
  switch (caller.role) {
    case 'member':
      if (q.memberId && q.memberId !== caller.memberId) throw forbidden('Members can only see their own appeals');
      rows = await listAppeals(db, { ...filter, memberId: caller.memberId! });
      break;
    case 'prescriber':
      rows = await listAppeals(db, { ...filter, memberId: q.memberId, prescriberNpi: caller.npi! });
      break;
    default:
      if (!isStaff(caller))
        throw forbidden('Appeals are seen by the member, the prescriber on the case, and plan staff');
      rows = await listAppeals(db, { ...filter, memberId: q.memberId });
  }
  const now = ctx.clock.now();
  const names = await findDisplayNames(
    db,
    rows.flatMap((r) => (r.assignedTo ? [r.assignedTo] : [])),
  );
  return { items: rows.map((r) => toAppealSummary(r, names, now)) };
}
