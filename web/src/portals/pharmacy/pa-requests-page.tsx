import type { Items, RequestSummary } from '../../api/types';
import { useLang, useText } from '../../i18n/i18n';
import { Async, DueIn, Page } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { LongId } from '../../ui/long-id';
import { isOnClock } from '../../ui/statuses';
import { CaseStatusBadge } from '../../ui/case-standing';
import { DrugName } from '../../ui/drug-name-view';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    title: 'PA requests I started',
    intro:
      'Prior authorization requests this pharmacy opened for a prescriber after a 75 reject. Resubmit the claim once one is approved.',
    empty: 'This pharmacy has not started any PA requests.',
    caption: 'PA requests started by this pharmacy',
    id: 'Request',
    member: 'Member ID',
    drug: 'Drug',
    prescriber: 'Prescriber NPI',
    status: 'Status',
    started: 'Started',
    due: 'Decision due',
  },
  es: {
    title: 'Solicitudes de autorización previa iniciadas',
    intro:
      'Solicitudes de autorización previa que esta farmacia abrió para un médico tras un rechazo 75. Vuelva a enviar la reclamación cuando se apruebe.',
    empty: 'Esta farmacia no ha iniciado solicitudes de autorización previa.',
    caption: 'Solicitudes de autorización previa iniciadas por esta farmacia',
    id: 'Solicitud',
    member: 'Número de afiliado',
    drug: 'Medicamento',
    prescriber: 'NPI del médico',
    status: 'Estado',
    started: 'Iniciada',
    due: 'Decisión antes de',
  },
};

/** GET /pa-requests: a pharmacy sees the requests it started, with where each one stands. */
export function PaRequestsPage() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const list = useApi<Items<RequestSummary>>('/pa-requests', { limit: 200 });
  return (
    <Page title={t.title}>
      <p className="muted">{t.intro}</p>
      <Async state={list} empty={t.empty} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <TableBox label={t.caption} className="card">
            <table>
              <caption>{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.id}</th>
                  <th scope="col">{t.member}</th>
                  <th scope="col">{t.drug}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.started}</th>
                  <th scope="col">{t.due}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <LongId>{r.id}</LongId>
                      <div className="muted">
                        {t.prescriber} {r.prescriberNpi}
                      </div>
                    </td>
                    <td>{r.memberId}</td>
                    <td>
                      <DrugName name={r.drug.name} />
                    </td>
                    <td>
                      <CaseStatusBadge c={r} />
                    </td>
                    <td>{formatDateTime(r.receivedAt, lang)}</td>
                    <td>{isOnClock(r.status) ? <DueIn dueAt={r.dueAt} /> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
      </Async>
    </Page>
  );
}
