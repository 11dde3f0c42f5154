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
 * taglines tell the reader how to get help in their language. A notice queued before letters
 * were translated (its content does not record whether English is attached) keeps the letter it
 * had: English, or Spanish, so re-rendering an old notice shows what was sent.
 */
export function letterStrings(
  language: string,
  options: { translationsRecorded?: boolean } = {},
): { language: LetterLanguage; t: LetterStrings } {
  let found = letterLanguageFor(language) ?? 'en';
  if (!options.translationsRecorded && found !== 'es') found = 'en';
  return { language: found, t: stringsFor(found) };
}
