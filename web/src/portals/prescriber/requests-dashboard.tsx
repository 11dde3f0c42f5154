import { useState } from 'react';
import { Link } from '../../app/router';
import { fill, useLang, useText } from '../../i18n/i18n';
import { Async, DueIn, Field, Page, Section, StatusBadge } from '../../ui/components';
import { formatDateTime } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import { NameWithId } from './member-name';
import type { RequestSummary } from '../../api/types';
import { isOnClock } from '../../ui/statuses';
import { CaseStatusBadge } from '../../ui/case-standing';
import { DrugName, useDrugName } from '../../ui/drug-name-view';
import { TableBox } from '../../ui/table-box';
import { RenewalsDue } from './renewals-due';

const TEXT = {
  en: {
    title: 'My prior authorization requests',
    newRequest: 'New request',
    show: 'Show',
    all: 'All requests',
    empty: 'You have no prior authorization requests yet. Start one from a patient’s insurance search.',
    noneInGroup: 'No requests here.',
    drug: 'Drug',
    member: 'Patient',
    status: 'Status',
    received: 'Received',
    due: 'Decision due',
    decision: 'Decision',
    open: 'Open',
    urgent: 'Urgent',
    renewal: 'Renewal',
    filters: 'Find requests',
    patient: 'Patient name or member ID',
    drugFilter: 'Drug',
    from: 'Received from',
    to: 'Received to',
    clear: 'Clear filters',
    showing: 'Showing {n} of {total} requests.',
    badRange: 'The “from” date is after the “to” date.',
    noMatch: 'No request matches these filters.',
    groups: {
      action: 'Needs your action',
      waiting: 'Waiting for a decision',
      decided: 'Decided',
      withdrawn: 'Withdrawn',
    },
  },
  es: {
    title: 'Mis solicitudes de autorización previa',
    newRequest: 'Nueva solicitud',
    show: 'Mostrar',
    all: 'Todas las solicitudes',
    empty: 'Aún no tiene solicitudes de autorización previa. Inicie una desde la búsqueda de seguro del paciente.',
    noneInGroup: 'No hay solicitudes aquí.',
    drug: 'Medicamento',
    member: 'Paciente',
    status: 'Estado',
    received: 'Recibida',
    due: 'Decisión vence',
    decision: 'Decisión',
    open: 'Abrir',
    urgent: 'Urgente',
    renewal: 'Renovación',
    filters: 'Buscar solicitudes',
    patient: 'Nombre del paciente o número de afiliado',
    drugFilter: 'Medicamento',
    from: 'Recibida desde',
    to: 'Recibida hasta',
    clear: 'Borrar filtros',
    showing: 'Se muestran {n} de {total} solicitudes.',
    badRange: 'La fecha “desde” es posterior a la fecha “hasta”.',
    noMatch: 'Ninguna solicitud coincide con estos filtros.',
    groups: {
      action: 'Requiere su acción',
      waiting: 'Esperando una decisión',
      decided: 'Decididas',
      withdrawn: 'Retiradas',
    },
  },
};

type Group = keyof (typeof TEXT)['en']['groups'];
const GROUPS: Record<Group, string[]> = {
  action: ['awaiting-answers', 'awaiting-information'],
  waiting: ['submitted', 'in-review'],
  decided: ['approved', 'partially-approved', 'deemed-approved', 'denied', 'closed-no-response'],
  withdrawn: ['cancelled'],
};

/** The dashboard's search (docs/design.md#prescriber-portal): words in the patient's name or ID, in the drug's name, received dates. */
interface Filter {
  patient: string;
  drug: string;
  /** YYYY-MM-DD, in the browser's time zone, inclusive. */
  from: string;
  to: string;
}
const NO_FILTER: Filter = { patient: '', drug: '', from: '', to: '' };

/** One of the dashboard's filter boxes: a labelled input bound to one key of the filter. */
function FilterInput({
  label,
  type,
  name,
  filter,
  onChange,
  error,
}: {
  label: string;
  type: 'search' | 'date';
  name: keyof Filter;
  filter: Filter;
  onChange: (f: Filter) => void;
  error?: string;
}) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <input
          {...p}
          type={type}
          value={filter[name]}
          onChange={(e) => onChange({ ...filter, [name]: e.target.value })}
        />
      )}
    </Field>
  );
}

/** A local calendar date (YYYY-MM-DD) of an instant. */
function localDate(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function matches(r: RequestSummary, f: Filter, drugName: (name: string | null | undefined) => string): boolean {
  const words = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);
  const has = (text: string, typed: string) => words(typed).every((w) => text.toLowerCase().includes(w));
  if (f.patient && !has(`${r.memberName ?? ''} ${r.memberId}`, f.patient)) return false;
  if (f.drug && !has(`${drugName(r.drug.name)} ${r.drug.name ?? ''}`, f.drug)) return false;
  const received = localDate(r.receivedAt);
  if (f.from && received < f.from) return false;
  if (f.to && received > f.to) return false;
  return true;
}

/** `/prescriber`: the prescriber's requests, grouped by what they need. */
export function RequestsDashboard() {
  const t = useText(TEXT);
  const state = useApi<{ items: RequestSummary[] }>('/pa-requests', { limit: 200 });
  const [show, setShow] = useState<Group | 'all'>('all');
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const drugName = useDrugName();
  return (
    <Page
      title={t.title}
      actions={
        <Link to="/prescriber/patients" className="button-link">
          {t.newRequest}
        </Link>
      }
    >
      <RenewalsDue />
      <Async state={state} empty={t.empty} isEmpty={(d) => d.items.length === 0}>
        {(all) => {
          const badRange = Boolean(filter.from && filter.to && filter.from > filter.to);
          const data = { items: badRange ? all.items : all.items.filter((r) => matches(r, filter, drugName)) };
          const filtered = data.items.length !== all.items.length;
          return (
            <>
              <fieldset className="row dashboard-filters">
                <legend>{t.filters}</legend>
                <FilterInput label={t.patient} type="search" name="patient" filter={filter} onChange={setFilter} />
                <FilterInput label={t.drugFilter} type="search" name="drug" filter={filter} onChange={setFilter} />
                <FilterInput
                  label={t.from}
                  type="date"
                  name="from"
                  filter={filter}
                  onChange={setFilter}
                  error={badRange ? t.badRange : undefined}
                />
                <FilterInput label={t.to} type="date" name="to" filter={filter} onChange={setFilter} />
                {Object.values(filter).some(Boolean) ? (
                  <div className="field">
                    <button type="button" onClick={() => setFilter(NO_FILTER)}>
                      {t.clear}
                    </button>
                  </div>
                ) : null}
              </fieldset>
              <p role="status" className={filtered ? undefined : 'visually-hidden'}>
                {filtered ? fill(t.showing, { n: data.items.length, total: all.items.length }) : ''}
              </p>
              {filtered && data.items.length === 0 ? <p className="empty">{t.noMatch}</p> : null}
              <div className="row">
                <Field label={t.show}>
                  {(p) => (
                    <select {...p} value={show} onChange={(e) => setShow(e.target.value as Group | 'all')}>
                      <option value="all">{t.all}</option>
                      {(Object.keys(GROUPS) as Group[]).map((g) => (
                        <option key={g} value={g}>
                          {t.groups[g]} ({data.items.filter((r) => GROUPS[g].includes(r.status)).length})
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              {(Object.keys(GROUPS) as Group[])
                .filter((g) => show === 'all' || show === g)
                .map((g) => {
                  const rows = data.items.filter((r) => GROUPS[g].includes(r.status));
                  if (show === 'all' && rows.length === 0) return null;
                  return (
                    <Section key={g} title={`${t.groups[g]} (${rows.length})`}>
                      {rows.length ? <RequestTable rows={rows} /> : <p className="empty">{t.noneInGroup}</p>}
                    </Section>
                  );
                })}
            </>
          );
        }}
      </Async>
    </Page>
  );
}

function RequestTable({ rows }: { rows: RequestSummary[] }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <TableBox label={t.title}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.drug}</th>
            <th scope="col">{t.member}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.received}</th>
            <th scope="col">{t.due}</th>
            <th scope="col">{t.decision}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/prescriber/requests/${encodeURIComponent(r.id)}`}>
                  <DrugName name={r.drug.name} secondary={false} />
                </Link>
                {r.urgency === 'urgent' ? (
                  <>
                    {' '}
                    <span className="badge badge-bad">{t.urgent}</span>
                  </>
                ) : null}
                {r.renewalOf ? (
                  <>
                    {' '}
                    <span className="badge badge-neutral">{t.renewal}</span>
                  </>
                ) : null}
              </td>
              <td>
                <NameWithId name={r.memberName} id={r.memberId} />
              </td>
              <td>
                <CaseStatusBadge c={r} />
              </td>
              <td>{formatDateTime(r.receivedAt, lang)}</td>
              <td>{isOnClock(r.status) ? <DueIn dueAt={r.dueAt} /> : '—'}</td>
              <td>
                {r.decision ? (
                  <StatusBadge status={r.standing?.status.endsWith('on-appeal') ? r.standing.status : r.decision} />
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
