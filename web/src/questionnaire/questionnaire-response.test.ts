import { describe, expect, it } from 'vitest';
import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemEnableWhen,
  QuestionnaireResponse,
} from '@medplum/fhirtypes';
import glp1Set from '../../../src/priorauth/criteria-library/glp1-t2dm.json';
import testosteroneSet from '../../../src/priorauth/criteria-library/testosterone.json';
import {
  answersByLinkId,
  attachmentIdOf,
  emptyResponse,
  enabledLinkIds,
  getAnswers,
  isEnabled,
  missingRequired,
  pruneDisabled,
  setAnswer,
  type Answer,
} from './questionnaire-response';
import { parseNumber } from './questionnaire-extensions';

// The criteria library wraps each FHIR Questionnaire in a criteria set: { id, …, questionnaire, rules }.
const glp1 = glp1Set.questionnaire as unknown as Questionnaire;
const testosterone = testosteroneSet.questionnaire as unknown as Questionnaire;

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';

/** Answers set one after another, the way the form does it. */
function answer(q: Questionnaire, pairs: [string, Answer[]][]): QuestionnaireResponse {
  return pairs.reduce<QuestionnaireResponse>((r, [id, a]) => setAnswer(r, id, a, q), emptyResponse(q));
}

describe('emptyResponse', () => {
  it('points at the questionnaire (url|version) and holds no answers', () => {
    expect(emptyResponse(glp1)).toEqual({
      resourceType: 'QuestionnaireResponse',
      status: 'in-progress',
      questionnaire: 'https://openpbm.org/Questionnaire/glp1-t2dm|1',
      item: [],
    });
  });
});

const grouped: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [
    { linkId: 'first', text: 'First', type: 'string' },
    {
      linkId: 'labs',
      text: 'Labs',
      type: 'group',
      item: [
        { linkId: 'ldl', text: 'LDL', type: 'decimal', required: true },
        { linkId: 'ldl-date', text: 'LDL date', type: 'date', required: true },
      ],
    },
    { linkId: 'last', text: 'Last', type: 'boolean' },
  ],
};

describe('setAnswer', () => {
  it('puts answers inside their group, in questionnaire order, whatever order they come in', () => {
    const r = answer(grouped, [
      ['last', [{ valueBoolean: true }]],
      ['ldl-date', [{ valueDate: '2026-01-02' }]],
      ['first', [{ valueString: 'a' }]],
      ['ldl', [{ valueDecimal: 130 }]],
    ]);
    expect(r.item).toEqual([
      { linkId: 'first', text: 'First', answer: [{ valueString: 'a' }] },
      {
        linkId: 'labs',
        text: 'Labs',
        item: [
          { linkId: 'ldl', text: 'LDL', answer: [{ valueDecimal: 130 }] },
          { linkId: 'ldl-date', text: 'LDL date', answer: [{ valueDate: '2026-01-02' }] },
        ],
      },
      { linkId: 'last', text: 'Last', answer: [{ valueBoolean: true }] },
    ]);
  });

  it('removes the item (and an emptied group) when given no answers', () => {
    const r = answer(grouped, [
      ['ldl', [{ valueDecimal: 130 }]],
      ['first', [{ valueString: 'a' }]],
    ]);
    const cleared = setAnswer(r, 'ldl', [], grouped);
    expect(cleared.item).toEqual([{ linkId: 'first', text: 'First', answer: [{ valueString: 'a' }] }]);
  });

  it('replaces answers in place without the questionnaire, and appends unknown ones at the top', () => {
    const r = answer(grouped, [['ldl', [{ valueDecimal: 130 }]]]);
    const replaced = setAnswer(r, 'ldl', [{ valueDecimal: 99 }]);
    expect(getAnswers(replaced, 'ldl')).toEqual([{ valueDecimal: 99 }]);
    expect(replaced.item).toHaveLength(1);
    const appended = setAnswer(replaced, 'first', [{ valueString: 'x' }]);
    expect(appended.item?.at(-1)).toEqual({ linkId: 'first', answer: [{ valueString: 'x' }] });
    expect(setAnswer(appended, 'ldl', []).item?.find((i) => i.linkId === 'labs')?.item).toEqual([]);
  });

  it('keeps the response’s own fields (id, status, authored)', () => {
    const base: QuestionnaireResponse = { ...emptyResponse(grouped), id: 'qr1', authored: '2026-01-01' };
    expect(setAnswer(base, 'first', [{ valueString: 'a' }], grouped)).toMatchObject({
      id: 'qr1',
      authored: '2026-01-01',
      status: 'in-progress',
    });
  });
});

describe('isEnabled', () => {
  const item = (enableWhen: QuestionnaireItemEnableWhen[], enableBehavior?: 'all' | 'any'): QuestionnaireItem => ({
    linkId: 'x',
    type: 'string',
    enableWhen,
    ...(enableBehavior ? { enableBehavior } : {}),
  });
  const given = (entries: Record<string, Answer[]>) => new Map(Object.entries(entries));
  const num = (v: number) => [{ valueDecimal: v }];

  it.each<[string, QuestionnaireItemEnableWhen[], Record<string, Answer[]>, boolean, ('all' | 'any')?]>([
    ['no conditions', [], {}, true],
    [
      'exists (answered)',
      [{ question: 'a', operator: 'exists', answerBoolean: true }],
      { a: [{ valueString: 'x' }] },
      true,
    ],
    ['exists (unanswered)', [{ question: 'a', operator: 'exists', answerBoolean: true }], {}, false],
    ['exists false (unanswered)', [{ question: 'a', operator: 'exists', answerBoolean: false }], {}, true],
    ['exists false (answered)', [{ question: 'a', operator: 'exists', answerBoolean: false }], { a: num(1) }, false],
    ['= boolean true', [{ question: 'a', operator: '=', answerBoolean: true }], { a: [{ valueBoolean: true }] }, true],
    [
      '= boolean false',
      [{ question: 'a', operator: '=', answerBoolean: true }],
      { a: [{ valueBoolean: false }] },
      false,
    ],
    [
      '= coding (code)',
      [{ question: 'a', operator: '=', answerCoding: { system: ICD, code: 'E11.9' } }],
      { a: [{ valueCoding: { system: ICD, code: 'E11.9', display: 'T2DM' } }] },
      true,
    ],
    [
      '= coding (other code)',
      [{ question: 'a', operator: '=', answerCoding: { system: ICD, code: 'E11.9' } }],
      { a: [{ valueCoding: { system: ICD, code: 'E66.9' } }] },
      false,
    ],
    [
      '!= coding (other code)',
      [{ question: 'a', operator: '!=', answerCoding: { code: 'F64.0' } }],
      { a: [{ valueCoding: { code: 'E29.1' } }] },
      true,
    ],
    [
      '!= coding (same code)',
      [{ question: 'a', operator: '!=', answerCoding: { code: 'F64.0' } }],
      { a: [{ valueCoding: { code: 'F64.0' } }] },
      false,
    ],
    [
      '!= unanswered (as the server: nothing to compare)',
      [{ question: 'a', operator: '!=', answerCoding: { code: 'F64.0' } }],
      {},
      false,
    ],
    ['> 24 with 28', [{ question: 'a', operator: '>', answerDecimal: 24 }], { a: num(28) }, true],
    ['> 24 with 24', [{ question: 'a', operator: '>', answerDecimal: 24 }], { a: num(24) }, false],
    ['< 24 with 10', [{ question: 'a', operator: '<', answerDecimal: 24 }], { a: num(10) }, true],
    ['>= 24 with 24', [{ question: 'a', operator: '>=', answerDecimal: 24 }], { a: num(24) }, true],
    ['<= 24 with 25', [{ question: 'a', operator: '<=', answerDecimal: 24 }], { a: num(25) }, false],
    ['> integer', [{ question: 'a', operator: '>', answerInteger: 2 }], { a: [{ valueInteger: 3 }] }, true],
    [
      '>= date',
      [{ question: 'a', operator: '>=', answerDate: '2026-01-01' }],
      { a: [{ valueDate: '2026-03-01' }] },
      true,
    ],
    [
      '> quantity',
      [{ question: 'a', operator: '>', answerQuantity: { value: 5, unit: 'mg' } }],
      { a: [{ valueQuantity: { value: 6, unit: 'mg' } }] },
      true,
    ],
    [
      'all: one fails',
      [
        { question: 'a', operator: '=', answerBoolean: true },
        { question: 'b', operator: 'exists', answerBoolean: true },
      ],
      { a: [{ valueBoolean: true }] },
      false,
    ],
    [
      'all: both hold',
      [
        { question: 'a', operator: '=', answerBoolean: true },
        { question: 'b', operator: 'exists', answerBoolean: true },
      ],
      { a: [{ valueBoolean: true }], b: num(1) },
      true,
      'all',
    ],
    [
      'any: one holds',
      [
        { question: 'a', operator: '=', answerBoolean: true },
        { question: 'b', operator: 'exists', answerBoolean: true },
      ],
      { b: num(1) },
      true,
      'any',
    ],
    [
      'any: none holds',
      [
        { question: 'a', operator: '=', answerBoolean: true },
        { question: 'b', operator: 'exists', answerBoolean: true },
      ],
      {},
      false,
      'any',
    ],
  ])('%s', (_name, conditions, answers, expected, behavior) => {
    expect(isEnabled(item(conditions, behavior), given(answers))).toBe(expected);
  });

  it('also takes a QuestionnaireResponse', () => {
    const r = answer(glp1, [['metformin-contra', [{ valueBoolean: true }]]]);
    const detail = glp1.item!.find((i) => i.linkId === 'metformin-contra-detail')!;
    expect(isEnabled(detail, r)).toBe(true);
    expect(isEnabled(detail, emptyResponse(glp1))).toBe(false);
  });
});

const chained: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [
    { linkId: 'a', text: 'A', type: 'boolean' },
    { linkId: 'b', text: 'B', type: 'boolean', enableWhen: [{ question: 'a', operator: '=', answerBoolean: true }] },
    {
      linkId: 'c',
      text: 'C',
      type: 'string',
      required: true,
      enableWhen: [{ question: 'b', operator: '=', answerBoolean: true }],
    },
    {
      linkId: 'g',
      text: 'G',
      type: 'group',
      enableWhen: [{ question: 'a', operator: '=', answerBoolean: false }],
      item: [{ linkId: 'g1', text: 'G1', type: 'string', required: true }],
    },
  ],
};

describe('pruneDisabled and enabledLinkIds', () => {
  it('drops the answer of a question that became hidden, and of questions it enabled in turn', () => {
    const r = answer(chained, [
      ['a', [{ valueBoolean: true }]],
      ['b', [{ valueBoolean: true }]],
      ['c', [{ valueString: 'why' }]],
    ]);
    expect(enabledLinkIds(chained, r)).toEqual(new Set(['a', 'b', 'c']));
    // Change A: B is hidden, so C (enabled by B's old answer) goes too.
    const changed = pruneDisabled(chained, setAnswer(r, 'a', [{ valueBoolean: false }], chained));
    expect([...answersByLinkId(changed).keys()]).toEqual(['a']);
    expect(enabledLinkIds(chained, changed)).toEqual(new Set(['a', 'g', 'g1']));
  });

  it('a hidden group hides (and clears) its children', () => {
    const r = answer(chained, [
      ['a', [{ valueBoolean: false }]],
      ['g1', [{ valueString: 'x' }]],
    ]);
    expect(getAnswers(r, 'g1')).toEqual([{ valueString: 'x' }]);
    const pruned = pruneDisabled(chained, setAnswer(r, 'a', [{ valueBoolean: true }], chained));
    expect(getAnswers(pruned, 'g1')).toEqual([]);
  });

  it('leaves a response with nothing hidden unchanged', () => {
    const r = answer(glp1, [
      ['metformin-contra', [{ valueBoolean: true }]],
      ['metformin-contra-detail', [{ valueString: 'GI upset' }]],
    ]);
    expect(pruneDisabled(glp1, r)).toEqual(r);
  });

  it('treats null as an empty response', () => {
    expect(pruneDisabled(glp1, null)).toEqual(emptyResponse(glp1));
  });
});

describe('missingRequired', () => {
  it('lists the shown required questions of a real criteria set (GLP-1) that have no answer', () => {
    expect(missingRequired(glp1, null)).toEqual(['dx', 'a1c', 'a1c-date', 'metformin-contra', 'weight-only']);
    const r = answer(glp1, [
      ['dx', [{ valueCoding: { system: ICD, code: 'E11.9' } }]],
      ['a1c', [{ valueDecimal: 8.1 }]],
      ['a1c-date', [{ valueDate: '2026-10-01' }]],
      ['metformin-contra', [{ valueBoolean: true }]],
    ]);
    // The follow-up question is now shown, so it is now required.
    expect(missingRequired(glp1, r)).toEqual(['metformin-contra-detail', 'weight-only']);
  });

  it('counts questions enabled by "!=" only once the controlling question is answered (testosterone)', () => {
    expect(missingRequired(testosterone, null)).toEqual(['indication', 'hematocrit']);
    const hypogonadism = testosterone.item![0].answerOption!.find((o) => o.valueCoding?.code !== 'F64.0')!.valueCoding!;
    const r = answer(testosterone, [['indication', [{ valueCoding: hypogonadism }]]]);
    expect(missingRequired(testosterone, r)).toEqual(['t1', 't1-date', 't2', 't2-date', 'symptoms', 'hematocrit']);
  });

  it('ignores required groups and display items, and requires nested questions', () => {
    const q: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        { linkId: 'note', text: 'Read this', type: 'display', required: true },
        {
          linkId: 'grp',
          type: 'group',
          required: true,
          item: [{ linkId: 'inner', text: 'Inner', type: 'integer', required: true }],
        },
      ],
    };
    expect(missingRequired(q, null)).toEqual(['inner']);
  });
});

describe('attachmentIdOf', () => {
  it.each([
    [{ id: 'att_1', title: 'a.pdf' }, 'att_1'],
    [{ url: '/pa-requests/pa_1/attachments/att_2' }, 'att_2'],
    [{ title: 'no id' }, undefined],
  ])('%j → %s', (a, expected) => expect(attachmentIdOf(a)).toBe(expected));
});

describe('parseNumber', () => {
  it.each<[string, 'decimal' | 'integer', ReturnType<typeof parseNumber>]>([
    ['', 'decimal', { ok: true, value: null }],
    ['7.5', 'decimal', { ok: true, value: 7.5 }],
    [' 12 ', 'integer', { ok: true, value: 12 }],
    ['-3', 'integer', { ok: true, value: -3 }],
    ['.5', 'decimal', { ok: true, value: 0.5 }],
    ['abc', 'decimal', { ok: false, reason: 'not-number' }],
    ['1,200', 'decimal', { ok: false, reason: 'not-number' }],
    ['7.5%', 'decimal', { ok: false, reason: 'not-number' }],
    ['1e3', 'decimal', { ok: false, reason: 'not-number' }],
    ['7.5', 'integer', { ok: false, reason: 'not-whole' }],
  ])('%j as %s', (text, kind, expected) => expect(parseNumber(text, kind)).toEqual(expected));

  it('applies minValue / maxValue bounds', () => {
    expect(parseNumber('3', 'decimal', { min: 5 })).toEqual({ ok: false, reason: 'too-small' });
    expect(parseNumber('30', 'decimal', { max: 20 })).toEqual({ ok: false, reason: 'too-large' });
  });
});
