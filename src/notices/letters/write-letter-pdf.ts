import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import { renderPdf } from '../render-pdf.js';
import type { Block, ExtraPage, Letter, Section } from './letter.js';
import { fromProjectRoot } from '../../platform/project-root.js';
import { FONT_SUBSETS } from './font-subsets.js';

type Doc = PDFKit.PDFDocument;

/**
 * The fonts letters are set in, embedded (as subsets) in every PDF so names, letters and taglines
 * print as written: Noto Sans for Latin scripts (Spanish, Tagalog, Vietnamese with its stacked
 * diacritics); for Chinese and Korean, subsets of Noto Sans TC, SC and KR holding only the
 * characters the letters use (src/notices/letters/font-subsets.ts, built by
 * scripts/subset-cjk-font.ts). Files and licence: reference-data/fonts/.
 */
export const FONT_DIR = fromProjectRoot('reference-data', 'fonts');
const FONT_FILES = {
  regular: 'NotoSans_400Regular.ttf',
  bold: 'NotoSans_700Bold.ttf',
  sc: FONT_SUBSETS.sc.file,
  tc: FONT_SUBSETS.tc.file,
  tcBold: FONT_SUBSETS.tcBold.file,
  kr: FONT_SUBSETS.kr.file,
  krBold: FONT_SUBSETS.krBold.file,
} as const;
type FontName = keyof typeof FONT_FILES;
type Weight = 'regular' | 'bold';

/** Han characters and CJK / full-width punctuation. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const HANGUL = /\p{Script=Hangul}/u;

/**
 * The font a line of text is set in: Korean when it has Hangul; for Chinese, the Traditional
 * subset when it holds every Chinese character of the line, else the Simplified one (the
 * Chinese tagline is in Simplified characters), else whichever lacks fewer; otherwise Noto Sans.
 * Characters the chosen CJK font lacks (a Vietnamese name in a Korean letter) are set in Noto
 * Sans within the line (fontRuns).
 */
export function fontFor(text: string, weight: Weight = 'regular'): FontName {
  const bold = weight === 'bold';
  if (HANGUL.test(text)) return bold ? 'krBold' : 'kr';
  if (!CJK.test(text)) return weight;
  const chinese = [...text].filter((ch) => CJK.test(ch));
  const lacking = (font: FontName) => chinese.filter((ch) => !hasGlyph(font, ch)).length;
  const tc: FontName = bold ? 'tcBold' : 'tc';
  if (lacking(tc) === 0) return tc;
  if (lacking('sc') === 0) return 'sc';
  return lacking(tc) <= lacking('sc') ? tc : 'sc';
}

interface FontkitFont {
  unitsPerEm: number;
  characterSet: number[];
  variationAxes: Record<string, unknown>;
  getGlyph(id: number, characters?: number[]): unknown;
  glyphForCodePoint(cp: number): unknown;
  hasGlyphForCodePoint(cp: number): boolean;
  layout(text: string, features?: unknown): unknown;
  createSubset(): FontkitSubset;
}
interface FontkitSubset {
  glyphs: number[];
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}
let fonts: Record<FontName, FontkitFont> | undefined;

/**
 * The fonts, opened once with fontkit (pdfkit's font engine, a dependency of pdfkit; pdfkit
 * takes an opened fontkit font as well as a file, and reopening them for every letter would cost
 * more than the letter). Two fixes so text copied or extracted from the PDF reads as printed
 * (pdfkit writes, as a glyph's text, the characters fontkit noted when it first met that glyph):
 * - every character's glyph is met once up front, by its own character: otherwise a glyph first
 *   met as a part of another (ơ inside ợ, when a letter's font subset is written) has no text in
 *   the letters after;
 * - layout runs without 'ccmp': Noto Sans's ccmp splits letters such as ị ụ ọ into a base letter
 *   and a combining dot below, so "Thị" would read "Thi". Without it the precomposed glyphs are used.
 */
function letterFonts(): Record<FontName, FontkitFont> {
  if (!fonts) {
    const fontkit = createRequire(import.meta.url)('fontkit') as { create(data: Buffer): FontkitFont };
    const opened: Partial<Record<FontName, FontkitFont>> = {};
    for (const [name, file] of Object.entries(FONT_FILES) as Array<[FontName, string]>) {
      const font = fontkit.create(readFileSync(path.join(FONT_DIR, file)));
      for (const cp of font.characterSet) {
        // Not the compatibility forms (ﬁ): their glyphs should keep the text layout gives them ("fi").
        const ch = String.fromCodePoint(cp);
        if (ch.normalize('NFKC') === ch.normalize('NFC')) font.glyphForCodePoint(cp);
      }
      font.layout = memoizedLayout(font);
      rememberOutlines(font);
      rememberSubsets(font);
      opened[name] = font;
    }
    fonts = opened as Record<FontName, FontkitFont>;
  }
  return fonts;
}

/**
 * A memo bounded by its count of entries that forgets the oldest entry first. For the per-word
 * and per-paragraph memos below, read far more often than written: lru-cache's bookkeeping on
 * every read (moving the entry to its recent end) was 2 % of the jobs process's CPU in a bench:pa
 * profile at 1,500 cases. A template word pushed out by many letters' own words is laid out again
 * once; what a letter prints does not depend on what is remembered.
 */
class Remembered<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    return this.entries.get(key);
  }
  set(key: K, value: V): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
  }
}

/**
 * Each glyph's outline decoded once per process rather than once per letter. pdfkit embeds a
 * subset of each font in every PDF, and fontkit's subsetter decodes every glyph it copies
 * (TTFSubset._addGlyph calls the glyph's _decode only to find a composite's parts) on every
 * call: 12 % of a letter's CPU (bench:letters profile, after the two caches above and below).
 * The decoded outline is only read (by the subsetter, and by outline and bounding-box getters
 * pdfkit does not use for TrueType); fontkit applies variations to it in place, hence static
 * fonts only (the letter fonts are). Memory: at most one outline per glyph of the seven fonts,
 * in practice the few hundred glyphs letters print.
 */
function rememberOutlines(font: FontkitFont) {
  if (Object.keys(font.variationAxes).length > 0) return;
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, characters) => {
    const glyph = getGlyph(id, characters) as { _decode?: () => unknown } | null;
    if (glyph?._decode && !Object.hasOwn(glyph, '_decode')) {
      const decode = glyph._decode.bind(glyph);
      let decoded = false;
      let outline: unknown;
      glyph._decode = () => {
        if (!decoded) [outline, decoded] = [decode(), true];
        return outline;
      };
    }
    return glyph;
  };
}

/**
 * Each font subset's file encoded once per process for each list of glyphs. pdfkit embeds in
 * every PDF a subset of each font it used, and fontkit builds the subset's font file again for
 * every document (its tables cloned and encoded: 5 % of the jobs process's CPU in a bench:pa
 * profile). The file is a function of the font and of its glyphs in the order the document first
 * set them (that order numbers the glyphs in the page content), so that ordered list is the key:
 * faxes of one template set the same glyphs in the same order unless a name brings new ones.
 * The encoded bytes are only read (pdfkit deflates them into the PDF). Composite glyphs pull
 * their parts into the subset while it is encoded; the parts follow from the key, so a remembered
 * file includes them in the subset as encoding would have. Bounded: 500 files of a few tens of KB.
 */
function rememberSubsets(font: FontkitFont) {
  const files = new LRUCache<string, { file: Uint8Array; glyphs: number[] }>({ max: 500 });
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(',');
      let remembered = files.get(key);
      if (!remembered) files.set(key, (remembered = { file: encode(), glyphs: [...subset.glyphs] }));
      else for (const id of remembered.glyphs) subset.includeGlyph(id);
      return remembered.file;
    };
    return subset;
  };
}

/**
 * Whether a font has a character, remembered per font: every character of every line is looked up
 * in two or three fonts (fontFor, fontRuns, printable), and fontkit's cmap lookup was 6 % of a
 * letter's CPU (bench:letters profile). Bounded by the characters letters use.
 */
const glyphKnown = new Map<FontName, Map<number, boolean>>();
function hasGlyph(font: FontName, ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  let known = glyphKnown.get(font);
  if (!known) glyphKnown.set(font, (known = new Map()));
  let has = known.get(cp);
  if (has === undefined) known.set(cp, (has = letterFonts()[font].hasGlyphForCodePoint(cp)));
  return has;
}

/**
 * `text` as it prints in `font`: composed (NFC, so Vietnamese letters use their precomposed
 * glyphs), with any character the font lacks (a Chinese character outside the CJK subset, say)
 * folded to its base letter, a space, or "?" rather than an empty box.
 */
export function printable(text: string, font: FontName): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch === '\n' || hasGlyph(font, ch)) {
      out += ch;
      continue;
    }
    if (/\s/u.test(ch)) {
      out += ' ';
      continue;
    }
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += base && [...base].every((c) => hasGlyph(font, c)) ? base : '?';
  }
  return out;
}

/**
 * A line cut into runs of one font each: the line's font (fontFor) where it has the character,
 * Noto Sans where only it does (Latin names and drug names with diacritics in a Chinese or
 * Korean line), each run printable in its font.
 */
export function fontRuns(text: string, weight: Weight = 'regular'): Array<[FontName, string]> {
  const primary = fontFor(text, weight);
  const runs: Array<[FontName, string]> = [];
  for (const ch of text.normalize('NFC')) {
    const font = primary !== weight && !hasGlyph(primary, ch) && hasGlyph(weight, ch) ? weight : primary;
    const last = runs[runs.length - 1];
    if (last && last[0] === font) last[1] += ch;
    else runs.push([font, ch]);
  }
  return runs.map(([font, t]) => [font, printable(t, font)]);
}

/** Characters of `text` that no font of the line it is on can show (tests: letters should have none). */
export function unprintableChars(text: string): string[] {
  const missing = new Set<string>();
  for (const line of text.normalize('NFC').split('\n')) {
    const primary = fontFor(line);
    for (const ch of line) {
      const latin = hasGlyph('regular', ch) && hasGlyph('bold', ch);
      if (!(primary === 'regular' ? latin : hasGlyph(primary, ch) || latin)) missing.add(ch);
    }
  }
  return [...missing];
}

interface ShapedRun {
  glyphs: unknown[];
  positions: Array<Record<string, number>>;
  advanceWidth: number;
}

/**
 * fontkit's layout (OpenType shaping) of a word, remembered for the life of the process. pdfkit
 * remembers words only per document, and shaping the same template words again for every letter
 * was most of a letter's cost (a CPU profile of `npm run bench:pa` with letters rendered by the
 * delivery job: 30 % of the server's CPU in fontkit's lookups).
 * pdfkit scales a run's positions in place by 1000 / unitsPerEm (EmbeddedFont.layoutRun). The
 * letter fonts have 1000 units per em, so that is × 1 and the remembered run is handed out as it
 * is (copying its positions for every word of every letter was 5 % of a letter's CPU,
 * bench:letters); a font of another size gets a copy of the positions each time.
 */
function memoizedLayout(font: FontkitFont) {
  const layout = font.layout.bind(font);
  const shared = font.unitsPerEm === 1000;
  const runs = new Remembered<string, ShapedRun>(20_000);
  return (text: string, features?: unknown) => {
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let run = runs.get(key);
    if (!run) {
      const shaped = layout(text, features ?? { ccmp: false }) as Omit<ShapedRun, 'advanceWidth'>;
      // fontkit's GlyphRun.advanceWidth: the sum of the advances (fixed: they are never rescaled here).
      const advanceWidth = shaped.positions.reduce((w, p) => w + (p.xAdvance ?? 0), 0);
      run = { glyphs: shaped.glyphs, positions: shaped.positions, advanceWidth };
      runs.set(key, run);
    }
    if (shared) return run;
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((w, p) => w + (p.xAdvance ?? 0), 0);
      },
    };
  };
}

/** pdfkit's EmbeddedFont, the parts used here (private: pdfkit exports no class for it). */
interface EmbeddedFontLike {
  document: { ref(data?: object): PdfRef };
  font: unknown;
  subset: { includeGlyph(id: number): number };
  scale: number;
  widths: number[];
  unicode: number[][];
  embed(): unknown;
  encode(text: string, features?: unknown): Encoded;
  widthOfString(text: string, size: number, features?: unknown): number;
  layout(text: string, features: unknown, onlyWidth: boolean): { advanceWidth: number };
}
/** What pdfkit's EmbeddedFont.encode returns: the glyphs' ids in the subset (4 hex digits each) and their positions. */
type Encoded = [hexIds: string[], positions: unknown[]];
/** A glyph as fontkit's layout gives it (the parts pdfkit's encode reads). */
interface LaidOutGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
/** pdfkit's PDFReference, the parts used here. */
interface PdfRef {
  compress: boolean;
  data: Record<string, unknown>;
  write(chunk: Uint8Array): void;
  end(chunk?: Uint8Array | string): void;
  finalize(): void;
}

/** The Latin fonts, the only ones most letters embed. */
const LATIN_FONTS: FontName[] = ['regular', 'bold'];
/**
 * Characters whose glyphs open every subset of a Latin font, in this order: printable ASCII (every
 * Latin letter's names, ids, dates, numbers and punctuation come from it).
 */
const BASE_CHARACTERS = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

/**
 * A Latin font opened for a document with its subset already holding the glyphs of
 * BASE_CHARACTERS, in a fixed order, and its embedding's streams compressed once per process.
 *
 * pdfkit numbers a subset's glyphs in the order the document first sets them, so a letter whose
 * first lines (the member's name, the request and notice numbers) bring their characters in
 * another order had a subset of its own: the font file encoded again (rememberSubsets missed:
 * fontkit's encode was 5 % of the jobs process's CPU in a bench:pa profile), its ToUnicode map
 * and both deflated (≈ 6 % of a fax's CPU). With the base glyphs first, an English letter's
 * subsets are the same in every letter but for the few glyphs beyond ASCII. The glyphs are put in
 * by pdfkit's own encode, one character at a time (so each glyph's width and text are noted as
 * when the letter sets it); nothing is drawn, and a font the letter never sets is not embedded
 * (pdfkit embeds only the fonts a page used). What prints is unchanged; the PDF carries each
 * Latin font it uses with the ≈ 95 ASCII glyphs whether or not they are set (a few KB).
 */
function prepareLatinFont(doc: Doc, name: FontName) {
  doc.font(name);
  const font = (doc as unknown as { _font: EmbeddedFontLike })._font;
  const opened = letterFonts()[name];
  if (font?.font !== opened || !font.subset || !Array.isArray(font.widths) || typeof font.embed !== 'function') return;
  // What pdfkit's EmbeddedFont.encode does for each glyph of a text it sets, for the glyphs of
  // each base character laid out alone (the process's remembered layout, as encode would get it).
  for (const glyph of baseGlyphs(name, opened)) {
    const gid = font.subset.includeGlyph(glyph.id);
    if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
  }
  rememberEmbedding(font);
  rememberMeasures(font, name, (font.subset as { glyphs?: unknown[] }).glyphs?.length);
}

/** Per Latin font, for the process: a text's width at 1000 units, and its encoding when all its glyphs are base glyphs. */
const measures = new Map<
  FontName,
  { baseCount: number; widths: Remembered<string, number>; encodings: Remembered<string, Encoded> }
>();

/**
 * The font's measuring and encoding of a text (pdfkit's EmbeddedFont.widthOfString and encode)
 * remembered for the process. pdfkit measures every word of every line as it wraps it and encodes
 * every line it sets, each time splitting the text at its spaces, looking each piece up in the
 * document's own memo of layouts and concatenating the pieces' glyphs (≈ 15 % of a fax's CPU in a
 * profile of bench:letters' faxes), though a letter sets the same template words and lines as the
 * one before it.
 * - The width is pdfkit's own (the sum of the pieces' advances at 1000 units, times size ÷ 1000,
 *   the same arithmetic), remembered by text.
 * - The encoding names each glyph by its number in the document's subset, which depends on the
 *   order the document met its glyphs; a prepared font's subset opens with the base glyphs in a
 *   fixed order (prepareLatinFont), so a text whose glyphs all have numbers below the base
 *   glyphs' count encodes to the same numbers and positions in every document, and encoding it
 *   again would note no glyph, width or character the document lacks. Only such texts are
 *   remembered; any other is encoded by pdfkit every time. Both arrays are only read by pdfkit's
 *   text output (it copies them before changing any: justified text).
 */
function rememberMeasures(font: EmbeddedFontLike, name: FontName, baseCount: number | undefined) {
  if (baseCount === undefined || typeof font.encode !== 'function' || typeof font.layout !== 'function') return;
  let memo = measures.get(name);
  if (!memo)
    measures.set(name, (memo = { baseCount, widths: new Remembered(20_000), encodings: new Remembered(20_000) }));
  if (memo.baseCount !== baseCount) return;
  const { widths, encodings } = memo;
  const encode = font.encode.bind(font);
  const widthOfString = font.widthOfString.bind(font);
  font.widthOfString = (text, size, features) => {
    if (features !== undefined) return widthOfString(text, size, features);
    let width = widths.get(text);
    if (width === undefined) widths.set(text, (width = font.layout(text, undefined, true).advanceWidth));
    const scale = size / 1000;
    return width * scale;
  };
  font.encode = (text, features) => {
    if (features !== undefined) return encode(text, features);
    const remembered = encodings.get(text);
    if (remembered) return remembered;
    const encoded = encode(text);
    if (encoded[0].every((hex) => parseInt(hex, 16) < baseCount)) encodings.set(text, encoded);
    return encoded;
  };
}

const baseGlyphsByFont = new Map<FontName, LaidOutGlyph[]>();
function baseGlyphs(name: FontName, font: FontkitFont): LaidOutGlyph[] {
  let glyphs = baseGlyphsByFont.get(name);
  if (!glyphs)
    baseGlyphsByFont.set(
      name,
      (glyphs = BASE_CHARACTERS.flatMap((ch) => (font.layout(ch) as ShapedRun).glyphs as LaidOutGlyph[])),
    );
  return glyphs;
}

/** Deflated font files by the (remembered, rememberSubsets) file bytes; deflated ToUnicode maps by their text. */
const deflatedFiles = new WeakMap<Uint8Array, Uint8Array>();
const deflatedMaps = new Remembered<string, Uint8Array>(500);

/**
 * The font's embedding (pdfkit's EmbeddedFont.embed) with its font file and ToUnicode map
 * compressed once per process for each content: pdfkit deflates every stream of every document
 * (zlib's deflateSync, the same call and the same bytes as here), and the subset font files and
 * maps of letters of one kind are the same from letter to letter. Each stream is written as pdfkit
 * writes it (its Length, then its Filter, then the bytes): the PDF's bytes are unchanged.
 */
function rememberEmbedding(font: EmbeddedFontLike) {
  const embed = font.embed.bind(font);
  font.embed = () => {
    const { document } = font;
    const ref = document.ref;
    document.ref = (data?: object) => {
      const stream = ref.call(document, data);
      const end = stream.end.bind(stream);
      stream.end = (chunk?: Uint8Array | string) => {
        const deflated = chunk === undefined || !stream.compress ? undefined : compressedOnce(chunk);
        if (!deflated) return end(chunk);
        stream.compress = false;
        stream.write(deflated);
        stream.data.Filter = 'FlateDecode';
        stream.finalize();
      };
      return stream;
    };
    try {
      return embed();
    } finally {
      document.ref = ref;
    }
  };
}

/** `chunk` as pdfkit would deflate it (a text chunk is written with a newline after it), remembered. */
function compressedOnce(chunk: Uint8Array | string): Uint8Array | undefined {
  if (typeof chunk === 'string') {
    let deflated = deflatedMaps.get(chunk);
    if (!deflated) deflatedMaps.set(chunk, (deflated = deflateSync(Buffer.from(`${chunk}\n`, 'latin1'))));
    return deflated;
  }
  let deflated = deflatedFiles.get(chunk);
  if (!deflated) deflatedFiles.set(chunk, (deflated = deflateSync(chunk)));
  return deflated;
}

/** Text ready to set: its runs, and the whole in the line's font for measuring. */
interface Prepared {
  runs: Array<[FontName, string]>;
  measure: string;
  size: number;
}

/** A page in front of the letters, drawn once their pages are known (a fax's cover sheet states the page count). */
export type FrontPage = (doc: Doc, letterPages: number) => void;

/**
 * Lays structured letters out on US Letter pages in the embedded fonts above, each letter from a
 * new page (a translation, then its English copy). Sizes stay at 10 pt and up so a faxed copy
 * stays legible. The appeal form and the language-assistance page each start on a new page;
 * every page carries the notice id and "Page n of N" of its own letter, in its language.
 * With `frontPage`, the document opens with that page (a fax's cover sheet): drawn in the same
 * document rather than merged with another PDF afterwards, which cost a fax a parse and a save by
 * pdf-lib (bench:letters).
 */
export function writeLetterPdf(letters: Letter | Letter[], options: { frontPage?: FrontPage } = {}): Promise<Buffer> {
  const all = Array.isArray(letters) ? letters : [letters];
  const letter = all[0];
  const { frontPage } = options;
  return renderPdf(
    (doc) => {
      // pdfkit's types list only files and bytes as font sources; it also takes an opened fontkit font.
      const faces = letterFonts();
      for (const name of Object.keys(faces) as FontName[]) doc.registerFont(name, faces[name] as unknown as Buffer);
      for (const name of LATIN_FONTS) prepareLatinFont(doc, name);
      const starts: number[] = [];
      all.forEach((l, i) => {
        const w = new LetterWriter(doc);
        // The document's first page is the front page's, when there is one.
        if (i > 0 || frontPage) doc.addPage();
        starts.push(doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1);
        w.letterhead(l);
        w.body(l);
        for (const page of [l.appealForm, l.languageAssistance]) if (page) w.extraPage(page);
      });
      const end = doc.bufferedPageRange().start + doc.bufferedPageRange().count;
      all.forEach((l, i) => new LetterWriter(doc).footers(l, starts[i], (starts[i + 1] ?? end) - starts[i]));
      if (frontPage) {
        // Back to the first page, with the state a new document starts in (the letters left
        // their line gap, colour and position behind).
        doc.switchToPage(0);
        doc.x = doc.page.margins.left;
        doc.y = doc.page.margins.top;
        doc.lineGap(0).fillColor('black');
        frontPage(doc, end - starts[0]);
      }
    },
    {
      // No default font: pdfkit would open Helvetica for every document (parsing its metrics and
      // kerning pairs, 3 % of a letter's CPU) though a letter sets every line in its own fonts.
      // An empty name skips it (pdfkit's initFonts; foliojs/pdfkit#1647).
      font: '',
      bufferPages: true,
      lang: letter.metadata.lang,
      displayTitle: true,
      info: {
        Title: letter.metadata.title,
        Author: letter.metadata.author,
        Subject: letter.metadata.subject,
        Creator: 'OpenPBM',
      },
    },
  );
}

const BODY = 10.5;
const COMPACT_BODY = 10;
const SMALL = 9;
const GREY = '#444444';
/** Line spacing as a multiple of the type size (Noto Sans's own, 1.36, would push the appeal form onto a second sheet; Helvetica's was 1.16). */
const LEADING = 1.16;

/**
 * How many lines a text wraps to, by font, size, line gap, width and text, remembered for the
 * process. Before setting a paragraph the writer measures it (pdfkit's heightOfString wraps the
 * whole text a first time) to keep it from starting at a page's foot; that measuring was 19 % of
 * the jobs process's CPU in a bench:pa profile, and most paragraphs are the same template text in
 * every letter. The wrapping does not depend on where the text starts (heightOfString lets it run
 * to any depth), so the count is reused and the height summed from the current y line by line as
 * pdfkit does, to the same number.
 */
const wrappedLines = new Remembered<string, number>(20_000);
/** What ends a line whatever the width (Unicode's mandatory breaks), and the soft hyphen, which pdfkit measures apart. */
const FORCED_BREAK = /[\n\r\v\f\u0085\u2028\u2029\u00ad]/u;

class LetterWriter {
  /** Extra pages (the appeal form) are set a little tighter so a form stays on one sheet. */
  private compact = false;
  /** The font, size and line gap setFont last set (what heightOf measures in). */
  private current = { font: 'regular' as FontName, size: BODY, lineGap: 0 };

  constructor(private readonly doc: Doc) {}

  /** Body text size: a little smaller on the extra pages, where Noto Sans (wider and taller than Helvetica) would push the appeal form onto a second sheet. */
  private get bodySize() {
    return this.compact ? COMPACT_BODY : BODY;
  }
  private get left() {
    return this.doc.page.margins.left;
  }
  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when `height` would not fit on this one (keeps a bullet with its text, a heading with what follows). */
  private ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /**
   * Sets the line's font for `text` (Chinese or Korean when it has such characters) and its size,
   * with lines LEADING × size apart whatever the font's own metrics, and returns it ready to put.
   */
  private use(weight: Weight, size: number, text: string): Prepared {
    const runs = fontRuns(text, weight);
    const primary = fontFor(text, weight);
    this.setFont(primary, size);
    return { runs, measure: printable(text, primary), size };
  }

  private setFont(font: FontName, size: number) {
    const { doc } = this;
    doc.font(font).fontSize(size);
    const lineGap = LEADING * size - doc.currentLineHeight(true);
    doc.lineGap(lineGap);
    this.current = { font, size, lineGap };
  }

  /**
   * doc.heightOfString(text, { width }) in the current font (wrappedLines). pdfkit's sum: from
   * its y, each line adds currentLineHeight(true) + the line gap (and the last line a paragraph
   * gap of 0); the result is the end less the start.
   */
  private heightOf(text: string, width: number): number {
    const { doc, current } = this;
    const step = doc.currentLineHeight(true) + (current.lineGap || 0);
    const sum = (lines: number) => {
      let y = doc.y;
      for (let i = 0; i < lines; i += 1) y += step;
      return y - doc.y;
    };
    const key = `${current.font}\u0000${current.size}\u0000${current.lineGap}\u0000${width}\u0000${text}`;
    const lines = wrappedLines.get(key);
    if (lines !== undefined) return sum(lines);
    // A text of its own (a name, a date, an id: not worth remembering) that is well inside the
    // width and has nothing that forces a break is one line: pdfkit's wrapping would put every
    // word on the first line. The margin covers the kerning lost where the wrapper cuts words
    // differently from a measure of the whole.
    if (/\S/.test(text) && !FORCED_BREAK.test(text) && doc.widthOfString(text) <= 0.9 * width) return sum(1);
    const height = doc.heightOfString(text, { width });
    const counted = Math.round(height / step);
    // Kept only when the count gives back pdfkit's own figure.
    if (sum(counted) === height) wrappedLines.set(key, counted);
    return height;
  }

  /** Sets prepared text at (x, y), run by run (pdfkit continues a line across font changes). */
  private put(p: Prepared, x: number, y: number, options: PDFKit.Mixins.TextOptions) {
    const { doc } = this;
    if (p.runs.length === 0) return;
    p.runs.forEach(([font, t], i) => {
      this.setFont(font, p.size);
      const continued = i < p.runs.length - 1;
      if (i === 0) doc.text(t, x, y, { ...options, continued });
      else doc.text(t, { ...options, continued });
    });
  }

  private text(
    text: string,
    options: { font?: Weight; size?: number; x?: number; width?: number; gap?: number; color?: string } = {},
  ) {
    const { doc } = this;
    const x = options.x ?? this.left;
    const width = options.width ?? this.width - (x - this.left);
    const t = this.use(options.font ?? 'regular', options.size ?? this.bodySize, text);
    doc.fillColor(options.color ?? 'black');
    this.ensureSpace(Math.min(this.heightOf(t.measure, width), 3 * doc.currentLineHeight(true)));
    this.put(t, x, doc.y, { width });
    doc.y += options.gap ?? 4;
  }

  private rule(color = '#999999') {
    const { doc } = this;
    doc
      .save()
      .moveTo(this.left, doc.y)
      .lineTo(this.left + this.width, doc.y)
      .lineWidth(0.75)
      .strokeColor(color)
      .stroke()
      .restore();
    doc.y += 8;
  }

  letterhead(letter: Letter) {
    this.text(letter.letterhead.name, { font: 'bold', size: 16, gap: 2 });
    for (const line of letter.letterhead.lines) this.text(line, { size: SMALL, gap: 0, color: GREY });
    this.doc.y += 6;
    this.rule();
    if (letter.languageNotice) this.text(letter.languageNotice, { font: 'bold', size: SMALL, gap: 8 });
  }

  body(letter: Letter) {
    this.text(letter.date, { gap: 12 });
    for (const line of letter.recipient) this.text(line, { gap: 0 });
    this.doc.y += 12;
    this.fields(letter.reference, SMALL + 1);
    this.doc.y += 8;
    this.text(letter.title, { font: 'bold', size: 14, gap: 10 });
    this.text(letter.greeting, { gap: 8 });
    this.sections(letter.sections);
    this.doc.y += 6;
    for (const line of letter.closing) this.text(line, { gap: 0 });
  }

  extraPage(page: ExtraPage) {
    this.compact = true;
    this.doc.addPage();
    this.text(page.title, { font: 'bold', size: 15, gap: 4 });
    this.rule();
    this.sections(page.sections);
  }

  private sections(sections: Section[]) {
    for (const s of sections) {
      if (s.heading) {
        this.ensureSpace(50);
        this.doc.y += 4;
        this.text(s.heading, { font: 'bold', size: 11.5, gap: 3 });
      }
      for (const b of s.blocks) this.block(b);
      this.doc.y += this.compact ? 1 : 4;
    }
  }

  private block(b: Block) {
    switch (b.type) {
      case 'paragraph':
        return this.text(b.text, { font: b.bold ? 'bold' : 'regular', gap: 6 });
      // Notes were Helvetica-Oblique; no italic face is embedded, so they are set small in the regular face.
      case 'note':
        return this.text(b.text, { size: SMALL, gap: 6 });
      case 'bullets':
        return this.list(b.items.map((item) => ['\u2022', item]));
      case 'numbered':
        return this.list(b.items.map((item, i) => [`${i + 1}.`, item]));
      case 'fields':
        return this.fields(b.rows, this.compact ? SMALL + 1 : BODY);
      case 'checkbox':
        return this.checkbox(b.label);
      case 'write-in':
        return this.writeIn(b.label, b.lines);
      case 'signature':
        return this.signature(b.labels);
    }
  }

  private list(items: Array<[marker: string, text: string]>) {
    const { doc } = this;
    const indent = 16;
    for (const [marker, item] of items) {
      const t = this.use('regular', this.bodySize, item);
      doc.fillColor('black');
      this.ensureSpace(Math.min(this.heightOf(t.measure, this.width - indent), 3 * doc.currentLineHeight(true)));
      const y = doc.y;
      this.setFont('regular', this.bodySize);
      doc.text(marker, this.left + 2, y, { width: indent - 2, lineBreak: false });
      this.put(t, this.left + indent, y, { width: this.width - indent });
      doc.y += 3;
    }
    doc.y += 3;
  }

  private fields(rows: Array<[string, string]>, size: number) {
    const { doc } = this;
    const labelWidth = 150;
    for (const [label, value] of rows) {
      const v = this.use('regular', size, value);
      const valueHeight = this.heightOf(v.measure, this.width - labelWidth);
      const l = this.use('bold', size, label);
      const height = Math.max(valueHeight, this.heightOf(l.measure, labelWidth - 6));
      this.ensureSpace(height);
      const y = doc.y;
      doc.fillColor('black');
      this.put(l, this.left, y, { width: labelWidth - 6 });
      this.put(v, this.left + labelWidth, y, { width: this.width - labelWidth });
      doc.y = y + height + 2;
    }
  }

  private checkbox(label: string) {
    const { doc } = this;
    const t = this.use('regular', this.bodySize, label);
    const height = this.heightOf(t.measure, this.width - 18);
    this.ensureSpace(height);
    const y = doc.y;
    doc
      .save()
      .rect(this.left, y + 1, 10, 10)
      .lineWidth(1)
      .strokeColor('black')
      .stroke()
      .restore();
    doc.fillColor('black');
    this.put(t, this.left + 18, y, { width: this.width - 18 });
    doc.y = y + Math.max(height, 12) + 4;
  }

  private writeIn(label: string, lines: number) {
    const { doc } = this;
    this.ensureSpace(lines * 20 + 16);
    const t = this.use('regular', this.bodySize, label);
    doc.fillColor('black');
    const labelWidth = t.measure ? doc.widthOfString(t.measure) : 0;
    if (lines === 1 && t.measure && labelWidth < this.width * 0.6) {
      // One line to fill in: the line follows the label on the same row.
      const y = doc.y + 8;
      const lineY = y + doc.currentLineHeight();
      this.put(t, this.left, y, { width: this.width, lineBreak: false });
      doc
        .save()
        .moveTo(this.left + labelWidth + 6, lineY)
        .lineTo(this.left + this.width, lineY)
        .lineWidth(0.5)
        .strokeColor('#777777')
        .stroke()
        .restore();
      doc.y = lineY + 6;
      return;
    }
    if (t.measure) this.text(label, { gap: 0 });
    for (let i = 0; i < lines; i += 1) {
      doc.y += 19;
      doc
        .save()
        .moveTo(this.left, doc.y)
        .lineTo(this.left + this.width, doc.y)
        .lineWidth(0.5)
        .strokeColor('#777777')
        .stroke()
        .restore();
    }
    doc.y += 8;
  }

  private signature(labels: string[]) {
    const { doc } = this;
    this.ensureSpace(44);
    const gap = 24;
    const each = (this.width - gap * (labels.length - 1)) / labels.length;
    const lineY = doc.y + 26;
    labels.forEach((label, i) => {
      const x = this.left + i * (each + gap);
      doc
        .save()
        .moveTo(x, lineY)
        .lineTo(x + (i === 0 ? each : each * 0.6), lineY)
        .lineWidth(0.75)
        .strokeColor('black')
        .stroke()
        .restore();
      const t = this.use('regular', SMALL, label);
      doc.fillColor('black');
      this.put(t, x, lineY + 3, { width: each, lineBreak: false });
    });
    doc.y = lineY + 18;
  }

  /** Notice id and page n of N at the foot of each of a letter's pages (the bottom margin is lifted while writing there). */
  footers(letter: Letter, start: number, count: number) {
    const { doc } = this;
    const range = { start, count };
    for (let i = range.start; i < range.start + range.count; i += 1) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const footer = this.use('regular', 8, `${letter.footer} - ${letter.pageOf(i - range.start + 1, range.count)}`);
      doc.fillColor(GREY);
      this.put(footer, this.left, doc.page.height - 36, { width: this.width, align: 'center', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
  }
}
