import { renderPdf } from '../render-pdf.js';

/** pdf-lib (≈ 150 modules) is loaded when a fax is first assembled, not at start-up (bench:startup); once (render-pdf.ts). */
let pdfLibModule: Promise<typeof import('pdf-lib')> | undefined;
const pdfLib = async () => (await (pdfLibModule ??= import('pdf-lib'))).PDFDocument;

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

type PdfLibDocument = Awaited<ReturnType<Awaited<ReturnType<typeof pdfLib>>['load']>>;

/**
 * Page sources in order: a whole document, or some of a document's pages (a print file's address
 * pages, each before its letter).
 */
type Part = PdfLibDocument | { from: PdfLibDocument; pages: number[] };

/** Concatenates parsed PDFs page by page, each source's pages copied once. */
async function concatParsed(parts: Part[]): Promise<{ pdf: Buffer; pages: number }> {
  const out = await (await pdfLib()).create();
  const copied = new Map<PdfLibDocument, Awaited<ReturnType<typeof out.copyPages>>>();
  for (const part of parts) {
    const [src, indices] = 'from' in part ? [part.from, part.pages] : [part, part.getPageIndices()];
    if (!copied.has(src)) copied.set(src, await out.copyPages(src, src.getPageIndices()));
    for (const i of indices) out.addPage(copied.get(src)![i]);
  }
  return { pdf: Buffer.from(await out.save()), pages: out.getPageCount() };
}

/**
 * The fax the prescriber or pharmacy gets: the cover sheet (which states the letter's page count)
 * in front of the letter, as one PDF (the delivery job; bench:letters times the same function).
 * The letter is parsed once, for its page count and its pages (parsing it twice was a tenth of a
 * fax's CPU, bench:letters).
 */
export async function faxWithCoverSheet(
  letter: Buffer,
  cover: Omit<CoverSheet, 'pages'>,
): Promise<{ pdf: Buffer; pages: number }> {
  const PdfLib = await pdfLib();
  const parsed = await PdfLib.load(letter);
  const sheet = await PdfLib.load(await renderCoverSheet({ ...cover, pages: parsed.getPageCount() }));
  return concatParsed([sheet, parsed]);
}

/**
 * A print file: each letter behind its page of `front` (the address pages, one document with a
 * page per letter).
 */
export async function interleavePdfs(front: Buffer, letters: Buffer[]): Promise<{ pdf: Buffer; pages: number }> {
  const PdfLib = await pdfLib();
  const fronts = await PdfLib.load(front);
  if (fronts.getPageCount() !== letters.length) throw new Error('one front page per letter');
  const parts: Part[] = [];
  for (const [i, letter] of letters.entries()) parts.push({ from: fronts, pages: [i] }, await PdfLib.load(letter));
  return concatParsed(parts);
}
