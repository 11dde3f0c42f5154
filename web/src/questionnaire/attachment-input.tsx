import { useRef, useState, type ReactNode } from 'react';
import type { Attachment } from '@medplum/fhirtypes';
import { Field } from '../ui/components';
import { fill } from '../i18n/i18n';
import type { ItemInputProps } from './item-props';
import { useQuestionnaireText } from './questionnaire-text';

/** What the page's upload function returns (POST /pa-requests/{id}/attachments → attachmentId). */
export interface UploadResult {
  attachmentId: string;
  fileName?: string;
  contentType?: string;
  /** Where the file can be fetched, e.g. `/pa-requests/{id}/attachments/{attachmentId}` (optional). */
  url?: string;
}

export type UploadFn = (file: File) => Promise<UploadResult>;

/** The answer stored for an uploaded file: the server's attachment id, its name and type. */
export function attachmentFromUpload(result: UploadResult, file: File): Attachment {
  const contentType = result.contentType ?? (file.type || undefined);
  return {
    id: result.attachmentId,
    title: result.fileName ?? file.name,
    ...(contentType ? { contentType } : {}),
    ...(result.url ? { url: result.url } : {}),
  };
}

/**
 * attachment → valueAttachment. The file is uploaded when chosen (onUpload), and the answer keeps
 * the attachment id the server gave it, with the file name as title. Upload errors are shown in
 * words; a failed replacement keeps the earlier file.
 */
export function AttachmentItemInput({
  item,
  label,
  answers,
  setAnswers,
  error,
  onUpload,
  renderAttachment,
}: ItemInputProps & { onUpload?: UploadFn; renderAttachment?: (a: Attachment) => ReactNode }) {
  const t = useQuestionnaireText();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const current = answers[0]?.valueAttachment;

  const choose = async (file: File | undefined) => {
    if (!file || !onUpload) return;
    setBusy(file.name);
    setFailure(null);
    try {
      const result = await onUpload(file);
      setAnswers([{ valueAttachment: attachmentFromUpload(result, file) }]);
    } catch (e) {
      setFailure(fill(t.uploadFailed, { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="qr-attachment">
      <Field label={label} hint={onUpload ? t.attachFile : t.uploadUnavailable} error={error}>
        {(p) => (
          <input
            {...p}
            ref={input}
            type="file"
            accept="application/pdf,image/png,image/jpeg,image/tiff,.pdf,.png,.jpg,.jpeg,.tif,.tiff"
            disabled={!onUpload || busy !== null}
            aria-required={item.required || undefined}
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        )}
      </Field>
      <div aria-live="polite">
        {busy ? <p className="muted">{fill(t.uploading, { name: busy })}</p> : null}
        {current ? (
          <p className="qr-attached">
            {fill(t.uploaded, { name: current.title ?? current.id ?? '' })}
            {renderAttachment ? <> {renderAttachment(current)}</> : null}{' '}
            <button type="button" className="link-button" onClick={() => setAnswers([])}>
              {t.remove}
            </button>
          </p>
        ) : null}
      </div>
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
