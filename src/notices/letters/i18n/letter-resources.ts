import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import ko from './messages/ko.json' with { type: 'json' };
import tl from './messages/tl.json' with { type: 'json' };
import vi from './messages/vi.json' with { type: 'json' };
import zhHant from './messages/zh-Hant.json' with { type: 'json' };

/**
 * Member-letter text, one resource file per language in messages/ (JSON a translator can read
 * and edit: same keys as en.json, `{placeholders}` kept by name). Each file says who reviewed it:
 * `review.status` is "source" (English, the text the others translate), "reviewed" (a qualified
 * translator checked it; `reviewer` and `reviewedOn` say who and when) or "not-reviewed" (an
 * engineer's translation waiting for one). A letter in a language that is not reviewed goes out
 * with the English letter attached (docs/design.md#notices); the admin portal lists the status.
 */
export type ReviewStatus = 'source' | 'reviewed' | 'not-reviewed';

export interface LetterResource {
  /** BCP 47 tag of the letters (zh-Hant: Chinese in Traditional characters). */
  language: string;
  /** The language's name as its speakers write it. */
  name: string;
  englishName: string;
  /** Intl locale for dates and numbers, and the PDF's /Lang. */
  locale: string;
  pdfLang: string;
  review: { status: string; reviewer: string | null; reviewedOn: string | null; note: string };
  messages: typeof en.messages;
}

/** Every letter language, English first. The compiler checks each file has every key of en.json. */
export const LETTER_RESOURCES: readonly LetterResource[] = [en, es, zhHant, vi, ko, tl];

export type LetterLanguage = 'en' | 'es' | 'zh-Hant' | 'vi' | 'ko' | 'tl';
export const LETTER_LANGUAGES = LETTER_RESOURCES.map((r) => r.language) as LetterLanguage[];

export function letterResource(language: LetterLanguage): LetterResource {
  const found = LETTER_RESOURCES.find((r) => r.language === language);
  if (!found) throw new Error(`no letter resource for ${language}`);
  return found;
}

export function reviewStatus(r: LetterResource): ReviewStatus {
  return r.review.status === 'source' || r.review.status === 'reviewed' ? r.review.status : 'not-reviewed';
}

/** Whether letters in this language go out alone: English itself, or a translation a qualified translator reviewed. */
export const sendsAlone = (language: LetterLanguage): boolean =>
  reviewStatus(letterResource(language)) !== 'not-reviewed';

/**
 * The letter language for a stored member language (BCP 47, any case), or null when no letters
 * are written in it. Chinese without a script, or written in Traditional characters (zh-TW,
 * zh-HK, zh-MO), gets the Traditional Chinese letters: Medi-Cal's threshold language "Chinese" is
 * translated into Traditional Chinese; Simplified (zh-Hans, zh-CN, zh-SG) has no letters yet.
 * Filipino (fil) reads the Tagalog letters.
 */
export function letterLanguageFor(code: string): LetterLanguage | null {
  const tag = code.trim().toLowerCase().replace(/_/g, '-');
  const [base, ...rest] = tag.split('-');
  if (base === 'zh') {
    if (rest.length === 0 || rest.some((s) => ['hant', 'tw', 'hk', 'mo'].includes(s))) return 'zh-Hant';
    return null;
  }
  if (base === 'fil') return 'tl';
  return (['en', 'es', 'vi', 'ko', 'tl'] as const).find((l) => l === base) ?? null;
}
