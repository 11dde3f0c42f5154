import type { Static } from '@sinclair/typebox';
import type { FileAppealBody } from './appeals.schemas.js';
import type { AppContext } from '../app-context.js';
import { scheduleDeadline } from '../deadlines/schedule-deadline.js';
import type { Principal } from '../platform/roles.js';
import { queueNotices } from '../notices/queue-notices.js';
import { DomainError, forbidden, type FieldError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { assertCanSee } from '../priorauth/pa-access.js';
import { actorName } from '../priorauth/pa-status.js';
import { findPaRequest, insertHistory } from '../priorauth/index.js';
import { insertAppeal, insertAppealHistory, listAppealsForCase } from './appeals.repo.js';
import { buildAppealView, type AppealView } from './appeal-view.js';
import { APPEALABLE_CASE_STATUSES, isOpenAppeal, type FiledBy } from './appeal-status.js';
import { computeAppealDueAt } from './rules/appeal-clock.js';
import { appealFilingWindow } from '../priorauth/rules/appeal-filing-window.js';

export const APPEAL_DEADLINE_KINDS = ['appeal-due'];

/**
 * POST /appeals as its schema accepts it. Staff recording an appeal that arrived by mail or fax add
 * `receivedAt`: timeliness and the clock run from receipt (not from when it was keyed in); it is
 * not on the HTTP API.
 */
export type FileAppealInput = Static<typeof FileAppealBody> & { receivedAt?: Date };

const STAFF_FILERS = ['intake', 'member-services', 'admin'] as const;

/**
 * Who may file (docs/design.md#appeals): the member (their own case), the prescriber on the case, or staff
 * recording an appeal received by phone, mail or fax — from the member, the prescriber, or a
 * representative. A member or prescriber files in their own name only.
 */
function checkFiler(caller: Principal, filedBy: FiledBy): void {
  switch (caller.role) {
    case 'member':
      if (filedBy !== 'member')
        throw forbidden(
          'A member files an appeal in their own name (filedBy "member"); a representative\'s appeal is recorded by member services',
        );
      return;
    case 'prescriber':
      if (filedBy !== 'prescriber')
        throw forbidden('A prescriber files an appeal as the prescriber (filedBy "prescriber")');
      return;
    case 'intake':
    case 'member-services':
    case 'admin':
      return;
    default:
      throw forbidden(
        'Appeals are filed by the member, the prescriber on the case, or member services for a representative',
      );
  }
}

/**
 * Files an appeal against a denial, partial approval or closure (docs/design.md#appeals): within the plan's
 * filing window counted from the notice date, one open appeal per case, on the plan's appeal
 * clock (a durable `appeal-due` deadline), with an acknowledgment to the member and prescriber —
 * all in one transaction with its history (on the appeal and on the case).
 */
export async function fileAppeal(ctx: AppContext, caller: Principal, input: FileAppealInput): Promise<AppealView> {
  const statement = input.statement.trim();
  const representativeName = input.representativeName?.trim() || undefined;
  const errors: FieldError[] = [];
  if (!statement) errors.push({ path: 'statement', message: 'is required: say why the decision should change' });
  if (input.filedBy === 'representative' && !representativeName)
    errors.push({ path: 'representativeName', message: 'is required when a representative files the appeal' });
  if (input.filedBy !== 'representative' && representativeName)
    errors.push({ path: 'representativeName', message: 'is only for appeals filed by a representative' });
  if (errors.length)
    throw new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  checkFiler(caller, input.filedBy);

  const db = ctx.database.db;
  const pa = assertCanSee(caller, await findPaRequest(db, input.paRequestId), input.paRequestId);
  if (!(APPEALABLE_CASE_STATUSES as readonly string[]).includes(pa.status)) {
    throw new DomainError(
      'INVALID_STATE',
      `The request is ${pa.status}; only a denial, a partial approval or a closure can be appealed`,
      { details: { currentStatus: pa.status } },
    );
  }
  // Read before the transaction (PGlite runs one statement stream at a time).
  const plan = (await ctx.reference.get()).plans.get(pa.planId)!;
  const now = ctx.clock.now();
  const receivedAt = input.receivedAt ?? now;
  if (
    input.receivedAt &&
    (!(STAFF_FILERS as readonly string[]).includes(caller.role) || receivedAt.getTime() > now.getTime())
  ) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'receivedAt is set by staff for appeals that arrived earlier, never in the future',
      { errors: [{ path: 'receivedAt', message: 'is not allowed here' }] },
    );
  }
  const tz = plan.policy.review.timeZone;
  const window = appealFilingWindow({
    decidedAt: pa.decidedAt ?? pa.updatedAt,
    receivedAt,
    filingWindowDays: plan.policy.appeals.filingWindowDays,
    timeZone: tz,
  });
  if (!window.open) {
    throw new DomainError(
      'APPEAL_WINDOW_CLOSED',
      `The notice is dated ${window.noticeDate}; ${plan.name} accepts appeals for ${plan.policy.appeals.filingWindowDays} days, through ${window.deadline}`,
      {
        details: {
          deadline: window.deadline,
          noticeDate: window.noticeDate,
          filingWindowDays: plan.policy.appeals.filingWindowDays,
        },
      },
    );
  }
  const earlier = await listAppealsForCase(db, pa.id);
  const open = earlier.find((a) => isOpenAppeal(a.status));
  if (open)
    throw new DomainError('CONFLICT', `Appeal ${open.id} on this request is still open; add documents to it instead`, {
      details: { appealId: open.id },
    });
  const won = earlier.find((a) => a.status === 'overturned');
  if (won)
    throw new DomainError(
      'INVALID_STATE',
      `Appeal ${won.id} already overturned this decision (authorization ${won.authorizationNumber})`,
      { details: { appealId: won.id, authorizationNumber: won.authorizationNumber } },
    );

  const dueAt = computeAppealDueAt({ receivedAt, urgency: input.urgency, appeals: plan.policy.appeals, timeZone: tz });
  const id = newId('apl', now);
  const row = await db.transaction(async (tx) => {
    const created = await insertAppeal(tx, {
      id,
      paRequestId: pa.id,
      memberId: pa.memberId,
      planId: pa.planId,
      prescriberNpi: pa.prescriberNpi,
      status: 'submitted',
      urgency: input.urgency,
      statement,
      filedBy: input.filedBy,
      filedByUser: caller.username,
      filedByRole: caller.role,
      representativeName: representativeName ?? null,
      noticeDate: window.noticeDate,
      filingDeadline: window.deadline,
      receivedAt,
      dueAt,
      createdAt: now,
      updatedAt: now,
    });
    // The partial unique index caught a simultaneous filing for the same case.
    if (!created)
      throw new DomainError(
        'CONFLICT',
        'Another appeal on this request was filed at the same time; add documents to it instead',
      );
    await insertAppealHistory(tx, {
      appealId: id,
      at: now,
      ...actorName(caller),
      action: 'filed',
      fromStatus: null,
      toStatus: 'submitted',
      details: {
        filedBy: input.filedBy,
        ...(representativeName ? { representativeName } : {}),
        urgency: input.urgency,
        receivedAt: receivedAt.toISOString(),
        filingDeadline: window.deadline,
        dueAt: dueAt.toISOString(),
      },
    });
    await insertHistory(tx, {
      paRequestId: pa.id,
      at: now,
      ...actorName(caller),
      action: 'appeal-filed',
      fromStatus: pa.status,
      toStatus: pa.status,
      details: { appealId: id, urgency: input.urgency, filedBy: input.filedBy },
    });
    await scheduleDeadline(tx, { kind: 'appeal-due', entityId: id, dueAt, payload: { paRequestId: pa.id } }, now);
    await queueNotices(
      tx,
      {
        kind: 'appeal-acknowledgment',
        memberId: pa.memberId,
        prescriberNpi: pa.prescriberNpi,
        paRequestId: pa.id,
        appealId: id,
        recipients: ['member', 'prescriber'],
        letterLanguages: plan.policy.letterLanguages,
        content: {
          appealId: id,
          paRequestId: pa.id,
          drugName: pa.drugName,
          scope: pa.groupName,
          planName: plan.name,
          dueAt: dueAt.toISOString(),
          urgency: input.urgency,
          receivedAt: receivedAt.toISOString(),
          filedBy: input.filedBy,
          ...(representativeName ? { representativeName } : {}),
        },
      },
      now,
    );
    return created;
  });
  return buildAppealView(ctx, row);
}
