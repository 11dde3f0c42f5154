/**
 * Builds the subset fonts in reference-data/fonts (src/notices/letters/font-subsets.ts lists
 * them): the glyphs of Noto Sans SC, TC and KR that the letters print (the Chinese and Korean
 * taglines, the Traditional Chinese and Korean letter texts, plus ASCII, Latin-1 and basic CJK
 * and typographic punctuation), so the product ships a few hundred KB instead of 6–10 MB fonts
 * and needs none of the source packages at run time.
 *
 *   npx tsx scripts/subset-cjk-font.ts [--sources DIR] [sc tc tcBold kr krBold]
 *
 * The source fonts (SIL OFL 1.1; see reference-data/fonts/PROVENANCE.md) come from the npm
 * packages named in font-subsets.ts, fetched with `npm pack` into DIR (default: a folder in the
 * system's temporary directory) unless already there, and checked against their sha256.
 * Rerun it whenever a letter text gains a Chinese or Korean character: the unit test
 * "font subsets hold every character the texts use" fails until then.
 *
 * fontkit (pdfkit's font engine) writes the glyph tables of a subset (head, hhea, maxp, loca,
 * glyf, hmtx, prep) but no cmap, name, OS/2 or post, which a standalone font needs: without a
 * cmap nothing can map characters to glyphs. This script adds them: a format-4 cmap for the kept
 * characters, and name, OS/2 and post (version 3, no glyph names) copied from the source font.
 * The output is byte-for-byte reproducible from the same inputs.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FONT_SUBSETS,
  wantedCodePoints,
  type FontSubset,
  type SubsetName,
} from '../src/notices/letters/font-subsets.js';

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
const FONT_DIR = path.join(ROOT, 'reference-data/fonts');

/** The source font of a subset: from DIR/<package>-<version>/, fetched with `npm pack` when missing, sha256 checked. */
function sourceFont(subset: FontSubset, dir: string): Buffer {
  const { source } = subset;
  const unpacked = path.join(dir, `${source.package.replace(/[@/]/g, '_')}-${source.version}`);
  const file = path.join(unpacked, 'package', source.file);
  if (!existsSync(file)) {
    mkdirSync(unpacked, { recursive: true });
    const tgz = execFileSync('npm', ['pack', `${source.package}@${source.version}`, '--silent'], {
      cwd: unpacked,
      encoding: 'utf8',
    }).trim();
    execFileSync('tar', ['xzf', tgz, '-C', unpacked, `package/${source.file}`]);
  }
  const data = readFileSync(file);
  const sha = createHash('sha256').update(data).digest('hex');
  if (sha !== source.sha256) throw new Error(`${file}: sha256 ${sha}, expected ${source.sha256}`);
  return data;
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

function buildSubset(name: SubsetName, sources: string) {
  const spec: FontSubset = FONT_SUBSETS[name];
  const source = sourceFont(spec, sources);
  const font = fontkit.create(source);
  const subset = font.createSubset();
  const map = new Map<number, number>();
  const missing: string[] = [];
  for (const cp of wantedCodePoints(spec)) {
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

  // Read it back: every kept character maps to the glyph it was given.
  const check = fontkit.create(out);
  const unmapped = [...map.keys()].filter(
    (cp) => !(check.hasGlyphForCodePoint(cp) && check.glyphForCodePoint(cp).id === map.get(cp)),
  );
  if (unmapped.length) throw new Error(`${spec.file}: subset does not map ${unmapped.length} characters`);
  writeFileSync(path.join(FONT_DIR, spec.file), out);
  const script = [...map.keys()].filter((cp) => cp > 0x3000 && spec.script.test(String.fromCodePoint(cp)));
  console.log(
    `reference-data/fonts/${spec.file}: ${out.length} bytes, ${map.size} characters (${script.length} CJK/Hangul)${missing.length ? `; not in the font: ${missing.join(' ')}` : ''}`,
  );
}

function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--sources');
  const sources = at >= 0 ? path.resolve(args[at + 1]) : path.join(os.tmpdir(), 'openpbm-font-sources');
  const names = args.filter((a, i) => i !== at && i !== at + 1) as SubsetName[];
  for (const name of names.length ? names : (Object.keys(FONT_SUBSETS) as SubsetName[])) {
    if (!(name in FONT_SUBSETS)) throw new Error(`unknown subset ${name}: ${Object.keys(FONT_SUBSETS).join(', ')}`);
    buildSubset(name, sources);
  }
}

main();
