import type { Static } from '@sinclair/typebox';
import type { InformationRequestBody } from './priorauth.schemas.js';
import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { cancelDeadlines } from '../deadlines/index.js';
import { DomainError, notFound } from '../platform/errors.js';
import { openInformationRequest } from './open-information-request.js';
import { assertClinician } from './pa-access.js';
import { findPaRequest, listInformationRequests } from './priorauth.repo.js';
import { canRequestInformation, informationRequestClock } from './rules/information-request-rules.js';
import { buildRequestView } from './request-view.js';
import { assignedElsewhere } from './assigned-elsewhere.js';
import { transitionRequest } from './transition-request.js';

/** POST /pa-requests/{id}/information-requests as its schema accepts it. */
export type InformationRequestInput = Static<typeof InformationRequestBody>;

/**
 * A reviewer asks for specific items; at most `informationRequests.max` per case (plan policy).
 * What it does to the review clock is plan policy (informationRequestClock): `continues` keeps the
 * due time and its deadlines (the plan decides on the record it has by then); `restarts-on-answer`
 * stops the clock until the answer.
 */
export async function requestInformation(
  ctx: AppContext,
  caller: Principal,
  id: string,
  input: InformationRequestInput,
) {
  assertClinician(caller);
  const db = ctx.database.db;
  const row = await findPaRequest(db, id);
  if (!row) throw notFound('PA request', id);
  if (row.assignedTo && row.assignedTo !== caller.username)
    throw await assignedElsewhere(db, 'request', row.assignedTo);
  const items = input.items.map((it, i) => ({
    id: `item-${i + 1}`,
    ...(it.question ? { question: it.question.trim() } : {}),
    ...(it.document ? { document: it.document.trim() } : {}),
  }));
  if (items.some((it) => !it.question && !it.document))
    throw new DomainError('VALIDATION_FAILED', 'Each item needs a question or a document', {
      errors: [{ path: 'items', message: 'each item needs question or document' }],
    });
  const plan = (await ctx.reference.get()).plans.get(row.planId)!;
  const max = plan.policy.informationRequests.max;
  const previous = await listInformationRequests(db, id);
  if (!canRequestInformation({ count: previous.length, maxRequests: max }))
    throw new DomainError(
      'CONFLICT',
      `This plan allows at most ${max} information requests per case; decide the case`,
      { details: { informationRequests: previous.length, max } },
    );
  const now = ctx.clock.now();
  const clock = informationRequestClock(plan.policy, plan.lineOfBusiness);
  const updated = await db.transaction(async (tx) => {
    const next = await transitionRequest(tx, row, {
      to: 'awaiting-information',
      action: 'information-requested',
      actor: caller,
      at: now,
      from: ['submitted', 'in-review'],
      changes: clock === 'continues' ? {} : { dueAt: null },
      details: { items, clock, dueAt: clock === 'continues' ? (row.dueAt?.toISOString() ?? null) : null },
      reason: input.note ?? null,
    });
    if (clock === 'restarts-on-answer') await cancelDeadlines(tx, row.id, ['pa-warning', 'pa-due'], now);
    await openInformationRequest(tx, {
      row: next,
      items,
      note: input.note,
      actor: caller,
      now,
      policy: plan.policy,
      planName: plan.name,
      reason: 'reviewer',
    });
    return next;
  });
  return buildRequestView(ctx, updated);
}
