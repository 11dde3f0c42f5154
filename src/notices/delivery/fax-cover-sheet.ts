import { renderPdf } from '../render-pdf.js';

/** pdf-lib (≈ 150 modules) is loaded when a fax is first assembled, not at start-up (bench:startup). */
const pdfLib = async () => (await import('pdf-lib')).PDFDocument;

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

/** A fax cover sheet page (HIPAA: it names no patient; the confidentiality notice is standard). */
export function renderCoverSheet(c: CoverSheet): Promise<Buffer> {
  return renderPdf((doc) => {
    doc.font('Helvetica-Bold').fontSize(28).text('FAX', { align: 'left' }).moveDown();
    doc.fontSize(12);
    const row = (label: string, value: string) =>
      doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
    row('To', c.to);
    row('Fax', c.toFax);
    row('From', c.from);
    row('Fax', c.fromFax);
    row('Phone', c.fromPhone);
    row('Date', c.sentAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC');
    row('Pages (including this one)', String(c.pages + 1));
    row('Re', c.subject);
    doc
      .moveDown(2)
      .font('Helvetica-Oblique')
      .fontSize(10)
      .text(
        'CONFIDENTIALITY NOTICE: This facsimile contains protected health information that is privileged and confidential under ' +
          'federal and state law (HIPAA, 45 CFR Parts 160 and 164). It is intended only for the addressee. If you received it in error, ' +
          `call ${c.fromPhone} and destroy all copies. Any other use or disclosure is prohibited.`,
      );
  });
}

/** Concatenates PDFs page by page (a fax = cover sheet + letter; a print batch = many letters). */
export async function concatPdfs(parts: Buffer[]): Promise<{ pdf: Buffer; pages: number }> {
  const PdfLib = await pdfLib();
  const out = await PdfLib.create();
  for (const part of parts) {
    const src = await PdfLib.load(part);
    const pages = await out.copyPages(src, src.getPageIndices());
    for (const p of pages) out.addPage(p);
  }
  return { pdf: Buffer.from(await out.save()), pages: out.getPageCount() };
}

/**
 * The fax the prescriber or pharmacy gets: the cover sheet (which states the letter's page count)
 * in front of the letter, as one PDF (the delivery job; bench:letters times the same function).
 */
export async function faxWithCoverSheet(
  letter: Buffer,
  cover: Omit<CoverSheet, 'pages'>,
): Promise<{ pdf: Buffer; pages: number }> {
  const sheet = await renderCoverSheet({ ...cover, pages: await pageCount(letter) });
  return concatPdfs([sheet, letter]);
}

export async function pageCount(pdf: Buffer): Promise<number> {
  return (await (await pdfLib()).load(pdf)).getPageCount();
}
