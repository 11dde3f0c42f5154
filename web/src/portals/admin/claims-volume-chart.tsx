import { useId } from 'react';
import { fill, useLang, useText } from '../../i18n/i18n';
import { formatDate } from '../../ui/format';
import type { ClaimDay } from './api-types';

const TEXT = {
  en: {
    title: 'Claims per day of service',
    desc: '{paid} paid and {rejected} rejected claims from {from} to {to}; the busiest day had {max}. The table below has every day.',
    bar: '{day}: {paid} paid, {rejected} rejected',
    paid: 'Paid',
    rejected: 'Rejected',
  },
  es: {
    title: 'Reclamaciones por día de servicio',
    desc: '{paid} reclamaciones pagadas y {rejected} rechazadas del {from} al {to}; el día con más tuvo {max}. La tabla de abajo tiene cada día.',
    bar: '{day}: {paid} pagadas, {rejected} rechazadas',
    paid: 'Pagadas',
    rejected: 'Rechazadas',
  },
};

const W = 640;
const H = 180;
const PAD = { top: 12, bottom: 28, left: 36, right: 8 };

/**
 * Paid and rejected claims per date of service as stacked bars in plain SVG: one image (title and
 * description say what it shows), each bar with its own title; the table beside it has the numbers.
 */
export function ClaimsVolumeChart({ days }: { days: ClaimDay[] }) {
  const t = useText(TEXT);
  const { lang } = useLang();
  const titleId = useId();
  const descId = useId();
  const max = Math.max(1, ...days.map((d) => d.paid + d.rejected));
  const slot = (W - PAD.left - PAD.right) / Math.max(1, days.length);
  const height = (v: number) => (v / max) * (H - PAD.top - PAD.bottom);
  const base = H - PAD.bottom;
  const labelEvery = Math.ceil(days.length / 7);
  const sum = (k: 'paid' | 'rejected') => days.reduce((n, d) => n + d[k], 0);
  return (
    <figure className="admin-figure">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{t.title}</title>
        <desc id={descId}>
          {fill(t.desc, {
            paid: String(sum('paid')),
            rejected: String(sum('rejected')),
            from: formatDate(days[0]?.day, lang),
            to: formatDate(days.at(-1)?.day, lang),
            max: String(Math.max(0, ...days.map((d) => d.paid + d.rejected))),
          })}
        </desc>
        <line x1={PAD.left} x2={W - PAD.right} y1={base} y2={base} className="admin-axis" />
        <text x={PAD.left - 4} y={PAD.top + 4} textAnchor="end" className="admin-tick">
          {max}
        </text>
        <text x={PAD.left - 4} y={base} textAnchor="end" className="admin-tick">
          0
        </text>
        {days.map((d, i) => {
          const x = PAD.left + i * slot + slot * 0.15;
          const width = Math.max(1, slot * 0.7);
          return (
            <g key={d.day} data-day={d.day}>
              <title>
                {fill(t.bar, {
                  day: formatDate(d.day, lang),
                  paid: String(d.paid),
                  rejected: String(d.rejected),
                })}
              </title>
              {d.paid > 0 ? (
                <rect
                  x={x}
                  y={base - height(d.paid)}
                  width={width}
                  height={height(d.paid)}
                  className="admin-bar-paid"
                />
              ) : null}
              {d.rejected > 0 ? (
                <rect
                  x={x}
                  y={base - height(d.paid) - height(d.rejected)}
                  width={width}
                  height={height(d.rejected)}
                  className="admin-bar-rejected"
                />
              ) : null}
              {i % labelEvery === 0 ? (
                <text x={x + width / 2} y={base + 16} textAnchor="middle" className="admin-tick">
                  {d.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="admin-legend">
        <span className="admin-swatch admin-bar-paid-swatch" aria-hidden="true" /> {t.paid}{' '}
        <span className="admin-swatch admin-bar-rejected-swatch" aria-hidden="true" /> {t.rejected}
      </figcaption>
    </figure>
  );
}
