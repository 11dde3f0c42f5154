import type { ReactNode } from 'react';
import { exceptionRows } from '../../ui/exception-rows';
import { Link } from '../../app/router';
import { useLang, useText } from '../../i18n/i18n';
import { Async, DueIn, KeyValues, Notice, Page, Section } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { QuestionnaireForm } from '../../questionnaire/questionnaire-form';
import { AttachmentList, AttachmentUploader } from './attachments';
import { CaseDecision } from './case-decision';
import { CaseHistory } from './case-history';
import { CaseLetters } from './case-letters';
import { DraftAnswers, renderAttachmentLink } from './draft-answers';
import { InformationResponse } from './information-response';
import { MedicationHistory } from './medication-history';
import { NameWithId } from './member-name';
import { PastInformationRequests } from './past-information-requests';
import type { RequestView } from '../../api/types';
import { isOnClock, isOpenPa } from '../../ui/statuses';
import { WithdrawRequest } from './withdraw-request';
import { CaseStatusBadge, StandingNotice } from '../../ui/case-standing';
import { requestChannelLabel } from '../../ui/channel-label';
import { useDrugName } from '../../ui/drug-name-view';
import { formGroupName } from '../../ui/drug-name';
import { criteriaTitle } from '../../ui/plan-text';

const TEXT = {
  en: {
    title: 'Prior authorization request',
    back: 'All my requests',
    summary: 'Request',
    status: 'Status',
    patient: 'Patient',
    drug: 'Drug',
    covers: 'Covers',
    quantity: 'Quantity',
    quantityText: '{q} for {d} days',
    urgency: 'Urgency',
    standard: 'Standard',
    urgent: 'Urgent',
    reason: 'Why urgent',
    received: 'Received',
    channel: 'Sent by',
    submitted: 'Submitted',
    due: 'Decision due',
    left: 'Time left',
    id: 'Request ID',
    criteria: 'Criteria',
    renewalOf: 'Renews authorization',
    reviewing:
      'The plan is reviewing this request. You will get a letter with the decision; this page updates when it is made.',
    answers: 'Answers sent',
    documents: 'Documents',
    add: 'Add a document for the reviewer',
  },
  es: {
    title: 'Solicitud de autorización previa',
    back: 'Todas mis solicitudes',
    summary: 'Solicitud',
    status: 'Estado',
    patient: 'Paciente',
    drug: 'Medicamento',
    covers: 'Cubre',
    quantity: 'Cantidad',
    quantityText: '{q} para {d} días',
    urgency: 'Urgencia',
    standard: 'Estándar',
    urgent: 'Urgente',
    reason: 'Por qué es urgente',
    received: 'Recibida',
    channel: 'Enviada por',
    submitted: 'Enviada',
    due: 'La decisión vence',
    left: 'Tiempo restante',
    id: 'ID de la solicitud',
    criteria: 'Criterios',
    renewalOf: 'Renueva la autorización',
    reviewing:
      'El plan está revisando esta solicitud. Recibirá una carta con la decisión; esta página se actualiza cuando se tome.',
    answers: 'Respuestas enviadas',
    documents: 'Documentos',
    add: 'Agregar un documento para el revisor',
  },
};

/** `/prescriber/requests/:id`: one case, with what the prescriber can do at its stage. */
export function CasePage({ id }: { id: string }) {
  const t = useText(TEXT);
  const state = useApi<RequestView>(`/pa-requests/${encodeURIComponent(id)}`);
  const dn = useDrugName();
  return (
    <Page title={state.data ? dn(state.data.drug.name) : t.title} actions={<Link to="/prescriber">{t.back}</Link>}>
      <Async state={state}>{(view) => <CaseBody view={view} reload={state.reload} />}</Async>
    </Page>
  );
}

function CaseBody({ view, reload }: { view: RequestView; reload: () => void }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const reviewing = isOnClock(view.status);
  const rows: [string, ReactNode][] = [
    [t.status, <CaseStatusBadge c={view} />],
    // The name the case carries (the member lookup is not the prescriber's to make), the ID beside it.
    [t.patient, <NameWithId name={view.memberName} id={view.memberId} />],
    [t.covers, formGroupName(view.drug.scope, lang)],
    ...exceptionRows(view, lang),
    [t.quantity, t.quantityText.replace('{q}', String(view.quantity)).replace('{d}', String(view.daysSupply))],
    [t.urgency, view.urgency === 'urgent' ? t.urgent : t.standard],
  ];
  if (view.urgency === 'urgent' && view.urgencyReason) rows.push([t.reason, view.urgencyReason]);
  rows.push([t.channel, requestChannelLabel(view.channel, lang)]);
  rows.push([t.received, formatDateTime(view.receivedAt, lang)]);
  if (view.submittedAt) rows.push([t.submitted, formatDateTime(view.submittedAt, lang)]);
  if (reviewing && view.dueAt) {
    rows.push([t.due, formatDateTime(view.dueAt, lang)]);
    rows.push([t.left, <DueIn dueAt={view.dueAt} />]);
  }
  if (view.renewalOf) rows.push([t.renewalOf, view.renewalOf]);
  rows.push([t.criteria, criteriaTitle(view.criteria, lang)]);
  rows.push([t.id, view.id]);
  const openInfo =
    view.status === 'awaiting-information' ? view.informationRequests.find((r) => r.status === 'open') : undefined;
  const version = view.history.length
    ? view.history[view.history.length - 1].at + view.history.length
    : view.receivedAt;

  return (
    <>
      <StandingNotice c={view} audience="prescriber" />
      <Section title={t.summary}>
        <KeyValues rows={rows} />
      </Section>
      {view.status === 'awaiting-answers' ? <DraftAnswers key={view.id} view={view} onChanged={reload} /> : null}
      {openInfo ? <InformationResponse key={openInfo.id} view={view} open={openInfo} onChanged={reload} /> : null}
      {view.status === 'awaiting-answers' || openInfo ? <MedicationHistory caseId={view.id} /> : null}
      {view.status === 'submitted' || view.status === 'in-review' ? <Notice>{t.reviewing}</Notice> : null}
      <CaseDecision view={view} />
      <PastInformationRequests requests={view.informationRequests} view={view} />
      {view.status !== 'awaiting-answers' && view.questionnaire && view.answers ? (
        <Section title={t.answers}>
          <QuestionnaireForm
            questionnaire={view.questionnaire}
            response={view.answers}
            onChange={() => undefined}
            readOnly
            renderAttachment={renderAttachmentLink(view.id)}
          />
        </Section>
      ) : null}
      {view.status !== 'awaiting-answers' && !openInfo ? (
        <Section title={t.documents}>
          <AttachmentList caseId={view.id} attachments={view.attachments} requiredDocuments={view.requiredDocuments} />
          {reviewing ? (
            <>
              <h3>{t.add}</h3>
              <AttachmentUploader caseId={view.id} requiredDocuments={view.requiredDocuments} onUploaded={reload} />
            </>
          ) : null}
        </Section>
      ) : null}
      <CaseLetters caseId={view.id} version={version} />
      <CaseHistory history={view.history} />
      {isOpenPa(view.status) ? (
        <div className="card">
          <WithdrawRequest caseId={view.id} onDone={reload} />
        </div>
      ) : null}
    </>
  );
}
