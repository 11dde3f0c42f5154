import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import { allItems } from './criteria-set.js';
import { enabledItems } from '../../shared/enable-when.js';

export interface Problem {
  path: string;
  message: string;
}
export interface Missing {
  linkId?: string;
  documentId?: string;
  text: string;
  reason: string;
}

type Answer = QuestionnaireResponseItemAnswer;

function flatten(
  items: QuestionnaireResponseItem[] | undefined,
  out = new Map<string, QuestionnaireResponseItem>(),
): Map<string, QuestionnaireResponseItem> {
  for (const it of items ?? []) {
    out.set(it.linkId, it);
    flatten(it.item, out);
    for (const a of it.answer ?? []) flatten(a.item, out);
  }
  return out;
}

/** What enableWhen reads: each linkId's answers. */
const answersOf = (flat: Map<string, QuestionnaireResponseItem>): Map<string, Answer[]> =>
  new Map([...flat].map(([linkId, it]) => [linkId, it.answer ?? []]));

/** The set of items enabled given the answers (a disabled group disables its children). */
function enabledLinkIds(q: Questionnaire, flat: Map<string, QuestionnaireResponseItem>): Set<string> {
  return enabledItems(q, answersOf(flat));
}

/** The response without answers to disabled questions (they must not count for or against). */
export function activeResponse(q: Questionnaire, r: QuestionnaireResponse): QuestionnaireResponse {
  const enabled = enabledLinkIds(q, flatten(r.item));
  const keep = (items: QuestionnaireResponseItem[] | undefined): QuestionnaireResponseItem[] =>
    (items ?? [])
      .filter((it) => enabled.has(it.linkId))
      .map((it) => ({ ...it, item: it.item ? keep(it.item) : undefined }));
  return { ...r, item: keep(r.item) };
}

function checkType(item: QuestionnaireItem, a: Answer): string | null {
  const keys = Object.keys(a).filter((k) => k.startsWith('value'));
  if (keys.length !== 1) return 'each answer needs exactly one value[x]';
  const key = keys[0];
  switch (item.type) {
    case 'boolean':
      return key === 'valueBoolean' && typeof a.valueBoolean === 'boolean' ? null : 'must be a boolean (valueBoolean)';
    case 'decimal':
      return (key === 'valueDecimal' || key === 'valueInteger') && Number.isFinite(a[key as 'valueDecimal'])
        ? null
        : 'must be a number (valueDecimal)';
    case 'integer':
      return key === 'valueInteger' && Number.isInteger(a.valueInteger)
        ? null
        : 'must be a whole number (valueInteger)';
    case 'date':
      return key === 'valueDate' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(a.valueDate ?? '')
        ? null
        : 'must be a date YYYY-MM-DD (valueDate)';
    case 'dateTime':
      return key === 'valueDateTime' && !Number.isNaN(Date.parse(a.valueDateTime ?? ''))
        ? null
        : 'must be a dateTime (valueDateTime)';
    case 'string':
    case 'text':
      return key === 'valueString' && typeof a.valueString === 'string' ? null : 'must be text (valueString)';
    case 'choice': {
      if (key !== 'valueCoding' || typeof a.valueCoding?.code !== 'string')
        return 'must be one of the listed options (valueCoding)';
      const codes = (item.answerOption ?? []).map((o) => o.valueCoding?.code).filter(Boolean);
      return codes.length === 0 || codes.includes(a.valueCoding.code) ? null : `must be one of: ${codes.join(', ')}`;
    }
    case 'open-choice':
      return key === 'valueCoding' || key === 'valueString' ? null : 'must be an option or text';
    case 'quantity':
      return key === 'valueQuantity' && Number.isFinite(a.valueQuantity?.value)
        ? null
        : 'must be a quantity (valueQuantity)';
    case 'attachment':
      return key === 'valueAttachment' ? null : 'must be an attachment (valueAttachment)';
    default:
      return null;
  }
}

/** Shape problems: unknown linkIds, wrong answer types, several answers to a non-repeating item. */
export function validateAnswers(q: Questionnaire, r: QuestionnaireResponse): Problem[] {
  const problems: Problem[] = [];
  if (!r || (r as { resourceType?: string }).resourceType !== 'QuestionnaireResponse')
    return [{ path: 'resourceType', message: 'must be QuestionnaireResponse' }];
  const defs = new Map(allItems(q).map((i) => [i.linkId, i]));
  const walk = (items: QuestionnaireResponseItem[] | undefined, path: string) => {
    if (items !== undefined && !Array.isArray(items)) {
      problems.push({ path, message: 'item must be an array' });
      return;
    }
    for (const it of items ?? []) {
      const def = typeof it?.linkId === 'string' ? defs.get(it.linkId) : undefined;
      const here = `${path}${it?.linkId ?? '?'}`;
      if (!def) {
        problems.push({ path: here, message: 'is not a question in this question set' });
        continue;
      }
      const answers = it.answer ?? [];
      if (!Array.isArray(answers)) {
        problems.push({ path: here, message: 'answer must be an array' });
        continue;
      }
      if (answers.length > 1 && !def.repeats) problems.push({ path: here, message: 'takes one answer' });
      for (const a of answers) {
        const p = checkType(def, a);
        if (p) problems.push({ path: here, message: p });
        walk(a.item, `${here}.`);
      }
      walk(it.item, `${here}.`);
    }
  };
  walk(r.item, '');
  return problems;
}

/** Required questions (that are enabled) answered, and required documents attached. */
export function checkCompleteness(
  q: Questionnaire,
  r: QuestionnaireResponse,
  docs: { attachments: Array<{ documentId?: string }>; requiredDocuments: Array<{ id: string; text: string }> },
): { complete: boolean; missing: Missing[] } {
  const answers = flatten(r?.item);
  const enabled = enabledLinkIds(q, answers);
  const missing: Missing[] = [];
  for (const item of allItems(q)) {
    if (!item.required || !enabled.has(item.linkId) || item.type === 'group' || item.type === 'display') continue;
    const given = answers.get(item.linkId)?.answer ?? [];
    if (given.length === 0)
      missing.push({ linkId: item.linkId, text: item.text ?? item.linkId, reason: 'is required' });
  }
  const untagged = docs.attachments.filter((a) => !a.documentId).length;
  for (const d of docs.requiredDocuments) {
    const tagged = docs.attachments.some((a) => a.documentId === d.id);
    // With a single required document, any attached file counts (offices rarely tag uploads).
    const byAny = docs.requiredDocuments.length === 1 && untagged > 0;
    if (!tagged && !byAny) missing.push({ documentId: d.id, text: d.text, reason: 'must be attached' });
  }
  return { complete: missing.length === 0, missing };
}
