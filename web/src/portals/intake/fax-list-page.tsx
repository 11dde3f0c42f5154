import { Link, useRouter } from '../../app/router';
import { useLang, useText } from '../../i18n/i18n';
import { Async, Field, Page, StatusBadge } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { documentKind, faxStatusLabel, faxStatusTone, formatSize } from './fax-status';
import type { FaxItem } from './types';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    title: 'Inbound faxes',
    show: 'Show',
    newOnly: 'New faxes to file',
    caseCreated: 'Cases created',
    attached: 'Filed with a case or appeal',
    all: 'All faxes',
    empty: 'No faxes here.',
    emptyNew: 'No new faxes. Everything received has been filed.',
    caption: 'Faxes, oldest first',
    received: 'Received',
    from: 'From (fax)',
    document: 'Document',
    status: 'Status',
    filedWith: 'Filed with',
    open: 'Open fax from {from} received {at}',
    refresh: 'Refresh',
    caseLabel: 'Case',
    appealLabel: 'Appeal',
  },
  es: {
    title: 'Faxes recibidos',
    show: 'Mostrar',
    newOnly: 'Faxes nuevos por archivar',
    caseCreated: 'Casos creados',
    attached: 'Archivados en un caso o apelación',
    all: 'Todos los faxes',
    empty: 'No hay faxes.',
    emptyNew: 'No hay faxes nuevos.',
    caption: 'Faxes, el más antiguo primero',
    received: 'Recibido',
    from: 'De (fax)',
    document: 'Documento',
    status: 'Estado',
    filedWith: 'Archivado en',
    open: 'Abrir fax de {from} recibido {at}',
    refresh: 'Actualizar',
    caseLabel: 'Caso',
    appealLabel: 'Apelación',
  },
};

const FILTERS = ['new', 'case-created', 'attached', 'all'] as const;

/** The intake queue: faxes from the gateway, oldest first (their clocks started when they arrived). */
export function FaxListPage() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const { search, navigate } = useRouter();
  const status = (FILTERS as readonly string[]).includes(search.get('status') ?? '')
    ? (search.get('status') as string)
    : 'new';
  const faxes = useApi<{ items: FaxItem[] }>('/fax/inbound', { status: status === 'all' ? undefined : status });
  const labels: Record<string, string> = {
    new: t.newOnly,
    'case-created': t.caseCreated,
    attached: t.attached,
    all: t.all,
  };

  return (
    <Page
      title={t.title}
      actions={
        <button type="button" onClick={faxes.reload}>
          {t.refresh}
        </button>
      }
    >
      <div className="row">
        <Field label={t.show}>
          {(p) => (
            <select
              {...p}
              value={status}
              onChange={(e) =>
                navigate(e.target.value === 'new' ? '/intake' : `/intake?status=${e.target.value}`, { replace: true })
              }
            >
              {FILTERS.map((f) => (
                <option key={f} value={f}>
                  {labels[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Async state={faxes} empty={status === 'new' ? t.emptyNew : t.empty} isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <TableBox label={`${labels[status]} — ${t.caption}`} className="card">
            <table>
              <caption>
                {labels[status]} — {t.caption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.received}</th>
                  <th scope="col">{t.from}</th>
                  <th scope="col">{t.document}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.filedWith}</th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((f) => (
                  <tr key={f.id}>
                    <td>
                      <Link
                        to={`/intake/faxes/${encodeURIComponent(f.id)}`}
                        aria-label={t.open
                          .replace('{from}', f.senderFax)
                          .replace('{at}', formatDateTime(f.receivedAt, lang))}
                      >
                        {formatDateTime(f.receivedAt, lang)}
                      </Link>
                    </td>
                    <td>{f.senderFax}</td>
                    <td>
                      {documentKind(f.contentType)} · {formatSize(f.size)}
                    </td>
                    <td>
                      <StatusBadge status={faxStatusTone(f.status)} label={faxStatusLabel(f.status, lang)} />
                    </td>
                    <td>
                      {f.appealId
                        ? `${t.appealLabel} ${f.appealId}`
                        : f.paRequestId
                          ? `${t.caseLabel} ${f.paRequestId}`
                          : '—'}
                    </td>
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
