/**
 * Builds reference-data/fonts/NotoSansSC-taglines.ttf: the few glyphs of Noto Sans SC that the
 * letters print (the Chinese tagline, read from its source, plus ASCII, Latin-1 and basic CJK and
 * typographic punctuation), so the product ships tens of KB instead of the 10.5 MB font.
 *
 *   npx tsx scripts/subset-cjk-font.ts [path/to/NotoSansSC_400Regular.ttf]
 *
 * The source font is NotoSansSC_400Regular.ttf from the npm package
 * @expo-google-fonts/noto-sans-sc (SIL OFL 1.1; see reference-data/fonts/PROVENANCE.md).
 * Rerun it whenever the Chinese text in src/notices/letters/i18n/taglines.ts changes (a unit test
 * fails when the subset lacks a character the letters print).
 *
 * fontkit (pdfkit's font engine) writes the glyph tables of a subset (head, hhea, maxp, loca,
 * glyf, hmtx, prep) but no cmap, name, OS/2 or post, which a standalone font needs: without a
 * cmap nothing can map characters to glyphs. This script adds them: a format-4 cmap for the kept
 * characters, and name, OS/2 and post (version 3, no glyph names) copied from the source font.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface FontkitGlyph {
  id: number;
}
interface FontkitFont {
  glyphForCodePoint(cp: number): FontkitGlyph;
  hasGlyphForCodePoint(cp: number): boolean;
  createSubset(): { includeGlyph(glyph: number | FontkitGlyph): number; encode(): Uint8Array };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(buffer: Buffer): FontkitFont };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TAGLINE_SOURCE = path.join(ROOT, 'src/notices/letters/i18n/taglines.ts');
const OUT = path.join(ROOT, 'reference-data/fonts/NotoSansSC-taglines.ttf');
const SOURCE_FONT = process.argv[2] ?? '/tmp/fontprobe/sc/package/400Regular/NotoSansSC_400Regular.ttf';

/** Han characters and CJK / full-width punctuation: what Noto Sans cannot print and this font must. */
export const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

function wantedCodePoints(): number[] {
  const cps = new Set<number>();
  for (const ch of readFileSync(TAGLINE_SOURCE, 'utf8')) if (CJK.test(ch)) cps.add(ch.codePointAt(0)!);
  // ASCII and Latin-1 (a Chinese line can carry the phone number, "TTY" and an English or Spanish
  // lead-in), typographic punctuation, and the common CJK punctuation.
  for (let cp = 0x20; cp <= 0x7e; cp += 1) cps.add(cp);
  for (let cp = 0xa0; cp <= 0xff; cp += 1) cps.add(cp);
  for (const ch of '\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u3000\u3001\u3002\u300a\u300b\u300c\u300d\u3010\u3011\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f')
    cps.add(ch.codePointAt(0)!);
  return [...cps].sort((a, b) => a - b);
}

interface Table {
  tag: string;
  data: Buffer;
}

function readTables(font: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  const count = font.readUInt16BE(4);
  for (let i = 0; i < count; i += 1) {
    const rec = 12 + i * 16;
    const offset = font.readUInt32BE(rec + 8);
    tables.set(font.toString('latin1', rec, rec + 4), font.subarray(offset, offset + font.readUInt32BE(rec + 12)));
  }
  return tables;
}

/** cmap with one format-4 subtable (Unicode BMP), referenced for platform 0/3 and 3/1. */
function cmapTable(map: Map<number, number>): Buffer {
  const segments: Array<{ start: number; end: number; delta: number }> = [];
  for (const [cp, gid] of [...map].sort((a, b) => a[0] - b[0])) {
    if (cp > 0xfffe) throw new Error(`U+${cp.toString(16)} is outside the BMP`);
    const last = segments[segments.length - 1];
    const delta = (gid - cp + 0x10000) % 0x10000;
    if (last && last.end === cp - 1 && last.delta === delta) last.end = cp;
    else segments.push({ start: cp, end: cp, delta });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const n = segments.length;
  const searchRange = 2 * 2 ** Math.floor(Math.log2(n));
  const sub = Buffer.alloc(16 + 8 * n);
  sub.writeUInt16BE(4, 0);
  sub.writeUInt16BE(sub.length, 2);
  sub.writeUInt16BE(0, 4);
  sub.writeUInt16BE(2 * n, 6);
  sub.writeUInt16BE(searchRange, 8);
  sub.writeUInt16BE(Math.log2(searchRange / 2), 10);
  sub.writeUInt16BE(2 * n - searchRange, 12);
  segments.forEach((s, i) => {
    sub.writeUInt16BE(s.end, 14 + 2 * i);
    sub.writeUInt16BE(s.start, 16 + 2 * n + 2 * i);
    sub.writeUInt16BE(s.delta, 16 + 4 * n + 2 * i);
    sub.writeUInt16BE(0, 16 + 6 * n + 2 * i);
  });
  const head = Buffer.alloc(4 + 2 * 8);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(2, 2);
  for (const [i, [platform, encoding]] of [
    [0, 3],
    [3, 1],
  ].entries()) {
    head.writeUInt16BE(platform, 4 + 8 * i);
    head.writeUInt16BE(encoding, 6 + 8 * i);
    head.writeUInt32BE(head.length, 8 + 8 * i);
  }
  return Buffer.concat([head, sub]);
}

function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function writeSfnt(tables: Table[]): Buffer {
  tables.sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const n = tables.length;
  const searchRange = 16 * 2 ** Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + 16 * n);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(Math.log2(searchRange / 16), 8);
  header.writeUInt16BE(16 * n - searchRange, 10);
  const body: Buffer[] = [];
  let offset = header.length;
  tables.forEach(({ tag, data }, i) => {
    if (tag === 'head') data.writeUInt32BE(0, 8); // checkSumAdjustment, set below
    header.write(tag, 12 + 16 * i, 'latin1');
    header.writeUInt32BE(checksum(data), 16 + 16 * i);
    header.writeUInt32BE(offset, 20 + 16 * i);
    header.writeUInt32BE(data.length, 24 + 16 * i);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    body.push(padded);
    offset += padded.length;
  });
  const font = Buffer.concat([header, ...body]);
  const headOffset = header.readUInt32BE(20 + 16 * tables.findIndex((t) => t.tag === 'head'));
  font.writeUInt32BE((0xb1b0afba - checksum(font) + 0x100000000) % 0x100000000, headOffset + 8);
  return font;
}

function main() {
  const source = readFileSync(SOURCE_FONT);
  const font = fontkit.create(source);
  const subset = font.createSubset();
  const map = new Map<number, number>();
  const missing: string[] = [];
  for (const cp of wantedCodePoints()) {
    if (!font.hasGlyphForCodePoint(cp)) {
      missing.push(`U+${cp.toString(16).toUpperCase()}`);
      continue;
    }
    map.set(cp, subset.includeGlyph(font.glyphForCodePoint(cp)));
  }
  const glyphTables = readTables(Buffer.from(subset.encode()));
  const original = readTables(source);
  const post = Buffer.from(original.get('post')!.subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0);
  const tables: Table[] = [...glyphTables].map(([tag, data]) => ({ tag, data: Buffer.from(data) }));
  tables.push({ tag: 'cmap', data: cmapTable(map) }, { tag: 'post', data: post });
  for (const tag of ['name', 'OS/2']) tables.push({ tag, data: Buffer.from(original.get(tag)!) });
  const out = writeSfnt(tables);

  // Read it back: every kept character maps to a glyph with an outline.
  const check = fontkit.create(out);
  const hanWithoutOutline = [...map.keys()].filter(
    (cp) =>
      CJK.test(String.fromCodePoint(cp)) &&
      cp !== 0x3000 &&
      !(check.hasGlyphForCodePoint(cp) && check.glyphForCodePoint(cp).id === map.get(cp)),
  );
  if (hanWithoutOutline.length) throw new Error(`subset does not map ${hanWithoutOutline.length} characters`);
  writeFileSync(OUT, out);
  const han = [...map.keys()].filter((cp) => /\p{Script=Han}/u.test(String.fromCodePoint(cp)));
  console.log(
    `${path.relative(ROOT, OUT)}: ${out.length} bytes, ${map.size} characters (${han.length} Han: ${String.fromCodePoint(...han)})${missing.length ? `; not in the font: ${missing.join(' ')}` : ''}`,
  );
}

main();
