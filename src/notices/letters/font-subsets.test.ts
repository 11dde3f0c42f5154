import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_SUBSETS, wantedCodePoints } from './font-subsets.js';
import { FONT_DIR } from './write-letter-pdf.js';

const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): { characterSet: number[] } };
const chars = (cps: number[]) => cps.map((cp) => String.fromCodePoint(cp)).join('');

describe('font subsets hold every character the texts use', () => {
  for (const [name, subset] of Object.entries(FONT_SUBSETS)) {
    it(`${subset.file} (${name}) has exactly the characters of ${subset.texts.join(', ')}`, () => {
      // U+FFFF is the end marker every format-4 cmap carries, not a character.
      const inFont = new Set(
        fontkit.create(readFileSync(path.join(FONT_DIR, subset.file))).characterSet.filter((cp) => cp !== 0xffff),
      );
      const wanted = wantedCodePoints(subset);
      const missing = wanted.filter((cp) => !inFont.has(cp));
      const stale = [...inFont].filter((cp) => !wanted.includes(cp));
      const rerun = `rerun \`npx tsx scripts/subset-cjk-font.ts ${name}\` and commit reference-data/fonts/${subset.file}`;
      expect(chars(missing), `characters the texts print that the subset lacks: ${rerun}`).toBe('');
      expect(chars(stale), `characters no text uses any more: ${rerun}`).toBe('');
    });
  }
});
