import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemEnableWhen,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';
import { isItemEnabled, type Answer } from '../shared/enable-when.js';
import { ScriptSchemaError } from './script-schema.js';

/**
 * The criteria set's FHIR Questionnaire as a SCRIPT ePA question set (docs/epa-script.md#question-sets):
 * question ID (the linkId), text, type (free text, numeric, date, select one / select many with
 * choice IDs), required, and next-question routing derived from enableWhen; attachment items and
 * the criteria's required documents become attachment requests. Pure, no I/O.
 */
export type QuestionType =
  | { kind: 'free-text' }
  | { kind: 'numeric'; integer: boolean }
  | { kind: 'date' }
  | { kind: 'select'; multiple: boolean; choices: Choice[] };

export interface Choice {
  id: string;
  text: string;
  /** Where the form goes after this choice (END closes the question set). */
  nextQuestionId: string;
}

export type Operator = 'EQ' | 'NE' | 'GT' | 'LT' | 'GE' | 'LE' | 'EX';

export interface ScriptQuestion {
  id: string;
  sequence: number;
  text: string;
  required: boolean;
  type: QuestionType;
  /** Non-select questions: the next question when an answer meets the comparison. */
  conditionalNext: Array<{ operator: Operator; value: string; nextQuestionId: string }>;
  /** The next question otherwise (END closes the question set). */
  defaultNextQuestionId: string;
}

export interface AttachmentRequest {
  id: string;
  text: string;
  required: boolean;
}

export interface ScriptQuestionSet {
  id: string;
  title: string;
  questions: ScriptQuestion[];
  attachments: AttachmentRequest[];
}

export const END = 'END';
const YES = 'Y';
const NO = 'N';
const OPERATORS: Record<string, Operator> = {
  '=': 'EQ',
  '!=': 'NE',
  '>': 'GT',
  '<': 'LT',
  '>=': 'GE',
  '<=': 'LE',
  exists: 'EX',
};

function flatQuestions(items: QuestionnaireItem[] | undefined, out: QuestionnaireItem[] = []): QuestionnaireItem[] {
  for (const it of items ?? []) {
    if (it.type !== 'group' && it.type !== 'display') out.push(it);
    flatQuestions(it.item, out);
  }
  return out;
}

function choicesOf(item: QuestionnaireItem): Array<{ id: string; text: string; answer: Answer }> {
  if (item.type === 'boolean')
    return [
      { id: YES, text: 'Yes', answer: { valueBoolean: true } },
      { id: NO, text: 'No', answer: { valueBoolean: false } },
    ];
  return (item.answerOption ?? []).flatMap((o, i): Array<{ id: string; text: string; answer: Answer }> => {
    if (o.valueCoding?.code)
      return [
        {
          id: o.valueCoding.code,
          text: o.valueCoding.display ?? o.valueCoding.code,
          answer: { valueCoding: o.valueCoding },
        },
      ];
    if (o.valueString !== undefined)
      return [{ id: `C${i + 1}`, text: o.valueString, answer: { valueString: o.valueString } }];
    if (o.valueInteger !== undefined)
      return [{ id: String(o.valueInteger), text: String(o.valueInteger), answer: { valueInteger: o.valueInteger } }];
    if (o.valueDate !== undefined) return [{ id: o.valueDate, text: o.valueDate, answer: { valueDate: o.valueDate } }];
    return [];
  });
}

function typeOf(item: QuestionnaireItem): QuestionType | null {
  switch (item.type) {
    case 'boolean':
    case 'choice':
    case 'open-choice':
      return { kind: 'select', multiple: Boolean(item.repeats) && item.type !== 'boolean', choices: [] };
    case 'decimal':
    case 'quantity':
      return { kind: 'numeric', integer: false };
    case 'integer':
      return { kind: 'numeric', integer: true };
    case 'date':
    case 'dateTime':
      return { kind: 'date' };
    case 'attachment':
      return null;
    default:
      return { kind: 'free-text' };
  }
}

const sameConditions = (a: QuestionnaireItem, b: QuestionnaireItem) =>
  JSON.stringify(a.enableWhen ?? []) === JSON.stringify(b.enableWhen ?? []) && a.enableBehavior === b.enableBehavior;

/**
 * Whether the form can go from `from` (answered as `answer`, when known) to `to`. A question with
 * no enableWhen is always reachable. One conditioned on `from` is reachable when that answer
 * enables it. One conditioned on an earlier question is reachable from a sibling with the same
 * conditions, not from a sibling with other conditions on the same question (its alternative
 * branch), and otherwise left to the server: the completeness check applies enableWhen in full.
 */
function reachable(from: QuestionnaireItem, to: QuestionnaireItem, answer: Answer | undefined): boolean {
  const conditions = to.enableWhen ?? [];
  if (!conditions.length) return true;
  if (conditions.every((c) => c.question === from.linkId)) {
    if (!answer) return false;
    return isItemEnabled(to, new Map([[from.linkId, [answer]]]));
  }
  const fromOn = new Set((from.enableWhen ?? []).map((c) => c.question));
  if (conditions.some((c) => fromOn.has(c.question))) return sameConditions(from, to);
  return true;
}

function nextAfter(list: QuestionnaireItem[], i: number, answer: Answer | undefined): string {
  for (let j = i + 1; j < list.length; j++) if (reachable(list[i], list[j], answer)) return list[j].linkId;
  return END;
}

function conditionValue(c: QuestionnaireItemEnableWhen): string {
  const v =
    c.answerDecimal ??
    c.answerInteger ??
    c.answerDate ??
    c.answerDateTime ??
    c.answerString ??
    c.answerCoding?.code ??
    c.answerBoolean;
  return v === undefined ? '' : String(v);
}

type CriteriaHeading = {
  id: string;
  version: number;
  title: string;
  requiredDocuments: Array<{ id: string; text: string }>;
};

/**
 * A published version's question set, converted once: published criteria are deep-frozen and
 * shared (priorauth/published-criteria.ts), so a frozen questionnaire with the same criteria
 * object always converts to the same set (issue #11: not on every PAInitiationRequest). The set is
 * frozen too; a caller that adapts it copies what it changes (informationRequestQuestionSet).
 */
const converted = new WeakMap<Questionnaire, { criteria: CriteriaHeading; set: ScriptQuestionSet }>();

export function toQuestionSet(q: Questionnaire, criteria: CriteriaHeading): ScriptQuestionSet {
  const hit = converted.get(q);
  if (hit?.criteria === criteria) return hit.set;
  if (!Object.isFrozen(q) || !Object.isFrozen(criteria)) return convertQuestionSet(q, criteria);
  const set = deepFreeze(convertQuestionSet(q, criteria));
  converted.set(q, { criteria, set });
  return set;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function convertQuestionSet(q: Questionnaire, criteria: CriteriaHeading): ScriptQuestionSet {
  const all = flatQuestions(q.item);
  const asked = all.filter((it) => it.type !== 'attachment');
  const questions = asked.map((item, i): ScriptQuestion => {
    const type = typeOf(item)!;
    const dependents = asked
      .slice(i + 1)
      .filter((d) => (d.enableWhen ?? []).every((c) => c.question === item.linkId) && d.enableWhen?.length);
    if (type.kind === 'select') {
      type.choices = choicesOf(item).map((c) => ({
        id: c.id,
        text: c.text,
        nextQuestionId: nextAfter(asked, i, c.answer),
      }));
    }
    const conditionalNext =
      type.kind === 'select'
        ? []
        : dependents.flatMap((d) =>
            (d.enableWhen ?? []).map((c) => ({
              operator: OPERATORS[c.operator] ?? 'EQ',
              value: conditionValue(c),
              nextQuestionId: d.linkId,
            })),
          );
    return {
      id: item.linkId,
      sequence: i + 1,
      text: item.text ?? item.linkId,
      required: Boolean(item.required),
      type,
      conditionalNext,
      defaultNextQuestionId: nextAfter(asked, i, undefined),
    };
  });
  const attachments: AttachmentRequest[] = [
    ...all
      .filter((it) => it.type === 'attachment')
      .map((it) => ({ id: it.linkId, text: it.text ?? it.linkId, required: Boolean(it.required) })),
    ...criteria.requiredDocuments.map((d) => ({ id: d.id, text: d.text, required: true })),
  ];
  return { id: `${criteria.id}|${criteria.version}`, title: q.title ?? criteria.title, questions, attachments };
}

/** A reviewer's information request as a question set: each question free text, each document an attachment request. */
export function informationRequestQuestionSet(
  caseId: string,
  sequence: number,
  items: Array<{ id: string; question?: string; document?: string; linkId?: string }>,
  base: ScriptQuestionSet,
): ScriptQuestionSet {
  const questions: ScriptQuestion[] = [];
  const attachments: AttachmentRequest[] = [];
  for (const it of items) {
    if (it.linkId) {
      // A missing answer to the criteria question set: ask that question again, as it was.
      const original = base.questions.find((q) => q.id === it.linkId);
      if (original) questions.push({ ...original });
      continue;
    }
    if (it.question)
      questions.push({
        id: it.id,
        sequence: 0,
        text: it.question,
        required: true,
        type: { kind: 'free-text' },
        conditionalNext: [],
        defaultNextQuestionId: END,
      });
    if (it.document) attachments.push({ id: it.id, text: it.document, required: true });
  }
  questions.forEach((q, i) => {
    q.sequence = i + 1;
    if (q.type.kind === 'select')
      q.type = {
        ...q.type,
        choices: q.type.choices.map((c) => ({ ...c, nextQuestionId: questions[i + 1]?.id ?? END })),
      };
    q.conditionalNext = [];
    q.defaultNextQuestionId = questions[i + 1]?.id ?? END;
  });
  return {
    id: `${caseId}|information-request-${sequence}`,
    title: `Information request ${sequence}`,
    questions,
    attachments,
  };
}

/** One answer as read from a PARequest: which question, and the value by its SCRIPT type. */
export interface ScriptAnswer {
  questionId: string;
  /** Where it sits in the message, to name the element in an Error. */
  path: string;
  freeText?: string;
  numeric?: string;
  date?: string;
  choiceIds?: string[];
}

/**
 * SCRIPT answers → a FHIR QuestionnaireResponse for the case's questionnaire (what the PA use
 * cases judge). An answer that does not fit its question is refused naming its element.
 */
export function answersToResponse(q: Questionnaire, answers: ScriptAnswer[]): QuestionnaireResponse {
  const items = new Map(flatQuestions(q.item).map((it) => [it.linkId, it]));
  const out: QuestionnaireResponseItem[] = [];
  const seen = new Set<string>();
  for (const a of answers) {
    const item = items.get(a.questionId);
    if (!item || item.type === 'attachment')
      throw new ScriptSchemaError(`${a.path}/QuestionID`, `${a.questionId} is not a question of this question set`);
    if (seen.has(a.questionId))
      throw new ScriptSchemaError(`${a.path}/QuestionID`, `${a.questionId} is answered twice`);
    seen.add(a.questionId);
    out.push({ linkId: item.linkId, answer: toFhirAnswers(item, a) });
  }
  return { resourceType: 'QuestionnaireResponse', status: 'completed', item: out };
}

function toFhirAnswers(item: QuestionnaireItem, a: ScriptAnswer): QuestionnaireResponseItemAnswer[] {
  const type = typeOf(item)!;
  const at = `${a.path}/QuestionResponse`;
  const wrong = (expected: string) => new ScriptSchemaError(at, `question ${item.linkId} takes ${expected}`);
  switch (type.kind) {
    case 'free-text':
      if (a.freeText === undefined) throw wrong('FreeTextResponse');
      return [{ valueString: a.freeText }];
    case 'numeric': {
      if (a.numeric === undefined) throw wrong('NumericResponse');
      const n = Number(a.numeric);
      if (type.integer) {
        if (!Number.isInteger(n)) throw new ScriptSchemaError(`${at}/NumericResponse`, 'must be a whole number');
        return [{ valueInteger: n }];
      }
      return item.type === 'quantity' ? [{ valueQuantity: { value: n } }] : [{ valueDecimal: n }];
    }
    case 'date':
      if (a.date === undefined) throw wrong('DateResponse');
      return item.type === 'dateTime' ? [{ valueDateTime: a.date }] : [{ valueDate: a.date }];
    case 'select': {
      if (!a.choiceIds?.length) throw wrong('SelectedChoice');
      if (a.choiceIds.length > 1 && !type.multiple)
        throw new ScriptSchemaError(`${at}/SelectedChoice`, `question ${item.linkId} takes one choice`);
      const options = choicesOf(item);
      return a.choiceIds.map((id, i) => {
        const c = options.find((o) => o.id === id);
        if (!c)
          throw new ScriptSchemaError(
            `${at}/SelectedChoice${a.choiceIds!.length > 1 ? `[${i + 1}]` : ''}/ChoiceID`,
            `${id} is not a choice of question ${item.linkId} (${options.map((o) => o.id).join(', ')})`,
          );
        return c.answer;
      });
    }
  }
}
