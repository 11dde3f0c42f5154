import type { LetterLanguage } from '../letter.js';
import { en, type LetterStrings } from './en.js';
import { es } from './es.js';

export type { LetterStrings } from './en.js';

/**
 * The notice's language picks the template; a language without one (Chinese, Vietnamese,
 * Tagalog…) gets English, and the taglines tell the reader how to get help in their language.
 */
export function letterStrings(language: string): { language: LetterLanguage; t: LetterStrings } {
  const base = language.toLowerCase().split(/[-_]/)[0];
  return base === 'es' ? { language: 'es', t: es } : { language: 'en', t: en };
}
