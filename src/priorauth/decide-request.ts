import { findPublishedCriteria } from './published-criteria.js';
import type { Static } from '@sinclair/typebox';
import type { DeterminationBody } from './priorauth.schemas.js';
import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { retryOnConflict } from '../platform/db-conflicts.js';
import { DomainError, notFound } from '../platform/errors.js';
import { assertClinician } from './pa-access.js';
import type { PaStatus } from './pa-status.js';
import { effectiveToProblem, grantPeriod } from '../authorizations/index.js';
import { caseGrant } from './case-grant.js';
import { findPaRequest } from './priorauth.repo.js';
import { recordDetermination } from './record-determination.js';
import { buildRequestView } from './request-view.js';
import { isRealDate } from '../platform/dates.js';
import { adverseDecisionRoles, isAdverse, mayMakeAdverseDecision } from './rules/adverse-decision-authority.js';
import { assignedElsewhere } from './assigned-elsewhere.js';
import { caseTierChoices } from './exception-tiers.js';
import { SYSTEM_REASONS } from './rules/determination-wording.js';

/** POST /pa-requests/{id}/determination as its schema accepts it. */
export type DecisionInput = Static<typeof DeterminationBody>;

/**
 * A clinician's determination (docs/design.md#determinations). The system never denies on its own: a denial
 * needs a clinician and specific reasons. Deciding a case already decided, or assigned to another
 * reviewer, is a 409; a denial or partial approval also needs the case assigned to the decider
 * (409) and a role the plan lets deny (403; Part D: physicians).
 */
export async function decideRequest(ctx: AppContext, caller: Principal, id: string, input: DecisionInput) {
  assertClinician(caller);
  const db = ctx.database.db;
  const row = await findPaRequest(db, id);
  if (!row) throw notFound('PA request', id);
  // While a reviewer's information request is open on a clock that continues through it (dueAt
  // kept, docs/clocks.md), the plan may decide on the record it has.
  const decidableFrom: PaStatus[] = [
    'submitted',
    'in-review',
    ...(row.dueAt ? (['awaiting-information'] as const) : []),
  ];
  if (!decidableFrom.includes(row.status as PaStatus)) {
    throw new DomainError('CONFLICT', `The request is already ${row.status}`, {
      details: { currentStatus: row.status },
    });
  }
  if (row.assignedTo && row.assignedTo !== caller.username)
    throw await assignedElsewhere(db, 'request', row.assignedTo);
  const plan = (await ctx.reference.get()).plans.get(row.planId)!;
  if (isAdverse(input.decision)) {
    // A denial is deliberate (docs/design.md#determinations): the decider has taken the case, so
    // two reviewers never deny the same case at once, and holds a role the plan lets deny.
    if (row.assignedTo !== caller.username)
      throw new DomainError('INVALID_STATE', 'Assign the case to yourself before denying it or approving it in part', {
        details: { reason: 'assignment-required', assignedTo: row.assignedTo },
      });
    if (!mayMakeAdverseDecision(caller.role, plan.lineOfBusiness, plan.policy)) {
      const roles = adverseDecisionRoles(plan.lineOfBusiness, plan.policy);
      throw new DomainError(
        'FORBIDDEN',
        plan.lineOfBusiness === 'medicare-d'
          ? 'A Medicare Part D medical-necessity denial is made by a physician (42 CFR 423.566(d)): ask a physician reviewer to decide'
          : `On this plan only ${roles.join(' or ')} reviewers may deny or approve in part`,
        { details: { reason: 'role-may-not-deny', allowedRoles: roles } },
      );
    }
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== row.version)
    throw new DomainError('CONFLICT', 'The request changed since you opened it; reload it');
  const reasons = input.reasons.map((r) => r.trim()).filter(Boolean);
  if ((input.decision === 'denied' || input.decision === 'partially-approved') && reasons.length === 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'A denial or partial approval needs specific reasons in plain language',
      { errors: [{ path: 'reasons', message: 'at least one reason is required' }] },
    );
  }
  if (
    input.decision === 'partially-approved' &&
    input.approvedQuantity === undefined &&
    input.effectiveTo === undefined
  ) {
    throw new DomainError('VALIDATION_FAILED', 'A partial approval gives a lower quantity or a shorter period', {
      errors: [{ path: 'approvedQuantity', message: 'approvedQuantity or effectiveTo is required' }],
    });
  }
  if (input.approvedQuantity !== undefined && input.approvedQuantity > Number(row.quantity)) {
    throw new DomainError('VALIDATION_FAILED', 'The approved quantity cannot exceed the requested quantity', {
      errors: [{ path: 'approvedQuantity', message: `must be at most ${row.quantity}` }],
    });
  }
  if (input.effectiveTo !== undefined && !isRealDate(input.effectiveTo))
    throw new DomainError('VALIDATION_FAILED', 'effectiveTo is not a date', {
      errors: [{ path: 'effectiveTo', message: 'is not a real date' }],
    });
  const grants = input.decision === 'approved' || input.decision === 'partially-approved';
  if (input.approvedTier !== undefined) {
    const choices = caseTierChoices(await ctx.reference.get(), row);
    if (!grants || !choices.includes(input.approvedTier))
      throw new DomainError(
        'VALIDATION_FAILED',
        choices.length
          ? `approvedTier must be one of: ${choices.join(', ')}`
          : 'Only an approval of a formulary or tiering exception names a tier',
        {
          errors: [
            {
              path: 'approvedTier',
              message: choices.length ? `must be one of: ${choices.join(', ')}` : 'not allowed for this case',
            },
          ],
        },
      );
  }
  if (!grants && (input.effectiveTo !== undefined || input.approvedQuantity !== undefined))
    throw new DomainError('VALIDATION_FAILED', 'Only an approval sets a period or a quantity', {
      errors: [
        ...(input.effectiveTo !== undefined
          ? [{ path: 'effectiveTo', message: 'only an approval sets a period' }]
          : []),
        ...(input.approvedQuantity !== undefined
          ? [{ path: 'approvedQuantity', message: 'only an approval sets a quantity' }]
          : []),
      ],
    });
  const trace =
    (row.criteriaEvaluation as { evaluation?: { rules?: Array<{ id: string; result: string }> } } | null)?.evaluation
      ?.rules ?? [];
  const criteriaNotMet =
    input.criteriaNotMet ??
    (input.decision === 'denied' ? trace.filter((r) => r.result !== 'met').map((r) => r.id) : []);
  if (input.denialLanguage !== undefined) deniedWordingProblems(input, criteriaNotMet);
  const now = ctx.clock.now();
  if (input.effectiveTo !== undefined) {
    // The same range createAuthorization holds every approval to, checked before any write so the
    // reviewer is told the allowed dates: from today (not a period already over) to the end of the
    // criteria set's approval duration.
    const criteria = await findPublishedCriteria(ctx, row.criteriaId, row.criteriaVersion, db);
    const { today, period } = await grantPeriod(db, { ...caseGrant(row, plan, criteria), now });
    const problem = effectiveToProblem(input.effectiveTo, period, today);
    if (problem)
      throw new DomainError('VALIDATION_FAILED', `effectiveTo ${problem}`, {
        errors: [{ path: 'effectiveTo', message: problem }],
        details: { earliestEffectiveTo: period.earliestEffectiveTo, latestEffectiveTo: period.latestEffectiveTo },
      });
  }
  const updated = await retryOnConflict(() =>
    db.transaction((tx) =>
      recordDetermination(ctx, tx, row, {
        decision: input.decision,
        reasons: reasons.length ? reasons : [SYSTEM_REASONS.reviewedAndMet.en],
        reasonWording: reasons.length ? undefined : [SYSTEM_REASONS.reviewedAndMet],
        criteriaNotMet,
        approvedQuantity: input.approvedQuantity,
        effectiveTo: input.effectiveTo,
        approvedTier: input.approvedTier,
        note: input.note,
        denialLanguage: input.denialLanguage,
        actor: caller,
        now,
        from: decidableFrom,
        plan,
      }),
    ),
  );
  return buildRequestView(ctx, updated);
}

/** Edited denial wording is for a denial, names only criteria not met, and says something in each language. */
function deniedWordingProblems(input: DecisionInput, criteriaNotMet: string[]): void {
  const errors: Array<{ path: string; message: string }> = [];
  if (input.decision !== 'denied') errors.push({ path: 'denialLanguage', message: 'only a denial has denial wording' });
  for (const [ruleId, wording] of Object.entries(input.denialLanguage ?? {})) {
    if (!criteriaNotMet.includes(ruleId))
      errors.push({ path: `denialLanguage.${ruleId}`, message: 'is not one of the criteria not met' });
    for (const lang of ['en', 'es'] as const)
      if (!wording[lang]?.trim()) errors.push({ path: `denialLanguage.${ruleId}.${lang}`, message: 'is empty' });
  }
  if (errors.length)
    throw new DomainError(
      'VALIDATION_FAILED',
      `The denial wording is not valid: ${errors[0].path} ${errors[0].message}`,
      {
        errors,
      },
    );
}
