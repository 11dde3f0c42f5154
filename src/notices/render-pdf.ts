/**
 * pdfkit (with fontkit and its font data) is loaded on the first letter, not at start-up: loading
 * it cost ≈ 1 s of every `npm start` (bench:startup) while most starts render no letter at once.
 * It is imported once: each `import()` goes through the module loader again (under tsx, a round
 * trip to its loader thread: 10 % of a fax's CPU in bench:letters).
 */
const loadPdfkit = async () => (await import('pdfkit')).default;
let pdfkit: ReturnType<typeof loadPdfkit> | undefined;

/** Runs `draw` on a new US Letter pdfkit document and resolves with the finished PDF bytes. */
export async function renderPdf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Buffer> {
  const PDFDocument = await (pdfkit ??= loadPdfkit());
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: 60, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (b: Buffer) => chunks.push(b));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}
