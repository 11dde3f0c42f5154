import { buildLetter } from './build-letter.js';
import type { LetterInput } from './letter.js';
import { writeLetterPdf } from './write-letter-pdf.js';

export type { LetterInput } from './letter.js';

/** A notice as the PDF letter its recipient gets (docs/design.md#notices): build the letter, lay it out. */
export function renderNoticePdf(input: LetterInput): Promise<Buffer> {
  return writeLetterPdf(buildLetter(input));
}
