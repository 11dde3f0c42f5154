import type { Field, Segment } from './transmission.js';

/** D.0 segment IDs (111-AM) this codec names; any other segment is kept as it came. */
export const SEGMENT_NAMES: Record<string, string> = {
  AM01: 'Patient',
  AM02: 'Pharmacy Provider',
  AM03: 'Prescriber',
  AM04: 'Insurance',
  AM05: 'Coordination of Benefits/Other Payments',
  AM06: "Workers' Compensation",
  AM07: 'Claim',
  AM08: 'DUR/PPS',
  AM09: 'Coupon',
  AM10: 'Compound',
  AM11: 'Pricing',
  AM12: 'Prior Authorization',
  AM13: 'Clinical',
  AM14: 'Additional Documentation',
  AM15: 'Facility',
  AM16: 'Narrative',
  AM20: 'Response Message',
  AM21: 'Response Status',
  AM22: 'Response Claim',
  AM23: 'Response Pricing',
  AM24: 'Response DUR/PPS',
  AM25: 'Response Insurance',
  AM26: 'Response Prior Authorization',
  AM27: 'Response Insurance Additional Information',
  AM28: 'Response Coordination of Benefits/Other Payers',
  AM29: 'Response Patient',
};

/** The first segment with this ID. */
export function findSegment(segments: readonly Segment[], id: string): Segment | undefined {
  for (const s of segments) if (s.id === id) return s;
  return undefined;
}

/** The first value of a field in a segment (undefined when the segment or the field is absent). */
export function fieldValue(segment: Segment | undefined, id: string): string | undefined {
  if (!segment) return undefined;
  for (const f of segment.fields) if (f.id === id) return f.value;
  return undefined;
}

export function fieldValues(segment: Segment | undefined, id: string): string[] {
  return segment ? segment.fields.filter((f) => f.id === id).map((f) => f.value) : [];
}

export type FieldInput = readonly [id: string, value: string | number | null | undefined];

/** A segment to send: fields whose value is null, undefined or '' are left out. */
export function buildSegment(id: string, fields: readonly FieldInput[]): Segment {
  const out: Field[] = [];
  for (const [fid, value] of fields) {
    if (value === null || value === undefined || value === '') continue;
    out.push({ id: fid, value: String(value) });
  }
  return { id, fields: out, lead: '' };
}
