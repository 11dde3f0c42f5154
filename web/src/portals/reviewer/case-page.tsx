import { fill, useLang, useText } from '../../i18n/i18n';
import { exceptionRows } from '../../ui/exception-rows';
import { DueIn, ErrorBanner, KeyValues, Section, StatusBadge } from '../../ui/components';
import { formatDate, formatDateTime } from '../../ui/format';
import { useApi, type ApiState } from '../../ui/use-api';
import { Tabs } from '../../ui/tabs';
import { DrugName } from '../../ui/drug-name-view';
import { formGroupName } from '../../ui/drug-name';
import { ClaimHistory } from './claim-history';
import { CaseActions } from './case-actions';
import { AnswerList, CriteriaTrace, criterionText, DeterminationSummary, InformationRequests } from './case-details';
import { AttachmentList, HistoryTimeline, NoticeTable, UrgencyLabel } from './record-parts';
import { RecordPage } from './record-page';
import type { Patient, RequestView } from '../../api/types';
import { requestChannelLabel } from '../../ui/channel-label';
import { assigneeLabel } from '../../ui/people';
import { languageName } from '../../ui/plain-words';
import { criteriaTitle, documentText } from '../../ui/plan-text';

const TEXT = {
  en: {
    title: 'Case {id}',
    back: 'Back to the review queue',
    summary: 'Request',
    status: 'Status',
    drug: 'Drug',
    scope: 'Covers',
    quantity: 'Quantity',
    daysSupply: 'Days supply',
    urgency: 'Urgency',
    urgencyReason: 'Why urgent',
    channel: 'Received by',
    received: 'Received',
    submitted: 'Submitted',
    due: 'Time left',
    dueAt: 'Due',
    assigned: 'Assigned to',
    criteria: 'Criteria',
    nobody: 'Nobody',
    clockStopped: 'Clock stopped while waiting for information',
    overdue: 'Overdue',
    parties: 'Member and prescriber',
    member: 'Member',
    memberId: 'Member ID',
    dob: 'Date of birth',
    plan: 'Plan',
    eligible: 'Eligible today',
    language: 'Language',
    yes: 'Yes',
    no: 'No',
    prescriber: 'Prescriber',
    pharmacy: 'Pharmacy',
    withNpi: '{name} (NPI {npi})',
    answers: 'Questionnaire answers',
    requiredDocs: 'Documents the criteria ask for',
    attachments: 'Attachments',
    trace: 'Criteria check',
    info: 'Information requests',
    determination: 'Decision',
    notices: 'Letters',
    history: 'History',
    evidence: 'Evidence',
    tabCriteria: 'Criteria, answers, requests',
    tabClaims: 'Claims, last year',
    tabDocuments: 'Documents ({n})',
    tabRecord: 'Letters and history',
    claims: 'Pharmacy claims of the last year',
  },
  es: {
    title: 'Caso {id}',
    back: 'Volver a la cola de revisión',
    summary: 'Solicitud',
    status: 'Estado',
    drug: 'Medicamento',
    scope: 'Cubre',
    quantity: 'Cantidad',
    daysSupply: 'Días de suministro',
    urgency: 'Urgencia',
    urgencyReason: 'Por qué es urgente',
    channel: 'Recibida por',
    received: 'Recibida',
    submitted: 'Enviada',
    due: 'Tiempo restante',
    dueAt: 'Vence',
    assigned: 'Asignada a',
    criteria: 'Criterios',
    nobody: 'Nadie',
    clockStopped: 'Plazo detenido mientras se espera información',
    overdue: 'Vencida',
    parties: 'Afiliado y recetador',
    member: 'Afiliado',
    memberId: 'Número de afiliado',
    dob: 'Fecha de nacimiento',
    plan: 'Plan',
    eligible: 'Elegible hoy',
    language: 'Idioma',
    yes: 'Sí',
    no: 'No',
    prescriber: 'Recetador',
    pharmacy: 'Farmacia',
    withNpi: '{name} (NPI {npi})',
    answers: 'Respuestas del cuestionario',
    requiredDocs: 'Documentos que piden los criterios',
    attachments: 'Documentos adjuntos',
    trace: 'Revisión de criterios',
    info: 'Solicitudes de información',
    determination: 'Decisión',
    notices: 'Cartas',
    history: 'Historial',
    evidence: 'Evidencia',
    tabCriteria: 'Criterios, respuestas, solicitudes',
    tabClaims: 'Reclamaciones, último año',
    tabDocuments: 'Documentos ({n})',
    tabRecord: 'Cartas e historial',
    claims: 'Reclamaciones de farmacia del último año',
  },
};

export function CasePage({ id }: { id: string }) {
  const t = useText(TEXT);
  return (
    <RecordPage<RequestView>
      title={fill(t.title, { id })}
      back={t.back}
      path={`/pa-requests/${encodeURIComponent(id)}`}
    >
      {(view, onDone) => <CaseBody view={view} onDone={onDone} />}
    </RecordPage>
  );
}

function CaseBody({ view, onDone }: { view: RequestView; onDone: (message: string) => void }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  // A reviewer's information request on a plan whose clock continues keeps the due time running
  // (docs/clocks.md): such a case is still on the clock.
  const running =
    ['submitted', 'in-review'].includes(view.status) || (view.status === 'awaiting-information' && view.dueAt !== null);
  const overdue = running && view.dueAt !== null && view.timeLeftSeconds !== undefined && view.timeLeftSeconds < 0;
  const traceTexts = new Map(
    (view.criteriaEvaluation?.evaluation?.rules ?? []).map((r) => [r.id, criterionText(view, r, lang)]),
  );
  const member = useApi<Patient>(`/members/${encodeURIComponent(view.memberId)}`);
  return (
    <>
      <Section title={t.summary}>
        <KeyValues
          rows={[
            [t.status, <StatusBadge status={view.status} />],
            [t.drug, <DrugName name={view.drug.name} />],
            ...exceptionRows(view, lang),
            [t.scope, formGroupName(view.drug.groupName, lang)],
            [t.quantity, String(view.quantity)],
            [t.daysSupply, String(view.daysSupply)],
            [t.urgency, <UrgencyLabel urgency={view.urgency} />],
            ...(view.urgencyReason ? ([[t.urgencyReason, view.urgencyReason]] as [string, string][]) : []),
            [t.channel, view.channel ? requestChannelLabel(view.channel, lang) : '—'],
            [t.received, formatDateTime(view.receivedAt, lang)],
            [t.submitted, formatDateTime(view.submittedAt, lang)],
            [
              t.due,
              running && view.dueAt ? (
                <span className={overdue ? 'overdue' : undefined}>
                  {overdue ? <span className="badge badge-bad">{t.overdue}</span> : null} <DueIn dueAt={view.dueAt} />
                </span>
              ) : view.status === 'awaiting-information' ? (
                t.clockStopped
              ) : (
                '—'
              ),
            ],
            [t.dueAt, formatDateTime(view.dueAt, lang)],
            [t.assigned, assigneeLabel(view, lang) ?? t.nobody],
            [t.criteria, `${criteriaTitle(view.criteria, lang)} (v${view.criteria.version})`],
          ]}
        />
      </Section>
      {/* Evidence beside the decision on wide screens (docs/design.md#reviewer-screen): the reviewer reads the
          criteria trace, answers, claims and documents while the decision form stays in view. */}
      <div className="two-panes reviewer-panes">
        <section className="pane card evidence-pane" aria-labelledby={`${view.id}-evidence`}>
          <h2 id={`${view.id}-evidence`}>{t.evidence}</h2>
          <Tabs
            label={t.evidence}
            tabs={[
              {
                id: 'criteria',
                label: t.tabCriteria,
                content: (
                  <>
                    <h3>{t.trace}</h3>
                    <CriteriaTrace view={view} />
                    <h3>{t.answers}</h3>
                    <AnswerList view={view} />
                    {view.requiredDocuments.length ? (
                      <>
                        <h3>{t.requiredDocs}</h3>
                        <ul>
                          {view.requiredDocuments.map((d) => (
                            <li key={d.id}>{documentText(d, lang)}</li>
                          ))}
                        </ul>
                      </>
                    ) : null}
                    <h3>{t.info}</h3>
                    <InformationRequests requests={view.informationRequests} c={view} />
                  </>
                ),
              },
              {
                id: 'claims',
                label: t.tabClaims,
                content: (
                  <>
                    <h3>{t.claims}</h3>
                    <ClaimHistory caseId={view.id} />
                  </>
                ),
              },
              {
                id: 'documents',
                label: fill(t.tabDocuments, { n: view.attachments.length }),
                content: (
                  <>
                    <h3>{t.attachments}</h3>
                    <AttachmentList
                      attachments={view.attachments}
                      initiallyOpen
                      pathFor={(a) =>
                        `/pa-requests/${encodeURIComponent(view.id)}/attachments/${encodeURIComponent(a.id)}`
                      }
                    />
                  </>
                ),
              },
              {
                id: 'record',
                label: t.tabRecord,
                content: (
                  <>
                    <h3>{t.notices}</h3>
                    <NoticeTable notices={view.notices} />
                    <h3>{t.history}</h3>
                    <HistoryTimeline history={view.history} />
                  </>
                ),
              },
            ]}
          />
        </section>
        <div className="pane pane-sticky decision-pane">
          <CaseActions view={view} onDone={onDone} memberLanguage={member.data?.language === 'es' ? 'es' : 'en'} />
          {view.determination ? (
            <Section title={t.determination}>
              <DeterminationSummary d={view.determination} traceTexts={traceTexts} />
            </Section>
          ) : null}
          <Section title={t.parties}>
            <MemberFacts memberId={view.memberId} member={member} />
            <KeyValues
              rows={[
                [t.prescriber, withNpi(t.withNpi, view.prescriberName, view.prescriberNpi)],
                ...(view.pharmacyNpi
                  ? ([[t.pharmacy, withNpi(t.withNpi, view.pharmacyName, view.pharmacyNpi)]] as [string, string][])
                  : []),
              ]}
            />
          </Section>
        </div>
      </div>
    </>
  );
}

/** "Dana Whitfield (NPI 1234567893)": people by name, the NPI as secondary text; the NPI alone when the name is not known. */
function withNpi(pattern: string, name: string | null, npi: string): string {
  return name ? fill(pattern, { name, npi }) : `NPI ${npi}`;
}

function MemberFacts({ memberId, member }: { memberId: string; member: ApiState<Patient> }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  if (member.error) {
    return (
      <>
        <KeyValues rows={[[t.memberId, memberId]]} />
        <ErrorBanner error={member.error} onRetry={member.reload} />
      </>
    );
  }
  const m = member.data;
  return (
    <KeyValues
      rows={[
        [t.member, m ? `${m.firstName} ${m.lastName}` : '…'],
        [t.memberId, memberId],
        [t.dob, m ? formatDate(m.dateOfBirth, lang) : '…'],
        [t.plan, m?.plan?.name ?? '—'],
        [t.eligible, m ? (m.eligible ? t.yes : t.no) : '…'],
        [t.language, languageName(m?.language)],
      ]}
    />
  );
}
