import { buildNoticeLetters } from './build-letter.js';
import type { LetterInput } from './letter.js';
import { writeLetterPdf, type FrontPage } from './write-letter-pdf.js';

export type { LetterInput } from './letter.js';
export type { FrontPage } from './write-letter-pdf.js';

/**
 * A notice as the PDF its recipient gets (docs/design.md#notices): build the letter (and the
 * English letter after it, for a translation not yet reviewed), lay them out in one PDF, behind
 * `frontPage` when given (a fax's cover sheet).
 */
export function renderNoticePdf(input: LetterInput, options: { frontPage?: FrontPage } = {}): Promise<Buffer> {
  return writeLetterPdf(buildNoticeLetters(input), options);
}
