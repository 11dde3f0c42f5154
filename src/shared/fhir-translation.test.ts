import { describe, expect, it } from 'vitest';
import { localized, TRANSLATION_URL, translationElement, translationOf, translationsOf } from './fhir-translation.js';

const element = translationElement({ es: 'HbA1c más reciente (%)' });

describe('FHIR translation extension', () => {
  it('reads the content for a language, by exact tag or base language', () => {
    expect(translationOf(element, 'es')).toBe('HbA1c más reciente (%)');
    expect(translationOf(element, 'es-MX')).toBe('HbA1c más reciente (%)');
    expect(translationOf(element, 'vi')).toBeUndefined();
  });

  it('prefers the exact regional tag when the element has one', () => {
    const both = translationElement({ es: 'receta', 'es-MX': 'receta médica' });
    expect(translationOf(both, 'es-MX')).toBe('receta médica');
    expect(translationOf(both, 'es')).toBe('receta');
  });

  it('English screens keep the canonical text; other languages fall back to it', () => {
    expect(localized('Most recent HbA1c (%)', element, 'en')).toBe('Most recent HbA1c (%)');
    expect(localized('Most recent HbA1c (%)', element, 'es')).toBe('HbA1c más reciente (%)');
    expect(localized('Most recent HbA1c (%)', undefined, 'es')).toBe('Most recent HbA1c (%)');
  });

  it('ignores other extensions, empty content and malformed elements', () => {
    const noisy = {
      extension: [
        { url: 'http://example.org/other', extension: [{ url: 'lang', valueCode: 'es' }] },
        {
          url: TRANSLATION_URL,
          extension: [
            { url: 'lang', valueCode: 'es' },
            { url: 'content', valueString: ' ' },
          ],
        },
        { url: TRANSLATION_URL },
        ...element.extension!,
      ],
    };
    expect(translationOf(noisy, 'es')).toBe('HbA1c más reciente (%)');
    expect(translationOf({ extension: 'no' }, 'es')).toBeUndefined();
    expect(translationOf(null, 'es')).toBeUndefined();
    expect(translationsOf(noisy)).toEqual({ es: 'HbA1c más reciente (%)' });
  });
});
