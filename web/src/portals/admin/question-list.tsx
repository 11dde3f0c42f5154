import { useText } from '../../i18n/i18n';
import type { QuestionItem } from './api-types';

const TEXT = {
  en: { required: 'required', shownWhen: 'asked when {q} is answered', options: 'Choices', none: 'No questions.' },
  es: {
    required: 'obligatoria',
    shownWhen: 'se pregunta si se responde {q}',
    options: 'Opciones',
    none: 'Sin preguntas.',
  },
};

/** The FHIR Questionnaire's items as a nested list: text, answer type, required, choices, conditions. */
export function QuestionList({ items }: { items: QuestionItem[] }) {
  const t = useText(TEXT);
  if (!items.length) return <p className="muted">{t.none}</p>;
  return (
    <ol className="admin-questions">
      {items.map((q) => {
        const options = (q.answerOption ?? [])
          .map((o) => o.valueCoding?.display ?? o.valueCoding?.code ?? o.valueString)
          .filter(Boolean);
        return (
          <li key={q.linkId}>
            {q.text ?? q.linkId}{' '}
            <span className="muted">
              ({q.type}
              {q.required ? `, ${t.required}` : ''}
              {q.enableWhen?.length
                ? `, ${t.shownWhen.replace('{q}', q.enableWhen.map((e) => e.question).join(', '))}`
                : ''}
              )
            </span>
            {options.length ? (
              <div className="muted">
                {t.options}: {options.join(' · ')}
              </div>
            ) : null}
            {q.item?.length ? <QuestionList items={q.item} /> : null}
          </li>
        );
      })}
    </ol>
  );
}
