import type { QuestionnaireItem, QuestionnaireItemEnableWhen } from '@medplum/fhirtypes';
import type { ValidationError } from '../../../../src/shared/criteria-set';

/**
 * Editing helpers for the criteria editor: the form's text fields ↔ the FHIR Questionnaire's
 * shapes. The draft itself is validated by src/shared/criteria-set.ts, the server's own function.
 */

/** The messages for one field (`rules[1].expression`) or everything under it (`questionnaire.item.dx`). */
export function errorsAt(errors: ValidationError[], path: string, exact = true): string | undefined {
  const hits = errors.filter((e) => (exact ? e.path === path : e.path === path || e.path.startsWith(`${path}.`)));
  return hits.length ? hits.map((e) => e.message).join('; ') : undefined;
}

/** Choices as lines "code | display" (a coding) or plain text (a string choice). */
export function choicesToText(item: QuestionnaireItem): string {
  return (item.answerOption ?? [])
    .map((o) =>
      o.valueCoding
        ? [o.valueCoding.code, o.valueCoding.display].filter(Boolean).join(' | ')
        : String(o.valueString ?? o.valueInteger ?? o.valueDate ?? ''),
    )
    .join('\n');
}

export function textToChoices(
  text: string,
  previous: QuestionnaireItem['answerOption'],
): QuestionnaireItem['answerOption'] {
  const systems = new Map((previous ?? []).map((o) => [o.valueCoding?.code, o.valueCoding?.system]));
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      if (!line.includes('|')) return { valueString: line };
      const [code, ...rest] = line.split('|').map((x) => x.trim());
      const system = systems.get(code);
      return { valueCoding: { ...(system ? { system } : {}), code, display: rest.join(' | ') || undefined } };
    });
}

/** The answer an enableWhen compares with, as text. */
export function enableWhenAnswerText(ew: QuestionnaireItemEnableWhen): string {
  if (ew.operator === 'exists') return String(ew.answerBoolean ?? true);
  const v =
    ew.answerBoolean ??
    ew.answerCoding?.code ??
    ew.answerDecimal ??
    ew.answerInteger ??
    ew.answerDate ??
    ew.answerString;
  return v === undefined ? '' : String(v);
}

/** Builds the enableWhen answer of the type the target question has. */
export function enableWhenAnswer(
  targetType: string | undefined,
  operator: QuestionnaireItemEnableWhen['operator'],
  text: string,
): Partial<QuestionnaireItemEnableWhen> {
  const t = text.trim();
  if (operator === 'exists' || targetType === 'boolean') return { answerBoolean: t !== 'false' };
  if (targetType === 'choice' || targetType === 'open-choice') return { answerCoding: { code: t } };
  if ((targetType === 'decimal' || targetType === 'integer') && t !== '' && Number.isFinite(Number(t)))
    return targetType === 'integer' && Number.isInteger(Number(t))
      ? { answerInteger: Number(t) }
      : { answerDecimal: Number(t) };
  if (targetType === 'date') return { answerDate: t };
  return { answerString: t };
}
