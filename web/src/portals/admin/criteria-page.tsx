import { Link } from '../../app/router';
import { fill, useLang, useText } from '../../i18n/i18n';
import { Async, Page, Section, StatusBadge } from '../../ui/components';
import { LoadCriteriaForm } from './load-criteria-form';
import { formatDate } from '../../ui/format';
import { useApi } from '../../ui/use-api';
import type { CriteriaSummary } from './api-types';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    title: 'Coverage criteria',
    intro: 'Criteria sets are versioned: a change is a new version, and open cases keep the version they started with.',
    empty: 'No criteria sets are loaded.',
    caption: 'Criteria sets and their versions',
    set: 'Criteria set',
    version: 'Version',
    effective: 'In effect since',
    by: 'Loaded by',
    status: 'Status',
    current: 'Current',
    previous: 'Previous version',
    open: 'v{version}',
    load: 'Load or update criteria',
  },
  es: {
    title: 'Criterios de cobertura',
    intro: 'Los criterios tienen versiones: un cambio crea una versión nueva y los casos abiertos conservan la suya.',
    empty: 'No hay criterios cargados.',
    caption: 'Criterios y sus versiones',
    set: 'Criterio',
    version: 'Versión',
    effective: 'Vigente desde',
    by: 'Cargado por',
    status: 'Estado',
    current: 'Vigente',
    previous: 'Versión anterior',
    open: 'v{version}',
    load: 'Cargar o actualizar criterios',
  },
};

/** GET /criteria?all=true: every set with all its versions, newest first within a set. */
export function CriteriaPage() {
  const t = useText(TEXT);
  const { lang } = useLang();
  const criteria = useApi<{ items: CriteriaSummary[] }>('/criteria', { all: 'true' });
  return (
    <Page title={t.title}>
      <p>{t.intro}</p>
      <Async state={criteria} empty={t.empty} isEmpty={(d) => d.items.length === 0}>
        {(d) => {
          const rows = [...d.items].sort(
            (a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id) || b.version - a.version,
          );
          return (
            <TableBox label={t.caption} className="card">
              <table>
                <caption>{t.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.set}</th>
                    <th scope="col">{t.version}</th>
                    <th scope="col">{t.effective}</th>
                    <th scope="col">{t.status}</th>
                    <th scope="col">{t.by}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={`${c.id}-${c.version}`}>
                      <th scope="row">
                        <Link
                          to={`/admin/criteria/${encodeURIComponent(c.id)}${c.current ? '' : `?version=${c.version}`}`}
                        >
                          {c.title}
                        </Link>
                        <div className="muted secondary-id">{c.id}</div>
                      </th>
                      <td>{fill(t.open, { version: c.version })}</td>
                      <td>{formatDate(c.createdAt, lang)}</td>
                      <td>
                        <StatusBadge
                          status={c.current ? 'approved' : 'cancelled'}
                          label={c.current ? t.current : t.previous}
                        />
                      </td>
                      <td>{c.createdBy}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          );
        }}
      </Async>
      <Section title={t.load}>
        <LoadCriteriaForm onLoaded={criteria.reload} />
      </Section>
    </Page>
  );
}
