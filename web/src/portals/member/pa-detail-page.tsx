import { Link } from '../../app/router';
import { fill, useLang, useText } from '../../i18n/i18n';
import { Async, DueIn, ErrorBanner, KeyValues, Page, Section, StatusBadge } from '../../ui/components';
import { formatDate, formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import type { RequestView } from '../../api/types';
import { AppealsSection } from './appeals-section';
import { Letters } from './letters';
import { isOpenPa } from '../../ui/statuses';
import { PaDecision } from './pa-decision';
import { CaseStatusBadge, StandingNotice } from '../../ui/case-standing';
import { historyLabel, infoStatus } from './plain-words';
import { requestChannelLabel } from '../../ui/channel-label';
import { DrugName, useDrugName } from '../../ui/drug-name-view';
import { exceptionRows } from '../../ui/exception-rows';
import { historyReason } from '../../ui/decision-reasons';
import { informationItemText } from '../../ui/information-words';

const TEXT = {
  en: {
    title: 'Prior authorization',
    titleFor: 'Prior authorization: {drug}',
    back: 'All my prior authorizations',
    summary: 'Request',
    status: 'Status',
    drug: 'Drug',
    amount: 'Amount',
    amountValue: '{qty} for {days} days',
    urgency: 'Speed',
    urgent: 'Urgent',
    standard: 'Standard',
    received: 'Received',
    channel: 'Sent by',
    due: 'Decision due',
    completed: 'Finished',
    info: 'Information the plan asked for',
    infoIntro: 'The plan asked your prescriber for these. You do not need to send them yourself.',
    infoDue: 'Due {date}',
    answered: 'Answered {date}',
    history: 'What happened',
    letters: 'My letters',
    waiting: 'The plan is still working on this request.',
    ref: 'Request number',
    notYours: 'This request does not exist or is not yours. Your own requests are listed under Prior Authorizations.',
  },
  es: {
    title: 'Autorización previa',
    titleFor: 'Autorización previa: {drug}',
    back: 'Todas mis autorizaciones previas',
    summary: 'Solicitud',
    status: 'Estado',
    drug: 'Medicamento',
    amount: 'Cantidad',
    amountValue: '{qty} para {days} días',
    urgency: 'Rapidez',
    urgent: 'Urgente',
    standard: 'Estándar',
    received: 'Recibida',
    channel: 'Enviada por',
    due: 'Fecha límite de decisión',
    completed: 'Terminada',
    info: 'Información que pidió el plan',
    infoIntro: 'El plan pidió esto a su médico. Usted no necesita enviarlo.',
    infoDue: 'Vence el {date}',
    answered: 'Respondida el {date}',
    history: 'Lo que pasó',
    letters: 'Mis cartas',
    waiting: 'El plan todavía está trabajando en esta solicitud.',
    ref: 'Número de solicitud',
    notYours: 'Esta solicitud no existe o no es suya. Sus solicitudes aparecen en Autorizaciones previas.',
  },
};

/** One case (GET /pa-requests/{id}); another member's case is refused by the API and only the refusal is shown. */
export function PaDetailPage({ id }: { id: string }) {
  const t = useText(TEXT);
  const state = useApi<RequestView>(`/pa-requests/${encodeURIComponent(id)}`);
  const dn = useDrugName();
  const title = state.data ? fill(t.titleFor, { drug: dn(state.data.drug.name) }) : t.title;
  return (
    <Page title={title} actions={<Link to="/member/prior-authorizations">{t.back}</Link>}>
      {state.error ? (
        <>
          <ErrorBanner
            error={state.error}
            onRetry={state.error.status === 403 || state.error.status === 404 ? undefined : state.reload}
          />
          {state.error.status === 403 || state.error.status === 404 ? <p>{t.notYours}</p> : null}
        </>
      ) : (
        <Async state={state}>{(pa) => <CaseBody pa={pa} reload={state.reload} />}</Async>
      )}
    </Page>
  );
}

function CaseBody({ pa, reload }: { pa: RequestView; reload: () => void }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const open = isOpenPa(pa.status);
  return (
    <>
      <StandingNotice c={pa} audience="member" />
      <Section title={t.summary}>
        <KeyValues
          rows={[
            [t.status, <CaseStatusBadge c={pa} />],
            [t.drug, <DrugName name={pa.drug.name} />],
            // An exception says which one it is and, on Part D, whether the prescriber's statement is in.
            ...exceptionRows(pa, lang),
            [t.amount, fill(t.amountValue, { qty: pa.quantity, days: pa.daysSupply })],
            [t.urgency, pa.urgency === 'urgent' ? t.urgent : t.standard],
            [t.channel, requestChannelLabel(pa.channel, lang)],
            [t.received, formatDateTime(pa.receivedAt, lang)],
            open
              ? [
                  t.due,
                  pa.dueAt ? (
                    <>
                      {formatDateTime(pa.dueAt, lang)} <DueIn dueAt={pa.dueAt} />
                    </>
                  ) : (
                    '—'
                  ),
                ]
              : [t.completed, formatDateTime(pa.completedAt, lang)],
            [t.ref, pa.id],
          ]}
        />
        {open ? <p>{t.waiting}</p> : null}
      </Section>
      {pa.determination ? <PaDecision d={pa.determination} standing={pa.standing} /> : null}
      {pa.informationRequests.length ? (
        <Section title={t.info}>
          <p>{t.infoIntro}</p>
          <ul>
            {pa.informationRequests.map((r) => (
              <li key={r.id}>
                <StatusBadge
                  status={r.status === 'answered' ? 'approved' : r.status === 'expired' ? 'failed' : 'submitted'}
                  label={infoStatus(r.status, lang)}
                />{' '}
                {r.items
                  .map((i) => informationItemText(i, pa, lang))
                  .filter(Boolean)
                  .join('; ')}{' '}
                <span className="muted">
                  {r.respondedAt
                    ? fill(t.answered, { date: formatDate(r.respondedAt, lang) })
                    : fill(t.infoDue, { date: formatDateTime(r.dueAt, lang) })}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <AppealsSection pa={pa} onChanged={reload} />
      <Section title={t.letters}>
        <Letters query={{ paRequestId: pa.id }} only={(n) => n.appealId === null} />
      </Section>
      <Section title={t.history}>
        <ol className="timeline">
          {pa.history.map((h, i) => (
            <li key={`${h.at}-${i}`}>
              <strong>{historyLabel(h.action, lang)}</strong>{' '}
              <span className="muted">{formatDateTime(h.at, lang)}</span>
              {h.action.startsWith('determination') && historyReason(h, lang) ? (
                <div>{historyReason(h, lang)}</div>
              ) : null}
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
