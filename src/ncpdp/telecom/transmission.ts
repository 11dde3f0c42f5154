import { ETX, FIELD_SEPARATOR as FS, GROUP_SEPARATOR as GS, SEGMENT_SEPARATOR as SS, STX } from './separators.js';
import { headerLength, readHeader, type Header, type HeaderKind } from './header.js';

/** A field: its two-character ID and its value, exactly as sent. */
export interface Field {
  id: string;
  value: string;
}

/**
 * A segment: `SS FS AMnn (FS id value)*`. `lead` holds any text between the segment separator
 * and the first field separator (normally none); `id` is null when the segment had no field
 * separator at all. Unknown segments and fields are kept in order, so serializing gives back the
 * bytes that were read.
 */
export interface Segment {
  id: string | null;
  fields: Field[];
  lead: string;
  /** Not preceded by a segment separator (text right after the header or after a group separator). */
  unseparated?: true;
}

export interface Transmission {
  /** What the header looks like; `unknown` when it is neither (then it is read as a request header). */
  kind: HeaderKind | 'unknown';
  stx: boolean;
  header: Header;
  /** Segments before the first group separator (request: patient, insurance; response: message, insurance, patient). */
  segments: Segment[];
  /** Transaction groups: each starts with a group separator (one claim, reversal or eligibility check). */
  groups: Segment[][];
  etx: boolean;
  /** Bytes after the ETX (there should be none). */
  trailing: string;
  /** What is not well formed, with where it is; empty for a clean transmission. */
  issues: Issue[];
}

export interface Issue {
  /** Byte offset in the transmission text. */
  offset: number;
  message: string;
}

function readSegment(chunk: string, unseparated: boolean): Segment {
  const parts = chunk.split(FS);
  const segment: Segment = {
    lead: parts[0],
    id: parts.length > 1 ? parts[1] : null,
    fields: [],
  };
  for (let i = 2; i < parts.length; i++) {
    const p = parts[i];
    segment.fields.push({ id: p.slice(0, 2), value: p.slice(2) });
  }
  if (unseparated) segment.unseparated = true;
  return segment;
}

function kindOf(text: string): HeaderKind | 'unknown' {
  if (text.startsWith('D0', 6)) return 'request';
  if (text.startsWith('D0', 0)) return 'response';
  return 'unknown';
}

function firstSeparator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x1e || c === 0x1d) return i;
  }
  return text.length;
}

/**
 * Reads a D.0 transmission (request or response) from its text form. Never throws: what is not
 * well formed is reported in `issues` and kept, so `serializeTransmission` gives the same text.
 */
export function parseTransmission(input: string): Transmission {
  const issues: Issue[] = [];
  const stx = input.charCodeAt(0) === 0x02;
  const start = stx ? 1 : 0;
  let end = input.indexOf(ETX, start);
  const etx = end !== -1;
  if (!etx) end = input.length;
  const trailing = etx ? input.slice(end + 1) : '';
  if (trailing) issues.push({ offset: end + 1, message: `${trailing.length} byte(s) after the end of text (ETX)` });
  const text = input.slice(start, end);

  const kind = kindOf(text);
  const headerKind: HeaderKind = kind === 'unknown' ? 'request' : kind;
  const sep = firstSeparator(text, 0);
  const headerEnd = Math.min(headerLength(headerKind), sep);
  const header = readHeader(headerKind, text.slice(0, headerEnd));
  if (kind === 'unknown')
    issues.push({ offset: start, message: 'no version D0 where a request or response header has it' });
  if (!header.complete)
    issues.push({
      offset: start + headerEnd,
      message: `the header has ${headerEnd} bytes; a ${headerKind} header has ${headerLength(headerKind)}`,
    });

  const segments: Segment[] = [];
  const groups: Segment[][] = [];
  let current = segments;
  let pos = headerEnd;
  let separator = -1; // the separator before the chunk at `pos` (-1: none)
  while (pos <= text.length) {
    const next = firstSeparator(text, pos);
    const chunk = text.slice(pos, next);
    if (separator === 0x1e || chunk.length) {
      const segment = readSegment(chunk, separator !== 0x1e);
      current.push(segment);
      if (segment.unseparated)
        issues.push({ offset: start + pos, message: 'segment data without a segment separator before it' });
      // 111-AM names segments, never fields: "AMnn" as a field is a segment whose separator is missing.
      for (const f of segment.fields)
        if (f.id === 'AM')
          issues.push({
            offset: start + pos,
            message: `segment ${segment.id ?? '?'} holds a field "AM${f.value}": a segment without its segment separator`,
          });
    }
    if (next >= text.length) break;
    separator = text.charCodeAt(next);
    if (separator === 0x1d) {
      current = [];
      groups.push(current);
    }
    pos = next + 1;
  }
  return { kind, stx, header, segments, groups, etx, trailing, issues };
}

function writeSegment(s: Segment): string {
  let out = s.unseparated ? s.lead : SS + s.lead;
  if (s.id === null) return out;
  out += FS + s.id;
  for (const f of s.fields) out += FS + f.id + f.value;
  return out;
}

/** The transmission's text form; a parsed transmission gives back exactly the text it was read from. */
export function serializeTransmission(t: Transmission): string {
  let out = (t.stx ? STX : '') + t.header.raw;
  for (const s of t.segments) out += writeSegment(s);
  for (const g of t.groups) {
    out += GS;
    for (const s of g) out += writeSegment(s);
  }
  return out + (t.etx ? ETX : '') + t.trailing;
}

/** A transmission to send, built from its parts. */
export function newTransmission(
  header: Header,
  segments: Segment[],
  groups: Segment[][],
  framing: { stx?: boolean; etx?: boolean } = {},
): Transmission {
  return {
    kind: header.kind,
    stx: framing.stx ?? false,
    header,
    segments,
    groups,
    etx: framing.etx ?? false,
    trailing: '',
    issues: [],
  };
}
