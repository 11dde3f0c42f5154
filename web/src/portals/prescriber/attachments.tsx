import type { ApiAnswer } from '../../api/api-shapes';
import { useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useLang, useText, type Lang } from '../../i18n/i18n';
import { ErrorBanner, Field, FileLink } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useAction } from '../../ui/use-api';
import type { Attachment } from '../../api/types';
import { documentText, type PlanDocument } from '../../ui/plan-text';

const TEXT = {
  en: {
    file: 'File (PDF, PNG, JPEG or TIFF, up to 20 MB)',
    which: 'Which document is this?',
    other: 'Other supporting document',
    upload: 'Attach file',
    uploading: 'Attaching…',
    chooseFile: 'Choose a file first',
    attached: 'Attached: {name}',
    none: 'No documents attached yet.',
    list: 'Attached documents',
    by: 'by {who}',
    needed: 'Documents the plan needs',
    stillNeeded: 'still needed',
    done: 'attached',
  },
  es: {
    file: 'Archivo (PDF, PNG, JPEG o TIFF, hasta 20 MB)',
    which: '¿Qué documento es?',
    other: 'Otro documento de respaldo',
    upload: 'Adjuntar archivo',
    uploading: 'Adjuntando…',
    chooseFile: 'Primero elija un archivo',
    attached: 'Adjunto: {name}',
    none: 'Aún no hay documentos adjuntos.',
    list: 'Documentos adjuntos',
    by: 'por {who}',
    needed: 'Documentos que el plan necesita',
    stillNeeded: 'falta',
    done: 'adjunto',
  },
};

export type UploadResult = ApiAnswer<'/api/v1/pa-requests/{id}/attachments', 'post', 201>;

/** POST /pa-requests/{id}/attachments (multipart field "file", optional "documentId"). */
export function uploadAttachment(caseId: string, file: File, documentId?: string) {
  return api.upload<UploadResult>(
    `/pa-requests/${encodeURIComponent(caseId)}/attachments`,
    file,
    documentId ? { documentId } : {},
  );
}

/** The required documents not yet attached — the same rule the server's completeness check uses. */
export function missingDocuments<D extends { id: string }>(
  required: D[],
  attachments: Pick<Attachment, 'documentId'>[],
): D[] {
  const untagged = attachments.some((a) => !a.documentId);
  return required.filter(
    (d) => !attachments.some((a) => a.documentId === d.id) && !(required.length === 1 && untagged),
  );
}

/** Pick a file (and which required document it is), attach it to the case. */
export function AttachmentUploader({
  caseId,
  requiredDocuments,
  onUploaded,
}: {
  caseId: string;
  requiredDocuments: PlanDocument[];
  onUploaded: (r: UploadResult) => void;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const input = useRef<HTMLInputElement>(null);
  const [documentId, setDocumentId] = useState('');
  const [chooseError, setChooseError] = useState<string | null>(null);
  const [last, setLast] = useState<string | null>(null);
  const upload = useAction(uploadAttachment);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setChooseError(t.chooseFile);
    setChooseError(null);
    const r = await upload.run(caseId, file, documentId || undefined);
    if (r) {
      setLast(r.filename);
      if (input.current) input.current.value = '';
      onUploaded(r);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="row">
        <Field label={t.file} error={chooseError}>
          {(p) => <input {...p} ref={input} type="file" accept="application/pdf,image/png,image/jpeg,image/tiff" />}
        </Field>
        {requiredDocuments.length ? (
          <Field label={t.which}>
            {(p) => (
              <select {...p} value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
                <option value="">{t.other}</option>
                {requiredDocuments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {documentText(d, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <div className="field">
          <button type="submit" disabled={upload.busy}>
            {upload.busy ? t.uploading : t.upload}
          </button>
        </div>
      </div>
      <ErrorBanner error={upload.error} />
      {last && !upload.error ? (
        <p role="status" className="muted">
          {t.attached.replace('{name}', last)}
        </p>
      ) : null}
    </form>
  );
}

const documentOf = (required: PlanDocument[], id: string, lang: Lang) => {
  const d = required.find((r) => r.id === id);
  return d ? documentText(d, lang) : id;
};

/** The case's documents, each opening in a new tab. */
export function AttachmentList({
  caseId,
  attachments,
  requiredDocuments,
}: {
  caseId: string;
  attachments: Attachment[];
  requiredDocuments: PlanDocument[];
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const listId = useId();
  const missing = missingDocuments(requiredDocuments, attachments);
  return (
    <>
      {requiredDocuments.length ? (
        <>
          <h3>{t.needed}</h3>
          <ul>
            {requiredDocuments.map((d) => (
              <li key={d.id}>
                {documentText(d, lang)} —{' '}
                <span className={`badge badge-${missing.includes(d) ? 'wait' : 'good'}`}>
                  {missing.includes(d) ? t.stillNeeded : t.done}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 id={listId}>{t.list}</h3>
      {attachments.length ? (
        <ul aria-labelledby={listId}>
          {attachments.map((a) => (
            <li key={a.id}>
              <FileLink path={`/pa-requests/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(a.id)}`}>
                {a.filename}
              </FileLink>{' '}
              <span className="muted">
                {Math.max(1, Math.round(a.size / 1024))} KB · {formatDateTime(a.uploadedAt, lang)} ·{' '}
                {t.by.replace('{who}', a.uploadedBy)}
                {a.documentId ? ` · ${documentOf(requiredDocuments, a.documentId, lang)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t.none}</p>
      )}
    </>
  );
}
