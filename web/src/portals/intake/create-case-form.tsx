import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useLang, useText } from '../../i18n/i18n';
import { ErrorBanner, Field, Notice } from '../../ui/components';
import { formatDate } from '../../ui/format';
import { useAction } from '../../ui/use-api';
import { DrugSearch } from '../../ui/drug-search';
import type { Patient } from '../../api/types';
import type { CreatedCase } from './types';
import { PatientSearch } from '../../ui/patient-search';
import { EXCEPTION_KIND_NAMES, EXCEPTION_KINDS } from '../../../../src/shared/exception-kinds';
import { useDrugName } from '../../ui/drug-name-view';

const TEXT = {
  en: {
    step1: '1. Find the member',
    step2: '2. Find the drug',
    step3: '3. The request',
    member: 'Member',
    none: 'Search for the member named on the fax and choose them.',
    prescriber: 'Prescriber NPI',
    ndc: 'Drug NDC (11 digits)',
    ndcHint: 'Choose the drug with the search, or type the NDC from the fax.',
    qty: 'Quantity',
    days: 'Days supply',
    urgency: 'Urgency',
    standard: 'Standard (72 hours)',
    urgent: 'Urgent (24 hours)',
    reason: 'Why is it urgent? (as written on the fax)',
    create: 'Create the PA case',
    kind: 'What the fax asks for',
    kindHint: 'An exception (formulary, quantity limit, …) uses its own question set.',
    priorAuthorization: 'Prior authorization',
    creating: 'Creating…',
    needMember: 'Choose the member first.',
    notCovered: 'Not covered today',
    dob: 'born',
  },
  es: {
    step1: '1. Buscar al afiliado',
    step2: '2. Buscar el medicamento',
    step3: '3. La solicitud',
    member: 'Afiliado',
    none: 'Busque al afiliado del fax y elíjalo.',
    prescriber: 'NPI del médico',
    ndc: 'NDC del medicamento (11 dígitos)',
    ndcHint: 'Elíjalo con la búsqueda o escriba el NDC del fax.',
    qty: 'Cantidad',
    days: 'Días de suministro',
    urgency: 'Urgencia',
    standard: 'Estándar (72 horas)',
    urgent: 'Urgente (24 horas)',
    reason: '¿Por qué es urgente? (según el fax)',
    create: 'Crear el caso de autorización previa',
    kind: 'Qué pide el fax',
    kindHint: 'Una excepción (formulario, límite de cantidad, …) usa su propio cuestionario.',
    priorAuthorization: 'Autorización previa',
    creating: 'Creando…',
    needMember: 'Primero elija al afiliado.',
    notCovered: 'Sin cobertura hoy',
    dob: 'nacido/a',
  },
};

/** A faxed PA request becomes a case (POST /fax/inbound/{id}/case); its clock starts at the fax's receipt. */
export function CreateCaseForm({ faxId, onCreated }: { faxId: string; onCreated: (c: CreatedCase) => void }) {
  const t = useText(TEXT);
  const dn = useDrugName();
  const { lang } = useLang();
  const [member, setMember] = useState<Patient | null>(null);
  const [f, setF] = useState({
    prescriberNpi: '',
    productId: '',
    rxcui: '',
    drugName: '',
    quantity: '',
    daysSupply: '',
    urgency: 'standard' as 'standard' | 'urgent',
    urgencyReason: '',
    kind: '',
  });
  const [missing, setMissing] = useState(false);
  const action = useAction((body: object) =>
    api.post<CreatedCase>(`/fax/inbound/${encodeURIComponent(faxId)}/case`, body),
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!member) {
      setMissing(true);
      return;
    }
    const r = await action.run({
      memberId: member.memberId,
      prescriberNpi: f.prescriberNpi.trim(),
      ...(f.rxcui && !f.productId ? { rxcui: f.rxcui } : { productId: f.productId.replace(/[^\d]/g, '') }),
      quantity: Number(f.quantity),
      daysSupply: Number(f.daysSupply),
      urgency: f.urgency,
      ...(f.urgency === 'urgent' ? { urgencyReason: f.urgencyReason.trim() } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
    });
    if (r) onCreated(r);
  };
  const set = (k: keyof typeof f) => (v: string) => setF((s) => ({ ...s, [k]: v }));

  return (
    <div>
      <h3>{t.step1}</h3>
      <PatientSearch
        selectedId={member?.memberId}
        onSelect={(p) => {
          setMember(p);
          setMissing(false);
        }}
      />
      {member ? (
        <Notice tone={member.eligible ? 'success' : 'warning'}>
          {t.member}: {member.firstName} {member.lastName} ({member.memberId}), {t.dob}{' '}
          {formatDate(member.dateOfBirth, lang)} — {member.plan?.name ?? '—'}
          {member.eligible ? '' : ` — ${t.notCovered}`}
        </Notice>
      ) : null}
      <h3>{t.step2}</h3>
      <DrugSearch
        planId={member?.pharmacyBenefit?.planId ?? member?.plan?.id}
        choosePlan
        audience="staff"
        pick="package-or-drug"
        onSelect={(d) => setF((s) => ({ ...s, productId: d.ndc, rxcui: d.rxcui, drugName: d.name }))}
      />
      <h3>{t.step3}</h3>
      <form onSubmit={submit} aria-label={t.create}>
        <div className="row">
          <Field label={t.prescriber}>
            {(p) => (
              <input
                {...p}
                value={f.prescriberNpi}
                onChange={(e) => set('prescriberNpi')(e.target.value)}
                required
                inputMode="numeric"
                pattern="\d{10}"
                maxLength={10}
              />
            )}
          </Field>
          <Field
            label={t.ndc}
            hint={f.drugName ? (f.productId ? dn(f.drugName) : `${dn(f.drugName)} (RxCUI ${f.rxcui})`) : t.ndcHint}
          >
            {(p) => (
              <input
                {...p}
                value={f.productId}
                onChange={(e) => setF((s) => ({ ...s, productId: e.target.value, rxcui: '', drugName: '' }))}
                required={!f.rxcui}
                inputMode="numeric"
                pattern="\d{5}-?\d{4}-?\d{2}"
                maxLength={13}
              />
            )}
          </Field>
          <Field label={t.qty}>
            {(p) => (
              <input
                {...p}
                type="number"
                value={f.quantity}
                onChange={(e) => set('quantity')(e.target.value)}
                required
                min={0.001}
                step="any"
              />
            )}
          </Field>
          <Field label={t.days}>
            {(p) => (
              <input
                {...p}
                type="number"
                value={f.daysSupply}
                onChange={(e) => set('daysSupply')(e.target.value)}
                required
                min={1}
                max={365}
              />
            )}
          </Field>
        </div>
        <Field label={t.kind} hint={t.kindHint}>
          {(p) => (
            <select {...p} value={f.kind} onChange={(e) => set('kind')(e.target.value)}>
              <option value="">{t.priorAuthorization}</option>
              {EXCEPTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {EXCEPTION_KIND_NAMES[k][lang]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t.urgency}</legend>
          <label className="choice">
            <input
              type="radio"
              name="case-urgency"
              checked={f.urgency === 'standard'}
              onChange={() => set('urgency')('standard')}
            />
            {t.standard}
          </label>
          <label className="choice">
            <input
              type="radio"
              name="case-urgency"
              checked={f.urgency === 'urgent'}
              onChange={() => set('urgency')('urgent')}
            />
            {t.urgent}
          </label>
        </fieldset>
        {f.urgency === 'urgent' ? (
          <Field label={t.reason}>
            {(p) => (
              <textarea
                {...p}
                value={f.urgencyReason}
                onChange={(e) => set('urgencyReason')(e.target.value)}
                required
                maxLength={2000}
              />
            )}
          </Field>
        ) : null}
        {missing ? <ErrorBanner error={t.needMember} /> : null}
        <ErrorBanner error={action.error} />
        <button type="submit" className="primary" disabled={action.busy}>
          {action.busy ? t.creating : t.create}
        </button>
      </form>
    </div>
  );
}
