import type { AppContext } from '../app-context.js';
import { findDisplayNames } from '../identity/index.js';
import { isStaff, type Principal } from '../platform/roles.js';
import { DomainError, forbidden } from '../platform/errors.js';
import { PA_STATUSES } from './pa-status.js';
import { assertClinician } from './pa-access.js';
import { computeWarningAt } from './rules/compute-due-at.js';
import { reviewClockPolicy } from './schedule-review-clock.js';
import { listPaRequests, listReviewQueue, listStandingFacts, type NamedPaRequestRow } from './priorauth.repo.js';
import type { StandingFacts } from './rules/case-standing.js';
import { toRequestSummary } from './request-view.js';
import type { ListQuery } from './priorauth.schemas.js';

/** Lists what the caller may see: members their own, prescribers theirs, pharmacies the ones they started. */
export async function listRequestsFor(ctx: AppContext, caller: Principal, q: ListQuery) {
  const statuses = q.status ? q.status.split(',').map((s) => s.trim()) : undefined;
  const bad = statuses?.find((s) => !(PA_STATUSES as readonly string[]).includes(s));
  if (bad)
    throw new DomainError('VALIDATION_FAILED', `Unknown status "${bad}"`, {
      errors: [{ path: 'status', message: `must be one of ${PA_STATUSES.join(', ')}` }],
    });
  const limit = Math.min(q.limit ?? 100, 500);
  const db = ctx.database.db;
  let rows;
  switch (caller.role) {
    case 'member':
      if (q.memberId && q.memberId !== caller.memberId) throw forbidden('Members can only see their own requests');
      rows = await listPaRequests(db, { memberId: caller.memberId!, statuses, limit });
      break;
    case 'prescriber':
      if (q.prescriberNpi && q.prescriberNpi !== caller.npi) throw forbidden('Prescribers see their own requests');
      rows = await listPaRequests(db, { memberId: q.memberId, prescriberNpi: caller.npi!, statuses, limit });
      break;
    case 'pharmacy':
      rows = await listPaRequests(db, { memberId: q.memberId, pharmacyNpi: caller.npi!, statuses, limit });
      break;
    default:
      if (!isStaff(caller)) throw forbidden('Not allowed');
      rows = await listPaRequests(db, { memberId: q.memberId, prescriberNpi: q.prescriberNpi, statuses, limit });
  }
  const now = ctx.clock.now();
  const facts = await listStandingFacts(
    db,
    rows.map((r) => r.id),
  );
  const names = await assigneeNames(ctx, rows);
  return { items: rows.map((r) => namedSummary(r, names, now, facts.get(r.id))) };
}

/** The clinical review queue ordered by due time, with time left (negative: overdue). */
export async function getReviewQueue(ctx: AppContext, caller: Principal, limit = 200) {
  if (caller.role !== 'admin') assertClinician(caller);
  const now = ctx.clock.now();
  const rows = await listReviewQueue(ctx.database.db, limit);
  const names = await assigneeNames(ctx, rows);
  const plans = (await ctx.reference.get()).plans;
  // At risk of missing its clock: past the plan's warning time (warnBefore hours before due, the
  // same instant the pa-warning deadline fires) or overdue (docs/design.md#administration).
  const atRisk = (r: NamedPaRequestRow) => {
    const plan = plans.get(r.planId);
    if (r.dueAt === null || !plan) return false;
    return computeWarningAt(r.dueAt, reviewClockPolicy(plan.policy)).getTime() <= now.getTime();
  };
  // The queue shows who each case is for: the route's declaration audits the read (docs/design.md#records).
  return {
    now: now.toISOString(),
    items: rows.map((r) => ({
      ...namedSummary(r, names, now),
      overdue: r.dueAt !== null && r.dueAt.getTime() < now.getTime(),
      atRisk: atRisk(r),
    })),
  };
}

/** A list row: the summary, and who the case is for and who asked (lists show names, not only ids). */
function namedSummary(r: NamedPaRequestRow, names: ReadonlyMap<string, string>, now: Date, facts?: StandingFacts) {
  return { ...toRequestSummary(r, names, now, facts), memberName: r.memberName, prescriberName: r.prescriberName };
}

/** The assignees' display names for a page of cases, in one query. */
function assigneeNames(ctx: AppContext, rows: NamedPaRequestRow[]) {
  return findDisplayNames(
    ctx.database.db,
    rows.flatMap((r) => (r.assignedTo ? [r.assignedTo] : [])),
  );
}
