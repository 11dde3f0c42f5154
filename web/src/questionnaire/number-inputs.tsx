import { useState } from 'react';
import type { Coding } from '@medplum/fhirtypes';
import { Field } from '../ui/components';
import { fill } from '../i18n/i18n';
import {
  entryFormat,
  fixedUnit,
  numericBounds,
  parseNumber,
  unitLabel,
  unitOptions,
  type Parsed,
} from './questionnaire-extensions';
import type { ItemInputProps } from './item-props';
import { useQuestionnaireText, type QuestionnaireText } from './questionnaire-text';

function problemText(p: Parsed, t: QuestionnaireText, bounds: { min?: number; max?: number }): string | undefined {
  if (p.ok) return undefined;
  switch (p.reason) {
    case 'not-number':
      return t.notNumber;
    case 'not-whole':
      return t.notWhole;
    case 'too-small':
      return fill(t.tooSmall, { min: bounds.min ?? '' });
    case 'too-large':
      return fill(t.tooLarge, { max: bounds.max ?? '' });
  }
}

function boundsHint(bounds: { min?: number; max?: number }, t: QuestionnaireText): string | undefined {
  if (bounds.min !== undefined && bounds.max !== undefined) return fill(t.range, { min: bounds.min, max: bounds.max });
  if (bounds.min !== undefined) return fill(t.tooSmall, { min: bounds.min });
  if (bounds.max !== undefined) return fill(t.tooLarge, { max: bounds.max });
  return undefined;
}

const joinHints = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;

/**
 * What the person typed, kept while it is not (yet) a valid number so it can be corrected; the
 * stored answer is cleared meanwhile, so an invalid entry never counts as an answer.
 */
function useNumberDraft(current: number | undefined) {
  const [draft, setDraft] = useState<string | null>(null);
  return { text: draft ?? (current === undefined ? '' : String(current)), setDraft };
}

/** decimal → valueDecimal, integer → valueInteger; a questionnaire-unit extension is shown beside the box. */
export function NumberItemInput({ item, label, answers, setAnswers, error }: ItemInputProps) {
  const t = useQuestionnaireText();
  const kind = item.type === 'integer' ? 'integer' : 'decimal';
  const bounds = numericBounds(item);
  const current =
    kind === 'integer' ? answers[0]?.valueInteger : (answers[0]?.valueDecimal ?? answers[0]?.valueInteger);
  const { text, setDraft } = useNumberDraft(current);
  const parsed = parseNumber(text, kind, bounds);
  const unit = unitLabel(fixedUnit(item));
  const onText = (v: string) => {
    setDraft(v);
    const p = parseNumber(v, kind, bounds);
    setAnswers(
      p.ok && p.value !== null ? [kind === 'integer' ? { valueInteger: p.value } : { valueDecimal: p.value }] : [],
    );
  };
  return (
    <Field
      label={label}
      hint={joinHints(entryFormat(item), boundsHint(bounds, t))}
      error={problemText(parsed, t, bounds) ?? error}
    >
      {(p) => (
        <span className="qr-number">
          <input
            {...p}
            aria-describedby={joinHints(p['aria-describedby'], unit ? `${p.id}-unit` : undefined)}
            type="text"
            inputMode={kind === 'integer' ? 'numeric' : 'decimal'}
            autoComplete="off"
            value={text}
            aria-required={item.required || undefined}
            onChange={(e) => onText(e.target.value)}
            onBlur={() => parsed.ok && setDraft(null)}
          />
          {unit ? <span id={`${p.id}-unit`}>{unit}</span> : null}
        </span>
      )}
    </Field>
  );
}

const quantityFrom = (value: number, unit: Coding | undefined) => ({
  valueQuantity: {
    value,
    ...(unit
      ? {
          unit: unitLabel(unit),
          ...(unit.system ? { system: unit.system } : {}),
          ...(unit.code ? { code: unit.code } : {}),
        }
      : {}),
  },
});

/**
 * quantity → valueQuantity { value, unit, system, code }. The unit comes from questionnaire-unit
 * (fixed) or is chosen from questionnaire-unitOption; an amount without its unit is not stored.
 */
export function QuantityItemInput({ item, label, answers, setAnswers, error }: ItemInputProps) {
  const t = useQuestionnaireText();
  const bounds = numericBounds(item);
  const options = unitOptions(item);
  const fixed = fixedUnit(item) ?? (options.length === 1 ? options[0] : undefined);
  const current = answers[0]?.valueQuantity;
  const { text, setDraft } = useNumberDraft(current?.value);
  const [unitCode, setUnitCode] = useState<string>(
    current?.code ?? options.find((o) => o.display === current?.unit)?.code ?? '',
  );
  const chosen = fixed ?? options.find((o) => o.code === unitCode);
  const parsed = parseNumber(text, 'decimal', bounds);
  const needsUnit = options.length > 1 && !chosen && parsed.ok && parsed.value !== null;

  const store = (v: string, unit: Coding | undefined) => {
    const p = parseNumber(v, 'decimal', bounds);
    const unitOk = unit !== undefined || options.length === 0;
    setAnswers(p.ok && p.value !== null && unitOk ? [quantityFrom(p.value, unit)] : []);
  };
  const fixedText = fixed ? unitLabel(fixed) : '';
  return (
    <Field
      label={label}
      hint={joinHints(entryFormat(item), boundsHint(bounds, t))}
      error={problemText(parsed, t, bounds) ?? (needsUnit ? t.unitMissing : undefined) ?? error}
    >
      {(p) => (
        <span className="qr-number">
          <input
            {...p}
            aria-describedby={joinHints(p['aria-describedby'], fixedText ? `${p.id}-unit` : undefined)}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            aria-required={item.required || undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              store(e.target.value, chosen);
            }}
            onBlur={() => parsed.ok && !needsUnit && setDraft(null)}
          />
          {fixedText ? <span id={`${p.id}-unit`}>{fixedText}</span> : null}
          {!fixed && options.length > 1 ? (
            <select
              aria-label={`${t.unit}: ${label}`}
              value={unitCode}
              onChange={(e) => {
                setUnitCode(e.target.value);
                store(
                  text,
                  options.find((o) => o.code === e.target.value),
                );
              }}
            >
              <option value="">{t.chooseUnit}</option>
              {options.map((o, i) => (
                <option key={`${o.code}-${i}`} value={o.code}>
                  {unitLabel(o)}
                </option>
              ))}
            </select>
          ) : null}
        </span>
      )}
    </Field>
  );
}
