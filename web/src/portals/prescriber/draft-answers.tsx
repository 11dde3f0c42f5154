import { useRef, useState } from 'react';
import type { Attachment, Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { api } from '../../api/client';
import { useLang, useText } from '../../i18n/i18n';
import { ErrorBanner, FileLink, Section } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useAction } from '../../ui/use-api';
import { QuestionnaireForm } from '../../questionnaire/questionnaire-form';
import {
  allItems,
  attachmentIdOf,
  emptyResponse,
  missingRequired,
  pruneDisabled,
} from '../../questionnaire/questionnaire-response';
import { AttachmentList, AttachmentUploader, missingDocuments, uploadAttachment } from './attachments';
import type { RequestView } from '../../api/types';
import { lastDraftSave, useDraftAutosave } from './use-draft-autosave';
import { problemText } from '../../ui/problem-words';
import { documentText } from '../../ui/plan-text';
import { itemText } from '../../questionnaire/questionnaire-extensions';

const TEXT = {
  en: {
    questions: 'Questions from the plan',
    documents: 'Supporting documents',
    intro: 'Your answers are saved as a draft while you type. Submit when every required question is answered.',
    saving: 'Saving draft…',
    pending: 'Unsaved changes…',
    saved: 'Draft saved at {time}',
    notSaved: 'No draft saved yet',
    saveFailed: 'The draft was not saved: {reason}',
    retry: 'Save again',
    submit: 'Submit the request',
    submitting: 'Submitting…',
    missing: 'Answer these required questions before submitting:',
    missingDocs:
      'These documents are still needed (you can submit now; the plan will ask for them and the review clock starts when they arrive):',
    noQuestionnaire: 'This request has no question set. Attach supporting documents and submit.',
  },
  es: {
    questions: 'Preguntas del plan',
    documents: 'Documentos de respaldo',
    intro:
      'Sus respuestas se guardan como borrador mientras escribe. Envíe cuando todas las preguntas obligatorias tengan respuesta.',
    saving: 'Guardando borrador…',
    pending: 'Cambios sin guardar…',
    saved: 'Borrador guardado a las {time}',
    notSaved: 'Aún no hay borrador guardado',
    saveFailed: 'El borrador no se guardó: {reason}',
    retry: 'Guardar de nuevo',
    submit: 'Enviar la solicitud',
    submitting: 'Enviando…',
    missing: 'Responda estas preguntas obligatorias antes de enviar:',
    missingDocs:
      'Aún faltan estos documentos (puede enviar ahora; el plan los pedirá y el plazo de revisión empieza cuando lleguen):',
    noQuestionnaire: 'Esta solicitud no tiene preguntas. Adjunte los documentos de respaldo y envíe.',
  },
};

/** The case's attachment download path, for attached files shown in the form. */
export const attachmentPath = (caseId: string, attachmentId: string) =>
  `/pa-requests/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;

export function renderAttachmentLink(caseId: string) {
  return (a: Attachment) => {
    const id = attachmentIdOf(a);
    return id ? <FileLink path={attachmentPath(caseId, id)}>{a.title ?? id}</FileLink> : null;
  };
}

/** A draft request (awaiting-answers): the question set with autosave, documents, and Submit. */
export function DraftAnswers({ view, onChanged }: { view: RequestView; onChanged: (next?: RequestView) => void }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const q: Questionnaire | null = view.questionnaire;
  const [response, setResponse] = useState<QuestionnaireResponse | null>(view.answers ?? (q ? emptyResponse(q) : null));
  const [showErrors, setShowErrors] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const prepare = (r: QuestionnaireResponse) => (q ? pruneDisabled(q, r) : r);
  const autosave = useDraftAutosave(view.id, lastDraftSave(view), prepare);
  const missingRef = useRef<HTMLDivElement>(null);
  const submit = useAction(async () => {
    const answers = q && response ? prepare(response) : undefined;
    const stillMissing = q ? missingRequired(q, answers ?? null) : [];
    if (stillMissing.length) {
      setShowErrors(true);
      setMissing(stillMissing);
      requestAnimationFrame(() => missingRef.current?.focus());
      return;
    }
    setMissing([]);
    await autosave.stop();
    try {
      const next = await api.post<RequestView>(
        `/pa-requests/${encodeURIComponent(view.id)}/submit`,
        answers ? { answers } : {},
      );
      onChanged(next);
    } catch (e) {
      // Not submitted: keep saving the draft.
      if (response) autosave.change(response);
      throw e;
    }
  });

  const onChange = (next: QuestionnaireResponse) => {
    setResponse(next);
    autosave.change(next);
    if (showErrors && q) setMissing(missingRequired(q, prepare(next)));
  };
  const s = autosave.state;
  const textOf = (linkId: string) => {
    const item = q ? allItems(q).find((i) => i.linkId === linkId) : undefined;
    return item ? itemText(item, lang) : linkId;
  };
  const docsMissing = missingDocuments(view.requiredDocuments, view.attachments);

  return (
    <>
      <Section title={t.questions}>
        {q ? (
          <>
            <p className="muted">{t.intro}</p>
            <QuestionnaireForm
              questionnaire={q}
              response={response}
              onChange={onChange}
              showRequiredErrors={showErrors}
              onUpload={async (file) => {
                const r = await uploadAttachment(view.id, file);
                onChanged();
                return {
                  attachmentId: r.attachmentId,
                  fileName: r.filename,
                  contentType: r.contentType,
                  url: attachmentPath(view.id, r.attachmentId),
                };
              }}
              renderAttachment={renderAttachmentLink(view.id)}
            />
            <p className="draft-status" role="status" aria-live="polite">
              {s.kind === 'saving'
                ? t.saving
                : s.kind === 'pending'
                  ? t.pending
                  : s.savedAt
                    ? t.saved.replace('{time}', formatDateTime(s.savedAt, lang))
                    : t.notSaved}
            </p>
            {s.kind === 'error' ? (
              <div className="banner banner-error" role="alert">
                <span>{t.saveFailed.replace('{reason}', problemText(s.error, lang))}</span>
                <button type="button" className="link-button" onClick={() => void autosave.flush()}>
                  {t.retry}
                </button>
              </div>
            ) : null}
          </>
        ) : (
          <p>{t.noQuestionnaire}</p>
        )}
      </Section>
      <Section title={t.documents}>
        <AttachmentList caseId={view.id} attachments={view.attachments} requiredDocuments={view.requiredDocuments} />
        <AttachmentUploader
          caseId={view.id}
          requiredDocuments={view.requiredDocuments}
          onUploaded={() => onChanged()}
        />
      </Section>
      <section className="card" aria-label={t.submit}>
        {missing.length ? (
          <div className="banner banner-error" role="alert" tabIndex={-1} ref={missingRef}>
            <div>
              <p>{t.missing}</p>
              <ul>
                {missing.map((id) => (
                  <li key={id}>{textOf(id)}</li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
        {docsMissing.length ? (
          <div className="banner banner-warning">
            <div>
              <p>{t.missingDocs}</p>
              <ul>
                {docsMissing.map((d) => (
                  <li key={d.id}>{documentText(d, lang)}</li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
        <ErrorBanner error={submit.error} />
        <button type="button" className="primary" disabled={submit.busy} onClick={() => void submit.run()}>
          {submit.busy ? t.submitting : t.submit}
        </button>
      </section>
    </>
  );
}
