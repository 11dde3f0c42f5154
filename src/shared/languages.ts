/** ISO 639-1 two-letter language codes (the 183 current codes of the ISO 639-1 list). */
const ISO_639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et ' +
    'eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk ' +
    'kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny ' +
    'oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk ' +
    'tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/**
 * Languages with no ISO 639-1 code that California Medi-Cal plans must still serve (threshold
 * languages), by their ISO 639-2/3 code: Hmong.
 */
const EXTRA_LANGUAGES = new Set(['hmn']);

/** The languages the demo data set and the letters start with: English, Spanish, Chinese, Vietnamese, Tagalog. */
export const CORE_LANGUAGES = ['en', 'es', 'zh', 'vi', 'tl'] as const;

export function isKnownLanguage(code: string): boolean {
  return ISO_639_1.has(code) || EXTRA_LANGUAGES.has(code);
}

/** Language names an eligibility file may carry instead of a code (English names and endonyms). */
const NAMES: Record<string, string> = {
  english: 'en',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  chinese: 'zh',
  中文: 'zh',
  'traditional chinese': 'zh-Hant',
  'chinese (traditional)': 'zh-Hant',
  繁體中文: 'zh-Hant',
  'simplified chinese': 'zh-Hans',
  'chinese (simplified)': 'zh-Hans',
  简体中文: 'zh-Hans',
  vietnamese: 'vi',
  'tiếng việt': 'vi',
  korean: 'ko',
  한국어: 'ko',
  tagalog: 'tl',
  filipino: 'tl',
  hmong: 'hmn',
};

/**
 * A member's language as stored: an ISO 639-1 code (or `hmn`), with the script for Chinese when
 * the file says it (`zh-Hant` for zh-Hant, zh-TW, zh-HK, zh-MO; `zh-Hans` for zh-Hans, zh-CN,
 * zh-SG; plain `zh` when it does not), from a code in any case with `-` or `_`, or a language
 * name (Tagalog, Filipino/fil → `tl`). Other regions are dropped (es-MX → es). Null when unknown.
 */
export function normalizeLanguage(raw: string): string | null {
  const text = raw.trim().toLowerCase();
  if (NAMES[text]) return NAMES[text];
  const m = /^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?$/.exec(text);
  if (!m) return null;
  const [, base, script, region] = m;
  if (base === 'fil') return 'tl';
  if (!isKnownLanguage(base)) return null;
  if (base !== 'zh') return base;
  if (script === 'hant' || ['tw', 'hk', 'mo'].includes(region ?? '')) return 'zh-Hant';
  if (script === 'hans' || ['cn', 'sg'].includes(region ?? '')) return 'zh-Hans';
  return script || region ? null : 'zh';
}
