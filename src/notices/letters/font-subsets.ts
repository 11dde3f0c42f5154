import { readFileSync } from 'node:fs';
import { fromProjectRoot } from '../../platform/project-root.js';

/**
 * The subset fonts in reference-data/fonts: which source font each is cut from and which
 * characters it keeps. Only what the letters print is kept (the full CJK fonts are 6–10 MB
 * each), read from the texts themselves so a subset follows them:
 * scripts/subset-cjk-font.ts builds the files from this list, and a unit test fails (saying to
 * rerun the script) when a text gains a character its subset lacks.
 *
 * Noto Sans (Latin, Vietnamese included) is embedded whole; these cover what it cannot show.
 */
export interface FontSubset {
  /** The file in reference-data/fonts. */
  file: string;
  /** npm package, version and file inside it the subset is cut from (SIL OFL 1.1). */
  source: { package: string; version: string; file: string; sha256: string };
  /** Files (from the project root) whose characters of `script` the subset keeps. */
  texts: string[];
  /** The characters taken from `texts`. */
  script: RegExp;
}

const HAN_AND_CJK_PUNCTUATION = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const HANGUL_AND_CJK_PUNCTUATION = /[\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const TAGLINES = 'src/notices/letters/i18n/taglines.ts';
const messages = (language: string) => `src/notices/letters/i18n/messages/${language}.json`;

const tc = (weight: '400Regular' | '700Bold', sha256: string) => ({
  package: '@expo-google-fonts/noto-sans-tc',
  version: '0.4.3',
  file: `${weight}/NotoSansTC_${weight}.ttf`,
  sha256,
});
const kr = (weight: '400Regular' | '700Bold', sha256: string) => ({
  package: '@expo-google-fonts/noto-sans-kr',
  version: '0.4.3',
  file: `${weight}/NotoSansKR_${weight}.ttf`,
  sha256,
});

export const FONT_SUBSETS = {
  /** Simplified Chinese: the Chinese tagline on every member letter's last page. */
  sc: {
    file: 'NotoSansSC-taglines.ttf',
    source: {
      package: '@expo-google-fonts/noto-sans-sc',
      version: '0.4.3',
      file: '400Regular/NotoSansSC_400Regular.ttf',
      sha256: 'd45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16',
    },
    texts: [TAGLINES],
    script: HAN_AND_CJK_PUNCTUATION,
  },
  /** Traditional Chinese letters. */
  tc: {
    file: 'NotoSansTC-letters.ttf',
    source: tc('400Regular', 'add35d53f70727657b4509531677c4e3712b67df3d54661efdee5d3a0c16d954'),
    texts: [messages('zh-Hant')],
    script: HAN_AND_CJK_PUNCTUATION,
  },
  tcBold: {
    file: 'NotoSansTC-letters-bold.ttf',
    source: tc('700Bold', 'ed4ae6ed781e34d0beee896e9be5d835a938ac7adabbcc1b6b6904290006f372'),
    texts: [messages('zh-Hant')],
    script: HAN_AND_CJK_PUNCTUATION,
  },
  /** Korean letters and the Korean tagline. */
  kr: {
    file: 'NotoSansKR-letters.ttf',
    source: kr('400Regular', '8cbc9b353bb9ce848fd69bb6a507319dfacc659cf5fd643db5d88f3c4970e1dd'),
    texts: [messages('ko'), TAGLINES],
    script: HANGUL_AND_CJK_PUNCTUATION,
  },
  krBold: {
    file: 'NotoSansKR-letters-bold.ttf',
    source: kr('700Bold', '4ffa20c272ae6d689f7c8d34ff9c8039a326e9c334d9fc8852b2a7396227d077'),
    texts: [messages('ko')],
    script: HANGUL_AND_CJK_PUNCTUATION,
  },
} satisfies Record<string, FontSubset>;
export type SubsetName = keyof typeof FONT_SUBSETS;

/**
 * ASCII, Latin-1, common typographic punctuation and CJK punctuation: every subset keeps them,
 * since a Chinese or Korean line also carries phone numbers, "TTY", dates and Latin names.
 */
function baseCodePoints(): number[] {
  const cps: number[] = [];
  for (let cp = 0x20; cp <= 0x7e; cp += 1) cps.push(cp);
  for (let cp = 0xa0; cp <= 0xff; cp += 1) cps.push(cp);
  for (const ch of '\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u3000\u3001\u3002\u300a\u300b\u300c\u300d\u3010\u3011\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f')
    cps.push(ch.codePointAt(0)!);
  return cps;
}

/** The code points a subset must hold, from the texts as they are now (sorted). */
export function wantedCodePoints(subset: FontSubset): number[] {
  const cps = new Set<number>(baseCodePoints());
  for (const file of subset.texts)
    for (const ch of readFileSync(fromProjectRoot(file), 'utf8'))
      if (subset.script.test(ch)) cps.add(ch.codePointAt(0)!);
  return [...cps].sort((a, b) => a - b);
}
