import { LRUCache } from 'lru-cache';

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

export type StandardFontName = 'Helvetica' | 'Helvetica-Bold' | 'Helvetica-Oblique';

/** What pdfkit's StandardFont holds besides its document: the parsed metrics, shared by every document. */
interface SharedStandardFont {
  prototype: object;
  fields: Record<string, unknown>;
}
const standardFonts = new Map<StandardFontName, SharedStandardFont>();

/** pdfkit's per-document font table (private: pdfkit offers no way to share a parsed standard font). */
interface FontTable {
  _fontFamilies?: Record<string, unknown>;
  _fontCount?: number;
  _font?: Record<string, unknown> & { name?: unknown };
}

type Encoded = [encoded: string[], positions: Array<Record<string, number>>];
interface StandardFontMethods {
  widthOfString(text: string, size: number): number;
  encode(text: string): Encoded;
}

/**
 * A standard font's measuring and encoding of a text, remembered per font for the process: the
 * cover sheet sets the same words on every fax, and pdfkit looks up each pair of letters' kerning
 * by a concatenated string key every time (a third of the cover sheet's CPU, bench:pa profile).
 * The width is remembered at 1000 units and scaled as pdfkit does (width × size / 1000, the same
 * number); the encoded glyphs and positions are only read by pdfkit's text output (it copies the
 * arrays before changing any), so one copy serves every document.
 */
function rememberedMeasures(prototype: StandardFontMethods): StandardFontMethods {
  const widths = new LRUCache<string, number>({ max: 5_000 });
  const encodings = new LRUCache<string, Encoded>({ max: 5_000 });
  return {
    widthOfString(this: StandardFontMethods, text: string, size: number) {
      const key = String(text);
      let width = widths.get(key);
      if (width === undefined) widths.set(key, (width = prototype.widthOfString.call(this, key, 1000)));
      return width * (size / 1000);
    },
    encode(this: StandardFontMethods, text: string) {
      const key = String(text);
      let encoded = encodings.get(key);
      if (!encoded) encodings.set(key, (encoded = prototype.encode.call(this, key)));
      return encoded;
    },
  };
}

/**
 * `doc.font(name)` for a PDF standard font (not embedded: the viewer's Helvetica), with its
 * metrics parsed once per process. pdfkit builds a StandardFont for every document that uses one,
 * and its constructor expands the font's widths and kerning pairs into new tables each time:
 * ≈ 2 ms of CPU per font per document (bench:letters; 7 % of the jobs process's CPU in a bench:pa
 * profile, three fonts on every fax cover sheet). The parsed tables are only read, so the first
 * document's font lends them, with what it measured (rememberedMeasures), to the next documents'
 * own font objects (their own id and PDF object). If pdfkit's internals are not as expected, the
 * font is opened as usual.
 */
export function useStandardFont(doc: PDFKit.PDFDocument, name: StandardFontName): PDFKit.PDFDocument {
  const table = doc as unknown as FontTable;
  const shared = standardFonts.get(name);
  if (shared && table._fontFamilies && !table._fontFamilies[name] && typeof table._fontCount === 'number') {
    const font = Object.create(shared.prototype) as Record<string, unknown>;
    Object.assign(font, shared.fields, { document: doc, id: `F${++table._fontCount}` });
    table._fontFamilies[name] = font;
  }
  doc.font(name);
  const opened = table._font;
  if (!shared && opened?.name === name) {
    const prototype = Object.getPrototypeOf(opened) as StandardFontMethods;
    if (typeof prototype.widthOfString === 'function' && typeof prototype.encode === 'function') {
      // Everything but what belongs to this document: the font object (set on first use) and its id.
      const { document: _document, id: _id, dictionary: _dictionary, embedded: _embedded, ...metrics } = opened;
      standardFonts.set(name, { prototype, fields: { ...metrics, ...rememberedMeasures(prototype) } });
    }
  }
  return doc;
}
