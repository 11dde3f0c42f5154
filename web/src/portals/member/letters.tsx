import { useLang, useText } from '../../i18n/i18n';
import { Async, FileLink } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import type { NoticeSummary } from '../../api/types';
import { noticeLabel } from './plain-words';

const TEXT = {
  en: {
    empty: 'No letters yet.',
    open: 'Open the PDF',
    sent: 'Sent',
    notSent: 'Being prepared',
    language: { en: 'English', es: 'Spanish' } as Record<string, string>,
  },
  es: {
    empty: 'Todavía no hay cartas.',
    open: 'Abrir el PDF',
    sent: 'Enviada',
    notSent: 'En preparación',
    language: { en: 'inglés', es: 'español' } as Record<string, string>,
  },
};

/** The letters the member received about a case or an appeal (GET /notices?…), each opening as a PDF. */
export function Letters({
  query,
  only,
}: {
  query: { paRequestId?: string; appealId?: string };
  only?: (n: NoticeSummary) => boolean;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const state = useApi<{ items: NoticeSummary[] }>('/notices', query);
  const pickOut = (d: { items: NoticeSummary[] }) => (only ? d.items.filter(only) : d.items);
  return (
    <Async state={state} empty={t.empty} isEmpty={(d) => pickOut(d).length === 0}>
      {(d) => (
        <ul className="member-letters">
          {pickOut(d).map((n) => (
            <li key={n.id}>
              <FileLink path={`/notices/${encodeURIComponent(n.id)}/pdf`}>
                {noticeLabel(n.kind, lang)} — {t.open}
              </FileLink>{' '}
              <span className="muted">
                {formatDateTime(n.createdAt, lang)} · {t.language[n.language.slice(0, 2)] ?? n.language} ·{' '}
                {n.status === 'sent' || n.status === 'delivered' ? t.sent : t.notSent}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Async>
  );
}
