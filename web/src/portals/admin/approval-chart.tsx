import { fill, useLang, useText } from '../../i18n/i18n';
import type { SplitMetrics, TurnaroundReport } from './api-types';
import { formatPercent } from './metric-format';

const TEXT = {
  en: {
    heading: 'Approved and denied',
    all: 'All requests',
    standard: 'Standard',
    expedited: 'Expedited',
    approved: 'Approved',
    denied: 'Denied',
    closed: 'Closed for no response',
    summary: '{name}: {decided} decided; approved {approved} ({a}), denied {denied} ({d}), closed {closed} ({c})',
    none: '{name}: nothing decided',
  },
  es: {
    heading: 'Aprobadas y denegadas',
    all: 'Todas las solicitudes',
    standard: 'Estándar',
    expedited: 'Acelerada',
    approved: 'Aprobadas',
    denied: 'Denegadas',
    closed: 'Cerradas sin respuesta',
    summary:
      '{name}: {decided} decididas; aprobadas {approved} ({a}), denegadas {denied} ({d}), cerradas {closed} ({c})',
    none: '{name}: nada decidido',
  },
};

/** One stacked bar per split (CSS widths), each labelled in words for screen readers. */
export function ApprovalChart({ report }: { report: TurnaroundReport }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const rows: [string, SplitMetrics][] = [
    [t.all, report.total],
    [t.standard, report.standard],
    [t.expedited, report.expedited],
  ];
  return (
    <section className="card" aria-labelledby="admin-approval-heading">
      <h2 id="admin-approval-heading">{t.heading}</h2>
      <ul className="admin-legend" aria-hidden="true">
        <li>
          <span className="admin-swatch admin-approved" /> {t.approved}
        </li>
        <li>
          <span className="admin-swatch admin-denied" /> {t.denied}
        </li>
        <li>
          <span className="admin-swatch admin-closed" /> {t.closed}
        </li>
      </ul>
      <ul className="admin-stacks">
        {rows.map(([name, m]) => {
          const label =
            m.decided === 0
              ? fill(t.none, { name })
              : fill(t.summary, {
                  name,
                  decided: m.decided,
                  approved: m.approved.count,
                  a: formatPercent(m.approved.percent, lang),
                  denied: m.denied.count,
                  d: formatPercent(m.denied.percent, lang),
                  closed: m.closedNoResponse.count,
                  c: formatPercent(m.closedNoResponse.percent, lang),
                });
          const width = (count: number) => (m.decided ? `${(count / m.decided) * 100}%` : '0%');
          return (
            <li key={name}>
              <div className="admin-stack-label">
                <strong>{name}</strong>{' '}
                <span className="muted">
                  {formatPercent(m.approved.percent, lang)} / {formatPercent(m.denied.percent, lang)}
                </span>
              </div>
              <div className="admin-stack" role="img" aria-label={label}>
                <span className="admin-approved" style={{ width: width(m.approved.count) }} />
                <span className="admin-denied" style={{ width: width(m.denied.count) }} />
                <span className="admin-closed" style={{ width: width(m.closedNoResponse.count) }} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
