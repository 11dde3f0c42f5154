import { describe, expect, it } from 'vitest';
import { APPEAL_DECISIONS } from '../appeal-status.js';
import { appealReasonsByLanguage, CRITERIA_MET_ON_APPEAL } from './appeal-decision-wording.js';

describe('appealReasonsByLanguage', () => {
  it('an appeal overturned without reasons gets the system sentence in both languages', () => {
    expect(appealReasonsByLanguage('overturned', [])).toEqual({
      en: [CRITERIA_MET_ON_APPEAL.en],
      es: [CRITERIA_MET_ON_APPEAL.es],
    });
  });

  it('a reviewer’s own words become one plain sentence per decision that points to the letter, never the words', () => {
    const words = ['HbA1c repeated at 7.4% on 2026-11-20; criteria met on appeal.'];
    const said = APPEAL_DECISIONS.map((d) => appealReasonsByLanguage(d, words));
    for (const s of said) {
      expect(s.en).toHaveLength(1);
      expect(s.es).toHaveLength(1);
      expect(s.es[0]).toMatch(/La carta explica por qué\.$/);
      expect(JSON.stringify(s)).not.toContain('HbA1c');
    }
    // Each decision says what happened: three different sentences.
    expect(new Set(said.map((s) => s.es[0])).size).toBe(3);
    expect(appealReasonsByLanguage('upheld', words).es).toEqual([
      'En la apelación, un revisor clínico mantuvo la decisión. La carta explica por qué.',
    ]);
  });
});
