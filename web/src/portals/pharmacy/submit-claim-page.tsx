import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { Link } from '../../app/router';
import { useMe, useSession } from '../../app/session';
import { fill, useText } from '../../i18n/i18n';
import { Notice, Page, Section } from '../../ui/components';
import { useAction } from '../../ui/use-api';
import { PatientSearch } from '../../ui/patient-search';
import { ClaimAnswer, fromResponse } from './claim-answer';
import { emptyDraft, serverToday, toClaimRequest, type ClaimDraft } from './claim-draft';
import { ClaimForm } from './claim-form';
import { DrugSearch } from '../../ui/drug-search';
import type { ClaimResponse, Patient } from '../../api/types';
import type { ClaimRequest } from '../../api/types';
import { useDrugName } from '../../ui/drug-name-view';

const TEXT = {
  en: {
    title: 'Submit a claim',
    findPatient: 'Find the patient (optional)',
    findPatientHint: 'Fills in the member ID, date of birth and the BIN, PCN and group of the plan that pays.',
    findDrug: 'Find the drug (optional)',
    claim: 'Claim',
    answer: 'Answer',
    history: 'My claims',
    newClaim: 'Start a new claim',
    noNpi: 'This account has no pharmacy NPI; claims cannot be sent from it.',
    chosen: 'Using {name} ({id}).',
    drugChosen: 'Using NDC {ndc}: {name}.',
  },
  es: {
    title: 'Enviar una reclamación',
    findPatient: 'Buscar al paciente (opcional)',
    findPatientHint: 'Completa el número de afiliado, la fecha de nacimiento y el BIN, PCN y grupo del plan que paga.',
    findDrug: 'Buscar el medicamento (opcional)',
    claim: 'Reclamación',
    answer: 'Respuesta',
    history: 'Mis reclamaciones',
    newClaim: 'Nueva reclamación',
    noNpi: 'Esta cuenta no tiene NPI de farmacia.',
    chosen: 'Usando a {name} ({id}).',
    drugChosen: 'Usando el NDC {ndc}: {name}.',
  },
};

/** B1 at the counter: find the patient and drug, key the claim, read the answer and act on it. */
export function SubmitClaimPage() {
  const t = useText(TEXT);
  const dn = useDrugName();
  const me = useMe();
  const { clockOffsetMs } = useSession();
  const [draft, setDraft] = useState<ClaimDraft>(() => emptyDraft(serverToday(clockOffsetMs)));
  const [patient, setPatient] = useState<Patient | null>(null);
  const [sent, setSent] = useState<{ request: ClaimRequest; response: ClaimResponse } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const submit = useAction(async (request: ClaimRequest) => ({
    request,
    response: await api.post<ClaimResponse>('/claims', request),
  }));

  useEffect(() => {
    if (sent) answerRef.current?.focus();
  }, [sent]);

  const choosePatient = (p: Patient) => {
    const proc = p.pharmacyBenefit?.processor;
    setPatient(p);
    setSent(null); // another patient: the last claim's answer is not theirs
    setDraft((d) => ({
      ...d,
      cardholderId: p.memberId,
      dateOfBirth: p.dateOfBirth,
      bin: proc?.bin ?? d.bin,
      pcn: proc?.pcn ?? '',
      groupId: proc?.groupId ?? '',
    }));
    setNote(t.chosen.replace('{name}', `${p.firstName} ${p.lastName}`).replace('{id}', p.memberId));
  };

  const send = async () => {
    const r = await submit.run(toClaimRequest(draft, me.npi ?? ''));
    if (r) setSent(r);
  };

  // The next claim is usually for the same patient (docs/design.md#forms-and-answers): keep the card, clear the prescription.
  const reset = () => {
    setDraft((d) => ({
      ...emptyDraft(serverToday(clockOffsetMs)),
      cardholderId: d.cardholderId,
      dateOfBirth: d.dateOfBirth,
      bin: d.bin,
      pcn: d.pcn,
      groupId: d.groupId,
    }));
    setSent(null);
    setNote(
      patient ? fill(t.chosen, { name: `${patient.firstName} ${patient.lastName}`, id: patient.memberId }) : null,
    );
    submit.clearError();
  };

  return (
    <Page title={t.title} actions={<Link to="/pharmacy/claims">{t.history}</Link>}>
      {!me.npi ? <Notice tone="warning">{t.noNpi}</Notice> : null}
      <Section title={t.findPatient}>
        <p className="muted">{t.findPatientHint}</p>
        <PatientSearch onSelect={choosePatient} selectedId={patient?.memberId} onSearch={() => setSent(null)} />
      </Section>
      <Section title={t.findDrug}>
        <DrugSearch
          planId={patient?.pharmacyBenefit?.planId ?? patient?.plan?.id}
          choosePlan
          audience="staff"
          pick="package"
          onSelect={(d) => {
            setDraft((s) => ({ ...s, productId: d.ndc, drugName: d.name }));
            setNote(t.drugChosen.replace('{ndc}', d.ndc).replace('{name}', dn(d.name)));
          }}
        />
      </Section>
      <div ref={formRef}>
        <Section title={t.claim}>
          {note ? <Notice>{note}</Notice> : null}
          <ClaimForm draft={draft} onChange={setDraft} onSubmit={send} busy={submit.busy} error={submit.error} />
        </Section>
      </div>
      {sent ? (
        <div ref={answerRef} tabIndex={-1} aria-live="polite">
          <Section title={t.answer}>
            <ClaimAnswer
              key={sent.response.claimId + sent.response.transactionStatus}
              answer={fromResponse(sent.response)}
              paContext={{
                memberId: sent.request.cardholderId,
                prescriberNpi: sent.request.prescriberNpi,
                productId: sent.request.productId,
                quantity: sent.request.quantityDispensed,
                daysSupply: sent.request.daysSupply,
              }}
              onUseProcessor={(p) => {
                setDraft((d) => ({ ...d, bin: p.bin, pcn: p.pcn ?? '', groupId: p.groupId ?? '' }));
                formRef.current?.scrollIntoView();
              }}
            />
            <button type="button" onClick={reset}>
              {t.newClaim}
            </button>
          </Section>
        </div>
      ) : null}
    </Page>
  );
}
