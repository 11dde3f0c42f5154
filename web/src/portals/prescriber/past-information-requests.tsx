import { useLang, useText } from '../../i18n/i18n';
import { Section } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { informationItemText, type CaseWords } from '../../ui/information-words';
import type { InformationRequest } from '../../api/types';

const TEXT = {
  en: {
    title: 'Earlier requests for information',
    asked: 'Asked {date}',
    answered: 'Answered {date}',
    expired: 'Not answered by {date}',
    status: { answered: 'Answered', expired: 'Expired', cancelled: 'Cancelled' } as Record<string, string>,
    note: 'Your note:',
    files: '{n} document(s) sent',
    question: 'Question',
    document: 'Document',
  },
  es: {
    title: 'Solicitudes de información anteriores',
    asked: 'Pedida el {date}',
    answered: 'Respondida el {date}',
    expired: 'Sin respuesta antes del {date}',
    status: { answered: 'Respondida', expired: 'Vencida', cancelled: 'Cancelada' } as Record<string, string>,
    note: 'Su nota:',
    files: '{n} documento(s) enviado(s)',
    question: 'Pregunta',
    document: 'Documento',
  },
};

/** Information requests that are closed: what was asked and what was answered. */
export function PastInformationRequests({ requests, view }: { requests: InformationRequest[]; view: CaseWords }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const past = requests.filter((r) => r.status !== 'open');
  if (!past.length) return null;
  return (
    <Section title={t.title}>
      <ol>
        {past.map((r) => (
          <li key={r.id}>
            <p>
              {t.asked.replace('{date}', formatDateTime(r.requestedAt, lang))} —{' '}
              {r.respondedAt
                ? t.answered.replace('{date}', formatDateTime(r.respondedAt, lang))
                : `${t.status[r.status] ?? r.status}: ${t.expired.replace('{date}', formatDateTime(r.dueAt, lang))}`}
            </p>
            <ul>
              {r.items.map((item, i) => (
                <li key={item.id ?? i}>
                  <strong>{item.document ? t.document : t.question}:</strong> {informationItemText(item, view, lang)}
                </li>
              ))}
            </ul>
            {r.response?.note ? (
              <p>
                <strong>{t.note}</strong> {r.response.note}
              </p>
            ) : null}
            {r.response?.attachmentIds?.length ? (
              <p className="muted">{t.files.replace('{n}', String(r.response.attachmentIds.length))}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}
