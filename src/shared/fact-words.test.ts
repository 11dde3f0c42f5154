import { describe, expect, it } from 'vitest';
import { factWords } from './fact-words.js';
import { localized, translationElement } from './fhir-translation.js';

const words = (f: Parameters<typeof factWords>[0], lang: string) => {
  const w = factWords(f);
  return localized(w.label, w._label, lang);
};

describe('factWords (a computed fact in English and Spanish)', () => {
  it('uses the criteria set’s own label and translation', () => {
    const f = {
      name: 'metforminDays365',
      kind: 'days-supply-filled' as const,
      ingredients: ['metformin'],
      lookbackDays: 365,
      label: 'Days of metformin in the last year',
      _label: translationElement({ es: 'Días de metformina en el último año' }),
    };
    expect(words(f, 'en')).toBe('Days of metformin in the last year');
    expect(words(f, 'es')).toBe('Días de metformina en el último año');
  });

  it('names a fact without a label from its definition, in both languages', () => {
    expect(words({ name: 'ageYears', kind: 'member-age' }, 'en')).toBe('Age (years)');
    expect(words({ name: 'ageYears', kind: 'member-age' }, 'es')).toBe('Edad (años)');
    const statin = { name: 's', kind: 'days-supply-filled' as const, drugClasses: ['statin'], lookbackDays: 90 };
    expect(words(statin, 'en')).toBe('Days of statin in the last 90 days');
    expect(words(statin, 'es')).toBe('Días de statin en los últimos 90 días');
  });
});
