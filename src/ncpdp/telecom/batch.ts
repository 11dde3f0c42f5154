import { ETX, STX } from './separators.js';
import { parseTransmission, serializeTransmission, type Issue, type Transmission } from './transmission.js';

/**
 * NCPDP Batch Standard files: records framed STX … ETX — a `00` header, `G1` details each
 * carrying one D.0 transmission after a 10-character transaction reference number, and a `99`
 * trailer whose record count includes the header and the trailer. One file may hold several
 * batches (a request batch and its response batch). Read tolerantly, like transmissions: faults
 * are reported, and serializing gives back the same bytes.
 */
export const BATCH_HEADER_FIELDS = [
  { key: 'recordType', name: 'Record Type', length: 2 },
  { key: 'transmissionType', name: 'Transmission Type', length: 1 },
  { key: 'senderId', name: 'Sender ID', length: 24 },
  { key: 'batchNumber', name: 'Batch Number', length: 7 },
  { key: 'creationDate', name: 'Creation Date', length: 8 },
  { key: 'creationTime', name: 'Creation Time', length: 4 },
  { key: 'fileType', name: 'File Type', length: 1 },
  { key: 'version', name: 'Version/Release Number', length: 2 },
  { key: 'receiverId', name: 'Receiver ID', length: 24 },
] as const;
export const BATCH_HEADER_LENGTH = 73;
export const BATCH_TRAILER_LENGTH = 54;
const REFERENCE_LENGTH = 10;

export type BatchRecord =
  | { type: 'header'; text: string; fields: Record<string, string> }
  | { type: 'detail'; reference: string; transmission: Transmission }
  | { type: 'trailer'; text: string; batchNumber: string; recordCount: string; message: string }
  | { type: 'unknown'; text: string };

export interface FramedRecord {
  /** Text before the STX (there should be none). */
  before: string;
  stx: boolean;
  record: BatchRecord;
  etx: boolean;
}

export interface BatchFile {
  records: FramedRecord[];
  /** Text after the last record. */
  after: string;
  issues: Issue[];
}

function readRecord(text: string, offset: number, issues: Issue[], index: number): BatchRecord {
  const type = text.slice(0, 2);
  if (type === '00') {
    if (text.length !== BATCH_HEADER_LENGTH)
      issues.push({
        offset,
        message: `record ${index + 1}: the batch header has ${text.length} bytes; it has ${BATCH_HEADER_LENGTH}`,
      });
    const fields: Record<string, string> = {};
    let at = 0;
    for (const f of BATCH_HEADER_FIELDS) {
      fields[f.key] = text.slice(at, at + f.length);
      at += f.length;
    }
    return { type: 'header', text, fields };
  }
  if (type === 'G1') {
    const transmission = parseTransmission(text.slice(2 + REFERENCE_LENGTH));
    for (const i of transmission.issues)
      issues.push({ offset: offset + 2 + REFERENCE_LENGTH + i.offset, message: `record ${index + 1}: ${i.message}` });
    return { type: 'detail', reference: text.slice(2, 2 + REFERENCE_LENGTH), transmission };
  }
  if (type === '99') {
    if (text.length !== BATCH_TRAILER_LENGTH)
      issues.push({
        offset,
        message: `record ${index + 1}: the batch trailer has ${text.length} bytes; it has ${BATCH_TRAILER_LENGTH}`,
      });
    return {
      type: 'trailer',
      text,
      batchNumber: text.slice(2, 9),
      recordCount: text.slice(9, 19),
      message: text.slice(19),
    };
  }
  issues.push({ offset, message: `record ${index + 1}: unknown batch record type "${type}" (00, G1 or 99)` });
  return { type: 'unknown', text };
}

/** Checks that batches open with a header, close with a trailer, and that the trailer counts its records. */
function checkStructure(records: FramedRecord[], issues: Issue[]): void {
  let open = -1;
  records.forEach((r, i) => {
    if (r.record.type === 'header') {
      if (open !== -1)
        issues.push({ offset: 0, message: `record ${i + 1}: a batch header before the previous trailer` });
      open = i;
    } else if (r.record.type === 'trailer') {
      if (open === -1) issues.push({ offset: 0, message: `record ${i + 1}: a trailer without a batch header` });
      else if (Number(r.record.recordCount) !== i - open + 1)
        issues.push({
          offset: 0,
          message: `record ${i + 1}: the trailer counts ${Number(r.record.recordCount)} records; the batch has ${i - open + 1}`,
        });
      open = -1;
    } else if (open === -1)
      issues.push({ offset: 0, message: `record ${i + 1}: outside a batch (no header before it)` });
  });
  if (open !== -1) issues.push({ offset: 0, message: 'the last batch has no trailer' });
}

export function parseBatch(text: string): BatchFile {
  const issues: Issue[] = [];
  const records: FramedRecord[] = [];
  let pos = 0;
  for (;;) {
    const s = text.indexOf(STX, pos);
    if (s === -1) break;
    const e = text.indexOf(ETX, s + 1);
    const end = e === -1 ? text.length : e;
    const before = text.slice(pos, s);
    if (before) issues.push({ offset: pos, message: `${before.length} byte(s) between records` });
    if (e === -1) issues.push({ offset: s, message: `record ${records.length + 1} has no end of text (ETX)` });
    records.push({
      before,
      stx: true,
      record: readRecord(text.slice(s + 1, end), s + 1, issues, records.length),
      etx: e !== -1,
    });
    pos = e === -1 ? text.length : e + 1;
  }
  const after = text.slice(pos);
  if (records.length === 0) issues.push({ offset: 0, message: 'no batch records (STX … ETX)' });
  else if (after) issues.push({ offset: pos, message: `${after.length} byte(s) after the last record` });
  checkStructure(records, issues);
  return { records, after, issues };
}

function writeRecord(r: BatchRecord): string {
  switch (r.type) {
    case 'detail':
      return 'G1' + r.reference + serializeTransmission(r.transmission);
    default:
      return r.text;
  }
}

export function serializeBatch(b: BatchFile): string {
  let out = '';
  for (const r of b.records) out += r.before + (r.stx ? STX : '') + writeRecord(r.record) + (r.etx ? ETX : '');
  return out + b.after;
}

/** A file is a batch file when it opens with STX and a batch header record. */
export function looksLikeBatch(text: string): boolean {
  return text.startsWith(`${STX}00`);
}
