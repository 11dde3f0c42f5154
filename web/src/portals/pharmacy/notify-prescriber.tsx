import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { fill, useLang, useText } from '../../i18n/i18n';
import { ErrorBanner, Field, KeyValues, Notice, StatusBadge } from '../../ui/components';
import { statusLabel } from '../../ui/format';
import { useAction } from '../../ui/use-api';
import { LongId } from '../../ui/long-id';
import type { PaNotRequired, RequestView } from '../../api/types';
import { ExistingRequestNotice, isExistingRequest } from '../../ui/existing-request';
import { DrugName } from '../../ui/drug-name-view';
import { serverWords } from '../../ui/problem-words';
import { EXCEPTION_KIND_NAMES, type ExceptionKind } from '../../../../src/shared/exception-kinds';

const TEXT = {
  en: {
    title: 'Notify the prescriber that PA is needed',
    titleKind: 'Notify the prescriber: {kind} needed',
    intro:
      'OpenPBM opens a prior authorization request for this prescription and sends the prescriber a notice with the plan’s questions.',
    prescriber: 'Prescriber NPI',
    urgency: 'Urgency',
    standard: 'Standard (decision within 72 hours)',
    urgent: 'Urgent (decision within 24 hours)',
    reason: 'Why is it urgent?',
    reasonHint: 'Waiting could seriously jeopardize the patient’s life, health or function, or cause severe pain.',
    send: 'Notify the prescriber',
    sending: 'Sending…',
    sent: 'The prescriber has been notified.',
    request: 'PA request',
    status: 'Status',
    drug: 'Drug',
    notices: 'Notices',
    next: 'The prescriber answers the plan’s questions. Once the plan approves, resubmit the claim; it will pay.',
    notRequired: 'No prior authorization is needed',
  },
  es: {
    title: 'Avisar al médico que se necesita autorización previa',
    titleKind: 'Avisar al médico: se necesita {kind}',
    intro: 'OpenPBM abre una solicitud de autorización previa y envía al médico un aviso con las preguntas del plan.',
    prescriber: 'NPI del médico',
    urgency: 'Urgencia',
    standard: 'Estándar (decisión en 72 horas)',
    urgent: 'Urgente (decisión en 24 horas)',
    reason: '¿Por qué es urgente?',
    reasonHint:
      'Esperar podría poner en grave peligro la vida, la salud o la función del paciente, o causar dolor intenso.',
    send: 'Avisar al médico',
    sending: 'Enviando…',
    sent: 'Se avisó al médico.',
    request: 'Solicitud de autorización previa',
    status: 'Estado',
    drug: 'Medicamento',
    notices: 'Avisos',
    next: 'El médico responde las preguntas del plan. Cuando el plan apruebe, vuelva a enviar la reclamación.',
    notRequired: 'No se necesita autorización previa',
  },
};

const isNotRequired = (r: RequestView | PaNotRequired): r is PaNotRequired => r.status === 'not-required';

export interface PaContext {
  memberId: string;
  prescriberNpi: string;
  productId: string;
  quantity: number;
  daysSupply: number;
  /** The exception the reject points to (nextSteps.exception); null: prior authorization. */
  kind?: ExceptionKind | null;
}

/** After a 75: the pharmacy starts the PA request for the prescriber (POST /pa-requests, channel "pharmacy"). */
export function NotifyPrescriber({ context }: { context: PaContext }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const [npi, setNpi] = useState(context.prescriberNpi);
  const [urgency, setUrgency] = useState<'standard' | 'urgent'>('standard');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<RequestView | PaNotRequired | null>(null);
  const action = useAction(() =>
    api.post<RequestView | PaNotRequired>('/pa-requests', {
      memberId: context.memberId,
      prescriberNpi: npi.trim(),
      productId: context.productId,
      quantity: context.quantity,
      daysSupply: context.daysSupply,
      urgency,
      ...(urgency === 'urgent' ? { urgencyReason: reason.trim() } : {}),
      channel: 'pharmacy',
      ...(context.kind ? { kind: context.kind } : {}),
    }),
  );
  const title = context.kind ? fill(t.titleKind, { kind: EXCEPTION_KIND_NAMES[context.kind][lang] }) : t.title;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await action.run();
    if (r) setResult(r);
  };

  if (result && isNotRequired(result)) {
    return (
      <Notice>
        <strong>{t.notRequired}.</strong> {serverWords(result.message, lang)}
      </Notice>
    );
  }
  if (result) {
    const c = result as RequestView;
    return (
      <div>
        <Notice tone="success">
          <strong>{t.sent}</strong> {t.next}
        </Notice>
        <KeyValues
          rows={[
            [t.request, <LongId key="id">{c.id}</LongId>],
            [t.status, <StatusBadge key="s" status={c.status} />],
            [t.drug, <DrugName name={c.drug.name} />],
            [
              t.notices,
              (c.notices ?? [])
                .filter((n) => n.recipient === 'prescriber')
                .map((n) => `${n.channel} · ${statusLabel(n.status, lang)}`)
                .join(', ') || '—',
            ],
          ]}
        />
      </div>
    );
  }
  return (
    <form onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      <p className="muted">{t.intro}</p>
      <div className="row">
        <Field label={t.prescriber}>
          {(p) => (
            <input
              {...p}
              value={npi}
              onChange={(e) => setNpi(e.target.value)}
              required
              inputMode="numeric"
              pattern="\d{10}"
              maxLength={10}
            />
          )}
        </Field>
      </div>
      <fieldset>
        <legend>{t.urgency}</legend>
        <label className="choice">
          <input type="radio" name="urgency" checked={urgency === 'standard'} onChange={() => setUrgency('standard')} />
          {t.standard}
        </label>
        <label className="choice">
          <input type="radio" name="urgency" checked={urgency === 'urgent'} onChange={() => setUrgency('urgent')} />
          {t.urgent}
        </label>
      </fieldset>
      {urgency === 'urgent' ? (
        <Field label={t.reason} hint={t.reasonHint}>
          {(p) => (
            <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
          )}
        </Field>
      ) : null}
      {action.error && isExistingRequest(action.error) ? (
        <ExistingRequestNotice error={action.error} />
      ) : (
        <ErrorBanner error={action.error} />
      )}
      <button type="submit" className="primary" disabled={action.busy}>
        {action.busy ? t.sending : t.send}
      </button>
    </form>
  );
}
