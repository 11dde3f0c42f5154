/**
 * The fixed-width headers of D.0 transmissions. Values are kept exactly as sent (padded), so a
 * parsed header serializes to the same bytes; `trimmed` gives the value without padding.
 */
export interface HeaderField<K extends string> {
  key: K;
  /** NCPDP data element: number and two-character ID. */
  id: string;
  name: string;
  length: number;
  /** Alphanumeric fields are left-justified and space-padded; numeric ones right-justified and zero-padded. */
  numeric?: true;
}

export const REQUEST_HEADER_FIELDS = [
  { key: 'bin', id: '101-A1', name: 'BIN Number', length: 6, numeric: true },
  { key: 'version', id: '102-A2', name: 'Version/Release Number', length: 2 },
  { key: 'transactionCode', id: '103-A3', name: 'Transaction Code', length: 2 },
  { key: 'processorControlNumber', id: '104-A4', name: 'Processor Control Number', length: 10 },
  { key: 'transactionCount', id: '109-A9', name: 'Transaction Count', length: 1, numeric: true },
  { key: 'serviceProviderIdQualifier', id: '202-B2', name: 'Service Provider ID Qualifier', length: 2 },
  { key: 'serviceProviderId', id: '201-B1', name: 'Service Provider ID', length: 15 },
  { key: 'dateOfService', id: '401-D1', name: 'Date of Service', length: 8, numeric: true },
  { key: 'softwareVendorCertificationId', id: '110-AK', name: 'Software Vendor/Certification ID', length: 10 },
] as const satisfies readonly HeaderField<string>[];

export const RESPONSE_HEADER_FIELDS = [
  { key: 'version', id: '102-A2', name: 'Version/Release Number', length: 2 },
  { key: 'transactionCode', id: '103-A3', name: 'Transaction Code', length: 2 },
  { key: 'transactionCount', id: '109-A9', name: 'Transaction Count', length: 1, numeric: true },
  { key: 'headerResponseStatus', id: '501-F1', name: 'Header Response Status', length: 1 },
  { key: 'serviceProviderIdQualifier', id: '202-B2', name: 'Service Provider ID Qualifier', length: 2 },
  { key: 'serviceProviderId', id: '201-B1', name: 'Service Provider ID', length: 15 },
  { key: 'dateOfService', id: '401-D1', name: 'Date of Service', length: 8, numeric: true },
] as const satisfies readonly HeaderField<string>[];

export type RequestHeaderKey = (typeof REQUEST_HEADER_FIELDS)[number]['key'];
export type ResponseHeaderKey = (typeof RESPONSE_HEADER_FIELDS)[number]['key'];
export type RequestHeaderValues = Record<RequestHeaderKey, string>;
export type ResponseHeaderValues = Record<ResponseHeaderKey, string>;

export const REQUEST_HEADER_LENGTH = 56;
export const RESPONSE_HEADER_LENGTH = 31;

export type HeaderKind = 'request' | 'response';

/** A header as read: its exact text and the fields found in it (a short header has fewer). */
export interface Header {
  kind: HeaderKind;
  /** The header's text as received (serialized unchanged). */
  raw: string;
  /** Untrimmed values of the fields the text was long enough to hold completely. */
  values: Partial<Record<RequestHeaderKey | ResponseHeaderKey, string>>;
  /** The text held every field of the layout. */
  complete: boolean;
}

export function layoutOf(kind: HeaderKind): readonly HeaderField<RequestHeaderKey | ResponseHeaderKey>[] {
  return kind === 'request' ? REQUEST_HEADER_FIELDS : RESPONSE_HEADER_FIELDS;
}

export function headerLength(kind: HeaderKind): number {
  return kind === 'request' ? REQUEST_HEADER_LENGTH : RESPONSE_HEADER_LENGTH;
}

/** Reads the fields of a header text by their fixed offsets; fields cut short are left out. */
export function readHeader(kind: HeaderKind, raw: string): Header {
  const values: Header['values'] = {};
  let offset = 0;
  for (const f of layoutOf(kind)) {
    if (offset + f.length > raw.length) break;
    values[f.key] = raw.slice(offset, offset + f.length);
    offset += f.length;
  }
  return { kind, raw, values, complete: raw.length === headerLength(kind) };
}

/** A value padded (or cut) to its field width: digits of a numeric field right-justified with zeros, anything else left-justified with spaces. */
export function padField(f: HeaderField<string>, value: string): string {
  if (value.length >= f.length) return value.slice(0, f.length);
  return f.numeric && /^\d+$/.test(value) ? value.padStart(f.length, '0') : value.padEnd(f.length, ' ');
}

export function formatHeader<K extends HeaderKind>(
  kind: K,
  values: K extends 'request' ? Partial<RequestHeaderValues> : Partial<ResponseHeaderValues>,
): Header {
  const v = values as Record<string, string | undefined>;
  const raw = layoutOf(kind)
    .map((f) => padField(f, v[f.key] ?? ''))
    .join('');
  return readHeader(kind, raw);
}

/** A header value without its padding ('' when absent). */
export function trimmed(header: Header, key: RequestHeaderKey | ResponseHeaderKey): string {
  return (header.values[key] ?? '').trim();
}
