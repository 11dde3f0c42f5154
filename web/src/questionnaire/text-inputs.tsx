import { Field } from '../ui/components';
import { entryFormat } from './questionnaire-extensions';
import type { ItemInputProps } from './item-props';

/** string, text (multi-line) and url items → valueString / valueUri. */
export function TextItemInput({ item, label, answers, setAnswers, error }: ItemInputProps) {
  const isUrl = item.type === 'url';
  const value = (isUrl ? answers[0]?.valueUri : answers[0]?.valueString) ?? '';
  const set = (v: string) => setAnswers(v.trim() === '' ? [] : [isUrl ? { valueUri: v } : { valueString: v }]);
  return (
    <Field label={label} hint={entryFormat(item)} error={error}>
      {(p) =>
        item.type === 'text' ? (
          <textarea
            {...p}
            value={value}
            maxLength={item.maxLength}
            aria-required={item.required || undefined}
            onChange={(e) => set(e.target.value)}
          />
        ) : (
          <input
            {...p}
            type={isUrl ? 'url' : 'text'}
            value={value}
            maxLength={item.maxLength}
            aria-required={item.required || undefined}
            onChange={(e) => set(e.target.value)}
          />
        )
      }
    </Field>
  );
}

/** date → valueDate (YYYY-MM-DD); dateTime → valueDateTime (with time zone); time → valueTime. */
export function DateItemInput({ item, label, answers, setAnswers, error }: ItemInputProps) {
  const a = answers[0];
  let value = '';
  let type = 'date';
  let set: (v: string) => void;
  if (item.type === 'dateTime') {
    type = 'datetime-local';
    value = a?.valueDateTime ? toLocalInput(a.valueDateTime) : '';
    set = (v) => setAnswers(v && !Number.isNaN(Date.parse(v)) ? [{ valueDateTime: new Date(v).toISOString() }] : []);
  } else if (item.type === 'time') {
    type = 'time';
    value = a?.valueTime?.slice(0, 5) ?? '';
    set = (v) => setAnswers(v ? [{ valueTime: v.length === 5 ? `${v}:00` : v }] : []);
  } else {
    value = a?.valueDate ?? '';
    set = (v) => setAnswers(/^\d{4}-\d{2}-\d{2}$/.test(v) ? [{ valueDate: v }] : []);
  }
  return (
    <Field label={label} hint={entryFormat(item)} error={error}>
      {(p) => (
        <input
          {...p}
          type={type}
          value={value}
          aria-required={item.required || undefined}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </Field>
  );
}

/** An ISO instant as the value of a datetime-local box (local time, minutes). */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
