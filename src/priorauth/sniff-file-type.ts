/**
 * Content sniffing (magic numbers), never the declared type or file name: PDF, PNG, JPEG, TIFF
 * are what clinical documentation arrives as.
 */
export type SniffedType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff';

export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'image/tiff'; // II*\0 / MM\0*
  return null;
}
