import { Link } from '../../app/router';
import { useLang, useText } from '../../i18n/i18n';
import { Async, DueIn, Section } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import type { ApiState } from '../../ui/use-api';
import { isOnClock } from '../../ui/statuses';
import type { Items, RequestSummary } from '../../api/types';
import { urgencyLabel } from './words';
import { CaseStatusBadge } from '../../ui/case-standing';
import { DrugName } from '../../ui/drug-name-view';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    title: 'Prior authorizations',
    none: 'No prior authorization requests for this member.',
    drug: 'Drug',
    status: 'Status',
    urgency: 'Urgency',
    received: 'Received',
    due: 'Decision due',
    escalated: 'escalated',
    caption: 'Prior authorization requests, newest first',
  },
  es: {
    title: 'Autorizaciones previas',
    none: 'No hay solicitudes de autorización previa para este afiliado.',
    drug: 'Medicamento',
    status: 'Estado',
    urgency: 'Urgencia',
    received: 'Recibida',
    due: 'Decisión vence',
    escalated: 'escalada',
    caption: 'Solicitudes de autorización previa, las más recientes primero',
  },
};

export function MemberPas({ state }: { state: ApiState<Items<RequestSummary>> }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <Section title={t.title} id="prior-authorizations">
      <Async state={state} empty={t.none} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <TableBox label={t.caption}>
            <table>
              <caption className="visually-hidden">{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.drug}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.urgency}</th>
                  <th scope="col">{t.received}</th>
                  <th scope="col">{t.due}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((pa) => (
                  <tr key={pa.id}>
                    <td>
                      <Link to={`/services/pa/${encodeURIComponent(pa.id)}`}>
                        <DrugName name={pa.drug.name} secondary={false} />
                      </Link>
                      <br />
                      <span className="muted">{pa.id}</span>
                    </td>
                    <td>
                      <CaseStatusBadge c={pa} />
                      {pa.escalated ? (
                        <>
                          {' '}
                          <span className="badge badge-bad">{t.escalated}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{urgencyLabel(pa.urgency, lang)}</td>
                    <td>{formatDateTime(pa.receivedAt, lang)}</td>
                    <td>
                      {isOnClock(pa.status) && pa.dueAt ? (
                        <>
                          {formatDateTime(pa.dueAt, lang)}
                          <br />
                          <DueIn dueAt={pa.dueAt} />
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Async>
    </Section>
  );
}
