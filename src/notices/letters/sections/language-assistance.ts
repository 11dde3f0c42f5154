import { TAGLINES, taglineFor } from '../i18n/taglines.js';
import type { LetterContext } from '../letter-context.js';
import type { ExtraPage } from '../letter.js';

/**
 * The last page of every member letter: language-assistance taglines (English, Spanish, Chinese,
 * Vietnamese, Tagalog) and the non-discrimination statement (Section 1557 of the ACA, 45 CFR 92.11).
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
 * A member whose language has no full template gets English, with the tagline in their own
 * language at the top of the first page.
 */
export function languageNotice(c: LetterContext): string | undefined {
  if (c.audience !== 'member') return undefined;
  const wanted = (c.content.requestedLanguage ?? c.input.notice.language).toLowerCase().split(/[-_]/)[0];
  if (wanted === c.language) return undefined;
  const tagline = taglineFor(wanted);
  return tagline
    ? `${c.t.languageAssistance.otherLanguageNotice} ${tagline.name}: ${tagline.text(c.helpPhone)}`
    : undefined;
}
