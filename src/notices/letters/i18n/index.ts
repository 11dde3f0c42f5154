import { bindLetterStrings, type LetterStrings } from './bind-letter-strings.js';
import { letterLanguageFor, letterResource, type LetterLanguage } from './letter-resources.js';

export type { LetterStrings } from './bind-letter-strings.js';
export { letterLanguageFor, sendsAlone, type LetterLanguage } from './letter-resources.js';

const bound = new Map<LetterLanguage, LetterStrings>();

/** The strings of one letter language, bound once. */
export function stringsFor(language: LetterLanguage): LetterStrings {
  let t = bound.get(language);
  if (!t) bound.set(language, (t = bindLetterStrings(letterResource(language))));
  return t;
}

/**
 * The notice's language picks the letter's; a language without letters gets English, and the
 * taglines tell the reader how to get help in their language.
 */
export function letterStrings(language: string): { language: LetterLanguage; t: LetterStrings } {
  // Letters are written in English and Spanish only until the Chinese and Korean fonts and the
  // English copy attached to an unreviewed translation are in place (issue #17).
  const found = letterLanguageFor(language) === 'es' ? 'es' : 'en';
  return { language: found, t: stringsFor(found) };
}
