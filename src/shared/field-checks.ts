/** Field checks shared by the importers (pure). */

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** USPS state and territory codes (50 states, DC, and the territories with their own codes). */
const US_STATES = new Set(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD ' +
    'TN TX UT VT VA WA WV WI WY DC AS GU MP PR VI'
  ).split(' '),
);
export const isUsState = (value: string) => US_STATES.has(value);

/** ZIP or ZIP+4. */
export const isZip = (value: string) => /^\d{5}(-\d{4})?$/.test(value);

/**
 * A US phone/fax number written with the usual punctuation ("(510) 555-0123", "1-800-977-2273")
 * → the same text trimmed, or null when it does not hold 10 digits (11 with a leading 1).
 */
export function normalizePhone(value: string): string | null {
  const digits = value.replace(/[\s().+-]/g, '');
  if (!/^1?\d{10}$/.test(digits)) return null;
  return value.trim();
}

/** Deliberately loose (one @, a dot in the domain, no spaces): the mail server is the real check. */
export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254;

/**
 * An NDC in the 11-digit 5-4-2 form, from either 11 digits or a hyphenated 10-digit NDC. The
 * hyphens say which segment gets the leading zero (HIPAA 11-digit conversion: 4-4-2 → 0+labeler,
 * 5-3-2 → 0+product, 5-4-1 → 0+package); 10 digits without hyphens are ambiguous → null.
 */
export function normalizeNdc(value: string): string | null {
  const v = value.trim();
  if (/^\d{11}$/.test(v)) return v;
  const m = /^(\d{4,5})-(\d{3,4})-(\d{1,2})$/.exec(v);
  if (!m) return null;
  const [, labeler, product, pkg] = m;
  const out = labeler.padStart(5, '0') + product.padStart(4, '0') + pkg.padStart(2, '0');
  const segmentsOk =
    labeler.length + product.length + pkg.length === 10 || labeler.length + product.length + pkg.length === 11;
  return segmentsOk && out.length === 11 ? out : null;
}

/** A decimal string with at most `places` decimals, not negative. */
export function isDecimal(value: string, places: number): boolean {
  return new RegExp(`^\\d{1,9}(\\.\\d{1,${places}})?$`).test(value);
}
