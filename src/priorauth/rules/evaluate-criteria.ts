import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';
import { LRUCache } from 'lru-cache';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { activeResponse } from './check-completeness.js';
import type { CriteriaSet } from './criteria-set.js';

export type RuleResult = 'met' | 'not-met' | 'unknown';

export interface RuleTrace {
  id: string;
  text: string;
  result: RuleResult;
  /** The answers and facts the rule refers to, as they were when it ran. */
  values: Record<string, unknown>;
  error?: string;
}

export interface Evaluation {
  /** The system approves or routes to a clinician; it never denies (docs/design.md#prior-authorization). */
  outcome: 'approve' | 'review';
  rules: RuleTrace[];
}

type CompiledRule = ReturnType<typeof fhirpath.compile>;

/**
 * Parsing a FHIRPath expression costs far more than running it, and a criteria set's few rules
 * run for every request: each expression is parsed once per process (a memo of a pure function;
 * bounded, as authors can write new ones). One that does not parse is not kept: it throws each time.
 */
const compiledRules = new LRUCache<string, CompiledRule>({ max: 2_000 });

function compiledRule(expression: string): CompiledRule {
  let fn = compiledRules.get(expression);
  if (!fn) compiledRules.set(expression, (fn = fhirpath.compile(expression, r4)));
  return fn;
}

/** The linkIds and facts an expression names, in order (found once per expression, like its compiled form). */
const namesUsed = new LRUCache<string, { linkIds: string[]; facts: string[] }>({ max: 2_000 });

function valuesUsed(
  expression: string,
  response: QuestionnaireResponse,
  facts: Record<string, unknown>,
): Record<string, unknown> {
  let names = namesUsed.get(expression);
  if (!names) {
    names = {
      linkIds: [...expression.matchAll(/linkId\s*=\s*'([^']+)'/g)].map((m) => m[1]),
      facts: [...expression.matchAll(/%facts\.(\w+)/g)].map((m) => m[1]),
    };
    namesUsed.set(expression, names);
  }
  const values: Record<string, unknown> = {};
  for (const linkId of names.linkIds) {
    const item = findItem(response.item, linkId);
    const answer = item?.answer?.[0];
    values[linkId] = answer ? (Object.entries(answer).find(([k]) => k.startsWith('value'))?.[1] ?? null) : null;
  }
  for (const fact of names.facts) values[`facts.${fact}`] = facts[fact] ?? null;
  return values;
}

function findItem(
  items: QuestionnaireResponse['item'],
  linkId: string,
): NonNullable<QuestionnaireResponse['item']>[number] | undefined {
  for (const it of items ?? []) {
    if (it.linkId === linkId) return it;
    const inner = findItem(it.item, linkId) ?? it.answer?.map((a) => findItem(a.item, linkId)).find(Boolean);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * Each rule is FHIRPath over the QuestionnaireResponse with %facts and %today: [true] → met,
 * [false] → not met, [] (unanswered, or disabled by enableWhen) → unknown; an evaluation error is
 * unknown with its text. Every rule met → approve; anything else → clinical review.
 */
export function evaluateCriteria(
  set: CriteriaSet,
  response: QuestionnaireResponse,
  facts: Record<string, unknown>,
  today: string,
): Evaluation {
  // Answers to questions that enableWhen switched off do not count.
  const active = activeResponse(set.questionnaire, response);
  const rules: RuleTrace[] = set.rules.map((rule) => {
    const values = valuesUsed(rule.expression, active, facts);
    try {
      // Synchronous: no async option, so the result is an array, never a Promise.
      const out = compiledRule(rule.expression)(active as object, { facts, today }) as unknown[];
      const result: RuleResult =
        out.length === 1 && out[0] === true ? 'met' : out.length === 1 && out[0] === false ? 'not-met' : 'unknown';
      return { id: rule.id, text: rule.text, result, values };
    } catch (e) {
      return { id: rule.id, text: rule.text, result: 'unknown', values, error: (e as Error).message.split('\n')[0] };
    }
  });
  return { outcome: rules.every((r) => r.result === 'met') ? 'approve' : 'review', rules };
}
