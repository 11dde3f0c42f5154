/**
 * NCPDP Telecommunication Standard D.0 separators. A transmission is read as latin1 text, so
 * character n is byte n and any byte survives a round trip unchanged.
 */
export const FIELD_SEPARATOR = '\x1c'; // FS: before every field and before a segment ID
export const GROUP_SEPARATOR = '\x1d'; // GS: starts a transaction group (one claim)
export const SEGMENT_SEPARATOR = '\x1e'; // SS: starts a segment
export const STX = '\x02'; // start of text (optional framing)
export const ETX = '\x03'; // end of text (optional framing)

/** Bytes → the codec's text form (one character per byte). */
export function bytesToText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** The codec's text form → bytes (characters above U+00FF cannot occur in parsed text; they become '?'). */
export function textToBytes(text: string): Buffer {
  return Buffer.from(text.replace(/[\u0100-\uffff]/g, '?'), 'latin1');
}
