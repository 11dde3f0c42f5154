import { isDeepStrictEqual } from 'node:util';
import type { AppContext } from '../app-context.js';
import { writeAudit } from '../audit/write-audit.js';
import { DomainError, notFound } from '../platform/errors.js';
import { planToday } from '../platform/plan-time.js';
import { listCasesDecidedOn, recordDraftSimulation } from './criteria-drafts.repo.js';
import { requireDraft, validDraftBody } from './criteria-drafts.js';
import { factsAsOf } from './evaluate-request.js';
import { findCurrentCriteria } from './priorauth.repo.js';
import type { CriteriaSet } from './rules/criteria-set.js';
import type { RuleResult } from './rules/evaluate-criteria.js';
import { replayCriteria, type ReplayCase } from './rules/replay-criteria.js';
import type { SimulationReport } from './simulation-report.js';

/** Determinations made on the criteria (a closure or a cancellation decided nothing about them). */
const DECISIONS = new Set(['approved', 'partially-approved', 'denied', 'deemed-approved']);

export const SIMULATION_MONTHS = { default: 12, max: 36 };

export type { SimulationReport } from './simulation-report.js';

interface StoredEvaluation {
  facts?: Record<string, unknown>;
  today?: string;
  evaluatedAt?: string;
  evaluation?: { rules?: Array<{ id: string; result: RuleResult }> };
}

/** Facts whose definition the draft shares with the current version can be reused as stored. */
function changedFacts(current: CriteriaSet, draft: CriteriaSet): string[] {
  const before = new Map(current.facts.map((f) => [f.name, f]));
  return draft.facts.filter((f) => !isDeepStrictEqual(before.get(f.name), f)).map((f) => f.name);
}

/**
 * Replays the draft on every case decided with the current version in the last `months` months,
 * on the answers and facts stored with each case's evaluation; stores the report against the
 * draft's revision (publishing needs a simulation of the latest revision) and returns it.
 */
export async function simulateDraft(
  ctx: AppContext,
  id: string,
  input: { months?: number },
  actor: { username: string; role: string },
): Promise<SimulationReport> {
  const draftRow = await requireDraft(ctx, id);
  const draft = validDraftBody(draftRow);
  const current = await findCurrentCriteria(ctx.database.db, id);
  if (!current) throw notFound('Criteria set', id);
  const months = input.months ?? SIMULATION_MONTHS.default;
  const now = ctx.clock.now();
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - months);
  const recompute = changedFacts(current.body, draft);
  const plans = (await ctx.reference.get()).plans;
  const cases: ReplayCase[] = [];
  const notReplayable: SimulationReport['notReplayable'] = [];
  for (const row of await listCasesDecidedOn(ctx.database.db, id, current.version, since)) {
    const decision = String((row.determination as { decision?: string } | null)?.decision ?? '');
    if (!DECISIONS.has(decision)) continue;
    const stored = row.criteriaEvaluation as StoredEvaluation | null;
    if (!stored?.evaluation?.rules || !stored.facts || !stored.evaluatedAt || !row.answers) {
      notReplayable.push({ caseId: row.id, reason: 'no criteria evaluation was stored with the case' });
      continue;
    }
    const evaluatedAt = new Date(stored.evaluatedAt);
    // Cases evaluated before the plan date was stored with the evaluation: the plan's date at evaluatedAt.
    const today = stored.today ?? planToday(plans.get(row.planId), evaluatedAt);
    let facts = stored.facts;
    if (recompute.length) {
      const fresh = await factsAsOf(ctx, row, draft, evaluatedAt);
      facts = { ...stored.facts, ...Object.fromEntries(recompute.map((n) => [n, fresh.facts[n]])) };
    }
    cases.push({
      caseId: row.id,
      decidedAt: row.decidedAt!.toISOString(),
      decision,
      answers: row.answers,
      facts,
      today,
      before: stored.evaluation.rules,
    });
  }
  const report: SimulationReport = {
    criteriaId: id,
    currentVersion: current.version,
    draftRevision: draftRow.revision,
    months,
    since: since.toISOString(),
    simulatedAt: now.toISOString(),
    recomputedFacts: recompute,
    notReplayable,
    ...replayCriteria(draft, cases),
  };
  await ctx.database.db.transaction(async (tx) => {
    if (!(await recordDraftSimulation(tx, id, draftRow.revision, report)))
      throw new DomainError('CONFLICT', 'The draft changed while it was being simulated; simulate it again');
    await writeAudit(tx, {
      at: now,
      actor,
      action: 'criteria.draft-simulated',
      entityType: 'criteria-set',
      entityId: id,
      details: {
        revision: draftRow.revision,
        months,
        replayed: report.replayed,
        approvalsToDenials: report.approvalsToDenials,
        denialsToApprovals: report.denialsToApprovals,
      },
    });
  });
  return report;
}
