import { useStandardFont, type StandardFontName } from '../render-pdf.js';
import { renderNoticePdf, type LetterInput } from '../letters/render-notice-pdf.js';

export interface CoverSheet {
  to: string;
  toFax: string;
  from: string;
  fromFax: string;
  fromPhone: string;
  subject: string;
  sentAt: Date;
  pages: number;
}

/**
 * A fax cover sheet page (HIPAA: it names no patient; the confidentiality notice is standard),
 * drawn on `doc`'s current page from its top margin, in the PDF's standard Helvetica.
 */
export function drawCoverSheet(doc: PDFKit.PDFDocument, c: CoverSheet): void {
  const font = (name: StandardFontName) => useStandardFont(doc, name);
  font('Helvetica-Bold').fontSize(28).text('FAX', { align: 'left' }).moveDown();
  doc.fontSize(12);
  const row = (label: string, value: string) => {
    font('Helvetica-Bold').text(`${label}: `, { continued: true });
    font('Helvetica').text(value);
  };
  row('To', c.to);
  row('Fax', c.toFax);
  row('From', c.from);
  row('Fax', c.fromFax);
  row('Phone', c.fromPhone);
  row('Date', c.sentAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC');
  row('Pages (including this one)', String(c.pages + 1));
  row('Re', c.subject);
  doc.moveDown(2);
  font('Helvetica-Oblique')
    .fontSize(10)
    .text(
      'CONFIDENTIALITY NOTICE: This facsimile contains protected health information that is privileged and confidential under ' +
        'federal and state law (HIPAA, 45 CFR Parts 160 and 164). It is intended only for the addressee. If you received it in error, ' +
        `call ${c.fromPhone} and destroy all copies. Any other use or disclosure is prohibited.`,
    );
}

/**
 * The fax the prescriber or pharmacy gets: the cover sheet (which states the letter's page count)
 * in front of the notice's letter, as one PDF (the delivery job; bench:letters times the same
 * function). The cover sheet is drawn in the letter's own document once the letter is laid out:
 * merging two PDFs with pdf-lib (a parse of each and a save) was a third of a fax's CPU beyond the
 * letter's (bench:letters).
 */
export async function faxWithCoverSheet(
  letter: LetterInput,
  cover: Omit<CoverSheet, 'pages'>,
): Promise<{ pdf: Buffer; pages: number }> {
  let pages = 0;
  const pdf = await renderNoticePdf(letter, {
    frontPage: (doc, letterPages) => {
      pages = letterPages + 1;
      drawCoverSheet(doc, { ...cover, pages: letterPages });
    },
  });
  return { pdf, pages };
}
