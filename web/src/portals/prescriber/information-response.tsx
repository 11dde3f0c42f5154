import { useState, type FormEvent } from 'react';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { api } from '../../api/client';
import { useLang, useText } from '../../i18n/i18n';
import { DueIn, ErrorBanner, Field, Section } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useAction } from '../../ui/use-api';
import { QuestionnaireForm } from '../../questionnaire/questionnaire-form';
import { pruneDisabled } from '../../questionnaire/questionnaire-response';
import { informationItemText, informationNote } from '../../ui/information-words';
import { AttachmentList, AttachmentUploader, uploadAttachment, type UploadResult } from './attachments';
import { attachmentPath, renderAttachmentLink } from './draft-answers';
import type { InformationRequest, RequestView } from '../../api/types';

const TEXT = {
  en: {
    asked: 'The plan needs more information',
    askedOn: 'Asked {date} by {who}',
    due: 'Answer by {date}',
    left: 'Time left:',
    question: 'Question',
    document: 'Document to send',
    system: 'the plan’s completeness check',
    reviewer: 'the reviewer',
    respond: 'Your answer',
    note: 'Note to the reviewer',
    noteHint: 'Answer the questions above in words, or explain what you are sending.',
    answers: 'Update answers (optional)',
    showAnswers: 'Change answers to the plan’s questions',
    hideAnswers: 'Hide the questions',
    files: 'Documents',
    attachedNow: 'Will be sent with this answer: {names}',
    send: 'Send the information',
    sending: 'Sending…',
    empty: 'Write a note, change an answer, or attach a document before sending.',
  },
  es: {
    asked: 'El plan necesita más información',
    askedOn: 'Pedida el {date} por {who}',
    due: 'Responda antes del {date}',
    left: 'Tiempo restante:',
    question: 'Pregunta',
    document: 'Documento que debe enviar',
    system: 'la revisión automática de la solicitud',
    reviewer: 'el revisor',
    respond: 'Su respuesta',
    note: 'Nota para el revisor',
    noteHint: 'Responda las preguntas de arriba con palabras, o explique lo que envía.',
    answers: 'Actualizar respuestas (opcional)',
    showAnswers: 'Cambiar las respuestas a las preguntas del plan',
    hideAnswers: 'Ocultar las preguntas',
    files: 'Documentos',
    attachedNow: 'Se enviará con esta respuesta: {names}',
    send: 'Enviar la información',
    sending: 'Enviando…',
    empty: 'Escriba una nota, cambie una respuesta o adjunte un documento antes de enviar.',
  },
};

/** What the reviewer asked (questions, documents, due time), and the form that answers it. */
export function InformationResponse({
  view,
  open,
  onChanged,
}: {
  view: RequestView;
  open: InformationRequest;
  onChanged: () => void;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const [note, setNote] = useState('');
  const [answers, setAnswers] = useState<QuestionnaireResponse | null>(view.answers);
  const [answersChanged, setAnswersChanged] = useState(false);
  const [showQuestions, setShowQuestions] = useState(open.items.some((i) => i.linkId));
  const [uploaded, setUploaded] = useState<UploadResult[]>([]);
  const [emptyError, setEmptyError] = useState<string | null>(null);
  const q = view.questionnaire;
  const send = useAction(async () => {
    const body = {
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(answersChanged && answers && q ? { answers: pruneDisabled(q, answers) } : {}),
      ...(uploaded.length ? { attachmentIds: uploaded.map((u) => u.attachmentId) } : {}),
    };
    await api.post<RequestView>(`/pa-requests/${encodeURIComponent(view.id)}/information-responses`, body);
    onChanged();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim() && !answersChanged && uploaded.length === 0) return setEmptyError(t.empty);
    setEmptyError(null);
    void send.run();
  };
  const onUploaded = (r: UploadResult) => {
    setUploaded((u) => [...u, r]);
    setEmptyError(null);
    onChanged();
  };

  return (
    <>
      <Section title={t.asked}>
        <p>
          {t.askedOn
            .replace('{date}', formatDateTime(open.requestedAt, lang))
            .replace('{who}', open.requestedBy === 'system' ? t.system : t.reviewer)}
          <br />
          <strong>{t.due.replace('{date}', formatDateTime(open.dueAt, lang))}</strong> — {t.left}{' '}
          <DueIn dueAt={open.dueAt} />
        </p>
        <ol className="info-items">
          {open.items.map((item, i) => (
            <li key={item.id ?? i}>
              <strong>{item.document ? t.document : t.question}:</strong> {informationItemText(item, view, lang)}
            </li>
          ))}
        </ol>
        {informationNote(open, lang) ? <p className="muted">{informationNote(open, lang)}</p> : null}
      </Section>
      <Section title={t.files}>
        <AttachmentList caseId={view.id} attachments={view.attachments} requiredDocuments={view.requiredDocuments} />
        <AttachmentUploader caseId={view.id} requiredDocuments={view.requiredDocuments} onUploaded={onUploaded} />
      </Section>
      <form onSubmit={submit} noValidate aria-label={t.respond}>
        <Section title={t.respond}>
          <Field label={t.note} hint={t.noteHint}>
            {(p) => (
              <textarea
                {...p}
                value={note}
                maxLength={8000}
                onChange={(e) => {
                  setNote(e.target.value);
                  setEmptyError(null);
                }}
              />
            )}
          </Field>
          {q ? (
            <>
              <h3>{t.answers}</h3>
              <button type="button" aria-expanded={showQuestions} onClick={() => setShowQuestions((s) => !s)}>
                {showQuestions ? t.hideAnswers : t.showAnswers}
              </button>
              {showQuestions ? (
                <QuestionnaireForm
                  questionnaire={q}
                  response={answers}
                  onChange={(next) => {
                    setAnswers(next);
                    setAnswersChanged(true);
                    setEmptyError(null);
                  }}
                  showRequiredErrors
                  onUpload={async (file) => {
                    const r = await uploadAttachment(view.id, file);
                    onUploaded(r);
                    return {
                      attachmentId: r.attachmentId,
                      fileName: r.filename,
                      contentType: r.contentType,
                      url: attachmentPath(view.id, r.attachmentId),
                    };
                  }}
                  renderAttachment={renderAttachmentLink(view.id)}
                />
              ) : null}
            </>
          ) : null}
          {uploaded.length ? (
            <p>{t.attachedNow.replace('{names}', uploaded.map((u) => u.filename).join(', '))}</p>
          ) : null}
          {emptyError ? <ErrorBanner error={emptyError} /> : null}
          <ErrorBanner error={send.error} />
          <button type="submit" className="primary" disabled={send.busy}>
            {send.busy ? t.sending : t.send}
          </button>
        </Section>
      </form>
    </>
  );
}
