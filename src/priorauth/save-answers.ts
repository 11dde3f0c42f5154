import { findPublishedCriteria } from './published-criteria.js';
import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { DomainError } from '../platform/errors.js';
import { assertCanAct, assertCanSee } from './pa-access.js';
import { findPaRequest } from './priorauth.repo.js';
import { buildRequestView } from './request-view.js';
import { assertAnswersValid } from './submit-request.js';
import { transitionRequest } from './transition-request.js';
import { withPlanAnswers } from './rules/plan-answers.js';

/** Draft save: answers are checked for shape (known items, right types), not completeness. */
export async function saveAnswers(ctx: AppContext, caller: Principal, id: string, answers: unknown) {
  const db = ctx.database.db;
  const row = assertCanSee(caller, await findPaRequest(db, id), id);
  assertCanAct(caller, row);
  if (row.status !== 'awaiting-answers')
    throw new DomainError(
      'INVALID_STATE',
      `The request is ${row.status}; answers can no longer be edited (answer an information request instead)`,
    );
  const criteria = (await findPublishedCriteria(ctx, row.criteriaId, row.criteriaVersion, db))!.body;
  assertAnswersValid(criteria, answers);
  const plan = (await ctx.reference.get()).plans.get(row.planId)!;
  const now = ctx.clock.now();
  const updated = await db.transaction((tx) =>
    transitionRequest(tx, row, {
      action: 'answers-saved',
      actor: caller,
      at: now,
      from: ['awaiting-answers'],
      changes: { answers: withPlanAnswers(criteria, answers, plan.lineOfBusiness) as Record<string, unknown> },
    }),
  );
  return buildRequestView(ctx, updated);
}
