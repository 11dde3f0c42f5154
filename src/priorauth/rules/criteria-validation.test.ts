import { describe, expect, it } from 'vitest';
import { criteriaLibrary } from '../criteria-library/index.js';
import { validateCriteriaSet, type CriteriaSet } from '../../shared/criteria-set.js';

const glp1 = criteriaLibrary.find((c) => c.id === 'glp1-t2dm')!;
const clone = (): CriteriaSet => structuredClone(glp1);
const withRule = (i: number, patch: Partial<CriteriaSet['rules'][number]>) => {
  const s = clone();
  s.rules[i] = { ...s.rules[i], ...patch };
  return s;
};

describe('validateCriteriaSet (shared by the server and the admin editor)', () => {
  it('accepts every set in the library', () => {
    for (const set of criteriaLibrary) expect(validateCriteriaSet(set), set.id).toMatchObject({ ok: true });
  });

  const cases: Array<[string, () => unknown, string, RegExp]> = [
    [
      'FHIRPath that does not parse',
      () => withRule(0, { expression: "item.where(linkId='dx'" }),
      'rules[0].expression',
      /does not parse/,
    ],
    [
      'a rule reading an unknown question',
      () => withRule(1, { expression: "item.where(linkId='hba1c').answer.value >= 7" }),
      'rules[1].expression',
      /unknown question hba1c/,
    ],
    [
      'a rule reading an unknown fact',
      () => withRule(2, { expression: '%facts.metforminDays180 >= 90' }),
      'rules[2].expression',
      /unknown fact metforminDays180/,
    ],
    [
      'a rule reading an unknown variable',
      () => withRule(2, { expression: '%member.age >= 18' }),
      'rules[2].expression',
      /unknown variable %member/,
    ],
    [
      'the wall clock',
      () => withRule(1, { expression: "item.where(linkId='a1c-date').answer.value >= today() - 6 months" }),
      'rules[1].expression',
      /%today/,
    ],
    ['an empty expression', () => withRule(0, { expression: '  ' }), 'rules[0].expression', /required/],
    ['an empty plain-language text', () => withRule(0, { text: '' }), 'rules[0].text', /required/],
    ['a duplicate rule id', () => withRule(1, { id: 'diagnosis' }), 'rules[1].id', /duplicate/],
    [
      'a rule without a Spanish reason',
      () => {
        const s = clone();
        s.denialLanguage = { ...s.denialLanguage, step: { en: 'Try metformin first.', es: '' } };
        return s;
      },
      'rules[2].reason.es',
      /reason in es/,
    ],
    [
      'a new rule without reasons',
      () => {
        const s = clone();
        s.rules.push({ id: 'bmi', text: 'BMI', expression: '%facts.ageYears > 1' });
        return s;
      },
      'rules[6].reason.en',
      /reason in en/,
    ],
    [
      'enableWhen pointing at an unknown question',
      () => {
        const s = clone();
        s.questionnaire.item![4] = {
          ...s.questionnaire.item![4],
          enableWhen: [{ question: 'nope', operator: '=', answerBoolean: true }],
        };
        return s;
      },
      `questionnaire.item.${glp1.questionnaire.item![4].linkId}.enableWhen[0]`,
      /unknown question nope/,
    ],
    [
      'a duplicate linkId',
      () => {
        const s = clone();
        s.questionnaire.item!.push({ linkId: 'dx', type: 'string', text: 'again' });
        return s;
      },
      'questionnaire.item.dx',
      /duplicate linkId/,
    ],
    [
      'an unknown question type',
      () => {
        const s = clone();
        s.questionnaire.item![1] = { ...s.questionnaire.item![1], type: 'slider' as never };
        return s;
      },
      'questionnaire.item.a1c.type',
      /must be one of/,
    ],
    [
      'a choice question without choices',
      () => {
        const s = clone();
        s.questionnaire.item![0] = { ...s.questionnaire.item![0], answerOption: [] };
        return s;
      },
      'questionnaire.item.dx.answerOption',
      /at least one choice/,
    ],
    [
      'a days-supply fact with no drugs',
      () => {
        const s = clone();
        s.facts[1] = { name: 'metforminDays365', kind: 'days-supply-filled', lookbackDays: 365 };
        return s;
      },
      'facts[1]',
      /ingredients or drugClasses/,
    ],
    [
      'an approval of zero days',
      () => ({ ...clone(), approval: { durationDays: 0 } }),
      'approval.durationDays',
      /1–730/,
    ],
    ['no rules', () => ({ ...clone(), rules: [] }), 'rules', /at least one rule/],
    ['not an object', () => 'glp1', '', /must be an object/],
  ];

  it.each(cases)('refuses %s, naming the field', (_name, make, path, message) => {
    const result = validateCriteriaSet(make());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('names every problem at once, not only the first', () => {
    const s = withRule(0, { expression: "item.where(linkId='x').answer.value = true and (" });
    const result = validateCriteriaSet({ ...s, approval: { durationDays: 9999 } });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        { path: 'approval.durationDays', message: 'must be 1–730 days' },
        { path: 'rules[0].expression', message: expect.stringMatching(/does not parse/) },
        { path: 'rules[0].expression', message: 'refers to unknown question x' },
      ]);
  });
});
