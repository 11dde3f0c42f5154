import { fromCents, isMoneyText, toCents } from '../../../src/shared/money';
import type { Lang } from '../i18n/i18n';

const locale = (lang: Lang) => (lang === 'es' ? 'es-US' : 'en-US');

export function formatDate(value: string | null | undefined, lang: Lang = 'en'): string {
  if (!value) return '—';
  // Plain dates (YYYY-MM-DD) are calendar dates: show them without shifting by time zone.
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return d.toLocaleDateString(locale(lang), { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(value: string | null | undefined, lang: Lang = 'en'): string {
  if (!value) return '—';
  return new Date(value).toLocaleString(locale(lang), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

const currency = new Map<Lang, Intl.NumberFormat>();

/**
 * "12.50" → "$12.50". The API's money strings are formatted as they are (Intl reads a numeric
 * string as an exact decimal), never through a float (docs/design.md#money).
 */
export function formatMoney(value: string | null | undefined, lang: Lang = 'en'): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!isMoneyText(value)) return value;
  let format = currency.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'USD' });
    currency.set(lang, format);
  }
  return format.format(fromCents(toCents(value)) as Intl.StringNumericLiteral);
}

/** "2 d 4 h", "3 h 12 min", "45 min" — for time left or overdue. */
export function formatDuration(ms: number, _lang: Lang = 'en'): string {
  const abs = Math.abs(ms);
  const min = Math.floor(abs / 60_000);
  const h = Math.floor(min / 60);
  const d = Math.floor(h / 24);
  if (d >= 1) return `${d} d ${h % 24} h`;
  if (h >= 1) return `${h} h ${min % 60} min`;
  return `${min} min`;
}

const STATUS: Record<string, { en: string; es: string }> = {
  'awaiting-answers': { en: 'Draft — answers needed', es: 'Borrador — faltan respuestas' },
  submitted: { en: 'Submitted', es: 'Enviada' },
  'in-review': { en: 'In review', es: 'En revisión' },
  'awaiting-information': { en: 'Waiting for information', es: 'Esperando información' },
  approved: { en: 'Approved', es: 'Aprobada' },
  'partially-approved': { en: 'Partly approved', es: 'Aprobada en parte' },
  denied: { en: 'Denied', es: 'Denegada' },
  'closed-no-response': { en: 'Closed — no response', es: 'Cerrada — sin respuesta' },
  'deemed-approved': { en: 'Approved (decision late)', es: 'Aprobada (decisión tardía)' },
  'approved-on-appeal': { en: 'Approved on appeal', es: 'Aprobada en apelación' },
  'partially-approved-on-appeal': { en: 'Partly approved on appeal', es: 'Aprobada en parte en apelación' },
  cancelled: { en: 'Withdrawn', es: 'Retirada' },
  'not-required': { en: 'Not required', es: 'No se requiere' },
  received: { en: 'Received', es: 'Recibida' },
  overturned: { en: 'Overturned', es: 'Revocada' },
  'partially-overturned': { en: 'Partly overturned', es: 'Revocada en parte' },
  upheld: { en: 'Upheld', es: 'Confirmada' },
  withdrawn: { en: 'Withdrawn', es: 'Retirada' },
  queued: { en: 'Queued', es: 'En cola' },
  sent: { en: 'Sent', es: 'Enviada' },
  delivered: { en: 'Delivered', es: 'Entregada' },
  failed: { en: 'Failed', es: 'Falló' },
};

export function statusLabel(status: string, lang: Lang = 'en'): string {
  return STATUS[status]?.[lang] ?? status.replace(/-/g, ' ');
}

/** The badge colour family for a status. */
export function statusTone(status: string): 'good' | 'bad' | 'wait' | 'neutral' {
  if (
    [
      'approved',
      'partially-approved',
      'deemed-approved',
      'approved-on-appeal',
      'partially-approved-on-appeal',
      'overturned',
      'partially-overturned',
      'delivered',
      'sent',
      'P',
      'paid',
    ].includes(status)
  )
    return 'good';
  if (['denied', 'closed-no-response', 'upheld', 'failed', 'R', 'rejected'].includes(status)) return 'bad';
  if (['cancelled', 'not-required', 'withdrawn'].includes(status)) return 'neutral';
  return 'wait';
}
