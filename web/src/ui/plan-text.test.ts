import { describe, expect, it } from 'vitest';
import { translationElement } from '../../../src/shared/fhir-translation';
import { factText } from './plan-text';

const FACTS = [
  {
    name: 'metforminDays365',
    label: 'Days of metformin in the last year',
    _label: translationElement({ es: 'Días de metformina en el último año' }),
  },
  { name: 'ageYears', label: 'Age (years)', _label: translationElement({ es: 'Edad (años)' }) },
];

describe('factText (a computed fact in words, never its code)', () => {
  it('names a fact the trace records as facts.<name> with the set’s words, in the screen’s language', () => {
    expect(factText(FACTS, 'facts.metforminDays365', 'en')).toBe('Days of metformin in the last year');
    expect(factText(FACTS, 'facts.metforminDays365', 'es')).toBe('Días de metformina en el último año');
    expect(factText(FACTS, 'ageYears', 'es')).toBe('Edad (años)');
  });

  it('spells out a fact the set does not name, without the facts. prefix', () => {
    expect(factText(FACTS, 'facts.statinDays365', 'en')).toBe('Statin days 365');
    expect(factText(undefined, 'otherGlp1Days90', 'es')).toBe('Other glp 1 days 90');
  });
});
