import { invalidElement } from '../operation-outcome.js';

const PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb'] as const;
type Prefix = (typeof PREFIXES)[number];

/** The instant range a FHIR date value covers at its precision (2024 = the whole year). */
function range(value: string): [number, number] | null {
  const m =
    /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  if (h !== undefined) {
    const start = Date.parse(m[8] ? value : `${value}Z`);
    if (Number.isNaN(start)) return null;
    const width = m[6] !== undefined ? 1000 : 60_000;
    return [start, start + width];
  }
  const start = Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1);
  const end = d
    ? Date.UTC(Number(y), Number(mo) - 1, Number(d) + 1)
    : mo
      ? Date.UTC(Number(y), Number(mo), 1)
      : Date.UTC(Number(y) + 1, 0, 1);
  if (Number.isNaN(start) || (mi !== undefined && h === undefined)) return null;
  return [start, end];
}

export interface DateTest {
  (instant: Date): boolean;
}

/** Parses `_lastUpdated=ge2026-01-01` (FHIR search.html §3.1.1.4.5 prefixes) into a test of one instant. */
export function parseDateSearch(param: string, raw: string): DateTest {
  const prefix = (PREFIXES as readonly string[]).includes(raw.slice(0, 2)) ? (raw.slice(0, 2) as Prefix) : 'eq';
  const value = prefix === 'eq' && !raw.startsWith('eq') ? raw : raw.slice(2);
  const r = range(value);
  if (!r) throw invalidElement(param, `"${raw}" is not a FHIR date, dateTime or instant (with an optional prefix)`);
  const [lo, hi] = r;
  return (instant: Date) => {
    const t = instant.getTime();
    switch (prefix) {
      case 'eq':
        return t >= lo && t < hi;
      case 'ne':
        return t < lo || t >= hi;
      case 'gt':
      case 'sa':
        return t >= hi;
      case 'lt':
      case 'eb':
        return t < lo;
      case 'ge':
        return t >= lo;
      case 'le':
        return t < hi;
    }
  };
}
