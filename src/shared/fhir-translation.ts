/**
 * Words a plan wrote once in English and translated in its own data, the FHIR way: the standard
 * translation extension on a string's primitive element (`_text` beside `text`, `_display` beside
 * `display`, `_title` beside `title`):
 *
 *   "text": "Most recent HbA1c (%)",
 *   "_text": { "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/translation",
 *     "extension": [{ "url": "lang", "valueCode": "es" }, { "url": "content", "valueString": "HbA1c más reciente (%)" }] }] }
 *
 * English stays the canonical text (answers, traces, partners and letters keep it); a screen in
 * another language shows the translation when there is one (docs/design.md#portal-language).
 * Pure: the server and the portals use the same reading.
 */
export const TRANSLATION_URL = 'http://hl7.org/fhir/StructureDefinition/translation';

interface Extension {
  url?: string;
  valueCode?: string;
  valueString?: string;
  valueMarkdown?: string;
  extension?: Extension[];
}

/** A primitive's element (`_text`, `_display`…): where its translations live. */
export interface PrimitiveElement {
  extension?: Extension[];
}

/** Base language of a tag ("es-MX" → "es"), lower case. */
const base = (tag: string) => tag.toLowerCase().split('-')[0];

/** The translation of a string into `lang` from its element, if the data has one (exact tag first, then base language). */
export function translationOf(element: unknown, lang: string): string | undefined {
  const exts = (element as PrimitiveElement | null | undefined)?.extension;
  if (!Array.isArray(exts)) return undefined;
  const found: Array<{ lang: string; content: string }> = [];
  for (const e of exts) {
    if (e?.url !== TRANSLATION_URL || !Array.isArray(e.extension)) continue;
    const tag = e.extension.find((x) => x?.url === 'lang')?.valueCode;
    const c = e.extension.find((x) => x?.url === 'content');
    const content = c?.valueString ?? c?.valueMarkdown;
    if (typeof tag === 'string' && typeof content === 'string' && content.trim()) found.push({ lang: tag, content });
  }
  return (
    found.find((f) => f.lang.toLowerCase() === lang.toLowerCase()) ?? found.find((f) => base(f.lang) === base(lang))
  )?.content;
}

/** The words in `lang`: the translation when there is one, else the canonical (English) text. */
export function localized(text: string, element: unknown, lang: string): string {
  if (base(lang) === 'en') return text;
  return translationOf(element, lang) ?? text;
}

/** A translation element for `translations` ({ es: '…' }): what criteria authors (and tests) write. */
export function translationElement(translations: Record<string, string>): PrimitiveElement {
  return {
    extension: Object.entries(translations).map(([lang, content]) => ({
      url: TRANSLATION_URL,
      extension: [
        { url: 'lang', valueCode: lang },
        { url: 'content', valueString: content },
      ],
    })),
  };
}

/** Every translation an element carries, by language tag ({ es: '…' }). */
export function translationsOf(element: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of (element as PrimitiveElement | null | undefined)?.extension ?? []) {
    if (e?.url !== TRANSLATION_URL || !Array.isArray(e.extension)) continue;
    const tag = e.extension.find((x) => x?.url === 'lang')?.valueCode;
    const content = e.extension.find((x) => x?.url === 'content')?.valueString;
    if (typeof tag === 'string' && typeof content === 'string' && content.trim() && !(tag in out)) out[tag] = content;
  }
  return out;
}
