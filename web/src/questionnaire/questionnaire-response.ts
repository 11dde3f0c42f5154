import type {
  Attachment,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';

/**
 * Pure helpers over a FHIR R4 QuestionnaireResponse, with the same enableWhen and "required"
 * rules the server applies (src/priorauth/rules/check-completeness.ts), so what the form says is
 * missing is what submit will say is missing.
 *
 * Shape: answers sit on items whose linkId matches the question; groups (and questions with
 * children) nest their children in `item`, in questionnaire order. Items without answers are
 * left out, so a saved response holds only what was answered.
 */

import { answerValue, enabledItems, isItemEnabled } from '../../../src/shared/enable-when';

export type Answer = QuestionnaireResponseItemAnswer;

/** Every item of the questionnaire, depth first, in order. */
export function allItems(q: Questionnaire): QuestionnaireItem[] {
  const out: QuestionnaireItem[] = [];
  const walk = (items: QuestionnaireItem[] | undefined) => {
    for (const it of items ?? []) {
      out.push(it);
      walk(it.item);
    }
  };
  walk(q.item);
  return out;
}

/** A response with no answers yet, pointing at the questionnaire. */
export function emptyResponse(q: Questionnaire): QuestionnaireResponse {
  const canonical = q.url ? (q.version ? `${q.url}|${q.version}` : q.url) : undefined;
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'in-progress',
    ...(canonical ? { questionnaire: canonical } : {}),
    item: [],
  };
}

/** linkId → answers, from anywhere in the response (nested items and answer.item too). */
export function answersByLinkId(resp: QuestionnaireResponse | null | undefined): Map<string, Answer[]> {
  const out = new Map<string, Answer[]>();
  const walk = (items: QuestionnaireResponseItem[] | undefined) => {
    for (const it of items ?? []) {
      if (it.answer?.length) out.set(it.linkId, it.answer);
      walk(it.item);
      for (const a of it.answer ?? []) walk(a.item);
    }
  };
  walk(resp?.item);
  return out;
}

export function getAnswers(resp: QuestionnaireResponse | null | undefined, linkId: string): Answer[] {
  return answersByLinkId(resp).get(linkId) ?? [];
}

/** Answers without nested answer.item (this renderer nests children under item, not answer). */
const plain = (answers: Answer[]): Answer[] => answers.map(({ item: _nested, ...a }) => a);

/** Builds the nested response for `q` from linkId → answers, keeping the response's other fields. */
function rebuild(q: Questionnaire, base: QuestionnaireResponse, answers: Map<string, Answer[]>): QuestionnaireResponse {
  const build = (items: QuestionnaireItem[] | undefined): QuestionnaireResponseItem[] => {
    const out: QuestionnaireResponseItem[] = [];
    for (const it of items ?? []) {
      const own = it.type === 'group' || it.type === 'display' ? [] : (answers.get(it.linkId) ?? []);
      const children = build(it.item);
      if (own.length === 0 && children.length === 0) continue;
      out.push({
        linkId: it.linkId,
        ...(it.text ? { text: it.text } : {}),
        ...(own.length ? { answer: plain(own) } : {}),
        ...(children.length ? { item: children } : {}),
      });
    }
    return out;
  };
  return { ...base, resourceType: 'QuestionnaireResponse', item: build(q.item) };
}

/**
 * Replaces the answers of one question (an empty list removes the item). Pass the questionnaire
 * so a new answer lands in its proper place (inside its group, in order); without it, a question
 * not yet in the response is added at the top level.
 */
export function setAnswer(
  resp: QuestionnaireResponse | null,
  linkId: string,
  answers: Answer[],
  q?: Questionnaire,
): QuestionnaireResponse {
  const base: QuestionnaireResponse =
    resp ?? (q ? emptyResponse(q) : { resourceType: 'QuestionnaireResponse', status: 'in-progress', item: [] });
  if (q) {
    const map = answersByLinkId(base);
    if (answers.length) map.set(linkId, answers);
    else map.delete(linkId);
    return rebuild(q, base, map);
  }
  let found = false;
  const update = (items: QuestionnaireResponseItem[] | undefined): QuestionnaireResponseItem[] =>
    (items ?? []).flatMap((it): QuestionnaireResponseItem[] => {
      if (it.linkId === linkId) {
        found = true;
        if (!answers.length && !it.item?.length) return [];
        const { answer: _old, ...rest } = it;
        return [answers.length ? { ...rest, answer: answers } : rest];
      }
      return [it.item ? { ...it, item: update(it.item) } : it];
    });
  const item = update(base.item);
  if (!found && answers.length) item.push({ linkId, answer: answers });
  return { ...base, item };
}

// ---- enableWhen: the server's own rule (src/shared/enable-when.ts), so the form hides
// exactly what the server's completeness check does not require ----

export { answerValue };

/**
 * Whether the item's own enableWhen conditions hold for these answers; parents are not
 * considered here: use enabledLinkIds for that.
 */
export function isEnabled(
  item: QuestionnaireItem,
  resp: QuestionnaireResponse | Map<string, Answer[]> | null | undefined,
): boolean {
  return isItemEnabled(item, resp instanceof Map ? resp : answersByLinkId(resp));
}

const enabledFor = enabledItems;

/** Answers left once disabled questions are cleared, repeated until nothing more changes. */
function activeAnswers(
  q: Questionnaire,
  resp: QuestionnaireResponse | null | undefined,
): { answers: Map<string, Answer[]>; enabled: Set<string> } {
  const answers = answersByLinkId(resp);
  for (;;) {
    const enabled = enabledFor(q, answers);
    const drop = [...answers.keys()].filter((id) => !enabled.has(id));
    if (drop.length === 0) return { answers, enabled };
    for (const id of drop) answers.delete(id);
  }
}

/**
 * linkIds of the items shown for these answers: an item is enabled when its conditions hold and
 * its parent is enabled; answers to disabled questions never enable anything.
 */
export function enabledLinkIds(q: Questionnaire, resp: QuestionnaireResponse | null | undefined): Set<string> {
  return activeAnswers(q, resp).enabled;
}

/** The response without answers to disabled questions (and without unknown linkIds). */
export function pruneDisabled(q: Questionnaire, resp: QuestionnaireResponse | null): QuestionnaireResponse {
  const base = resp ?? emptyResponse(q);
  return rebuild(q, base, activeAnswers(q, base).answers);
}

/** linkIds of enabled required questions without an answer (groups and display items excluded). */
export function missingRequired(q: Questionnaire, resp: QuestionnaireResponse | null): string[] {
  const { answers, enabled } = activeAnswers(q, resp);
  return allItems(q)
    .filter(
      (it) =>
        it.required &&
        it.type !== 'group' &&
        it.type !== 'display' &&
        enabled.has(it.linkId) &&
        !answers.get(it.linkId)?.length,
    )
    .map((it) => it.linkId);
}

/**
 * The server's id of an uploaded file stored in an attachment answer (`id`, or the last segment
 * of `url` when only a URL such as /pa-requests/{id}/attachments/{attachmentId} was stored).
 */
export function attachmentIdOf(a: Attachment | undefined): string | undefined {
  if (!a) return undefined;
  if (a.id) return a.id;
  return a.url?.split('/').filter(Boolean).pop();
}
