import { findPublishedCriteria } from './published-criteria.js';
import type { AppContext } from '../app-context.js';
import { issueAuthorization, type AuthorizationRow } from '../authorizations/index.js';
import { deadlineWrites, type DeadlineSpec } from '../deadlines/index.js';
import { queueNotices, type NoticeKind } from '../notices/queue-notices.js';
import type { PlanRow } from '../plans/index.js';
import type { Db } from '../platform/db.js';
import { caseGrant } from './case-grant.js';
import { FINAL_STATUSES, type Actor, type Decision, type PaStatus } from './pa-status.js';
import { withdrawOpenInformationRequests, type PaRequestRow } from './priorauth.repo.js';
import { projectTransition, transitionRequestSteps, type TransitionOptions } from './transition-request.js';
import { reasonsByLanguage, SYSTEM_REASONS, type Wording } from './rules/determination-wording.js';

export const CASE_DEADLINE_KINDS = ['pa-warning', 'pa-due', 'pa-info-request-due'];

export interface DeterminationInput {
  decision: Decision;
  reasons: string[];
  /** Rule ids the reviewer found not met (denials). */
  criteriaNotMet?: string[];
  approvedQuantity?: number;
  effectiveTo?: string;
  /** Formulary and tiering exceptions: the tier named by the reviewer (else the rule's default). */
  approvedTier?: string;
  actor: Actor;
  now: Date;
  from: PaStatus[];
  note?: string;
  /** Denials: the reviewer's wording per criterion not met, in place of the criteria set's (letters). */
  denialLanguage?: Record<string, { en: string; es: string }>;
  /** A decision the system made: its reasons in both languages (rules/determination-wording.ts). */
  reasonWording?: Wording[];
  /** Fetched before the transaction: on PGlite a query outside the open transaction would wait for it. */
  plan: PlanRow;
  /** An approval's authorization serial, drawn with the transaction's begin (AuthorizationGrant.serial). */
  authorizationSerial?: number;
  /**
   * A transition of the case not yet written that comes right before the determination (a
   * submission the criteria approve): written with it in one update (transitionRequestSteps).
   * `stored` is then the case before it; the determination sees the case as it leaves it.
   */
  before?: TransitionOptions;
}

/**
 * The system's own decision on a submitted case whose criteria are met: approved, in the reasons'
 * words of both languages. The system never denies on its own (docs/design.md#prior-authorization).
 */
export function criteriaMetApproval(): Pick<
  DeterminationInput,
  'decision' | 'reasons' | 'reasonWording' | 'actor' | 'from'
> {
  return {
    decision: 'approved',
    reasons: [SYSTEM_REASONS.criteriaMet.en],
    reasonWording: [SYSTEM_REASONS.criteriaMet],
    actor: 'system',
    from: ['submitted'],
  };
}

const NOTICE_FOR: Record<Decision, NoticeKind> = {
  approved: 'approval',
  'partially-approved': 'partial-approval',
  denied: 'denial',
  'closed-no-response': 'closure-no-response',
  'deemed-approved': 'deemed-approval',
};

/**
 * Records a determination (automatic, clinician, or deemed) in the caller's transaction: the
 * case's final status and determination, the authorization an approval creates (scope: the
 * drug-form group, so every strength is covered), the notices, a renewal reminder, and the end of
 * the case's clocks.
 */
export async function recordDetermination(
  ctx: AppContext,
  tx: Db,
  stored: PaRequestRow,
  d: DeterminationInput,
): Promise<PaRequestRow> {
  const row = d.before ? projectTransition(stored, d.before) : stored;
  const criteria = await findPublishedCriteria(ctx, row.criteriaId, row.criteriaVersion, tx);
  const plan = d.plan;
  let authorization: AuthorizationRow | null = null;
  let reminder: DeadlineSpec | null = null;

  if (d.decision === 'approved' || d.decision === 'partially-approved' || d.decision === 'deemed-approved') {
    ({ authorization, reminder } = await issueAuthorization(tx, {
      ...caseGrant(row, plan, criteria),
      now: d.now,
      approvedQuantity: d.approvedQuantity,
      effectiveTo: d.effectiveTo,
      tier: d.approvedTier ?? null,
      serial: d.authorizationSerial,
    }));
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
  // Each criterion not met in plain words: the reviewer's edit, else the criteria set's (what the letter says).
  const denialWording =
    d.decision === 'denied'
      ? (d.criteriaNotMet ?? []).map((id) => d.denialLanguage?.[id] ?? criteria?.body.denialLanguage?.[id] ?? null)
      : [];
  const determination = {
    decision: d.decision,
    reasons: d.reasons,
    reasonsByLanguage: reasonsByLanguage({ decision: d.decision, wording: d.reasonWording, denialWording }),
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
          ...(authorization.tier ? { approvedTier: authorization.tier } : {}),
        }
      : {}),
    ...(d.note ? { note: d.note } : {}),
  };
  const updated = await transitionRequestSteps(
    tx,
    stored,
    [
      ...(d.before ? [d.before] : []),
      {
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
      },
    ],
    // The authorization's renewal reminder and the end of the case's clocks go in the case's
    // update (issue #11: two round trips fewer); the reminder is not one of the kinds cancelled.
    deadlineWrites({ schedule: reminder, cancel: { entityId: row.id, kinds: CASE_DEADLINE_KINDS, at: d.now } }, d.now),
  );
  // Decided while a reviewer's information request was open (the clock continued through it and
  // ran out, or the reviewer decided on the record): the request is withdrawn, not left open.
  if (row.status === 'awaiting-information') await withdrawOpenInformationRequests(tx, row.id);
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
            ? Object.fromEntries(
                (d.criteriaNotMet ?? []).map((id) => [
                  id,
                  d.denialLanguage?.[id] ?? criteria.body.denialLanguage?.[id] ?? null,
                ]),
              )
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
