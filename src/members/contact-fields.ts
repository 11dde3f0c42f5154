import { isUsState, isZip, normalizePhone } from '../shared/field-checks.js';

/**
 * Phone/fax and postal address columns shared by the member, prescriber and pharmacy CSVs:
 * optional, but checked when present. Returns the cleaned values and the problems found.
 */
export function readContactFields(
  v: (column: string) => string,
  problems: string[],
  phoneColumns: readonly string[] = ['phone'],
) {
  const phones: Record<string, string | null> = {};
  for (const c of phoneColumns) {
    const raw = v(c);
    const value = raw ? normalizePhone(raw) : null;
    if (raw && !value) problems.push(`${c} "${raw}" is not a 10-digit US number`);
    phones[c] = value;
  }
  const state = v('state').toUpperCase();
  if (state && !isUsState(state)) problems.push(`state "${v('state')}" is not a US state code`);
  const zip = v('zip');
  if (zip && !isZip(zip)) problems.push(`zip "${zip}" is not a 5-digit ZIP (or ZIP+4)`);
  return {
    phones,
    addressLine1: v('address_line1') || null,
    city: v('city') || null,
    state: state || null,
    zip: zip || null,
  };
}
