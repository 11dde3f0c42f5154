import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { fill, useLang, useText } from '../../i18n/i18n';
import { ErrorBanner, Field, Notice } from '../../ui/components';
import { formatDate } from '../../ui/format';
import { useAction } from '../../ui/use-api';
import type { AppealSummary, ClaimSummary, RequestSummary } from '../../api/types';
import type { CallNote } from './types';
import { METHOD_KEYS, methodLabel, RELATIONSHIP_KEYS, relationshipLabel, TOPIC_KEYS, topicLabel } from './words';

const MAX_NOTE = 4000;

const TEXT = {
  en: {
    title: 'Record a call',
    callerName: 'Caller’s name',
    relationship: 'Caller is',
    choose: 'Choose…',
    verifiedLegend: 'Did you verify the caller’s identity before discussing the member?',
    yes: 'Yes, identity verified',
    no: 'No, not verified',
    method: 'How was it verified?',
    noPhi:
      'Identity not verified: do not discuss claims, drugs, prior authorizations, appeals or any other protected health information. You may give general plan information, and the note will record that the caller was not verified.',
    topic: 'Topic',
    pa: 'Related PA request (optional)',
    claim: 'Related claim (optional)',
    appeal: 'Related appeal (optional)',
    none: 'None',
    note: 'Note',
    noteHint: 'What the caller asked and what you told them. At most {max} characters; {left} left.',
    save: 'Save call note',
    saving: 'Saving…',
    required: 'Required',
    tooLong: 'At most {max} characters',
  },
  es: {
    title: 'Registrar una llamada',
    callerName: 'Nombre de quien llama',
    relationship: 'Quien llama es',
    choose: 'Elija…',
    verifiedLegend: '¿Verificó la identidad de quien llama antes de hablar del afiliado?',
    yes: 'Sí, identidad verificada',
    no: 'No, sin verificar',
    method: '¿Cómo se verificó?',
    noPhi:
      'Identidad no verificada: no hable de reclamaciones, medicamentos, autorizaciones previas, apelaciones ni otra información de salud protegida. Puede dar información general del plan; la nota registrará que no se verificó.',
    topic: 'Tema',
    pa: 'Solicitud de autorización previa relacionada (opcional)',
    claim: 'Reclamación relacionada (opcional)',
    appeal: 'Apelación relacionada (opcional)',
    none: 'Ninguna',
    note: 'Nota',
    noteHint: 'Qué preguntó y qué se le respondió. Máximo {max} caracteres; quedan {left}.',
    save: 'Guardar nota',
    saving: 'Guardando…',
    required: 'Obligatorio',
    tooLong: 'Máximo {max} caracteres',
  },
};

interface Form {
  callerName: string;
  callerRelationship: string;
  verified: '' | 'yes' | 'no';
  verificationMethod: string;
  topic: string;
  note: string;
  paRequestId: string;
  claimId: string;
  appealId: string;
}
const EMPTY: Form = {
  callerName: '',
  callerRelationship: '',
  verified: '',
  verificationMethod: '',
  topic: '',
  note: '',
  paRequestId: '',
  claimId: '',
  appealId: '',
};

export interface Related {
  pas: RequestSummary[];
  claims: ClaimSummary[];
  appeals: AppealSummary[];
}

/** The call-note form: who called, the identity check (warning when not verified), topic, note. */
export function RecordCallForm({
  memberId,
  related,
  onSaved,
}: {
  memberId: string;
  related: Related;
  onSaved: (note: CallNote) => void;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const [form, setForm] = useState<Form>(EMPTY);
  const [touched, setTouched] = useState(false);
  const save = useAction((body: Record<string, unknown>) =>
    api.post<CallNote>(`/members/${encodeURIComponent(memberId)}/call-notes`, body),
  );
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  const serverErrors = new Map<string, string>();
  if (save.error instanceof ApiError)
    for (const e of save.error.problem.errors ?? []) if (e.path) serverErrors.set(e.path.replace(/^\//, ''), e.message);
  const need = (ok: boolean) => (touched && !ok ? t.required : null);
  const errors = {
    callerName: need(form.callerName.trim() !== '') ?? serverErrors.get('callerName') ?? null,
    callerRelationship: need(form.callerRelationship !== '') ?? serverErrors.get('callerRelationship') ?? null,
    verified: need(form.verified !== '') ?? serverErrors.get('identityVerified') ?? null,
    verificationMethod:
      need(form.verified !== 'yes' || form.verificationMethod !== '') ?? serverErrors.get('verificationMethod') ?? null,
    topic: need(form.topic !== '') ?? serverErrors.get('topic') ?? null,
    note:
      need(form.note.trim() !== '') ??
      (form.note.length > MAX_NOTE ? fill(t.tooLong, { max: MAX_NOTE }) : null) ??
      serverErrors.get('note') ??
      null,
    paRequestId: serverErrors.get('paRequestId') ?? null,
    claimId: serverErrors.get('claimId') ?? null,
    appealId: serverErrors.get('appealId') ?? null,
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const ok =
      form.callerName.trim() &&
      form.callerRelationship &&
      form.verified &&
      (form.verified === 'no' || form.verificationMethod) &&
      form.topic &&
      form.note.trim() &&
      form.note.length <= MAX_NOTE;
    if (!ok) return;
    const saved = await save.run({
      callerName: form.callerName.trim(),
      callerRelationship: form.callerRelationship,
      identityVerified: form.verified === 'yes',
      ...(form.verified === 'yes' ? { verificationMethod: form.verificationMethod } : {}),
      topic: form.topic,
      note: form.note.trim(),
      ...(form.paRequestId ? { paRequestId: form.paRequestId } : {}),
      ...(form.claimId ? { claimId: form.claimId } : {}),
      ...(form.appealId ? { appealId: form.appealId } : {}),
    });
    if (saved) {
      setForm(EMPTY);
      setTouched(false);
      onSaved(saved);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t.title}>
      <h3>{t.title}</h3>
      <div className="grid">
        <Field label={t.callerName} error={errors.callerName}>
          {(p) => (
            <input {...p} value={form.callerName} onChange={set('callerName')} maxLength={200} autoComplete="off" />
          )}
        </Field>
        <Field label={t.relationship} error={errors.callerRelationship}>
          {(p) => (
            <select {...p} value={form.callerRelationship} onChange={set('callerRelationship')}>
              <option value="">{t.choose}</option>
              {RELATIONSHIP_KEYS.map((r) => (
                <option key={r} value={r}>
                  {relationshipLabel(r, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset aria-describedby={errors.verified ? 'call-verified-error' : undefined}>
        <legend>{t.verifiedLegend}</legend>
        <label className="choice">
          <input
            type="radio"
            name="identity-verified"
            value="yes"
            checked={form.verified === 'yes'}
            onChange={set('verified')}
          />{' '}
          {t.yes}
        </label>
        <label className="choice">
          <input
            type="radio"
            name="identity-verified"
            value="no"
            checked={form.verified === 'no'}
            onChange={set('verified')}
          />{' '}
          {t.no}
        </label>
        {errors.verified ? (
          <p className="field-error" id="call-verified-error">
            {errors.verified}
          </p>
        ) : null}
      </fieldset>
      {form.verified === 'yes' ? (
        <Field label={t.method} error={errors.verificationMethod}>
          {(p) => (
            <select {...p} value={form.verificationMethod} onChange={set('verificationMethod')}>
              <option value="">{t.choose}</option>
              {METHOD_KEYS.map((m) => (
                <option key={m} value={m}>
                  {methodLabel(m, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {form.verified === 'no' ? <Notice tone="warning">{t.noPhi}</Notice> : null}
      <div className="grid">
        <Field label={t.topic} error={errors.topic}>
          {(p) => (
            <select {...p} value={form.topic} onChange={set('topic')}>
              <option value="">{t.choose}</option>
              {TOPIC_KEYS.map((k) => (
                <option key={k} value={k}>
                  {topicLabel(k, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {related.pas.length ? (
          <Field label={t.pa} error={errors.paRequestId}>
            {(p) => (
              <select {...p} value={form.paRequestId} onChange={set('paRequestId')}>
                <option value="">{t.none}</option>
                {related.pas.map((pa) => (
                  <option key={pa.id} value={pa.id}>
                    {pa.drug.name} · {formatDate(pa.receivedAt, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {related.claims.length ? (
          <Field label={t.claim} error={errors.claimId}>
            {(p) => (
              <select {...p} value={form.claimId} onChange={set('claimId')}>
                <option value="">{t.none}</option>
                {related.claims.map((c) => (
                  <option key={c.claimId} value={c.claimId}>
                    {c.drugName ?? c.productId} · {formatDate(c.dateOfService, lang)} · Rx {c.prescriptionNumber}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {related.appeals.length ? (
          <Field label={t.appeal} error={errors.appealId}>
            {(p) => (
              <select {...p} value={form.appealId} onChange={set('appealId')}>
                <option value="">{t.none}</option>
                {related.appeals.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.id} · {formatDate(a.receivedAt, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <Field
        label={t.note}
        hint={fill(t.noteHint, { max: MAX_NOTE, left: Math.max(0, MAX_NOTE - form.note.length) })}
        error={errors.note}
      >
        {(p) => <textarea {...p} value={form.note} onChange={set('note')} rows={5} maxLength={MAX_NOTE} />}
      </Field>
      <ErrorBanner error={save.error} />
      <button type="submit" className="primary" disabled={save.busy}>
        {save.busy ? t.saving : t.save}
      </button>
    </form>
  );
}
