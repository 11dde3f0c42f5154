import { randomInt } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import { addDays } from '../claims/rules/dates.js';
import { cancelDeadlines } from '../deadlines/deadlines.repo.js';
import { scheduleDeadline } from '../deadlines/schedule-deadline.js';
import { queueNotices, type NoticeKind } from '../notices/queue-notices.js';
import type { PlanRow } from '../plans/plans.repo.js';
import { toLocalDate } from '../platform/clock.js';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { FINAL_STATUSES, type Actor, type Decision, type PaStatus } from './pa-status.js';
import {
  findAuthorizationByNumber,
  findCriteriaVersion,
  insertAuthorization,
  type AuthorizationRow,
  type CriteriaSetRow,
  type PaRequestRow,
} from './priorauth.repo.js';
import { transitionRequest } from './transition-request.js';

export const CASE_DEADLINE_KINDS = ['pa-warning', 'pa-due', 'pa-info-request-due'];

export interface DeterminationInput {
  decision: Decision;
  reasons: string[];
  /** Rule ids the reviewer found not met (denials). */
  criteriaNotMet?: string[];
  approvedQuantity?: number;
  effectiveTo?: string;
  actor: Actor;
  now: Date;
  from: PaStatus[];
  note?: string;
  /** Fetched before the transaction: on PGlite a query outside the open transaction would wait for it. */
  plan: PlanRow;
}

const NOTICE_FOR: Record<Decision, NoticeKind> = {
  approved: 'approval',
  'partially-approved': 'partial-approval',
  denied: 'denial',
  'closed-no-response': 'closure-no-response',
  'deemed-approved': 'deemed-approval',
};

function authorizationNumber(now: Date): string {
  return `PA${String(now.getUTCFullYear()).slice(2)}${String(randomInt(0, 1e8)).padStart(8, '0')}`;
}

export interface AuthorizationGrant {
  /** The case being approved: its member, drug-form group (or brand), days' supply and renewal link. */
  request: PaRequestRow;
  plan: PlanRow;
  now: Date;
  /** A reviewer's lower quantity (partial approval), per the case's days' supply. */
  approvedQuantity?: number;
  /** A reviewer's shorter period. */
  effectiveTo?: string;
  /** The case's criteria version (approval duration and quantity); looked up when not given. */
  criteria?: CriteriaSetRow | null;
}

/**
 * What an approval creates (docs/design.md#authorizations), in the caller's transaction: the authorization (scope: the
 * case's drug-form group, so every strength is covered, or the brand when the criteria say so),
 * effective from today in the plan's zone (a renewal from the day after the one it renews) for
 * the criteria's approval.durationDays, with the approved or criteria quantity, and its renewal
 * reminder deadline. Used by every approval: automatic, clinician, deemed, and an appeal overturn.
 */
export async function createAuthorization(tx: Db, g: AuthorizationGrant): Promise<AuthorizationRow> {
  const row = g.request;
  const criteria =
    g.criteria !== undefined ? g.criteria : await findCriteriaVersion(tx, row.criteriaId, row.criteriaVersion);
  const today = toLocalDate(g.now, g.plan.policy.review.timeZone);
  // A renewal starts the day after the authorization it renews ends, so coverage is continuous.
  const prior = row.renewalOf ? await findAuthorizationByNumber(tx, row.renewalOf) : undefined;
  const effectiveFrom = prior && prior.effectiveTo >= today ? addDays(prior.effectiveTo, 1) : today;
  const durationDays = criteria?.body.approval.durationDays ?? 365;
  const effectiveTo = g.effectiveTo ?? addDays(effectiveFrom, durationDays - 1);
  const limit = criteria?.body.approval.maxQuantityPerDays;
  const maxUnits = g.approvedQuantity ?? limit?.units ?? null;
  const perDays = g.approvedQuantity !== undefined ? row.daysSupply : (limit?.days ?? null);
  const authorization = await insertAuthorization(tx, {
    id: newId('aut', g.now),
    number: authorizationNumber(g.now),
    memberId: row.memberId,
    groupId: row.groupId,
    scope: row.brandName ? 'brand-only' : 'drug-form-group',
    brandName: row.brandName,
    effectiveFrom,
    effectiveTo,
    maxUnits: maxUnits === null ? null : String(maxUnits),
    perDays,
    paRequestId: row.id,
    createdAt: g.now,
  });
  const remindOn = addDays(effectiveTo, -g.plan.policy.renewalWindowDays);
  await scheduleDeadline(
    tx,
    {
      kind: 'pa-renewal-reminder',
      entityId: authorization.number,
      dueAt: new Date(`${remindOn}T16:00:00Z`),
      payload: { paRequestId: row.id },
    },
    g.now,
  );
  return authorization;
}

/**
 * Records a determination (automatic, clinician, or deemed) in the caller's transaction: the
 * case's final status and determination, the authorization an approval creates (scope: the
 * drug-form group, so every strength is covered), the notices, a renewal reminder, and the end of
 * the case's clocks.
 */
export async function recordDetermination(
  _ctx: AppContext,
  tx: Db,
  row: PaRequestRow,
  d: DeterminationInput,
): Promise<PaRequestRow> {
  const criteria = await findCriteriaVersion(tx, row.criteriaId, row.criteriaVersion);
  const plan = d.plan;
  let authorization: AuthorizationRow | null = null;

  if (d.decision === 'approved' || d.decision === 'partially-approved' || d.decision === 'deemed-approved') {
    authorization = await createAuthorization(tx, {
      request: row,
      plan,
      now: d.now,
      approvedQuantity: d.approvedQuantity,
      effectiveTo: d.effectiveTo,
      criteria: criteria ?? null,
    });
  }

  const decidedBy =
    d.actor === 'system'
      ? { name: 'OpenPBM automated criteria review', role: 'system', credential: null }
      : {
          name: d.actor.displayName ?? d.actor.username,
          username: d.actor.username,
          role: d.actor.role,
          credential: d.actor.credential ?? null,
        };
  const determination = {
    decision: d.decision,
    reasons: d.reasons,
    criteriaNotMet: d.criteriaNotMet ?? [],
    decidedAt: d.now.toISOString(),
    decidedBy,
    ...(authorization
      ? {
          authorizationNumber: authorization.number,
          effectiveFrom: authorization.effectiveFrom,
          effectiveTo: authorization.effectiveTo,
          approvedQuantity: authorization.maxUnits === null ? null : Number(authorization.maxUnits),
          perDays: authorization.perDays,
        }
      : {}),
    ...(d.note ? { note: d.note } : {}),
  };
  const updated = await transitionRequest(tx, row, {
    to: d.decision,
    action: `determination:${d.decision}`,
    actor: d.actor,
    at: d.now,
    reason: d.reasons.join('; ') || null,
    from: d.from,
    changes: {
      determination,
      decidedAt: d.now,
      decidedBy: d.actor === 'system' ? 'system' : d.actor.username,
      completedAt: row.completedAt ?? d.now,
    },
    details: authorization ? { authorizationNumber: authorization.number } : undefined,
  });
  await cancelDeadlines(tx, row.id, CASE_DEADLINE_KINDS, d.now);
  await queueNotices(
    tx,
    {
      kind: NOTICE_FOR[d.decision],
      memberId: row.memberId,
      prescriberNpi: row.prescriberNpi,
      pharmacyNpi: row.pharmacyNpi,
      paRequestId: row.id,
      recipients: row.pharmacyNpi ? ['prescriber', 'member', 'pharmacy'] : ['prescriber', 'member'],
      letterLanguages: plan.policy.letterLanguages,
      content: {
        paRequestId: row.id,
        drugName: row.drugName,
        scope: row.groupName,
        planName: plan.name,
        determination,
        criteriaTitle: criteria?.title ?? row.criteriaId,
        denialLanguage:
          d.decision === 'denied' && criteria
            ? Object.fromEntries((d.criteriaNotMet ?? []).map((id) => [id, criteria.body.denialLanguage?.[id] ?? null]))
            : undefined,
        appealFilingDays: plan.policy.appeals.filingWindowDays,
        nextLevel: plan.policy.appeals.nextLevel,
      },
    },
    d.now,
  );
  return updated;
}

export const isFinal = (status: string) => FINAL_STATUSES.includes(status as PaStatus);
