import { useMemo, useRef, type ReactNode } from 'react';
import type { Attachment, Questionnaire, QuestionnaireItem, QuestionnaireResponse } from '@medplum/fhirtypes';
import { AttachmentItemInput, type UploadFn } from './attachment-input';
import { BooleanItemInput, ChoiceItemInput } from './choice-inputs';
import type { ItemInputProps } from './item-props';
import { NumberItemInput, QuantityItemInput } from './number-inputs';
import { ReadOnlyAnswers } from './read-only-answers';
import {
  answersByLinkId,
  emptyResponse,
  enabledLinkIds,
  missingRequired,
  pruneDisabled,
  setAnswer,
  type Answer,
} from './questionnaire-response';
import { useQuestionnaireText } from './questionnaire-text';
import { useLang } from '../i18n/i18n';
import { itemText, optionLabel } from './questionnaire-extensions';
import { DateItemInput, TextItemInput } from './text-inputs';
import './questionnaire.css';

export interface QuestionnaireFormProps {
  questionnaire: Questionnaire;
  /** The saved answers (null: none yet). The form is controlled: it shows exactly this. */
  response: QuestionnaireResponse | null;
  /** Every edit: the whole new response, with answers to questions that became hidden removed. */
  onChange(next: QuestionnaireResponse): void;
  /** Uploads a chosen file (POST /pa-requests/{id}/attachments); without it attachment items cannot be answered. */
  onUpload?(file: File): Promise<{ attachmentId: string; fileName?: string; contentType?: string; url?: string }>;
  /** Show the answers as text, without inputs. */
  readOnly?: boolean;
  /** Put "Answer this question." under every shown required question that has no answer. */
  showRequiredErrors?: boolean;
  /** How an attached file is shown (e.g. a FileLink to /pa-requests/{id}/attachments/{attachmentIdOf(a)}); default its name. */
  renderAttachment?(attachment: Attachment): ReactNode;
}

/**
 * Renders a FHIR R4 Questionnaire (the PA criteria question set) as an accessible form and
 * reports a QuestionnaireResponse on every change. Items whose enableWhen does not hold are
 * hidden and their answers removed.
 */
export function QuestionnaireForm(props: QuestionnaireFormProps) {
  const { questionnaire: q, showRequiredErrors, onUpload, renderAttachment } = props;
  const t = useQuestionnaireText();
  const { lang } = useLang();
  const response = useMemo(() => props.response ?? emptyResponse(q), [props.response, q]);
  const answers = useMemo(() => answersByLinkId(response), [response]);
  const enabled = useMemo(() => enabledLinkIds(q, response), [q, response]);
  const missing = useMemo(
    () => new Set(showRequiredErrors ? missingRequired(q, response) : []),
    [q, response, showRequiredErrors],
  );
  // The newest response, so a late change (an upload finishing) never undoes answers given meanwhile.
  const latest = useRef(response);
  latest.current = response;

  if (props.readOnly)
    return (
      <ReadOnlyAnswers questionnaire={q} answers={answers} enabled={enabled} renderAttachment={renderAttachment} />
    );

  const update = (linkId: string, next: Answer[]) => {
    latest.current = pruneDisabled(q, setAnswer(latest.current, linkId, next, q));
    props.onChange(latest.current);
  };

  const renderItems = (items: QuestionnaireItem[] | undefined): ReactNode =>
    (items ?? [])
      .filter((it) => enabled.has(it.linkId))
      .map((it) => {
        // The plan's words in the portal's language where the criteria set translated them (_text).
        const title = itemText(it, lang);
        if (it.type === 'group') {
          return (
            <fieldset key={it.linkId} className="qr-group">
              {it.text ? <legend>{title}</legend> : null}
              {renderItems(it.item)}
            </fieldset>
          );
        }
        if (it.type === 'display') {
          return (
            <p key={it.linkId} className="qr-display">
              {title}
            </p>
          );
        }
        // A question the plan answers itself (readOnly, e.g. the line of business): shown, not asked.
        if (it.readOnly) {
          const given = (answers.get(it.linkId) ?? []).map((a) => {
            const code = a.valueCoding?.code;
            const option = it.answerOption?.find((o) => o.valueCoding?.code === code);
            return (option && optionLabel(option, lang)) || a.valueCoding?.display || code || a.valueString || '';
          });
          return (
            <p key={it.linkId} className="qr-item qr-readonly" data-link-id={it.linkId}>
              <strong>{title}:</strong> {given.join(', ') || '—'}
            </p>
          );
        }
        const input: ItemInputProps = {
          item: it,
          label: it.required ? `${title} (${t.required})` : title,
          answers: answers.get(it.linkId) ?? [],
          setAnswers: (next) => update(it.linkId, next),
          error: missing.has(it.linkId) ? t.requiredError : undefined,
        };
        return (
          <div key={it.linkId} className="qr-item" data-link-id={it.linkId}>
            <ItemInput {...input} onUpload={onUpload} renderAttachment={renderAttachment} />
            {it.item?.length ? <div className="qr-children">{renderItems(it.item)}</div> : null}
          </div>
        );
      });

  return <div className="questionnaire">{renderItems(q.item)}</div>;
}

function ItemInput(props: ItemInputProps & { onUpload?: UploadFn; renderAttachment?: (a: Attachment) => ReactNode }) {
  switch (props.item.type) {
    case 'boolean':
      return <BooleanItemInput {...props} />;
    case 'choice':
    case 'open-choice':
      return <ChoiceItemInput {...props} />;
    case 'decimal':
    case 'integer':
      return <NumberItemInput {...props} />;
    case 'quantity':
      return <QuantityItemInput {...props} />;
    case 'date':
    case 'dateTime':
    case 'time':
      return <DateItemInput {...props} />;
    case 'attachment':
      return <AttachmentItemInput {...props} />;
    default:
      // string, text, url — and any other type is entered as text.
      return <TextItemInput {...props} />;
  }
}
