import type { CriteriaSet, ValidationError } from '../../../../src/shared/criteria-set';
import { fill, useText } from '../../i18n/i18n';
import { Field } from '../../ui/components';
import { errorsAt } from './criteria-draft-model';

const TEXT = {
  en: {
    rule: 'Rule {n}',
    id: 'Rule id',
    text: 'What the rule means',
    expression: 'FHIRPath expression',
    expressionHint:
      "Over the answers, e.g. item.where(linkId='a1c').answer.value >= 7; %facts.name and %today are in scope.",
    reasonEn: 'Denial reason (English)',
    reasonEs: 'Denial reason (Spanish)',
    remove: 'Remove rule {n}',
    add: 'Add a rule',
  },
  es: {
    rule: 'Regla {n}',
    id: 'Id de la regla',
    text: 'Qué significa la regla',
    expression: 'Expresión FHIRPath',
    expressionHint:
      "Sobre las respuestas, p. ej. item.where(linkId='a1c').answer.value >= 7; %facts.nombre y %today están disponibles.",
    reasonEn: 'Motivo de negación (inglés)',
    reasonEs: 'Motivo de negación (español)',
    remove: 'Quitar la regla {n}',
    add: 'Agregar una regla',
  },
};

/** Each rule: id, meaning, FHIRPath, and its plain-language denial reason in each letter language. */
export function CriteriaRulesEditor({
  set,
  errors,
  onChange,
}: {
  set: CriteriaSet;
  errors: ValidationError[];
  onChange(next: CriteriaSet): void;
}) {
  const t = useText(TEXT);
  const rules = Array.isArray(set.rules) ? set.rules : [];
  const language = set.denialLanguage ?? {};
  const setRule = (i: number, patch: Partial<CriteriaSet['rules'][number]>) => {
    const next = rules.map((r, j) => (j === i ? { ...r, ...patch } : r));
    // Renaming a rule carries its reasons to the new id.
    const denialLanguage =
      patch.id !== undefined && patch.id !== rules[i].id
        ? {
            ...Object.fromEntries(Object.entries(language).filter(([k]) => k !== rules[i].id)),
            [patch.id]: language[rules[i].id] ?? { en: '', es: '' },
          }
        : language;
    onChange({ ...set, rules: next, denialLanguage });
  };
  const setReason = (id: string, lang: 'en' | 'es', text: string) =>
    onChange({
      ...set,
      denialLanguage: { ...language, [id]: { ...(language[id] ?? { en: '', es: '' }), [lang]: text } },
    });
  return (
    <>
      {rules.map((r, i) => (
        <fieldset key={i} className="criteria-rule" data-rule={r.id}>
          <legend>{fill(t.rule, { n: i + 1 })}</legend>
          <Field label={t.id} error={errorsAt(errors, `rules[${i}].id`)}>
            {(p) => <input {...p} value={r.id} onChange={(e) => setRule(i, { id: e.target.value })} />}
          </Field>
          <Field label={t.text} error={errorsAt(errors, `rules[${i}].text`)}>
            {(p) => <input {...p} value={r.text} onChange={(e) => setRule(i, { text: e.target.value })} />}
          </Field>
          <Field label={t.expression} hint={t.expressionHint} error={errorsAt(errors, `rules[${i}].expression`)}>
            {(p) => (
              <textarea
                {...p}
                className="admin-code"
                rows={2}
                spellCheck={false}
                value={r.expression}
                onChange={(e) => setRule(i, { expression: e.target.value })}
              />
            )}
          </Field>
          <Field label={t.reasonEn} error={errorsAt(errors, `rules[${i}].reason.en`)}>
            {(p) => (
              <textarea
                {...p}
                rows={2}
                value={language[r.id]?.en ?? ''}
                onChange={(e) => setReason(r.id, 'en', e.target.value)}
              />
            )}
          </Field>
          <Field label={t.reasonEs} error={errorsAt(errors, `rules[${i}].reason.es`)}>
            {(p) => (
              <textarea
                {...p}
                rows={2}
                value={language[r.id]?.es ?? ''}
                onChange={(e) => setReason(r.id, 'es', e.target.value)}
              />
            )}
          </Field>
          <button
            type="button"
            className="secondary"
            onClick={() => onChange({ ...set, rules: rules.filter((_, j) => j !== i) })}
          >
            {fill(t.remove, { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          onChange({ ...set, rules: [...rules, { id: `rule-${rules.length + 1}`, text: '', expression: '' }] })
        }
      >
        {t.add}
      </button>
    </>
  );
}
