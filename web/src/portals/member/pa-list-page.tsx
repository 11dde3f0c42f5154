import { Link } from '../../app/router';
import { useLang, useText } from '../../i18n/i18n';
import { Async, DueIn, Page } from '../../ui/components';
import { formatDate } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import type { RequestSummary } from '../../api/types';
import { isOpenPa } from '../../ui/statuses';
import { CaseStatusBadge } from '../../ui/case-standing';
import { DrugName } from '../../ui/drug-name-view';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    title: 'Prior Authorizations',
    intro:
      'Requests your prescriber sent to the plan to approve a drug. Open one to see the decision, letters and how to appeal.',
    empty: 'There are no prior authorization requests for you.',
    caption: 'My prior authorization requests',
    status: 'Status',
    drug: 'Drug',
    received: 'Received',
    due: 'Decision due',
    decided: 'Decided',
    urgent: 'Urgent',
  },
  es: {
    title: 'Autorizaciones previas',
    intro:
      'Solicitudes que su médico envió al plan para aprobar un medicamento. Abra una para ver la decisión, las cartas y cómo apelar.',
    empty: 'No hay solicitudes de autorización previa para usted.',
    caption: 'Mis solicitudes de autorización previa',
    status: 'Estado',
    drug: 'Medicamento',
    received: 'Recibida',
    due: 'Fecha límite de decisión',
    decided: 'Decidida',
    urgent: 'Urgente',
  },
};

/** GET /pa-requests: the member's own cases with status, drug, dates and time left. */
export function PaListPage() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const list = useApi<{ items: RequestSummary[] }>('/pa-requests');
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <Async state={list} empty={t.empty} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <TableBox label={t.caption} className="card">
            <table>
              <caption>{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.drug}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.received}</th>
                  <th scope="col">{t.due}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((p) => {
                  const open = isOpenPa(p.status);
                  return (
                    <tr key={p.id}>
                      <td>
                        <Link to={`/member/prior-authorizations/${encodeURIComponent(p.id)}`}>
                          <DrugName name={p.drug.name} secondary={false} />
                        </Link>
                        {p.urgency === 'urgent' ? (
                          <>
                            {' '}
                            <span className="badge badge-wait">{t.urgent}</span>
                          </>
                        ) : null}
                      </td>
                      <td>
                        <CaseStatusBadge c={p} />
                      </td>
                      <td>{formatDate(p.receivedAt, lang)}</td>
                      <td>
                        {open ? (
                          <>
                            <div>{formatDate(p.dueAt, lang)}</div>
                            <DueIn dueAt={p.dueAt} />
                          </>
                        ) : (
                          <span>
                            {t.decided} {formatDate(p.completedAt, lang)}
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableBox>
        )}
      </Async>
    </Page>
  );
}
