import { fileTypeFromBuffer } from 'file-type';

/**
 * Content sniffing (file-type's magic-number detection), never the declared type or file name. PDF, PNG, JPEG and
 * TIFF are what clinical documentation arrives as; anything else file-type recognises (an executable, a ZIP, an
 * office file, a camera raw image) or does not recognise (plain text) is refused by the callers.
 */
export const ALLOWED_FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'] as const;
export type SniffedType = (typeof ALLOWED_FILE_TYPES)[number];

function isAllowed(mime: string): mime is SniffedType {
  return (ALLOWED_FILE_TYPES as readonly string[]).includes(mime);
}

export async function sniffFileType(bytes: Uint8Array): Promise<SniffedType | null> {
  if (bytes.length === 0) return null;
  const found = await fileTypeFromBuffer(bytes);
  return found && isAllowed(found.mime) ? found.mime : null;
}
