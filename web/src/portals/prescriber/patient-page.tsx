import { useState } from 'react';
import { withQuery } from '../../api/client';
import { Link, useRouter } from '../../app/router';
import { useLang, useText } from '../../i18n/i18n';
import { Async, Page, Section } from '../../ui/components';
import { formatDate } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { CoverageResult } from './coverage-result';
import { DrugSearch } from '../../ui/drug-search';
import { InsuranceCard } from './insurance-card';
import { patientName } from './member-name';
import type { Coverage, Patient, RequestSummary } from '../../api/types';
import { CaseStatusBadge } from '../../ui/case-standing';
import { DrugName } from '../../ui/drug-name-view';

const TEXT = {
  en: {
    title: 'Patient',
    insurance: 'Insurance and eligibility',
    back: 'Back to patient search',
    coverage: 'Check drug coverage',
    noPlan: 'This member has no pharmacy benefit on file.',
    requests: 'Your requests for this patient',
    noRequests: 'None yet.',
    received: 'received {date}',
  },
  es: {
    title: 'Paciente',
    insurance: 'Seguro y elegibilidad',
    back: 'Volver a la búsqueda de pacientes',
    coverage: 'Revisar la cobertura de un medicamento',
    noPlan: 'Este afiliado no tiene beneficio de farmacia registrado.',
    requests: 'Sus solicitudes para este paciente',
    noRequests: 'Ninguna todavía.',
    received: 'recibida {date}',
  },
};

/** `/prescriber/patients/:memberId`: insurance, coverage check of a drug, and "Start a prior authorization". */
export function PatientPage({ memberId }: { memberId: string }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const { search } = useRouter();
  const [rxcui, setRxcui] = useState(search.get('rxcui'));
  const pick = (next: string) => {
    setRxcui(next);
    // Keep the choice in the address (reload, share) without the router's scroll to top.
    window.history.replaceState(
      null,
      '',
      withQuery(`/prescriber/patients/${encodeURIComponent(memberId)}`, { rxcui: next }),
    );
  };
  const patient = useApi<Patient>(`/members/${encodeURIComponent(memberId)}`);
  const coverage = useApi<Coverage>(rxcui ? '/coverage' : null, { memberId, rxcui: rxcui ?? undefined });
  const requests = useApi<{ items: RequestSummary[] }>('/pa-requests', { memberId });
  const title = patient.data ? patientName(patient.data) : t.title;
  return (
    <Page title={title} actions={<Link to="/prescriber/patients">{t.back}</Link>}>
      <Async state={patient}>
        {(p) => (
          <>
            <InsuranceCard patient={p} title={t.insurance} />
            <Section title={t.coverage}>
              {p.pharmacyBenefit ? (
                <>
                  <DrugSearch
                    planId={p.pharmacyBenefit.planId}
                    audience="staff"
                    pick="drug"
                    selected={rxcui}
                    onSelect={(d) => pick(d.rxcui)}
                    onSearch={() => setRxcui(null)}
                  />
                  {rxcui ? (
                    <Async state={coverage}>{(c) => <CoverageResult memberId={memberId} coverage={c} />}</Async>
                  ) : null}
                </>
              ) : (
                <p>{t.noPlan}</p>
              )}
            </Section>
          </>
        )}
      </Async>
      <Section title={t.requests}>
        <Async state={requests} empty={t.noRequests} isEmpty={(d) => d.items.length === 0}>
          {(d) => (
            <ul>
              {d.items.map((r) => (
                <li key={r.id}>
                  <Link to={`/prescriber/requests/${encodeURIComponent(r.id)}`}>
                    <DrugName name={r.drug.name} secondary={false} />
                  </Link>{' '}
                  <CaseStatusBadge c={r} />{' '}
                  <span className="muted">{t.received.replace('{date}', formatDate(r.receivedAt, lang))}</span>
                </li>
              ))}
            </ul>
          )}
        </Async>
      </Section>
    </Page>
  );
}
