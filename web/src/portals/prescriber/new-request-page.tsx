import { useState, type FormEvent } from 'react';
import { api, ApiError, withQuery } from '../../api/client';
import { useMe } from '../../app/session';
import { Link, useRouter } from '../../app/router';
import { fill, useLang, useText } from '../../i18n/i18n';
import { Async, ErrorBanner, Field, Notice, Page, Section } from '../../ui/components';
import { formatDate } from '../../ui/format';
import { toApiError, useApi } from '../../ui/use-api';
import { DrugSearch } from '../../ui/drug-search';
import { CoverageSummary } from './coverage-result';
import { patientName } from './member-name';
import { ExistingRequestNotice, isExistingRequest } from '../../ui/existing-request';
import type { Coverage, PaNotRequired, Patient, RequestView } from '../../api/types';
import { DrugName } from '../../ui/drug-name-view';
import { serverWords } from '../../ui/problem-words';
import { EXCEPTION_KIND_NAMES, isExceptionKind, type ExceptionKind } from '../../../../src/shared/exception-kinds';

const TEXT = {
  en: {
    title: 'New prior authorization request',
    exceptionTitle: 'New request: {kind}',
    renewTitle: 'Renew prior authorization {number}',
    noPatient: 'Find the patient first.',
    findPatient: 'Find a patient',
    patient: 'Patient',
    drug: 'Drug',
    chooseDrug: 'Choose the drug',
    changeDrug: 'Choose another drug',
    quantity: 'Quantity',
    quantityHint: 'Units per fill (e.g. pens, tablets, mL)',
    days: 'Days supply',
    daysHint: '1 to 365 days',
    qlHint: 'Plan limit: {units} per {days} days',
    urgency: 'How soon is a decision needed?',
    standard: 'Standard (decision within the plan’s standard time)',
    urgent: 'Urgent (expedited decision)',
    reason: 'Why is this urgent?',
    reasonHint:
      'Explain why waiting the standard time could seriously jeopardize the patient’s life or health or ability to regain maximum function.',
    send: 'Start the request',
    sending: 'Starting…',
    renewalOf: 'This renews authorization {number}.',
    renewedCase: 'See the request it renews',
    required: 'Required',
    positive: 'Enter a number greater than 0',
    daysRange: 'Enter whole days from 1 to 365',
    reasonRequired: 'An urgent request needs the reason',
    notRequired: 'No prior authorization is needed.',
    notRequiredNext: 'The pharmacy can fill this prescription. No request was opened.',
    windowClosed: 'Authorization {number} ends {to}. A renewal can be sent from {date}.',
  },
  es: {
    title: 'Nueva solicitud de autorización previa',
    exceptionTitle: 'Nueva solicitud: {kind}',
    renewTitle: 'Renovar la autorización previa {number}',
    noPatient: 'Primero busque al paciente.',
    findPatient: 'Buscar un paciente',
    patient: 'Paciente',
    drug: 'Medicamento',
    chooseDrug: 'Elija el medicamento',
    changeDrug: 'Elegir otro medicamento',
    quantity: 'Cantidad',
    quantityHint: 'Unidades por surtido (p. ej., plumas, tabletas, mL)',
    days: 'Días de suministro',
    daysHint: 'De 1 a 365 días',
    qlHint: 'Límite del plan: {units} cada {days} días',
    urgency: '¿Qué tan pronto se necesita la decisión?',
    standard: 'Estándar (decisión dentro del plazo estándar del plan)',
    urgent: 'Urgente (decisión acelerada)',
    reason: '¿Por qué es urgente?',
    reasonHint:
      'Explique por qué esperar el plazo estándar podría poner en grave peligro la vida o la salud del paciente o su capacidad de recuperar la función máxima.',
    send: 'Iniciar la solicitud',
    sending: 'Iniciando…',
    renewalOf: 'Esta solicitud renueva la autorización {number}.',
    renewedCase: 'Ver la solicitud que renueva',
    required: 'Obligatorio',
    positive: 'Escriba un número mayor que 0',
    daysRange: 'Escriba días enteros de 1 a 365',
    reasonRequired: 'Una solicitud urgente necesita el motivo',
    notRequired: 'No se necesita autorización previa.',
    notRequiredNext: 'La farmacia puede surtir esta receta. No se abrió ninguna solicitud.',
    windowClosed: 'La autorización {number} termina el {to}. Se puede enviar una renovación a partir del {date}.',
  },
};

/**
 * `/prescriber/new?memberId=…&rxcui=…[&renewalOf=…&from=…][&quantity=…&daysSupply=…][&kind=…]`: quantity,
 * days supply, urgency → POST /pa-requests. `kind` names an exception (a claim's or coverage check's
 * next step): the case opens on that kind's question set. A renewal (the dashboard's "Request
 * renewal") names the case it renews (`from`, linked back) and starts from its quantity and days
 * supply; the server carries that case's answers over when the criteria set is the same.
 */
export function NewRequestPage() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const { search, navigate } = useRouter();
  const memberId = search.get('memberId');
  const rxcui = search.get('rxcui');
  const renewalOf = search.get('renewalOf');
  const from = search.get('from');
  const prefill = { quantity: search.get('quantity'), daysSupply: search.get('daysSupply') };
  const kindParam = search.get('kind');
  const kind = isExceptionKind(kindParam) ? kindParam : null;
  const patient = useApi<Patient>(memberId ? `/members/${encodeURIComponent(memberId)}` : null);
  const title = renewalOf
    ? fill(t.renewTitle, { number: renewalOf })
    : kind
      ? fill(t.exceptionTitle, { kind: EXCEPTION_KIND_NAMES[kind][lang] })
      : t.title;
  if (!memberId) {
    return (
      <Page title={title}>
        <p>{t.noPatient}</p>
        <Link to="/prescriber/patients" className="button-link">
          {t.findPatient}
        </Link>
      </Page>
    );
  }
  const here = (next: Record<string, string | null>) =>
    withQuery('/prescriber/new', { memberId, rxcui, renewalOf, from, ...prefill, kind, ...next });
  return (
    <Page title={title}>
      <Async state={patient}>
        {(p) => (
          <>
            <p>
              <strong>{t.patient}:</strong> {patientName(p)} ({p.memberId}) —{' '}
              {p.pharmacyBenefit?.planName ?? p.plan?.name}
            </p>
            {rxcui ? (
              <RequestForm
                patient={p}
                rxcui={rxcui}
                renewalOf={renewalOf}
                renewedCase={from}
                prefill={prefill}
                kind={kind}
                onChangeDrug={() => navigate(here({ rxcui: null }))}
              />
            ) : p.pharmacyBenefit ? (
              <Section title={t.chooseDrug}>
                <DrugSearch
                  planId={p.pharmacyBenefit.planId}
                  audience="staff"
                  pick="drug"
                  onSelect={(d) => navigate(here({ rxcui: d.rxcui }))}
                />
              </Section>
            ) : null}
          </>
        )}
      </Async>
    </Page>
  );
}

function RequestForm({
  patient,
  rxcui,
  renewalOf,
  renewedCase,
  prefill,
  kind,
  onChangeDrug,
}: {
  patient: Patient;
  rxcui: string;
  renewalOf: string | null;
  /** The case whose authorization is renewed (linked back). */
  renewedCase: string | null;
  prefill: { quantity: string | null; daysSupply: string | null };
  kind: ExceptionKind | null;
  onChangeDrug: () => void;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const me = useMe();
  const { navigate } = useRouter();
  const coverage = useApi<Coverage>('/coverage', { memberId: patient.memberId, rxcui });
  const [form, setForm] = useState({
    quantity: prefill.quantity ?? '',
    daysSupply: prefill.daysSupply ?? '30',
    urgency: 'standard' as 'standard' | 'urgent',
    urgencyReason: '',
  });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof form, string>>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    { kind: 'not-required'; message: string } | { kind: 'problem'; error: ApiError } | null
  >(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    const quantity = Number(form.quantity);
    const days = Number(form.daysSupply);
    if (!form.quantity.trim()) next.quantity = t.required;
    else if (!(quantity > 0)) next.quantity = t.positive;
    if (!Number.isInteger(days) || days < 1 || days > 365) next.daysSupply = t.daysRange;
    if (form.urgency === 'urgent' && !form.urgencyReason.trim()) next.urgencyReason = t.reasonRequired;
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    setOutcome(null);
    try {
      const body = {
        memberId: patient.memberId,
        prescriberNpi: me.npi,
        rxcui,
        quantity,
        daysSupply: days,
        urgency: form.urgency,
        ...(form.urgency === 'urgent' ? { urgencyReason: form.urgencyReason.trim() } : {}),
        channel: 'portal',
        ...(renewalOf ? { renewalOf } : {}),
        ...(kind ? { kind } : {}),
      };
      const r = await api.post<RequestView | PaNotRequired>('/pa-requests', body);
      if (r.status === 'not-required') setOutcome({ kind: 'not-required', message: (r as PaNotRequired).message });
      else navigate(`/prescriber/requests/${encodeURIComponent((r as RequestView).id)}`);
    } catch (err) {
      setOutcome({ kind: 'problem', error: toApiError(err) });
    } finally {
      setBusy(false);
    }
  };
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const ql = coverage.data?.quantityLimit;

  return (
    <Section title={t.drug}>
      <Async state={coverage}>
        {(c) => (
          <>
            <p>
              <strong>
                <DrugName name={c.drug.name} />
              </strong>{' '}
              <button type="button" className="link-button" onClick={onChangeDrug}>
                {t.changeDrug}
              </button>
            </p>
            <p className="muted">
              <CoverageSummary coverage={c} />
            </p>
          </>
        )}
      </Async>
      {renewalOf ? (
        <p>
          {fill(t.renewalOf, { number: renewalOf })}{' '}
          {renewedCase ? (
            <Link to={`/prescriber/requests/${encodeURIComponent(renewedCase)}`}>{t.renewedCase}</Link>
          ) : null}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <div className="row">
          <Field
            label={t.quantity}
            hint={ql ? fill(t.qlHint, { units: String(ql.units), days: String(ql.days) }) : t.quantityHint}
            error={errors.quantity}
          >
            {(p) => (
              <input
                {...p}
                type="number"
                inputMode="decimal"
                min="0"
                step="any"
                value={form.quantity}
                onChange={set('quantity')}
                required
              />
            )}
          </Field>
          <Field label={t.days} hint={t.daysHint} error={errors.daysSupply}>
            {(p) => (
              <input
                {...p}
                type="number"
                inputMode="numeric"
                min="1"
                max="365"
                step="1"
                value={form.daysSupply}
                onChange={set('daysSupply')}
                required
              />
            )}
          </Field>
        </div>
        <fieldset>
          <legend>{t.urgency}</legend>
          {(['standard', 'urgent'] as const).map((u) => (
            <label key={u} className="choice">
              <input
                type="radio"
                name="urgency"
                value={u}
                checked={form.urgency === u}
                onChange={() => setForm((f) => ({ ...f, urgency: u }))}
              />
              {u === 'standard' ? t.standard : t.urgent}
            </label>
          ))}
        </fieldset>
        {form.urgency === 'urgent' ? (
          <Field label={t.reason} hint={t.reasonHint} error={errors.urgencyReason}>
            {(p) => (
              <textarea {...p} value={form.urgencyReason} onChange={set('urgencyReason')} maxLength={2000} required />
            )}
          </Field>
        ) : null}
        {outcome?.kind === 'not-required' ? (
          <Notice tone="success">
            <strong>{t.notRequired}</strong> {serverWords(outcome.message, lang)} {t.notRequiredNext}
          </Notice>
        ) : null}
        {outcome?.kind === 'problem' ? <InitiateProblem error={outcome.error} lang={lang} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.sending : t.send}
        </button>
      </form>
    </Section>
  );
}

/** 409s that are answers, not failures: an authorization already exists, or its renewal window is not open yet. */
function InitiateProblem({ error, lang }: { error: ApiError; lang: 'en' | 'es' }) {
  const t = useText(TEXT);
  const p = error.problem as {
    authorizationNumber?: string;
    effectiveTo?: string;
    renewalOpensOn?: string;
    firstAllowedDate?: string;
  };
  // One request per drug: the existing case (open, under appeal, or approved) is linked instead.
  if (isExistingRequest(error))
    return <ExistingRequestNotice error={error} caseHref={(id) => `/prescriber/requests/${encodeURIComponent(id)}`} />;
  if (error.code === 'RENEWAL_WINDOW_NOT_OPEN' && p.firstAllowedDate) {
    return (
      <Notice tone="warning">
        {fill(t.windowClosed, {
          number: p.authorizationNumber ?? '',
          to: formatDate(p.effectiveTo, lang),
          date: formatDate(p.firstAllowedDate, lang),
        })}
      </Notice>
    );
  }
  return <ErrorBanner error={error} />;
}
