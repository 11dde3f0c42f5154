import type { QuestionnaireItem, QuestionnaireItemEnableWhen } from '@medplum/fhirtypes';
import { QUESTION_TYPES, type CriteriaSet, type ValidationError } from '../../../../src/shared/criteria-set';
import { fill, useText } from '../../i18n/i18n';
import { Field } from '../../ui/components';
import { choicesToText, enableWhenAnswer, enableWhenAnswerText, errorsAt, textToChoices } from './criteria-draft-model';

const TEXT = {
  en: {
    question: 'Question {n}',
    linkId: 'Question id (linkId)',
    text: 'Question text',
    type: 'Answer type',
    required: 'Required',
    choices: 'Choices, one per line ("code | display")',
    askedWhen: 'Ask only when',
    always: '(always asked)',
    operator: 'Comparison',
    answerIs: 'Answer',
    remove: 'Remove question {n}',
    add: 'Add a question',
  },
  es: {
    question: 'Pregunta {n}',
    linkId: 'Id de la pregunta (linkId)',
    text: 'Texto de la pregunta',
    type: 'Tipo de respuesta',
    required: 'Obligatoria',
    choices: 'Opciones, una por línea ("código | texto")',
    askedWhen: 'Preguntar solo si',
    always: '(siempre se pregunta)',
    operator: 'Comparación',
    answerIs: 'Respuesta',
    remove: 'Quitar la pregunta {n}',
    add: 'Agregar una pregunta',
  },
};

const OPERATORS: QuestionnaireItemEnableWhen['operator'][] = ['=', '!=', 'exists', '>', '>=', '<', '<='];

/** The question set's top-level questions: id, text, type, required, choices and one enableWhen condition. */
export function CriteriaQuestionsEditor({
  set,
  errors,
  onChange,
}: {
  set: CriteriaSet;
  errors: ValidationError[];
  onChange(next: CriteriaSet): void;
}) {
  const t = useText(TEXT);
  const items = set.questionnaire?.item ?? [];
  const setItems = (next: QuestionnaireItem[]) =>
    onChange({ ...set, questionnaire: { ...set.questionnaire, item: next } });
  const setItem = (i: number, patch: Partial<QuestionnaireItem>) =>
    setItems(items.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const typeOf = (linkId: string) => items.find((q) => q.linkId === linkId)?.type;
  const setCondition = (i: number, ew: Partial<QuestionnaireItemEnableWhen> | null) => {
    const q = items[i];
    if (!ew || !ew.question) return setItem(i, { enableWhen: undefined, enableBehavior: undefined });
    const operator = ew.operator ?? '=';
    const answerText =
      ew.question === q.enableWhen?.[0]?.question
        ? enableWhenAnswerText({ ...q.enableWhen[0], ...ew } as QuestionnaireItemEnableWhen)
        : '';
    setItem(i, {
      enableWhen: [{ question: ew.question, operator, ...enableWhenAnswer(typeOf(ew.question), operator, answerText) }],
    });
  };
  return (
    <>
      {items.map((q, i) => {
        const path = `questionnaire.item.${q.linkId}`;
        const ew = q.enableWhen?.[0];
        return (
          <fieldset key={i} className="criteria-question">
            <legend>{fill(t.question, { n: i + 1 })}</legend>
            <Field label={t.linkId} error={errorsAt(errors, path) ?? errorsAt(errors, `questionnaire.item[${i}]`)}>
              {(p) => <input {...p} value={q.linkId} onChange={(e) => setItem(i, { linkId: e.target.value })} />}
            </Field>
            <Field label={t.text}>
              {(p) => <input {...p} value={q.text ?? ''} onChange={(e) => setItem(i, { text: e.target.value })} />}
            </Field>
            <div className="criteria-inline">
              <Field label={t.type} error={errorsAt(errors, `${path}.type`)}>
                {(p) => (
                  <select
                    {...p}
                    value={q.type}
                    onChange={(e) => setItem(i, { type: e.target.value as QuestionnaireItem['type'] })}
                  >
                    {QUESTION_TYPES.map((ty) => (
                      <option key={ty} value={ty}>
                        {ty}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={!!q.required}
                  onChange={(e) => setItem(i, { required: e.target.checked })}
                />{' '}
                {t.required}
              </label>
            </div>
            {q.type === 'choice' || q.type === 'open-choice' ? (
              <Field label={t.choices} error={errorsAt(errors, `${path}.answerOption`)}>
                {(p) => (
                  <textarea
                    {...p}
                    rows={3}
                    value={choicesToText(q)}
                    onChange={(e) => setItem(i, { answerOption: textToChoices(e.target.value, q.answerOption) })}
                  />
                )}
              </Field>
            ) : null}
            <div className="criteria-inline">
              <Field label={t.askedWhen} error={errorsAt(errors, `${path}.enableWhen[0]`)}>
                {(p) => (
                  <select
                    {...p}
                    value={ew?.question ?? ''}
                    onChange={(e) =>
                      setCondition(i, e.target.value ? { question: e.target.value, operator: ew?.operator } : null)
                    }
                  >
                    <option value="">{t.always}</option>
                    {ew && !items.some((o) => o.linkId === ew.question) ? (
                      <option value={ew.question}>{ew.question}</option>
                    ) : null}
                    {items
                      .filter((o) => o.linkId !== q.linkId)
                      .map((o) => (
                        <option key={o.linkId} value={o.linkId}>
                          {o.linkId}
                        </option>
                      ))}
                  </select>
                )}
              </Field>
              {ew ? (
                <>
                  <Field label={t.operator}>
                    {(p) => (
                      <select
                        {...p}
                        value={ew.operator}
                        onChange={(e) => {
                          const operator = e.target.value as QuestionnaireItemEnableWhen['operator'];
                          setItem(i, {
                            enableWhen: [
                              {
                                question: ew.question,
                                operator,
                                ...enableWhenAnswer(typeOf(ew.question), operator, enableWhenAnswerText(ew)),
                              },
                            ],
                          });
                        }}
                      >
                        {OPERATORS.map((o) => (
                          <option key={o} value={o}>
                            {o}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field label={t.answerIs}>
                    {(p) => (
                      <input
                        {...p}
                        value={enableWhenAnswerText(ew)}
                        onChange={(e) =>
                          setItem(i, {
                            enableWhen: [
                              {
                                question: ew.question,
                                operator: ew.operator,
                                ...enableWhenAnswer(typeOf(ew.question), ew.operator, e.target.value),
                              },
                            ],
                          })
                        }
                      />
                    )}
                  </Field>
                </>
              ) : null}
            </div>
            <button type="button" className="secondary" onClick={() => setItems(items.filter((_, j) => j !== i))}>
              {fill(t.remove, { n: i + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          setItems([...items, { linkId: `q${items.length + 1}`, text: '', type: 'boolean', required: true }])
        }
      >
        {t.add}
      </button>
    </>
  );
}
