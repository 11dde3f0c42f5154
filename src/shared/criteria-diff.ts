import type { QuestionnaireItem } from '@medplum/fhirtypes';
// Types only: the portal's criteria page draws diffs without loading the FHIRPath parser
// that validation (criteria-set.ts) needs.
import type { CriteriaSet } from './criteria-set.js';

/**
 * What changed between two versions of a criteria set (or a version and a draft): questions by
 * linkId, rules by id, facts by name, and the approval terms. Shared by the API
 * (GET /criteria/{id}/diff) and the admin editor, which shows it live. Pure.
 */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface EntryDiff {
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** For changed entries: which fields, before and after. */
  fields: FieldChange[];
}

export interface CriteriaDiff {
  questions: EntryDiff[];
  rules: EntryDiff[];
  facts: EntryDiff[];
  /** Title, scope, approval duration and quantity, required documents. */
  settings: FieldChange[];
}

const QUESTION_FIELDS = [
  'text',
  'type',
  'required',
  'repeats',
  'answerOption',
  'enableWhen',
  'enableBehavior',
] as const;

function allItems(items: unknown, out: QuestionnaireItem[] = []): QuestionnaireItem[] {
  for (const it of Array.isArray(items) ? (items as QuestionnaireItem[]) : []) {
    if (!it || typeof it !== 'object') continue;
    out.push(it);
    allItems(it.item, out);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function fieldsOf(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]) {
  return fields
    .filter((f) => !same(before[f], after[f]))
    .map((f) => ({ field: f, before: before[f], after: after[f] }));
}

function diffEntries<T>(
  before: T[],
  after: T[],
  key: (t: T) => string,
  fields: (b: T, a: T) => FieldChange[],
): EntryDiff[] {
  // A draft may be mid-edit (invalid): entries that are not objects are left out, never thrown on.
  const entries = (xs: T[]) =>
    new Map((Array.isArray(xs) ? xs : []).filter((x) => typeof x === 'object' && x !== null).map((x) => [key(x), x]));
  const b = entries(before);
  const a = entries(after);
  const out: EntryDiff[] = [];
  for (const [id, x] of a) {
    const old = b.get(id);
    if (!old) out.push({ id, change: 'added', fields: [] });
    else {
      const changed = fields(old, x);
      if (changed.length) out.push({ id, change: 'changed', fields: changed });
    }
  }
  for (const id of b.keys()) if (!a.has(id)) out.push({ id, change: 'removed', fields: [] });
  return out;
}

type RuleWithReasons = CriteriaSet['rules'][number] & { reason?: { en: string; es: string } };

export function diffCriteria(before: CriteriaSet, after: CriteriaSet): CriteriaDiff {
  const withReasons = (s: CriteriaSet): RuleWithReasons[] =>
    (Array.isArray(s.rules) ? s.rules : []).map((r) => ({
      ...r,
      reason: r && typeof r === 'object' ? s.denialLanguage?.[r.id] : undefined,
    }));
  const items = (s: CriteriaSet) => allItems(s.questionnaire?.item);
  return {
    questions: diffEntries<QuestionnaireItem>(
      items(before),
      items(after),
      (q) => q.linkId,
      (b, a) =>
        fieldsOf(b as unknown as Record<string, unknown>, a as unknown as Record<string, unknown>, QUESTION_FIELDS),
    ),
    rules: diffEntries(
      withReasons(before),
      withReasons(after),
      (r) => r.id,
      (b, a) =>
        fieldsOf(b as unknown as Record<string, unknown>, a as unknown as Record<string, unknown>, [
          'text',
          'expression',
          'reason',
        ]),
    ),
    facts: diffEntries(
      before.facts ?? [],
      after.facts ?? [],
      (f) => f.name,
      (b, a) => {
        const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'name');
        return fieldsOf(b as Record<string, unknown>, a as Record<string, unknown>, keys);
      },
    ),
    settings: [
      ...fieldsOf(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, [
        'title',
        'scope',
        'requiredDocuments',
      ]),
      ...fieldsOf(
        (before.approval ?? {}) as Record<string, unknown>,
        (after.approval ?? {}) as Record<string, unknown>,
        ['durationDays', 'maxQuantityPerDays'],
      ).map((c) => ({ ...c, field: `approval.${c.field}` })),
      ...(same(before.appliesTo, after.appliesTo)
        ? []
        : [{ field: 'appliesTo', before: before.appliesTo, after: after.appliesTo }]),
    ],
  };
}

export const isEmptyDiff = (d: CriteriaDiff) =>
  d.questions.length + d.rules.length + d.facts.length + d.settings.length === 0;
