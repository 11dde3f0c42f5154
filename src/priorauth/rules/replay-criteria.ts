import type { CriteriaSet } from './criteria-set.js';
import { evaluateCriteria, type RuleResult } from './evaluate-criteria.js';

/**
 * Criteria simulation (docs/design.md#criteria-authoring): a draft replayed on the cases decided
 * with the current version, with the answers and facts those cases were evaluated on, so an
 * author sees what publishing would change before it goes live. Pure: no I/O, no clock.
 */

/** What the criteria alone say: every rule met; a rule not met (a clinician would deny on it); or undecided. */
export type CriteriaOutcome = 'approve' | 'deny' | 'review';

export interface ReplayCase {
  caseId: string;
  decidedAt: string;
  /** The case's actual determination (approved, denied, …). */
  decision: string;
  /** The QuestionnaireResponse the case was evaluated on. */
  answers: unknown;
  /** Facts as of the evaluation date (stored, or recomputed from claim history for changed definitions). */
  facts: Record<string, unknown>;
  /** The plan's date the case was evaluated on (%today). */
  today: string;
  /** The stored rule results under the current version. */
  before: Array<{ id: string; result: RuleResult }>;
}

export interface CaseChange {
  caseId: string;
  decidedAt: string;
  decision: string;
  before: CriteriaOutcome;
  after: CriteriaOutcome;
  /** Rules whose result differs (absent: the rule does not exist on that side). */
  rules: Array<{ id: string; before: RuleResult | 'absent'; after: RuleResult | 'absent' }>;
}

export interface RuleImpact {
  id: string;
  text: string;
  /** met before, not met in the draft: the cases this rule would now deny. */
  metToNotMet: number;
  notMetToMet: number;
  /** any other change (to or from unknown, a rule added or removed). */
  otherChanges: number;
}

export interface ReplayReport {
  replayed: number;
  unchanged: number;
  approvalsToDenials: number;
  denialsToApprovals: number;
  otherChanges: number;
  byRule: RuleImpact[];
  changes: CaseChange[];
}

export function criteriaOutcome(results: Array<{ result: RuleResult }>): CriteriaOutcome {
  if (results.some((r) => r.result === 'not-met')) return 'deny';
  return results.length > 0 && results.every((r) => r.result === 'met') ? 'approve' : 'review';
}

export function replayCriteria(draft: CriteriaSet, cases: ReplayCase[]): ReplayReport {
  const impacts = new Map<string, RuleImpact>();
  const impact = (id: string, text: string) => {
    let i = impacts.get(id);
    if (!i) impacts.set(id, (i = { id, text, metToNotMet: 0, notMetToMet: 0, otherChanges: 0 }));
    return i;
  };
  const texts = new Map(draft.rules.map((r) => [r.id, r.text]));
  const report: ReplayReport = {
    replayed: cases.length,
    unchanged: 0,
    approvalsToDenials: 0,
    denialsToApprovals: 0,
    otherChanges: 0,
    byRule: [],
    changes: [],
  };
  for (const c of cases) {
    const evaluation = evaluateCriteria(draft, c.answers as never, c.facts, c.today);
    const before = new Map(c.before.map((r) => [r.id, r.result]));
    const after = new Map(evaluation.rules.map((r) => [r.id, r.result]));
    const ids = [...new Set([...before.keys(), ...after.keys()])];
    const ruleChanges = ids
      .map((id) => ({ id, before: before.get(id) ?? ('absent' as const), after: after.get(id) ?? ('absent' as const) }))
      .filter((r) => r.before !== r.after);
    const outcomeBefore = criteriaOutcome(c.before);
    const outcomeAfter = criteriaOutcome(evaluation.rules);
    if (outcomeBefore === outcomeAfter && ruleChanges.length === 0) {
      report.unchanged++;
      continue;
    }
    for (const r of ruleChanges) {
      const i = impact(r.id, texts.get(r.id) ?? '');
      if (r.before === 'met' && r.after === 'not-met') i.metToNotMet++;
      else if (r.before === 'not-met' && r.after === 'met') i.notMetToMet++;
      else i.otherChanges++;
    }
    if (outcomeBefore === 'approve' && outcomeAfter === 'deny') report.approvalsToDenials++;
    else if (outcomeBefore === 'deny' && outcomeAfter === 'approve') report.denialsToApprovals++;
    else if (outcomeBefore !== outcomeAfter) report.otherChanges++;
    else report.unchanged++;
    report.changes.push({
      caseId: c.caseId,
      decidedAt: c.decidedAt,
      decision: c.decision,
      before: outcomeBefore,
      after: outcomeAfter,
      rules: ruleChanges,
    });
  }
  report.byRule = [...impacts.values()].sort((a, b) => a.id.localeCompare(b.id));
  return report;
}
