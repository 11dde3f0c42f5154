import { describe, expect, it } from 'vitest';
import { decisionReasons, historyReason } from './decision-reasons';

const denial = {
  reasons: ['HbA1c 6.1 % on 2026-10-15, below 7 %.'],
  reasonsByLanguage: {
    en: ['Your recent HbA1c blood test is below 7%.'],
    es: ['Su prueba de sangre HbA1c reciente es menor de 7%.'],
  },
};

describe('decisionReasons', () => {
  it('English screens keep the reasons as written (the reviewer’s words)', () => {
    expect(decisionReasons(denial, 'en')).toEqual(['HbA1c 6.1 % on 2026-10-15, below 7 %.']);
  });

  it('Spanish screens show the Spanish wording, never the English', () => {
    expect(decisionReasons(denial, 'es')).toEqual(['Su prueba de sangre HbA1c reciente es menor de 7%.']);
  });

  it('a decision stored before the wording existed sends the Spanish reader to the letter', () => {
    expect(decisionReasons({ reasons: ['Not met.'] }, 'es')).toEqual([
      'Los motivos de esta decisión están en la carta de la decisión.',
    ]);
    expect(decisionReasons({ reasons: [] }, 'es')).toEqual([]);
  });
});

describe('historyReason', () => {
  it('leaves a decision’s English reason and the system’s notes off Spanish screens, keeps a person’s words', () => {
    const by = (actor: string, action: string, reason: string) => ({ actor, action, reason });
    expect(historyReason(by('physician', 'determination:denied', 'Not met.'), 'es')).toBeNull();
    expect(historyReason(by('dr.park', 'cancelled', 'Withdrawn by the requester'), 'es')).toBeNull();
    expect(
      historyReason(by('system', 'routed-to-review', 'Not every criterion could be confirmed automatically'), 'es'),
    ).toBeNull();
    expect(historyReason(by('pharmacist', 'urgency-reclassified', 'No jeopardy'), 'es')).toBe('No jeopardy');
    expect(historyReason(by('physician', 'determination:denied', 'Not met.'), 'en')).toBe('Not met.');
    expect(historyReason(by('system', 'routed-to-review', 'Not every criterion'), 'en')).toBe('Not every criterion');
  });
});

describe('historyReason for an appeal decided on the case', () => {
  const upheld = {
    actor: 'physician2',
    action: 'appeal-upheld',
    reason: 'HbA1c still 6.1%; no metformin trial.',
    details: {
      appealId: 'apl_1',
      reasonsByLanguage: {
        en: ['On appeal, a clinical reviewer upheld the decision. The letter explains why.'],
        es: ['En la apelación, un revisor clínico mantuvo la decisión. La carta explica por qué.'],
      },
    },
  };

  it('Spanish screens say the stored Spanish reason, never the reviewer’s English', () => {
    expect(historyReason(upheld, 'es')).toBe(
      'En la apelación, un revisor clínico mantuvo la decisión. La carta explica por qué.',
    );
    expect(historyReason(upheld, 'en')).toBe('HbA1c still 6.1%; no metformin trial.');
  });

  it('an appeal decided before the wording was stored shows no reason in Spanish', () => {
    expect(historyReason({ ...upheld, action: 'appeal-overturned', details: { appealId: 'apl_1' } }, 'es')).toBeNull();
  });
});
