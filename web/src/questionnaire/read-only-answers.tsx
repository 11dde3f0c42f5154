import type { ReactNode } from 'react';
import type { Attachment, Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import { useLang, type Lang } from '../i18n/i18n';
import { formatDate, formatDateTime } from '../ui/format';
import { answerIsOption, fixedUnit, itemText, optionLabel, unitLabel } from './questionnaire-extensions';
import type { Answer } from './questionnaire-response';
import { useQuestionnaireText, type QuestionnaireText } from './questionnaire-text';

type RenderAttachment = ((a: Attachment) => ReactNode) | undefined;

/** One answer in words (option display, Yes/No, number with unit, date, file name). */
export function formatAnswer(
  item: QuestionnaireItem,
  a: Answer,
  t: QuestionnaireText,
  lang: Lang,
  renderAttachment?: RenderAttachment,
): ReactNode {
  if (a.valueBoolean !== undefined) return a.valueBoolean ? t.yes : t.no;
  if (a.valueCoding) {
    // The option's words (translated where the plan did) before the display stored with the answer.
    const option = item.answerOption?.find((o) => answerIsOption(a, o));
    return (option && optionLabel(option, lang)) || a.valueCoding.display || a.valueCoding.code;
  }
  if (a.valueQuantity)
    return [a.valueQuantity.value, a.valueQuantity.unit ?? a.valueQuantity.code]
      .filter((x) => x !== undefined)
      .join(' ');
  const unit = unitLabel(fixedUnit(item));
  if (a.valueDecimal !== undefined) return unit ? `${a.valueDecimal} ${unit}` : String(a.valueDecimal);
  if (a.valueInteger !== undefined) {
    const option = item.answerOption?.find((o) => answerIsOption(a, o));
    return option ? optionLabel(option, lang) : unit ? `${a.valueInteger} ${unit}` : String(a.valueInteger);
  }
  if (a.valueDate !== undefined) return formatDate(a.valueDate, lang);
  if (a.valueDateTime !== undefined) return formatDateTime(a.valueDateTime, lang);
  if (a.valueTime !== undefined) return a.valueTime.slice(0, 5);
  if (a.valueString !== undefined) return <span className="qr-text">{a.valueString}</span>;
  if (a.valueUri !== undefined) return a.valueUri;
  if (a.valueAttachment)
    return renderAttachment?.(a.valueAttachment) ?? a.valueAttachment.title ?? a.valueAttachment.id ?? '';
  if (a.valueReference) return a.valueReference.display ?? a.valueReference.reference ?? '';
  return '';
}

/** The answers as a description list (question → answer); disabled items are left out. */
export function ReadOnlyAnswers({
  questionnaire,
  answers,
  enabled,
  renderAttachment,
}: {
  questionnaire: Questionnaire;
  answers: Map<string, Answer[]>;
  enabled: Set<string>;
  renderAttachment?: RenderAttachment;
}) {
  const t = useQuestionnaireText();
  const { lang } = useLang();
  const list = (items: QuestionnaireItem[] | undefined): ReactNode => (
    <dl className="qr-answers">
      {(items ?? [])
        .filter((it) => enabled.has(it.linkId) && it.type !== 'display')
        .map((it) => {
          const given = answers.get(it.linkId) ?? [];
          const title = itemText(it, lang);
          if (it.type === 'group') {
            return (
              <div key={it.linkId} className="qr-answers-group">
                <dt>{title}</dt>
                <dd>{list(it.item)}</dd>
              </div>
            );
          }
          return (
            <div key={it.linkId}>
              <dt>{title}</dt>
              <dd>
                {given.length === 0 ? (
                  <span className="muted">{t.notAnswered}</span>
                ) : given.length === 1 ? (
                  formatAnswer(it, given[0], t, lang, renderAttachment)
                ) : (
                  <ul>
                    {given.map((a, i) => (
                      <li key={i}>{formatAnswer(it, a, t, lang, renderAttachment)}</li>
                    ))}
                  </ul>
                )}
              </dd>
              {it.item?.length ? <dd>{list(it.item)}</dd> : null}
            </div>
          );
        })}
    </dl>
  );
  return <div className="qr-readonly">{list(questionnaire.item)}</div>;
}
