import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { fill, useText } from '../../i18n/i18n';
import { ErrorBanner, Field } from '../../ui/components';
import { useAction } from '../../ui/use-api';
import type { AppealView } from '../../api/types';

const TEXT = {
  en: {
    title: 'File an appeal',
    intro: 'Tell the plan why the decision should change. A different reviewer will look at your case.',
    urgency: 'How fast do you need a decision?',
    standard: 'Standard',
    standardHint: 'Decided within the plan’s standard appeal time.',
    urgent: 'Urgent (expedited)',
    urgentHint: 'Waiting could seriously harm your life or health.',
    why: 'Why is this urgent?',
    whyHint: 'For example: I will run out of my medicine in 3 days.',
    whyNeeded: 'Please say why waiting could harm your health.',
    statement: 'Why should the decision change?',
    statementHint: 'In your own words. You can mention your doctor’s notes or other treatments you tried.',
    statementNeeded: 'Please write why the decision should change.',
    files: 'Documents (optional)',
    filesHint: 'PDF, PNG, JPEG or TIFF, up to 20 MB each.',
    filedBy: 'You are filing this appeal yourself, as the member.',
    submit: 'Send my appeal',
    sending: 'Sending…',
    cancel: 'Cancel',
    urgentPrefix: 'Why this is urgent (member): {why}',
    uploadFailed: 'Your appeal was filed, but “{file}” could not be attached: {error}',
  },
  es: {
    title: 'Presentar una apelación',
    intro: 'Explique al plan por qué la decisión debe cambiar. Otro revisor estudiará su caso.',
    urgency: '¿Qué tan rápido necesita una decisión?',
    standard: 'Estándar',
    standardHint: 'Se decide dentro del plazo estándar de apelación del plan.',
    urgent: 'Urgente (acelerada)',
    urgentHint: 'Esperar podría dañar gravemente su vida o su salud.',
    why: '¿Por qué es urgente?',
    whyHint: 'Por ejemplo: me quedaré sin mi medicamento en 3 días.',
    whyNeeded: 'Diga por qué esperar podría dañar su salud.',
    statement: '¿Por qué debe cambiar la decisión?',
    statementHint: 'Con sus propias palabras. Puede mencionar las notas de su médico u otros tratamientos que probó.',
    statementNeeded: 'Escriba por qué debe cambiar la decisión.',
    files: 'Documentos (opcional)',
    filesHint: 'PDF, PNG, JPEG o TIFF, hasta 20 MB cada uno.',
    filedBy: 'Usted presenta esta apelación como afiliado.',
    submit: 'Enviar mi apelación',
    sending: 'Enviando…',
    cancel: 'Cancelar',
    urgentPrefix: 'Por qué es urgente (afiliado): {why}',
    uploadFailed: 'Su apelación se presentó, pero no se pudo adjuntar “{file}”: {error}',
  },
};

/** POST /appeals (filed by the member), then each document to POST /appeals/{id}/attachments. */
export function AppealForm({
  paRequestId,
  onFiled,
  onCancel,
}: {
  paRequestId: string;
  onFiled: (appeal: AppealView, warnings: string[]) => void;
  onCancel: () => void;
}) {
  const t = useText(TEXT);
  const headingId = useId();
  const [urgency, setUrgency] = useState<'standard' | 'urgent'>('standard');
  const [why, setWhy] = useState('');
  const [statement, setStatement] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<{ why?: string; statement?: string }>({});
  const action = useAction(async () => {
    const text =
      urgency === 'urgent' ? `${statement.trim()}\n\n${fill(t.urgentPrefix, { why: why.trim() })}` : statement.trim();
    const appeal = await api.post<AppealView>('/appeals', { paRequestId, urgency, statement: text, filedBy: 'member' });
    const warnings: string[] = [];
    for (const file of files) {
      try {
        await api.upload(`/appeals/${encodeURIComponent(appeal.id)}/attachments`, file);
      } catch (e) {
        warnings.push(fill(t.uploadFailed, { file: file.name, error: e instanceof Error ? e.message : String(e) }));
      }
    }
    onFiled(appeal, warnings);
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!statement.trim()) next.statement = t.statementNeeded;
    if (urgency === 'urgent' && !why.trim()) next.why = t.whyNeeded;
    setErrors(next);
    if (Object.keys(next).length === 0) void action.run();
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.title}</h3>
      <p>{t.intro}</p>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t.urgency}</legend>
          {(['standard', 'urgent'] as const).map((u) => (
            <label className="choice" key={u}>
              <input
                type="radio"
                name="appeal-urgency"
                value={u}
                checked={urgency === u}
                onChange={() => setUrgency(u)}
              />
              <span>
                {u === 'standard' ? t.standard : t.urgent}{' '}
                <span className="muted">— {u === 'standard' ? t.standardHint : t.urgentHint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {urgency === 'urgent' ? (
          <Field label={t.why} hint={t.whyHint} error={errors.why}>
            {(props) => (
              <textarea {...props} value={why} onChange={(e) => setWhy(e.target.value)} maxLength={1500} required />
            )}
          </Field>
        ) : null}
        <Field label={t.statement} hint={t.statementHint} error={errors.statement}>
          {(props) => (
            <textarea
              {...props}
              value={statement}
              onChange={(e) => setStatement(e.target.value)}
              maxLength={6000}
              rows={6}
              required
            />
          )}
        </Field>
        <Field label={t.files} hint={t.filesHint}>
          {(props) => (
            <input
              {...props}
              type="file"
              multiple
              accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/png,image/jpeg,image/tiff"
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
            />
          )}
        </Field>
        <p className="muted">{t.filedBy}</p>
        <ErrorBanner error={action.error} />
        <div className="row">
          <button type="submit" className="primary" disabled={action.busy}>
            {action.busy ? t.sending : t.submit}
          </button>
          <button type="button" onClick={onCancel} disabled={action.busy}>
            {t.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
