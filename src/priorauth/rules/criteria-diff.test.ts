import { describe, expect, it } from 'vitest';
import { criteriaLibrary } from '../criteria-library/index.js';
import { diffCriteria, isEmptyDiff, type CriteriaDiff } from '../../shared/criteria-diff.js';
import type { CriteriaSet } from '../../shared/criteria-set.js';

const glp1 = criteriaLibrary.find((c) => c.id === 'glp1-t2dm')!;
const edit = (f: (s: CriteriaSet) => void) => {
  const s = structuredClone(glp1);
  f(s);
  return s;
};

describe('diffCriteria', () => {
  it('finds nothing between a version and itself', () => {
    expect(isEmptyDiff(diffCriteria(glp1, structuredClone(glp1)))).toBe(true);
  });

  const cases: Array<[string, CriteriaSet, Partial<CriteriaDiff>]> = [
    [
      'a rule expression tightened',
      edit((s) => (s.rules[1].expression = s.rules[1].expression.replace('>= 7', '>= 8'))),
      {
        rules: [
          {
            id: 'glycemic',
            change: 'changed',
            fields: [{ field: 'expression', before: glp1.rules[1].expression, after: expect.stringContaining('>= 8') }],
          },
        ],
      },
    ],
    [
      'a rule added with its reasons',
      edit((s) => {
        s.rules.push({ id: 'bmi', text: 'BMI', expression: '%facts.ageYears > 1' });
        s.denialLanguage.bmi = { en: 'BMI', es: 'IMC' };
      }),
      { rules: [{ id: 'bmi', change: 'added', fields: [] }] },
    ],
    ['a rule removed', edit((s) => s.rules.splice(5, 1)), { rules: [{ id: 'adult', change: 'removed', fields: [] }] }],
    [
      'a Spanish reason reworded',
      edit((s) => (s.denialLanguage.step = { ...s.denialLanguage.step, es: 'Pruebe metformina primero.' })),
      {
        rules: [
          {
            id: 'step',
            change: 'changed',
            fields: [
              {
                field: 'reason',
                before: glp1.denialLanguage.step,
                after: { en: glp1.denialLanguage.step.en, es: 'Pruebe metformina primero.' },
              },
            ],
          },
        ],
      },
    ],
    [
      'a question made optional and one added',
      edit((s) => {
        s.questionnaire.item![1].required = false;
        s.questionnaire.item!.push({ linkId: 'bmi', type: 'decimal', text: 'BMI' });
      }),
      {
        questions: [
          { id: 'a1c', change: 'changed', fields: [{ field: 'required', before: true, after: false }] },
          { id: 'bmi', change: 'added', fields: [] },
        ],
      },
    ],
    [
      'a question removed',
      edit((s) => (s.questionnaire.item = s.questionnaire.item!.filter((i) => i.linkId !== 'weight-only'))),
      { questions: [{ id: 'weight-only', change: 'removed', fields: [] }] },
    ],
    [
      'a fact look-back shortened',
      edit((s) => (s.facts[1] = { ...s.facts[1], lookbackDays: 180 } as CriteriaSet['facts'][number])),
      {
        facts: [
          { id: 'metforminDays365', change: 'changed', fields: [{ field: 'lookbackDays', before: 365, after: 180 }] },
        ],
      },
    ],
    [
      'the approval duration',
      edit((s) => (s.approval = { durationDays: 180 })),
      { settings: [{ field: 'approval.durationDays', before: 365, after: 180 }] },
    ],
  ];

  it.each(cases)('%s', (_name, after, expected) => {
    expect(diffCriteria(glp1, after)).toEqual({ questions: [], rules: [], facts: [], settings: [], ...expected });
  });

  it('does not throw on a draft that is mid-edit (invalid)', () => {
    const broken = { ...glp1, rules: 'none', questionnaire: { resourceType: 'Questionnaire', item: [null] } };
    const d = diffCriteria(glp1, broken as unknown as CriteriaSet);
    expect(d.rules.map((r) => r.change)).toEqual(glp1.rules.map(() => 'removed'));
  });
});
