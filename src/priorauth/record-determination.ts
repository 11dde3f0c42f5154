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
import { findAuthorizationByNumber, findCriteriaVersion, insertAuthorization, type AuthorizationRow, type PaRequestRow } from './priorauth.repo.js';
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

/**
 * Records a determination (automatic, clinician, or deemed) in the caller's transaction: the
 * case's final status and determination, the authorization an approval creates (scope: the
 * drug-form group, so every strength is covered), the notices, a renewal reminder, and the end of
 * the case's clocks.
 */
export async function recordDetermination(_ctx: AppContext, tx: Db, row: PaRequestRow, d: DeterminationInput): Promise<PaRequestRow> {
  const criteria = await findCriteriaVersion(tx, row.criteriaId, row.criteriaVersion);
  const plan = d.plan;
  const tz = plan.policy.review.timeZone;
  const today = toLocalDate(d.now, tz);
  let authorization: AuthorizationRow | null = null;

  if (d.decision === 'approved' || d.decision === 'partially-approved' || d.decision === 'deemed-approved') {
    // A renewal starts the day after the authorization it renews ends, so coverage is continuous.
    const prior = row.renewalOf ? await findAuthorizationByNumber(tx, row.renewalOf) : undefined;
    const effectiveFrom = prior && prior.effectiveTo >= today ? addDays(prior.effectiveTo, 1) : today;
    const durationDays = criteria?.body.approval.durationDays ?? 365;
    const effectiveTo = d.effectiveTo ?? addDays(effectiveFrom, durationDays - 1);
    const limit = criteria?.body.approval.maxQuantityPerDays;
    const maxUnits = d.approvedQuantity ?? limit?.units ?? null;
    const perDays = d.approvedQuantity !== undefined ? row.daysSupply : limit?.days ?? null;
    authorization = await insertAuthorization(tx, {
      id: newId('aut', d.now),
      number: authorizationNumber(d.now),
      memberId: row.memberId,
      groupId: row.groupId,
      scope: row.brandName ? 'brand-only' : 'drug-form-group',
      brandName: row.brandName,
      effectiveFrom,
      effectiveTo,
      maxUnits: maxUnits === null ? null : String(maxUnits),
      perDays,
      paRequestId: row.id,
      createdAt: d.now,
    });
    const remindOn = addDays(effectiveTo, -plan.policy.renewalWindowDays);
    await scheduleDeadline(tx, { kind: 'pa-renewal-reminder', entityId: authorization.number, dueAt: new Date(`${remindOn}T16:00:00Z`), payload: { paRequestId: row.id } }, d.now);
  }

  const decidedBy = d.actor === 'system'
    ? { name: 'OpenPBM automated criteria review', role: 'system', credential: null }
    : { name: d.actor.displayName ?? d.actor.username, username: d.actor.username, role: d.actor.role, credential: d.actor.credential ?? null };
  const determination = {
    decision: d.decision,
    reasons: d.reasons,
    criteriaNotMet: d.criteriaNotMet ?? [],
    decidedAt: d.now.toISOString(),
    decidedBy,
    ...(authorization ? {
      authorizationNumber: authorization.number,
      effectiveFrom: authorization.effectiveFrom,
      effectiveTo: authorization.effectiveTo,
      approvedQuantity: authorization.maxUnits === null ? null : Number(authorization.maxUnits),
      perDays: authorization.perDays,
    } : {}),
    ...(d.note ? { note: d.note } : {}),
  };
  const updated = await transitionRequest(tx, row, {
    to: d.decision,
    action: `determination:${d.decision}`,
    actor: d.actor,
    at: d.now,
    reason: d.reasons.join('; ') || null,
    from: d.from,
    changes: { determination, decidedAt: d.now, decidedBy: d.actor === 'system' ? 'system' : d.actor.username, completedAt: row.completedAt ?? d.now },
    details: authorization ? { authorizationNumber: authorization.number } : undefined,
  });
  await cancelDeadlines(tx, row.id, CASE_DEADLINE_KINDS, d.now);
  await queueNotices(tx, {
    kind: NOTICE_FOR[d.decision],
    memberId: row.memberId,
    prescriberNpi: row.prescriberNpi,
    pharmacyNpi: row.pharmacyNpi,
    paRequestId: row.id,
    recipients: row.pharmacyNpi ? ['prescriber', 'member', 'pharmacy'] : ['prescriber', 'member'],
    letterLanguages: plan.policy.letterLanguages,
    content: {
      paRequestId: row.id, drugName: row.drugName, scope: row.groupName, planName: plan.name, determination,
      criteriaTitle: criteria?.title ?? row.criteriaId,
      denialLanguage: d.decision === 'denied' && criteria ? Object.fromEntries((d.criteriaNotMet ?? []).map((id) => [id, criteria.body.denialLanguage?.[id] ?? null])) : undefined,
      appealFilingDays: plan.policy.appeals.filingWindowDays, nextLevel: plan.policy.appeals.nextLevel,
    },
  }, d.now);
  return updated;
}

export const isFinal = (status: string) => FINAL_STATUSES.includes(status as PaStatus);
