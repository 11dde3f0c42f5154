import { execFileSync } from 'node:child_process';

/** Text of a PDF via poppler's pdftotext, read from stdin (installed by .ci/run; `apt-get install poppler-utils`). */
export function pdfText(pdf: Buffer): string {
  try {
    return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('pdftotext is missing: apt-get install poppler-utils (CI installs it)', { cause: err });
    throw err;
  }
}
