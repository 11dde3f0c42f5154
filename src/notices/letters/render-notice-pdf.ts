import { buildNoticeLetters } from './build-letter.js';
import type { LetterInput } from './letter.js';
import { writeLetterPdf } from './write-letter-pdf.js';

export type { LetterInput } from './letter.js';

/**
 * A notice as the PDF its recipient gets (docs/design.md#notices): build the letter (and the
 * English letter after it, for a translation not yet reviewed), lay them out in one PDF.
 */
export function renderNoticePdf(input: LetterInput): Promise<Buffer> {
  return writeLetterPdf(buildNoticeLetters(input));
}
