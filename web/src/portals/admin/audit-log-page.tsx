import { useState, type FormEvent } from 'react';
import { api, withQuery } from '../../api/client';
import type { ApiAnswer } from '../../api/api-shapes';
import { useText } from '../../i18n/i18n';
import { Async, Field, Page, Section } from '../../ui/components';
import { useAction, useApi } from '../../ui/use-api';
import { TableBox } from '../../ui/table-box';

/** GET /audit-events, as generated from the route's schema (src/audit/audit.routes.ts). */
type AuditPage = ApiAnswer<'/api/v1/audit-events', 'get'>;
type AuditEvent = AuditPage['items'][number];

interface AuditFilter {
  memberId: string;
  userId: string;
  from: string;
  to: string;
}

const TEXT = {
  en: {
    title: 'Audit log',
    filters: 'Audit log filters',
    member: 'Member ID',
    user: 'User (ID or username)',
    from: 'From',
    to: 'To',
    hint: 'Calendar days in UTC, both included. Your search is itself recorded in the log.',
    show: 'Show',
    download: 'Download CSV',
    downloading: 'Preparing…',
    results: 'Events',
    caption: 'Audit events, newest first',
    when: 'When',
    who: 'Who',
    role: 'Role',
    action: 'Action',
    what: 'What',
    members: 'Members',
    why: 'Why',
    empty: 'No events match these filters.',
    older: 'Older events',
  },
  es: {
    title: 'Registro de auditoría',
    filters: 'Filtros del registro de auditoría',
    member: 'Número de afiliado',
    user: 'Usuario (ID o nombre de usuario)',
    from: 'Desde',
    to: 'Hasta',
    hint: 'Días en UTC, ambos incluidos. Su búsqueda también queda registrada.',
    show: 'Mostrar',
    download: 'Descargar CSV',
    downloading: 'Preparando…',
    results: 'Eventos',
    caption: 'Eventos de auditoría, los más recientes primero',
    when: 'Cuándo',
    who: 'Quién',
    role: 'Rol',
    action: 'Acción',
    what: 'Qué',
    members: 'Afiliados',
    why: 'Motivo',
    empty: 'Ningún evento coincide con estos filtros.',
    older: 'Eventos anteriores',
  },
};

const EMPTY: AuditFilter = { memberId: '', userId: '', from: '', to: '' };

/**
 * The audit log for the administrator (docs/security.md#audit-log): who read or changed what, by
 * member, user and period, newest first; "Older events" follows the cursor; the CSV export is the
 * same filter. Every search here is itself audited by the API.
 */
export function AuditLogPage() {
  const t = useText(TEXT);
  const [draft, setDraft] = useState<AuditFilter>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>(EMPTY);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const page = useApi<AuditPage>('/audit-events', { ...filter, cursor, limit: 50 });
  const download = useAction(async () => {
    const url = await api.fileUrl(withQuery('/audit-events.csv', { ...filter }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'audit-events.csv';
    document.body.append(a);
    a.click();
    a.remove();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCursor(undefined);
    setFilter({ ...draft, memberId: draft.memberId.trim(), userId: draft.userId.trim() });
  };
  const input =
    (key: keyof AuditFilter, type = 'text') =>
    (p: { id: string }) => (
      <input {...p} type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    );
  return (
    <Page title={t.title}>
      <form className="card admin-filters" onSubmit={submit} aria-label={t.filters}>
        <div className="row">
          <Field label={t.member}>{input('memberId')}</Field>
          <Field label={t.user}>{input('userId')}</Field>
          <Field label={t.from}>{input('from', 'date')}</Field>
          <Field label={t.to}>{input('to', 'date')}</Field>
          <div className="field">
            <button type="submit" className="primary">
              {t.show}
            </button>
          </div>
          <div className="field">
            <button type="button" disabled={download.busy} onClick={() => void download.run()}>
              {download.busy ? t.downloading : t.download}
            </button>
          </div>
        </div>
        <p className="muted">{t.hint}</p>
        {download.error ? (
          <p className="field-error" role="alert">
            {download.error.message}
          </p>
        ) : null}
      </form>
      <Section title={t.results}>
        <Async state={page} empty={t.empty} isEmpty={(d) => d.items.length === 0}>
          {(d) => (
            <>
              <AuditTable events={d.items} />
              {d.nextCursor ? (
                <button type="button" onClick={() => setCursor(d.nextCursor ?? undefined)}>
                  {t.older}
                </button>
              ) : null}
            </>
          )}
        </Async>
      </Section>
    </Page>
  );
}

function AuditTable({ events }: { events: AuditEvent[] }) {
  const t = useText(TEXT);
  return (
    <TableBox label={t.caption}>
      <table>
        <caption>{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.who}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.action}</th>
            <th scope="col">{t.what}</th>
            <th scope="col">{t.members}</th>
            <th scope="col">{t.why}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.at).toISOString().replace('T', ' ').slice(0, 19)} UTC</td>
              <th scope="row">{e.actor}</th>
              <td>{e.actorRole ?? '—'}</td>
              <td>{e.action}</td>
              <td>
                {e.entityType} {e.entityId}
              </td>
              <td>{e.memberIds.join(', ') || '—'}</td>
              <td>{e.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
