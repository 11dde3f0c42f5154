import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemEnableWhen,
  QuestionnaireResponseItemAnswer,
} from '@medplum/fhirtypes';

/**
 * FHIR R4 `enableWhen`, one implementation for both sides: the server's completeness check and
 * the portal's question-set renderer (which imports this file), so a question the form hides is
 * exactly a question the server does not require. Pure, no I/O.
 */
export type Answer = QuestionnaireResponseItemAnswer;

/** The comparable value of an answer: codes for codings, numbers for quantities. */
export function answerValue(a: Answer): unknown {
  return (
    a.valueBoolean ??
    a.valueDecimal ??
    a.valueInteger ??
    a.valueDate ??
    a.valueDateTime ??
    a.valueTime ??
    a.valueString ??
    a.valueUri ??
    a.valueCoding?.code ??
    a.valueQuantity?.value ??
    a.valueAttachment
  );
}

function expectedValue(ew: QuestionnaireItemEnableWhen): unknown {
  return (
    ew.answerBoolean ??
    ew.answerDecimal ??
    ew.answerInteger ??
    ew.answerDate ??
    ew.answerDateTime ??
    ew.answerTime ??
    ew.answerString ??
    ew.answerCoding?.code ??
    ew.answerQuantity?.value
  );
}

function compare(actual: unknown, op: string, expected: unknown): boolean {
  if (actual === undefined) return false;
  switch (op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '>':
      return (actual as number) > (expected as number);
    case '<':
      return (actual as number) < (expected as number);
    case '>=':
      return (actual as number) >= (expected as number);
    case '<=':
      return (actual as number) <= (expected as number);
    default:
      return false;
  }
}

/**
 * Whether the item's own enableWhen conditions hold for these answers (by linkId). `exists` tests
 * presence (answerBoolean false: enabled while unanswered); other operators hold when any answer
 * to the question compares true, so an unanswered question enables nothing (not even `!=`).
 * enableBehavior `any` needs one condition, otherwise all. Parents are not considered here.
 */
export function isItemEnabled(item: QuestionnaireItem, answers: Map<string, Answer[]>): boolean {
  const conditions = item.enableWhen ?? [];
  if (conditions.length === 0) return true;
  const results = conditions.map((ew) => {
    const given = answers.get(ew.question) ?? [];
    if (ew.operator === 'exists') return given.length > 0 === (ew.answerBoolean ?? true);
    return given.some((a) => compare(answerValue(a), ew.operator ?? '=', expectedValue(ew)));
  });
  return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/** The linkIds enabled given the answers: a disabled group disables everything below it. */
export function enabledItems(q: Questionnaire, answers: Map<string, Answer[]>): Set<string> {
  const enabled = new Set<string>();
  const walk = (items: QuestionnaireItem[] | undefined) => {
    for (const it of items ?? []) {
      if (!isItemEnabled(it, answers)) continue;
      enabled.add(it.linkId);
      walk(it.item);
    }
  };
  walk(q.item);
  return enabled;
}
