import type { Lang } from '../../i18n/i18n';

const locale = (lang: Lang) => (lang === 'es' ? 'es-US' : 'en-US');

/** "75%" / "75 %", or a dash when there is nothing to divide. */
export function formatPercent(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  return `${value.toLocaleString(locale(lang), { maximumFractionDigits: 1 })}${lang === 'es' ? ' %' : '%'}`;
}

export function formatHours(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  return `${value.toLocaleString(locale(lang), { maximumFractionDigits: 1 })} h`;
}

export function formatCount(value: number, lang: Lang): string {
  return value.toLocaleString(locale(lang));
}

/** The last 12 weeks (84 days) ending on the server's UTC date, as the report counts days. */
export function defaultRange(serverTime: string): { from: string; to: string } {
  const to = new Date(serverTime).toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 83 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}
