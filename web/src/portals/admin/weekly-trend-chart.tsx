import { fill, useLang, useText } from '../../i18n/i18n';
import { formatDate } from '../../ui/format';
import type { WeekPoint } from './api-types';
import { formatHours, formatPercent } from './metric-format';
import { TableBox } from '../../ui/table-box';

const TEXT = {
  en: {
    heading: 'Weekly trend',
    decisions: 'Decisions per week',
    median: 'Median hours to decision',
    week: 'Week of',
    decided: 'Decided',
    approved: 'Approved',
    medianCol: 'Median time',
    table: 'Figures by week',
    point: 'week of {week}: {value}',
    chartLabel: '{title}. {points}',
  },
  es: {
    heading: 'Tendencia semanal',
    decisions: 'Decisiones por semana',
    median: 'Horas medianas hasta la decisión',
    week: 'Semana del',
    decided: 'Decididas',
    approved: 'Aprobadas',
    medianCol: 'Tiempo mediano',
    table: 'Cifras por semana',
    point: 'semana del {week}: {value}',
    chartLabel: '{title}. {points}',
  },
};

const W = 600;
const H = 160;
const PAD = { top: 12, bottom: 28, left: 36, right: 8 };

/** Bars of one series per ISO week, in plain SVG; the aria-label reads every value. */
function WeekBars({
  title,
  points,
  values,
  format,
  tone,
}: {
  title: string;
  points: WeekPoint[];
  values: (number | null)[];
  format: (v: number | null) => string;
  tone: string;
}) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const slot = (W - PAD.left - PAD.right) / Math.max(1, points.length);
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  const labelEvery = Math.ceil(points.length / 6);
  const description = fill(t.chartLabel, {
    title,
    points: points
      .map((p, i) => fill(t.point, { week: formatDate(p.weekStart, lang), value: format(values[i]) }))
      .join('; '),
  });
  return (
    <figure className="admin-figure">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={description}>
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="admin-axis" />
        <text x={PAD.left - 4} y={PAD.top + 4} textAnchor="end" className="admin-tick">
          {format(max)}
        </text>
        <text x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end" className="admin-tick">
          0
        </text>
        {points.map((p, i) => {
          const v = values[i];
          const x = PAD.left + i * slot + slot * 0.15;
          return (
            <g key={p.weekStart}>
              {v !== null && v > 0 ? (
                <rect x={x} y={y(v)} width={slot * 0.7} height={H - PAD.bottom - y(v)} className={tone} />
              ) : null}
              {i % labelEvery === 0 ? (
                <text x={x + slot * 0.35} y={H - PAD.bottom + 16} textAnchor="middle" className="admin-tick">
                  {p.weekStart.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Decisions and median hours per ISO week, with the same figures as a table. */
export function WeeklyTrendChart({ weekly }: { weekly: WeekPoint[] }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  return (
    <section className="card" aria-labelledby="admin-trend-heading">
      <h2 id="admin-trend-heading">{t.heading}</h2>
      <WeekBars
        title={t.decisions}
        points={weekly}
        values={weekly.map((w) => w.decided)}
        format={(v) => String(v ?? 0)}
        tone="admin-bar-decided"
      />
      <WeekBars
        title={t.median}
        points={weekly}
        values={weekly.map((w) => w.medianHours)}
        format={(v) => formatHours(v, lang)}
        tone="admin-bar-hours"
      />
      <details>
        <summary>{t.table}</summary>
        <TableBox label={t.table}>
          <table>
            <caption>{t.table}</caption>
            <thead>
              <tr>
                <th scope="col">{t.week}</th>
                <th scope="col">{t.decided}</th>
                <th scope="col">{t.approved}</th>
                <th scope="col">{t.medianCol}</th>
              </tr>
            </thead>
            <tbody>
              {weekly.map((w) => (
                <tr key={w.weekStart}>
                  <th scope="row">{formatDate(w.weekStart, lang)}</th>
                  <td>{w.decided}</td>
                  <td>{formatPercent(w.approvedPercent, lang)}</td>
                  <td>{formatHours(w.medianHours, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      </details>
    </section>
  );
}
