import { Link } from '../../app/router';
import { useLang, useText } from '../../i18n/i18n';
import { DueIn, StatusBadge } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { isOpenAppeal } from '../../ui/statuses';
import type { AppealSummary } from '../../api/types';
import { urgencyLabel } from './words';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    appeal: 'Appeal',
    caseCol: 'PA request',
    status: 'Status',
    urgency: 'Urgency',
    filedBy: 'Filed by',
    received: 'Received',
    due: 'Due or decided',
    rep: 'representative',
    caption: 'Appeals',
  },
  es: {
    appeal: 'Apelación',
    caseCol: 'Solicitud de autorización previa',
    status: 'Estado',
    urgency: 'Urgencia',
    filedBy: 'Presentada por',
    received: 'Recibida',
    due: 'Vence o decidida',
    rep: 'representante',
    caption: 'Apelaciones',
  },
};

const FILED_BY: Record<string, { en: string; es: string }> = {
  member: { en: 'Member', es: 'Afiliado' },
  prescriber: { en: 'Prescriber', es: 'Médico' },
  representative: { en: 'Representative', es: 'Representante' },
};

export function AppealsTable({ items, linkCases = true }: { items: AppealSummary[]; linkCases?: boolean }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <TableBox label={t.caption}>
      <table>
        <caption className="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.appeal}</th>
            {linkCases ? <th scope="col">{t.caseCol}</th> : null}
            <th scope="col">{t.status}</th>
            <th scope="col">{t.urgency}</th>
            <th scope="col">{t.filedBy}</th>
            <th scope="col">{t.received}</th>
            <th scope="col">{t.due}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td>{a.id}</td>
              {linkCases ? (
                <td>
                  <Link to={`/services/pa/${encodeURIComponent(a.paRequestId)}`}>{a.paRequestId}</Link>
                </td>
              ) : null}
              <td>
                <StatusBadge status={a.status} />
              </td>
              <td>{urgencyLabel(a.urgency, lang)}</td>
              <td>
                {FILED_BY[a.filedBy]?.[lang] ?? a.filedBy}
                {a.representativeName ? ` (${a.representativeName})` : ''}
              </td>
              <td>{formatDateTime(a.receivedAt, lang)}</td>
              <td>
                {isOpenAppeal(a.status) ? (
                  <>
                    {formatDateTime(a.dueAt, lang)}
                    <br />
                    <DueIn dueAt={a.dueAt} />
                  </>
                ) : a.decidedAt ? (
                  formatDateTime(a.decidedAt, lang)
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
