import { execFileSync } from 'node:child_process';

/**
 * A PDF's text per page (pdftotext from poppler-utils, reading the PDF from stdin: no temporary
 * files), each page's whitespace folded to single spaces so a wrapped sentence reads whole.
 * A missing pdftotext fails the test with how to install it; it never skips.
 */
export function pdfPages(pdf: Buffer): string[] {
  let text: string;
  try {
    text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], {
      input: pdf,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'pdftotext is not installed: run `apt-get install -y poppler-utils` (CI installs it). Letter tests read PDFs with it.',
        { cause: err },
      );
    }
    throw err;
  }
  return text
    .split('\f')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
