import { fieldInfo, type FieldFormat } from './field-dictionary.js';
import { layoutOf, type Header } from './header.js';
import { SEGMENT_NAMES } from './segments.js';
import type { Segment, Transmission } from './transmission.js';
import { readAmount, readDate, readQuantity, readWholeNumber } from './values.js';

/** A transmission as readable JSON, for people: integrators (the CLI) and support staff (the portal). */
export interface DecodedTransmission {
  kind: Transmission['kind'];
  header: DecodedField[];
  segments: DecodedSegment[];
  groups: DecodedSegment[][];
  issues: Transmission['issues'];
}

export interface DecodedSegment {
  id: string | null;
  name: string | null;
  fields: DecodedField[];
}

export interface DecodedField {
  /** Two-character ID (header fields: the element, e.g. 101-A1). */
  id: string;
  element: string | null;
  name: string | null;
  /** Exactly as sent (padding kept). */
  value: string;
  /** The value read by its format: an amount "12.50", a date "2026-11-20", a quantity or a number. */
  reading?: string | number | null;
}

function reading(format: FieldFormat | undefined, value: string): DecodedField['reading'] {
  switch (format) {
    case 'amount':
      return readAmount(value);
    case 'date':
      return readDate(value);
    case 'quantity':
      return readQuantity(value);
    case 'number':
      return readWholeNumber(value);
    default:
      return undefined;
  }
}

function decodeHeader(h: Header): DecodedField[] {
  return layoutOf(h.kind)
    .filter((f) => h.values[f.key] !== undefined)
    .map((f) => {
      const value = h.values[f.key]!;
      const out: DecodedField = { id: f.id.slice(-2), element: f.id, name: f.name, value };
      if (f.key === 'dateOfService') out.reading = readDate(value);
      return out;
    });
}

function decodeSegment(s: Segment): DecodedSegment {
  return {
    id: s.id,
    name: s.id ? (SEGMENT_NAMES[s.id] ?? null) : null,
    fields: s.fields.map((field) => {
      const info = fieldInfo(s.id, field.id);
      const out: DecodedField = {
        id: field.id,
        element: info?.element ?? null,
        name: info?.name ?? null,
        value: field.value,
      };
      const r = reading(info?.format, field.value);
      if (r !== undefined) out.reading = r;
      return out;
    }),
  };
}

export function decodeTransmission(t: Transmission): DecodedTransmission {
  return {
    kind: t.kind,
    header: decodeHeader(t.header),
    segments: t.segments.map(decodeSegment),
    groups: t.groups.map((g) => g.map(decodeSegment)),
    issues: t.issues,
  };
}
