import { useState } from 'react';
import { fill, useLang, useText } from '../../i18n/i18n';
import { Empty, FileLink, InlineFile, StatusBadge } from '../../ui/components';
import { formatDateTime, statusLabel } from '../../ui/format';
import type { AppealView, Attachment, HistoryEntry, NoticeRef } from '../../api/types';
import { TableBox } from '../../ui/table-box';
import { historyActionLabel, languageName, STAFF_HISTORY_ACTIONS, staffLetterLabel } from '../../ui/plain-words';
import { letterDeliveryLabel, letterRecipientLabel } from '../../ui/letter-delivery';
import { actorLabel } from '../../ui/people';
import { historyReason } from '../../ui/decision-reasons';

/** Case and appeal documents alike (an appeal's documents answer no required document: no documentId). */
type AnyAttachment = Attachment | AppealView['attachments'][number];
/** Case and appeal history alike (an appeal's steps may carry no actor role). */
type AnyHistoryEntry = HistoryEntry | AppealView['history'][number];

/** Pieces shared by the case and appeal screens: documents, letters, history. */
const TEXT = {
  en: {
    urgent: 'Urgent (expedited)',
    standard: 'Standard',
    noAttachments: 'No documents attached.',
    show: 'Show',
    hide: 'Hide',
    uploaded: 'uploaded {at} by {by}',
    noNotices: 'No letters yet.',
    letter: 'Letter',
    lettersTable: 'Letters about this case',
    to: 'To',
    channel: 'How it was sent',
    language: 'Language',
    status: 'Status',
    created: 'Created',
    openPdf: 'Open PDF',
    noHistory: 'No history yet.',
    by: 'by',
  },
  es: {
    urgent: 'Urgente (acelerada)',
    standard: 'Estándar',
    noAttachments: 'No hay documentos adjuntos.',
    show: 'Mostrar',
    hide: 'Ocultar',
    uploaded: 'subido {at} por {by}',
    noNotices: 'Todavía no hay cartas.',
    letter: 'Carta',
    lettersTable: 'Cartas sobre este caso',
    to: 'Para',
    channel: 'Cómo se envió',
    language: 'Idioma',
    status: 'Estado',
    created: 'Creada',
    openPdf: 'Abrir PDF',
    noHistory: 'Todavía no hay historial.',
    by: 'por',
  },
};

export function UrgencyLabel({ urgency }: { urgency: string }) {
  const t = useText(TEXT);
  return urgency === 'urgent' ? <strong>{t.urgent}</strong> : <span>{t.standard}</span>;
}

export function AttachmentList({
  attachments,
  pathFor,
  initiallyOpen = false,
}: {
  attachments: AnyAttachment[];
  pathFor: (a: AnyAttachment) => string;
  /** Show every document inline from the start (the reviewer's evidence pane). */
  initiallyOpen?: boolean;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const [open, setOpen] = useState<Record<string, boolean>>(() =>
    initiallyOpen ? Object.fromEntries(attachments.map((a) => [a.id, true])) : {},
  );
  if (attachments.length === 0) return <Empty>{t.noAttachments}</Empty>;
  return (
    <ul className="timeline">
      {attachments.map((a) => (
        <li key={a.id}>
          <div className="row">
            <strong>{a.filename}</strong>
            <span className="muted">
              {a.contentType} · {Math.max(1, Math.round(a.size / 1024))} KB ·{' '}
              {fill(t.uploaded, { at: formatDateTime(a.uploadedAt, lang), by: a.uploadedBy ?? '—' })}
            </span>
            <button
              type="button"
              aria-expanded={Boolean(open[a.id])}
              onClick={() => setOpen((o) => ({ ...o, [a.id]: !o[a.id] }))}
            >
              {open[a.id] ? t.hide : t.show} <span className="visually-hidden">{a.filename}</span>
            </button>
          </div>
          {open[a.id] ? <InlineFile path={pathFor(a)} contentType={a.contentType} title={a.filename} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function NoticeTable({ notices }: { notices: NoticeRef[] }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  if (notices.length === 0) return <Empty>{t.noNotices}</Empty>;
  return (
    <TableBox label={t.lettersTable}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.letter}</th>
            <th scope="col">{t.to}</th>
            <th scope="col">{t.channel}</th>
            <th scope="col">{t.language}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.created}</th>
            <th scope="col">
              <span className="visually-hidden">PDF</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {notices.map((n) => (
            <tr key={n.id}>
              <td>{staffLetterLabel(n.kind, lang)}</td>
              <td>{letterRecipientLabel(n.recipient, lang)}</td>
              <td>{letterDeliveryLabel(n, lang)}</td>
              <td>{languageName(n.language)}</td>
              <td>
                <StatusBadge status={n.status} />
              </td>
              <td>{formatDateTime(n.createdAt, lang)}</td>
              <td>
                <FileLink path={`/notices/${encodeURIComponent(n.id)}/pdf`}>
                  {t.openPdf}{' '}
                  <span className="visually-hidden">
                    {staffLetterLabel(n.kind, lang)} → {letterRecipientLabel(n.recipient, lang)}
                  </span>
                </FileLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}

export function HistoryTimeline({ history }: { history: AnyHistoryEntry[] }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  if (history.length === 0) return <Empty>{t.noHistory}</Empty>;
  return (
    <ol className="timeline">
      {history.map((h, i) => {
        // A decision's step is named by the status it led to ("Denied"): the change is said once.
        const label = historyActionLabel(STAFF_HISTORY_ACTIONS, h.action, lang);
        return (
          <li key={`${h.at}-${i}`}>
            <div>
              <strong>{label}</strong>{' '}
              {h.from !== h.to && h.to && label !== statusLabel(h.to, lang) ? (
                <span className="muted">
                  ({h.from ? `${statusLabel(h.from, lang)} → ` : ''}
                  {statusLabel(h.to, lang)})
                </span>
              ) : null}
            </div>
            <div className="muted">
              {formatDateTime(h.at, lang)} · {t.by} {actorLabel(h, lang)}
            </div>
            {historyReason(h, lang) ? <div>{historyReason(h, lang)}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
