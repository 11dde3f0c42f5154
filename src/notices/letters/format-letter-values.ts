/**
 * Dates, times and numbers as a reader of the letter's language writes them
 * ("December 1, 2026" / "1 de diciembre de 2026"). ICU puts narrow no-break spaces in times
 * ("9:00 AM"); they become plain spaces so the letter's standard PDF font can show them.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

const plainSpaces = (s: string) => s.replace(/[\u00a0\u202f\u2009]/g, ' ');

/** A calendar date (YYYY-MM-DD) in words: no time zone can move it. */
export function formatDate(date: string, locale: string): string {
  return plainSpaces(format(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)));
}

/** An instant as the plan's local date and time with the zone's abbreviation ("9:00 AM PST"). */
export function formatDateAndTime(instant: Date, locale: string, timeZone: string): { date: string; time: string } {
  return {
    date: plainSpaces(format(locale, { dateStyle: 'long', timeZone }).format(instant)),
    time: plainSpaces(
      format(locale, { hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(instant),
    ),
  };
}

export function formatNumber(value: number, locale: string): string {
  return plainSpaces(new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(value));
}

/** YYYY-MM-DD plus whole calendar months, clamped to the month's last day (Aug 31 + 6 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}
