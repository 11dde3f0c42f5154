import type { Coding, QuestionnaireItem, QuestionnaireItemAnswerOption } from '@medplum/fhirtypes';
import type { Answer } from './questionnaire-response';
import { localized } from '../../../src/shared/fhir-translation';

/** Standard SDC / core extensions the renderer understands. */
const EXT = {
  unit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  unitOption: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption',
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  entryFormat: 'http://hl7.org/fhir/StructureDefinition/entryFormat',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
};

const extensions = (item: QuestionnaireItem, url: string) => (item.extension ?? []).filter((e) => e.url === url);

/** The one unit a quantity/decimal/integer is entered in (questionnaire-unit), if any. */
export function fixedUnit(item: QuestionnaireItem): Coding | undefined {
  return extensions(item, EXT.unit)[0]?.valueCoding;
}

/** Units to choose from (questionnaire-unitOption), if any. */
export function unitOptions(item: QuestionnaireItem): Coding[] {
  return extensions(item, EXT.unitOption).flatMap((e) => (e.valueCoding ? [e.valueCoding] : []));
}

export const unitLabel = (c: Coding | undefined): string => c?.display ?? c?.code ?? '';

/** 'drop-down' | 'radio-button' | 'check-box' | … from questionnaire-itemControl. */
export function itemControl(item: QuestionnaireItem): string | undefined {
  return extensions(item, EXT.itemControl)[0]?.valueCodeableConcept?.coding?.[0]?.code;
}

export function entryFormat(item: QuestionnaireItem): string | undefined {
  return extensions(item, EXT.entryFormat)[0]?.valueString;
}

/** Numeric bounds from the minValue / maxValue extensions. */
export function numericBounds(item: QuestionnaireItem): { min?: number; max?: number } {
  const min = extensions(item, EXT.minValue)[0];
  const max = extensions(item, EXT.maxValue)[0];
  return { min: min?.valueDecimal ?? min?.valueInteger, max: max?.valueDecimal ?? max?.valueInteger };
}

/** The words shown for an answer option, in `lang` when the plan translated them (`_display`, `_valueString`). */
export function optionLabel(o: QuestionnaireItemAnswerOption, lang = 'en'): string {
  if (o.valueCoding) {
    const c = o.valueCoding as Coding & { _display?: unknown };
    return c.display ? localized(c.display, c._display, lang) : (c.code ?? '');
  }
  if (o.valueReference) return o.valueReference.display ?? o.valueReference.reference ?? '';
  if (o.valueString !== undefined)
    return localized(o.valueString, (o as { _valueString?: unknown })._valueString, lang);
  return String(o.valueInteger ?? o.valueDate ?? o.valueTime ?? '');
}

/** A question's (or group's, or display item's) words in `lang`: prefix and text, translated where the plan did (`_text`). */
export function itemText(item: QuestionnaireItem, lang = 'en'): string {
  const i = item as QuestionnaireItem & { _text?: unknown; _prefix?: unknown };
  const text = item.text === undefined ? item.linkId : localized(item.text, i._text, lang);
  const prefix = item.prefix === undefined ? undefined : localized(item.prefix, i._prefix, lang);
  return [prefix, text].filter(Boolean).join(' ');
}

/** The answer an option produces (valueCoding for coded options, and so on). */
export function optionAnswer(o: QuestionnaireItemAnswerOption): Answer {
  if (o.valueCoding) {
    // The answer keeps the canonical (English) display; the translation is only for the screen.
    const coding: Coding & { _display?: unknown } = { ...o.valueCoding };
    delete coding._display;
    return { valueCoding: coding };
  }
  if (o.valueString !== undefined) return { valueString: o.valueString };
  if (o.valueInteger !== undefined) return { valueInteger: o.valueInteger };
  if (o.valueDate !== undefined) return { valueDate: o.valueDate };
  if (o.valueTime !== undefined) return { valueTime: o.valueTime };
  return { valueReference: o.valueReference };
}

/** Whether an answer is this option (codings match on system, when both have one, and code). */
export function answerIsOption(a: Answer, o: QuestionnaireItemAnswerOption): boolean {
  if (o.valueCoding) {
    const c = a.valueCoding;
    return (
      !!c && c.code === o.valueCoding.code && (!c.system || !o.valueCoding.system || c.system === o.valueCoding.system)
    );
  }
  if (o.valueString !== undefined) return a.valueString === o.valueString;
  if (o.valueInteger !== undefined) return a.valueInteger === o.valueInteger;
  if (o.valueDate !== undefined) return a.valueDate === o.valueDate;
  if (o.valueTime !== undefined) return a.valueTime === o.valueTime;
  return !!o.valueReference && a.valueReference?.reference === o.valueReference.reference;
}

export type Parsed =
  { ok: true; value: number | null } | { ok: false; reason: 'not-number' | 'not-whole' | 'too-small' | 'too-large' };

/**
 * Reads what was typed in a number box: '' is no answer; anything else must be a plain number
 * (digits, one decimal point, optional sign — no commas or units), whole for integers, in bounds.
 */
export function parseNumber(
  text: string,
  kind: 'decimal' | 'integer',
  bounds: { min?: number; max?: number } = {},
): Parsed {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false, reason: 'not-number' };
  const value = Number(t);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-number' };
  if (kind === 'integer' && !(Number.isSafeInteger(value) && /^[-+]?\d+\.?0*$/.test(t)))
    return { ok: false, reason: 'not-whole' };
  if (bounds.min !== undefined && value < bounds.min) return { ok: false, reason: 'too-small' };
  if (bounds.max !== undefined && value > bounds.max) return { ok: false, reason: 'too-large' };
  return { ok: true, value };
}
