import { useId, type ReactNode } from 'react';
import { Field } from '../ui/components';
import { useLang } from '../i18n/i18n';
import { answerIsOption, itemControl, optionAnswer, optionLabel } from './questionnaire-extensions';
import { Icd10Search, isIcd10Question } from './icd10-search';
import type { ItemInputProps } from './item-props';
import { useQuestionnaireText } from './questionnaire-text';

/** Radio buttons or check boxes under one legend, with the error under them. */
function ChoiceGroup({
  label,
  error,
  radio,
  required,
  children,
}: {
  label: string;
  error?: string;
  radio: boolean;
  required?: boolean;
  children: ReactNode;
}) {
  const errorId = `${useId()}-error`;
  return (
    <fieldset
      className={`qr-choices${error ? ' field-invalid' : ''}`}
      role={radio ? 'radiogroup' : undefined}
      aria-required={radio && required ? true : undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{label}</legend>
      {children}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function Option({
  type,
  name,
  label,
  checked,
  onChange,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="choice">
      <input id={id} type={type} name={name} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** boolean → valueBoolean, as Yes / No radio buttons (so "not answered" differs from "No"). */
export function BooleanItemInput({ item, label, answers, setAnswers, error }: ItemInputProps) {
  const t = useQuestionnaireText();
  const name = useId();
  const value = answers[0]?.valueBoolean;
  return (
    <ChoiceGroup label={label} error={error} radio required={item.required}>
      <Option
        type="radio"
        name={name}
        label={t.yes}
        checked={value === true}
        onChange={() => setAnswers([{ valueBoolean: true }])}
      />
      <Option
        type="radio"
        name={name}
        label={t.no}
        checked={value === false}
        onChange={() => setAnswers([{ valueBoolean: false }])}
      />
      {!item.required && value !== undefined ? (
        <button type="button" className="link-button" onClick={() => setAnswers([])}>
          {t.clear}
        </button>
      ) : null}
    </ChoiceGroup>
  );
}

/**
 * choice / open-choice with answerOption → valueCoding (or the option's value[x]). Radio buttons
 * for up to 6 options, a drop-down list for more (or when itemControl says drop-down), check
 * boxes when the item repeats. open-choice adds a text box whose words become valueString.
 */
export function ChoiceItemInput({ item, label, answers, setAnswers, error }: ItemInputProps) {
  const t = useQuestionnaireText();
  const { lang } = useLang();
  const name = useId();
  const options = item.answerOption ?? [];
  const open = item.type === 'open-choice';
  const otherText =
    answers.find((a) => a.valueString !== undefined && !options.some((o) => answerIsOption(a, o)))?.valueString ?? '';
  const chosen = options.map((o) => answers.some((a) => answerIsOption(a, o)));
  const control = itemControl(item);
  // A diagnosis question also offers a search of ICD-10-CM codes by code or words.
  const search =
    !item.repeats && isIcd10Question(options) ? <Icd10Search options={options} setAnswers={setAnswers} /> : null;

  const other = open ? (
    <Field label={t.other}>
      {(p) => (
        <input
          {...p}
          type="text"
          value={otherText}
          onChange={(e) => {
            const v = e.target.value;
            const kept = item.repeats ? options.filter((_, i) => chosen[i]).map(optionAnswer) : [];
            setAnswers(v.trim() ? [...kept, { valueString: v }] : kept);
          }}
        />
      )}
    </Field>
  ) : null;

  if (item.repeats) {
    return (
      <ChoiceGroup label={label} error={error} radio={false}>
        {options.map((o, i) => (
          <Option
            key={i}
            type="checkbox"
            name={name}
            label={optionLabel(o, lang)}
            checked={chosen[i]}
            onChange={(on) => {
              const next = options.filter((_, j) => (j === i ? on : chosen[j])).map(optionAnswer);
              setAnswers(otherText ? [...next, { valueString: otherText }] : next);
            }}
          />
        ))}
        {other}
      </ChoiceGroup>
    );
  }

  if (control === 'drop-down' || (options.length > 6 && control !== 'radio-button')) {
    const index = chosen.indexOf(true);
    return (
      <>
        {search}
        <Field label={label} error={error}>
          {(p) => (
            <select
              {...p}
              value={index === -1 ? '' : String(index)}
              aria-required={item.required || undefined}
              onChange={(e) => setAnswers(e.target.value === '' ? [] : [optionAnswer(options[Number(e.target.value)])])}
            >
              <option value="">{t.choose}</option>
              {options.map((o, i) => (
                <option key={i} value={String(i)}>
                  {optionLabel(o, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {other}
      </>
    );
  }

  return (
    <>
      {search}
      <ChoiceGroup label={label} error={error} radio required={item.required}>
        {options.map((o, i) => (
          <Option
            key={i}
            type="radio"
            name={name}
            label={optionLabel(o, lang)}
            checked={chosen[i]}
            onChange={() => setAnswers([optionAnswer(o)])}
          />
        ))}
        {other}
        {!item.required && answers.length > 0 ? (
          <button type="button" className="link-button" onClick={() => setAnswers([])}>
            {t.clear}
          </button>
        ) : null}
      </ChoiceGroup>
    </>
  );
}
