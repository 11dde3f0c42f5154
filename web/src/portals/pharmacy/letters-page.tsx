import type { NoticeSummary } from '../../api/types';
import { useLang, useText } from '../../i18n/i18n';
import { Async, FileLink, Page, StatusBadge } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { letterDeliveryLabel } from '../../ui/letter-delivery';
import { LongId } from '../../ui/long-id';
import { staffLetterLabel } from '../../ui/plain-words';
import { TableBox } from '../../ui/table-box';
import { useApi } from '../../ui/use-api';

const TEXT = {
  en: {
    title: 'Letters',
    intro:
      'Letters the plan sent this pharmacy about prior authorizations it started. Without a fax number on file, this is where they arrive.',
    empty: 'The plan has not sent this pharmacy any letters.',
    caption: 'Letters to this pharmacy',
    letter: 'Letter',
    member: 'Member ID',
    request: 'Request',
    via: 'How it was sent',
    status: 'Delivery',
    date: 'Date',
    open: 'Open PDF',
  },
  es: {
    title: 'Cartas',
    intro:
      'Cartas que el plan envió a esta farmacia sobre las autorizaciones previas que inició. Si no tenemos un número de fax, llegan aquí.',
    empty: 'El plan no ha enviado cartas a esta farmacia.',
    caption: 'Cartas a esta farmacia',
    letter: 'Carta',
    member: 'Número de afiliado',
    request: 'Solicitud',
    via: 'Cómo se envió',
    status: 'Entrega',
    date: 'Fecha',
    open: 'Abrir PDF',
  },
};

/** GET /notices without a filter: the letters addressed to this pharmacy, newest first, each opening as a PDF. */
export function LettersPage() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const list = useApi<{ items: NoticeSummary[] }>('/notices');
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
                  <th scope="col">{t.letter}</th>
                  <th scope="col">{t.member}</th>
                  <th scope="col">{t.request}</th>
                  <th scope="col">{t.via}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.date}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((n) => (
                  <tr key={n.id}>
                    <td>
                      <FileLink path={`/notices/${encodeURIComponent(n.id)}/pdf`}>
                        {staffLetterLabel(n.kind, lang)}
                      </FileLink>
                      <span className="visually-hidden"> ({t.open})</span>
                    </td>
                    <td>{n.memberId ?? '—'}</td>
                    <td>{n.paRequestId ? <LongId>{n.paRequestId}</LongId> : '—'}</td>
                    <td>{letterDeliveryLabel(n, lang)}</td>
                    <td>
                      <StatusBadge status={n.status} />
                    </td>
                    <td>{formatDateTime(n.sentAt ?? n.createdAt, lang)}</td>
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
