import { letterLanguageFor, letterResource } from '../i18n/letter-resources.js';
import { TAGLINES, taglineFor } from '../i18n/taglines.js';
import type { LetterContext } from '../letter-context.js';
import type { ExtraPage } from '../letter.js';

/**
 * The last page of every member letter: language-assistance taglines (English, Spanish, Chinese,
 * Vietnamese, Korean, Tagalog) and the non-discrimination statement (Section 1557 of the ACA, 45 CFR 92.11).
 */
export function languageAssistancePage(c: LetterContext): ExtraPage {
  const { t } = c;
  const phone = c.helpPhone;
  return {
    title: t.languageAssistance.title,
    sections: [
      {
        heading: t.languageAssistance.taglinesHeading,
        blocks: TAGLINES.map((tl) => ({ type: 'paragraph' as const, text: `${tl.name}: ${tl.text(phone)}` })),
      },
      {
        heading: t.languageAssistance.nondiscriminationHeading,
        blocks: t.languageAssistance
          .nondiscrimination(c.input.plan.name, phone)
          .map((text) => ({ type: 'paragraph' as const, text })),
      },
    ],
  };
}

/**
 * The line at the top of a member letter's first page about its language: a letter in a
 * translation not yet reviewed says the English letter follows it; the English letter after it
 * says which letter it is a copy of; a member whose language has no letters gets English, with
 * the tagline in their own language.
 */
export function languageNotice(c: LetterContext, englishCopy: boolean): string | undefined {
  if (c.audience !== 'member') return undefined;
  if (englishCopy) {
    const translated = letterLanguageFor(c.input.notice.language);
    return translated ? c.t.englishCopy(letterResource(translated).englishName) : undefined;
  }
  if (c.language !== 'en' && c.content.englishAttached) return c.t.englishAttached;
  const requested = c.content.requestedLanguage ?? c.input.notice.language;
  if (letterLanguageFor(requested) === c.language) return undefined;
  const wanted = requested.toLowerCase().split(/[-_]/)[0];
  if (wanted === c.language) return undefined;
  const tagline = taglineFor(wanted);
  return tagline
    ? `${c.t.languageAssistance.otherLanguageNotice} ${tagline.name}: ${tagline.text(c.helpPhone)}`
    : undefined;
}
