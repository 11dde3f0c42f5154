import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { enabledItems, isItemEnabled, type Answer } from './enable-when.js';

const answers = (entries: Record<string, Answer[]>) => new Map(Object.entries(entries));
const item = (over: Partial<QuestionnaireItem>): QuestionnaireItem => ({ linkId: 'q', type: 'string', ...over });

describe('isItemEnabled (FHIR R4 Questionnaire.item.enableWhen)', () => {
  it('an item without conditions is always enabled', () => {
    expect(isItemEnabled(item({}), answers({}))).toBe(true);
  });

  it('= on a boolean: enabled by a true answer, not by false, not while unanswered', () => {
    const detail = item({ enableWhen: [{ question: 'contra', operator: '=', answerBoolean: true }] });
    expect(isItemEnabled(detail, answers({ contra: [{ valueBoolean: true }] }))).toBe(true);
    expect(isItemEnabled(detail, answers({ contra: [{ valueBoolean: false }] }))).toBe(false);
    expect(isItemEnabled(detail, answers({}))).toBe(false);
  });

  it('!= holds only against a given answer: an unanswered question enables nothing', () => {
    const q = item({ enableWhen: [{ question: 'dx', operator: '!=', answerCoding: { code: 'E11.9' } }] });
    expect(isItemEnabled(q, answers({ dx: [{ valueCoding: { code: 'E66.9' } }] }))).toBe(true);
    expect(isItemEnabled(q, answers({ dx: [{ valueCoding: { code: 'E11.9' } }] }))).toBe(false);
    expect(isItemEnabled(q, answers({}))).toBe(false);
  });

  it('numeric comparisons on decimals and integers, including the boundaries', () => {
    const high = item({ enableWhen: [{ question: 'a1c', operator: '>=', answerDecimal: 7 }] });
    expect(isItemEnabled(high, answers({ a1c: [{ valueDecimal: 7 }] }))).toBe(true);
    expect(isItemEnabled(high, answers({ a1c: [{ valueDecimal: 6.9 }] }))).toBe(false);
    const young = item({ enableWhen: [{ question: 'age', operator: '<', answerInteger: 18 }] });
    expect(isItemEnabled(young, answers({ age: [{ valueInteger: 17 }] }))).toBe(true);
    expect(isItemEnabled(young, answers({ age: [{ valueInteger: 18 }] }))).toBe(false);
  });

  it('exists true/false tests presence', () => {
    const ifGiven = item({ enableWhen: [{ question: 'x', operator: 'exists', answerBoolean: true }] });
    const ifMissing = item({ enableWhen: [{ question: 'x', operator: 'exists', answerBoolean: false }] });
    const given = answers({ x: [{ valueString: 'anything' }] });
    expect([isItemEnabled(ifGiven, given), isItemEnabled(ifMissing, given)]).toEqual([true, false]);
    expect([isItemEnabled(ifGiven, answers({})), isItemEnabled(ifMissing, answers({}))]).toEqual([false, true]);
  });

  it('enableBehavior any needs one condition; the default (all) needs every one', () => {
    const conditions = [
      { question: 'a', operator: '=' as const, answerBoolean: true },
      { question: 'b', operator: '=' as const, answerBoolean: true },
    ];
    const oneTrue = answers({ a: [{ valueBoolean: true }], b: [{ valueBoolean: false }] });
    expect(isItemEnabled(item({ enableWhen: conditions, enableBehavior: 'any' }), oneTrue)).toBe(true);
    expect(isItemEnabled(item({ enableWhen: conditions, enableBehavior: 'all' }), oneTrue)).toBe(false);
    expect(isItemEnabled(item({ enableWhen: conditions }), oneTrue)).toBe(false);
  });

  it('a repeating question enables when any of its answers matches', () => {
    const q = item({ enableWhen: [{ question: 'tried', operator: '=', answerCoding: { code: 'metformin' } }] });
    const tried = answers({ tried: [{ valueCoding: { code: 'glipizide' } }, { valueCoding: { code: 'metformin' } }] });
    expect(isItemEnabled(q, tried)).toBe(true);
  });

  it('an unknown operator never enables', () => {
    const q = item({ enableWhen: [{ question: 'x', operator: '~' as never, answerString: 'a' }] });
    expect(isItemEnabled(q, answers({ x: [{ valueString: 'a' }] }))).toBe(false);
  });
});

describe('enabledItems', () => {
  const q: Questionnaire = {
    resourceType: 'Questionnaire',
    status: 'active',
    item: [
      { linkId: 'contra', type: 'boolean' },
      {
        linkId: 'why',
        type: 'group',
        enableWhen: [{ question: 'contra', operator: '=', answerBoolean: true }],
        item: [{ linkId: 'detail', type: 'string' }],
      },
    ],
  };

  it('a disabled group disables every question under it', () => {
    expect([...enabledItems(q, answers({ contra: [{ valueBoolean: false }] }))]).toEqual(['contra']);
  });

  it('an enabled group enables its children', () => {
    expect([...enabledItems(q, answers({ contra: [{ valueBoolean: true }] }))].sort()).toEqual([
      'contra',
      'detail',
      'why',
    ]);
  });
});
