import { fill, useLang, useText, type Lang } from '../../i18n/i18n';
import type { Share, SplitMetrics, TurnaroundReport } from './api-types';
import { formatCount, formatHours, formatPercent } from './metric-format';

const TEXT = {
  en: {
    heading: 'Turnaround metrics',
    all: 'All',
    standard: 'Standard',
    expedited: 'Expedited',
    ofN: '{count} of {total}',
    decided: 'Requests decided',
    approved: 'Approved',
    approvedHint: 'Includes partly approved and deemed approved',
    denied: 'Denied',
    closed: 'Closed for no response',
    appeal: 'Approved after appeal',
    appealHint: 'Appeals overturned or partly overturned, of appeals decided',
    average: 'Average time to decision',
    median: 'Median time to decision',
    timeHint: 'From submission (a fax: its arrival) to the decision',
    onTime: 'Decided on time',
    onTimeHint: 'At or before the due time; deemed approvals are late',
    automatic: 'Decided automatically',
    automaticHint: 'Approved by the criteria with no reviewer',
    deemed: 'Deemed approvals',
    deemedHint: 'The plan missed the clock',
    open: 'Still open',
    openHint: 'Submitted, not decided yet',
    overdueN: '{n} overdue now',
  },
  es: {
    heading: 'Métricas de tiempos de respuesta',
    all: 'Todas',
    standard: 'Estándar',
    expedited: 'Acelerada',
    ofN: '{count} de {total}',
    decided: 'Solicitudes decididas',
    approved: 'Aprobadas',
    approvedHint: 'Incluye aprobadas en parte y aprobadas por plazo vencido',
    denied: 'Denegadas',
    closed: 'Cerradas sin respuesta',
    appeal: 'Aprobadas tras apelación',
    appealHint: 'Apelaciones revocadas total o parcialmente, de las decididas',
    average: 'Tiempo promedio hasta la decisión',
    median: 'Tiempo mediano hasta la decisión',
    timeHint: 'Desde el envío (un fax: su llegada) hasta la decisión',
    onTime: 'Decididas a tiempo',
    onTimeHint: 'Antes o en la hora límite; las aprobadas por plazo vencido son tardías',
    automatic: 'Decididas automáticamente',
    automaticHint: 'Aprobadas por los criterios sin revisor',
    deemed: 'Aprobadas por plazo vencido',
    deemedHint: 'El plan no decidió a tiempo',
    open: 'Aún abiertas',
    openHint: 'Enviadas, sin decisión',
    overdueN: '{n} vencidas ahora',
  },
};

type Pick = (m: SplitMetrics, lang: Lang) => { main: string; sub?: string };

/** One tile per metric, each with all requests, standard and expedited. */
export function MetricTiles({ report }: { report: TurnaroundReport }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const share = (s: Share, total: number) => ({
    main: formatPercent(s.percent, lang),
    sub: fill(t.ofN, { count: formatCount(s.count, lang), total: formatCount(total, lang) }),
  });
  const tiles: { key: string; label: string; hint?: string; pick: Pick }[] = [
    { key: 'decided', label: t.decided, pick: (m) => ({ main: formatCount(m.decided, lang) }) },
    { key: 'approved', label: t.approved, hint: t.approvedHint, pick: (m) => share(m.approved, m.decided) },
    { key: 'denied', label: t.denied, pick: (m) => share(m.denied, m.decided) },
    { key: 'closed', label: t.closed, pick: (m) => share(m.closedNoResponse, m.decided) },
    { key: 'appeal', label: t.appeal, hint: t.appealHint, pick: (m) => share(m.approvedAfterAppeal, m.appealsDecided) },
    { key: 'average', label: t.average, hint: t.timeHint, pick: (m) => ({ main: formatHours(m.averageHours, lang) }) },
    { key: 'median', label: t.median, hint: t.timeHint, pick: (m) => ({ main: formatHours(m.medianHours, lang) }) },
    { key: 'onTime', label: t.onTime, hint: t.onTimeHint, pick: (m) => share(m.onTime, m.decided) },
    { key: 'automatic', label: t.automatic, hint: t.automaticHint, pick: (m) => share(m.automatic, m.decided) },
    {
      key: 'deemed',
      label: t.deemed,
      hint: t.deemedHint,
      pick: (m) => ({
        main: formatCount(m.deemedApproved.count, lang),
        sub: formatPercent(m.deemedApproved.percent, lang),
      }),
    },
    {
      key: 'open',
      label: t.open,
      hint: t.openHint,
      pick: (m) => ({
        main: formatCount(m.open, lang),
        sub: m.overdue ? fill(t.overdueN, { n: formatCount(m.overdue, lang) }) : undefined,
      }),
    },
  ];
  const splits: [string, SplitMetrics][] = [
    [t.all, report.total],
    [t.standard, report.standard],
    [t.expedited, report.expedited],
  ];
  return (
    <section aria-labelledby="admin-metrics-heading">
      <h2 id="admin-metrics-heading">{t.heading}</h2>
      <ul className="admin-tiles">
        {tiles.map((tile) => (
          <li key={tile.key} className="card admin-tile" data-metric={tile.key}>
            <h3>{tile.label}</h3>
            {tile.hint ? <p className="muted admin-tile-hint">{tile.hint}</p> : null}
            <dl>
              {splits.map(([name, m]) => {
                const v = tile.pick(m, lang);
                return (
                  <div key={name}>
                    <dt>{name}</dt>
                    <dd>
                      <strong>{v.main}</strong>
                      {v.sub ? <span className="muted"> {v.sub}</span> : null}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
