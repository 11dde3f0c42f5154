import { Link } from '../../app/router';
import { fill, useLang, useText } from '../../i18n/i18n';
import {
  Async,
  DueIn,
  Empty,
  ErrorBanner,
  FileLink,
  KeyValues,
  Loading,
  Page,
  Section,
  StatusBadge,
} from '../../ui/components';
import { formatDate, formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { languageName, nameWithCredential } from '../../ui/plain-words';
import { AppealsTable } from './appeals-table';
import { isOnClock } from '../../ui/statuses';
import type {
  AppealSummary,
  Determination,
  InformationRequest,
  Items,
  NoticeSummary,
  RequestView,
} from '../../api/types';
import { actionLabel, noticeLabel, recipientLabel, urgencyLabel } from './words';
import { requestChannelLabel } from '../../ui/channel-label';
import { letterDeliveryLabel } from '../../ui/letter-delivery';
import { CaseStatusBadge, StandingNotice } from '../../ui/case-standing';
import { DrugName } from '../../ui/drug-name-view';
import { actorLabel } from '../../ui/people';
import { TableBox } from '../../ui/table-box';
import { formGroupName } from '../../ui/drug-name';
import { criteriaTitle, ruleText, type PlanRule } from '../../ui/plan-text';
import { decisionReasons, historyReason } from '../../ui/decision-reasons';
import { informationItemText, informationNote, type CaseWords } from '../../ui/information-words';

const TEXT = {
  en: {
    title: 'PA request {id}',
    back: 'Back to the member',
    readOnly:
      'Read-only view for member services: changes are made by the prescriber, intake or the clinical reviewers.',
    summary: 'The request',
    status: 'Status',
    drug: 'Drug',
    scope: 'Covers',
    qty: 'Quantity',
    days: 'Days’ supply',
    urgency: 'Urgency',
    urgencyReason: 'Why urgent',
    channel: 'Sent by',
    received: 'Received',
    complete: 'Complete',
    due: 'Decision due',
    left: 'Time left',
    prescriber: 'Prescriber NPI',
    member: 'Member',
    criteria: 'Criteria',
    decision: 'Decision',
    noDecision: 'No decision yet.',
    decided: 'Decided',
    by: 'Decided by',
    reasons: 'Reasons',
    notMet: 'Criteria rules not met',
    auth: 'Authorization number',
    from: 'Valid from',
    to: 'Valid until',
    approvedQty: 'Approved quantity',
    info: 'Information requests',
    noInfo: 'The plan has not asked for more information.',
    infoN: 'Request {n}',
    asked: 'Asked {at}, answer due {due}',
    answered: 'Answered {at}',
    question: 'Question',
    document: 'Document',
    letters: 'Letters',
    noLetters: 'No letters for this request yet.',
    letter: 'Letter',
    lettersTable: 'Letters about this case',
    to_: 'To',
    sentBy: 'How it was sent',
    delivery: 'Delivery',
    openPdf: 'Open PDF ({lang})',
    appeals: 'Appeals on this request',
    noAppeals: 'No appeals on this request.',
    history: 'History',
    escalated: 'Escalated',
  },
  es: {
    title: 'Solicitud de autorización previa {id}',
    back: 'Volver al afiliado',
    readOnly:
      'Vista de solo lectura para Servicios al afiliado: los cambios los hacen el médico, la recepción o los revisores clínicos.',
    summary: 'La solicitud',
    status: 'Estado',
    drug: 'Medicamento',
    scope: 'Cubre',
    qty: 'Cantidad',
    days: 'Días de suministro',
    urgency: 'Urgencia',
    urgencyReason: 'Por qué es urgente',
    channel: 'Enviada por',
    received: 'Recibida',
    complete: 'Completa',
    due: 'Decisión vence',
    left: 'Tiempo restante',
    prescriber: 'NPI del médico',
    member: 'Afiliado',
    criteria: 'Criterios',
    decision: 'Decisión',
    noDecision: 'Aún no hay decisión.',
    decided: 'Decidida',
    by: 'Decidida por',
    reasons: 'Motivos',
    notMet: 'Reglas de criterios no cumplidas',
    auth: 'Número de autorización',
    from: 'Válida desde',
    to: 'Válida hasta',
    approvedQty: 'Cantidad aprobada',
    info: 'Solicitudes de información',
    noInfo: 'El plan no ha pedido más información.',
    infoN: 'Solicitud {n}',
    asked: 'Pedida {at}, respuesta vence {due}',
    answered: 'Respondida {at}',
    question: 'Pregunta',
    document: 'Documento',
    letters: 'Cartas',
    noLetters: 'Aún no hay cartas para esta solicitud.',
    letter: 'Carta',
    lettersTable: 'Cartas sobre este caso',
    to_: 'Para',
    sentBy: 'Cómo se envió',
    delivery: 'Entrega',
    openPdf: 'Abrir PDF ({lang})',
    appeals: 'Apelaciones de esta solicitud',
    noAppeals: 'No hay apelaciones de esta solicitud.',
    history: 'Historial',
    escalated: 'Escalada',
  },
};

/** One PA case, read-only: decision, reasons, information requests, letters, appeals, history. */
export function PaCasePage({ id }: { id: string }) {
  const t = useText(TEXT);
  const pa = useApi<RequestView>(`/pa-requests/${encodeURIComponent(id)}`);
  const notices = useApi<Items<NoticeSummary>>(pa.data ? '/notices' : null, { paRequestId: id });
  const appeals = useApi<Items<AppealSummary>>(pa.data ? '/appeals' : null, { paRequestId: id });
  const c = pa.data;
  return (
    <Page
      title={fill(t.title, { id })}
      actions={
        c ? (
          <Link to={`/services/members/${encodeURIComponent(c.memberId)}`}>{t.back}</Link>
        ) : (
          <Link to="/services">{t.back}</Link>
        )
      }
    >
      {pa.error ? <ErrorBanner error={pa.error} onRetry={pa.reload} /> : null}
      {!c && !pa.error ? <Loading /> : null}
      {c ? (
        <>
          <p className="muted">{t.readOnly}</p>
          <StandingNotice c={c} audience="staff" />
          <CaseSummary c={c} />
          <DecisionSection d={c.determination} rules={c.criteria.rules} />
          <InfoRequests items={c.informationRequests} c={c} />
          <Section title={t.letters}>
            <Async state={notices} empty={t.noLetters} isEmpty={(d) => d.items.length === 0}>
              {(d) => <Letters items={d.items} />}
            </Async>
          </Section>
          <Section title={t.appeals}>
            <Async state={appeals} empty={t.noAppeals} isEmpty={(d) => d.items.length === 0}>
              {(d) => <AppealsTable items={d.items} linkCases={false} />}
            </Async>
          </Section>
          <History c={c} />
        </>
      ) : null}
    </Page>
  );
}

function CaseSummary({ c }: { c: RequestView }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const open = isOnClock(c.status);
  return (
    <Section title={t.summary}>
      <KeyValues
        rows={[
          [
            t.status,
            <span key="s">
              <CaseStatusBadge c={c} />
              {c.escalated ? (
                <>
                  {' '}
                  <span className="badge badge-bad">{t.escalated}</span>
                </>
              ) : null}
            </span>,
          ],
          [
            t.member,
            <Link key="m" to={`/services/members/${encodeURIComponent(c.memberId)}`}>
              {c.memberName ? `${c.memberName} (${c.memberId})` : c.memberId}
            </Link>,
          ],
          [t.drug, <DrugName name={c.drug.name} />],
          [t.scope, formGroupName(c.drug.scope, lang)],
          [t.qty, String(c.quantity)],
          [t.days, String(c.daysSupply)],
          [t.urgency, urgencyLabel(c.urgency, lang)],
          ...(c.urgencyReason ? [[t.urgencyReason, c.urgencyReason] as [string, string]] : []),
          [t.channel, requestChannelLabel(c.channel, lang)],
          [t.prescriber, c.prescriberNpi],
          [t.received, formatDateTime(c.receivedAt, lang)],
          [t.complete, formatDateTime(c.completedAt, lang)],
          [t.due, open ? formatDateTime(c.dueAt, lang) : '—'],
          [t.left, open ? <DueIn key="d" dueAt={c.dueAt} /> : '—'],
          [t.criteria, criteriaTitle(c.criteria, lang)],
        ]}
      />
    </Section>
  );
}

/** "Dana Whitfield, MD" — the name may already carry the credential. */
function DecisionSection({ d, rules }: { d: Determination | null; rules: PlanRule[] }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <Section title={t.decision}>
      {!d ? (
        <Empty>{t.noDecision}</Empty>
      ) : (
        <>
          <KeyValues
            rows={[
              [t.decision, <StatusBadge key="d" status={d.decision} />],
              [t.decided, formatDateTime(d.decidedAt, lang)],
              [t.by, d.decidedBy ? nameWithCredential(d.decidedBy.name, d.decidedBy.credential) : '—'],
              ...(d.authorizationNumber
                ? ([
                    [t.auth, d.authorizationNumber],
                    [t.from, formatDate(d.effectiveFrom, lang)],
                    [t.to, formatDate(d.effectiveTo, lang)],
                  ] as [string, string][])
                : []),
              ...(d.approvedQuantity
                ? ([[t.approvedQty, `${d.approvedQuantity}${d.perDays ? ` / ${d.perDays} d` : ''}`]] as [
                    string,
                    string,
                  ][])
                : []),
            ]}
          />
          {decisionReasons(d, lang).length ? (
            <>
              <h3>{t.reasons}</h3>
              <ul>
                {decisionReasons(d, lang).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          ) : null}
          {d.criteriaNotMet?.length ? (
            <>
              <h3>{t.notMet}</h3>
              <ul>
                {d.criteriaNotMet.map((r) => (
                  <li key={r}>{ruleText(rules, r, lang)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </Section>
  );
}

function InfoRequests({ items, c }: { items: InformationRequest[]; c: CaseWords }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <Section title={t.info}>
      {items.length === 0 ? (
        <Empty>{t.noInfo}</Empty>
      ) : (
        items.map((r) => (
          <article key={r.id}>
            <h3>
              {fill(t.infoN, { n: r.sequence })} <StatusBadge status={r.status} />
            </h3>
            <p className="muted">
              {fill(t.asked, { at: formatDateTime(r.requestedAt, lang), due: formatDateTime(r.dueAt, lang) })}
              {r.respondedAt ? ` · ${fill(t.answered, { at: formatDateTime(r.respondedAt, lang) })}` : ''}
            </p>
            <ul>
              {r.items.map((i, n) => (
                <li key={n}>{`${i.question ? t.question : t.document}: ${informationItemText(i, c, lang)}`}</li>
              ))}
            </ul>
            {informationNote(r, lang) ? <p>{informationNote(r, lang)}</p> : null}
          </article>
        ))
      )}
    </Section>
  );
}

function Letters({ items }: { items: NoticeSummary[] }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <TableBox label={t.lettersTable}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.letter}</th>
            <th scope="col">{t.to_}</th>
            <th scope="col">{t.sentBy}</th>
            <th scope="col">{t.delivery}</th>
            <th scope="col">PDF</th>
          </tr>
        </thead>
        <tbody>
          {items.map((n) => (
            <tr key={n.id}>
              <td>
                {noticeLabel(n.kind, lang)}
                <br />
                <span className="muted">{formatDateTime(n.createdAt, lang)}</span>
              </td>
              <td>{recipientLabel(n.recipient, lang)}</td>
              <td>{letterDeliveryLabel(n, lang)}</td>
              <td>
                <StatusBadge status={n.status} />
              </td>
              <td>
                <FileLink path={`/notices/${encodeURIComponent(n.id)}/pdf`}>
                  {fill(t.openPdf, { lang: languageName(n.language) })}
                </FileLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

function History({ c }: { c: RequestView }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <Section title={t.history}>
      <ol className="timeline">
        {c.history.map((h, i) => (
          <li key={i}>
            <strong>{actionLabel(h.action, lang)}</strong>
            <span className="muted">
              {' '}
              · {formatDateTime(h.at, lang)} · {actorLabel(h, lang)}
            </span>
            {historyReason(h, lang) ? <p>{historyReason(h, lang)}</p> : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}
