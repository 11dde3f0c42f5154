import type { Questionnaire } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { criteriaLibrary } from '../priorauth/criteria-library/index.js';
import { checkCompleteness, validateAnswers } from '../priorauth/rules/check-completeness.js';
import { answersToResponse, END, informationRequestQuestionSet, toQuestionSet } from './question-set.js';
import { questionSetXml } from './question-set-xml.js';
import { buildScriptMessage } from './script-xml.js';
import { ScriptSchemaError } from './script-schema.js';

const byId = (id: string) => criteriaLibrary.find((c) => c.id === id)!;
const setOf = (id: string) => {
  const c = byId(id);
  return toQuestionSet(c.questionnaire, c);
};

describe('criteria Questionnaire → SCRIPT question set', () => {
  it('GLP-1: IDs, texts, types, required, choice IDs; the attachment item becomes an attachment request', () => {
    const set = setOf('glp1-t2dm');
    expect(set.id).toBe('glp1-t2dm|1');
    expect(set.questions.map((q) => [q.id, q.type.kind, q.required])).toEqual([
      ['dx', 'select', true],
      ['a1c', 'numeric', true],
      ['a1c-date', 'date', true],
      ['metformin-contra', 'select', true],
      ['metformin-contra-detail', 'free-text', true],
      ['weight-only', 'select', true],
    ]);
    const dx = set.questions[0];
    expect(dx.type.kind === 'select' && dx.type.choices.map((c) => c.id)).toEqual([
      'E11.9',
      'E11.65',
      'E11.22',
      'E66.9',
      'other',
    ]);
    expect(set.attachments).toEqual([{ id: 'chart-notes', text: 'Chart notes (optional)', required: false }]);
  });

  it('next-question routing follows enableWhen: "Yes" leads to the detail question, "No" skips it', () => {
    const set = setOf('glp1-t2dm');
    const contra = set.questions.find((q) => q.id === 'metformin-contra')!;
    expect(contra.type.kind === 'select' && contra.type.choices).toEqual([
      { id: 'Y', text: 'Yes', nextQuestionId: 'metformin-contra-detail' },
      { id: 'N', text: 'No', nextQuestionId: 'weight-only' },
    ]);
    expect(set.questions.find((q) => q.id === 'metformin-contra-detail')!.defaultNextQuestionId).toBe('weight-only');
    expect(set.questions.at(-1)!.defaultNextQuestionId).toBe(END);
  });

  it('a numeric condition (buprenorphine daily dose > 24 mg) becomes comparison routing with a default that skips', () => {
    const set = setOf('buprenorphine-naloxone');
    const dose = set.questions.find((q) => q.id === 'daily-dose-mg')!;
    const dependent = byId('buprenorphine-naloxone').questionnaire.item!.find((i) =>
      i.enableWhen?.some((c) => c.question === 'daily-dose-mg'),
    )!;
    expect(dose.conditionalNext).toEqual([{ operator: 'GT', value: '24', nextQuestionId: dependent.linkId }]);
    expect(dose.defaultNextQuestionId).not.toBe(dependent.linkId);
  });

  it('"!=" conditions route every other choice to the dependent (testosterone indication)', () => {
    const c = byId('testosterone');
    const set = toQuestionSet(c.questionnaire, c);
    const indication = set.questions.find((q) => q.id === 'indication')!;
    const ew = c.questionnaire.item!.find((i) => i.enableWhen?.[0]?.question === 'indication')!;
    const excluded = ew.enableWhen![0].answerCoding!.code;
    if (indication.type.kind !== 'select') throw new Error('indication is a select');
    for (const choice of indication.type.choices)
      if (choice.id === excluded) expect(choice.nextQuestionId).not.toBe(ew.linkId);
      else expect(choice.nextQuestionId).toBe(ew.linkId);
  });

  it('a repeating choice is select-many; required documents are required attachment requests', () => {
    const q: Questionnaire = {
      resourceType: 'Questionnaire',
      status: 'active',
      item: [
        {
          linkId: 'tried',
          text: 'Which have been tried?',
          type: 'choice',
          repeats: true,
          answerOption: [{ valueCoding: { code: 'a', display: 'A' } }, { valueCoding: { code: 'b', display: 'B' } }],
        },
        { linkId: 'count', text: 'How many?', type: 'integer' },
      ],
    };
    const set = toQuestionSet(q, {
      id: 'x',
      version: 2,
      title: 'X',
      requiredDocuments: [{ id: 'labs', text: 'Lab report' }],
    });
    expect(set.questions[0].type).toMatchObject({ kind: 'select', multiple: true });
    expect(set.questions[1].type).toEqual({ kind: 'numeric', integer: true });
    expect(set.attachments).toEqual([{ id: 'labs', text: 'Lab report', required: true }]);
  });

  it('every criteria set in the library converts, and every routing target is a question of the set or END', () => {
    for (const c of criteriaLibrary) {
      const set = toQuestionSet(c.questionnaire, c);
      const ids = new Set([...set.questions.map((q) => q.id), END]);
      for (const q of set.questions) {
        expect(ids.has(q.defaultNextQuestionId)).toBe(true);
        if (q.type.kind === 'select') for (const ch of q.type.choices) expect(ids.has(ch.nextQuestionId)).toBe(true);
        for (const r of q.conditionalNext) expect(ids.has(r.nextQuestionId)).toBe(true);
      }
    }
  });

  it('the question set renders as SCRIPT XML with the choice IDs and routing', () => {
    const xml = buildScriptMessage(
      { to: 'demo-hub', from: 'OPENPBM', messageId: 'M1', sentTime: '2026-11-20T17:00:00Z' },
      'PAInitiationResponse',
      { Response: { Open: { PAReferenceID: 'par_1', QuestionSet: questionSetXml(setOf('glp1-t2dm')) } } },
    );
    expect(xml).toContain('<QuestionID>metformin-contra</QuestionID>');
    expect(xml).toMatch(
      /<ChoiceID>Y<\/ChoiceID>\s*<SequenceNumber>1<\/SequenceNumber>\s*<ChoiceText>Yes<\/ChoiceText>\s*<NextQuestionID>metformin-contra-detail<\/NextQuestionID>/,
    );
    expect(xml).toContain('<AttachmentID>chart-notes</AttachmentID>');
  });
});

describe('SCRIPT answers → QuestionnaireResponse', () => {
  const glp1 = byId('glp1-t2dm');
  const answers = [
    { questionId: 'dx', path: 'Q[1]', choiceIds: ['E11.9'] },
    { questionId: 'a1c', path: 'Q[2]', numeric: '8.4' },
    { questionId: 'a1c-date', path: 'Q[3]', date: '2026-10-15' },
    { questionId: 'metformin-contra', path: 'Q[4]', choiceIds: ['Y'] },
    { questionId: 'metformin-contra-detail', path: 'Q[5]', freeText: 'eGFR 25' },
    { questionId: 'weight-only', path: 'Q[6]', choiceIds: ['N'] },
  ];

  it('complete answers fit the questionnaire and pass the completeness check the PA use cases apply', () => {
    const r = answersToResponse(glp1.questionnaire, answers);
    expect(validateAnswers(glp1.questionnaire, r)).toEqual([]);
    expect(checkCompleteness(glp1.questionnaire, r, { attachments: [], requiredDocuments: [] }).complete).toBe(true);
    expect(r.item!.find((i) => i.linkId === 'dx')!.answer![0].valueCoding!.code).toBe('E11.9');
    expect(r.item!.find((i) => i.linkId === 'metformin-contra')!.answer).toEqual([{ valueBoolean: true }]);
    expect(r.item!.find((i) => i.linkId === 'a1c')!.answer).toEqual([{ valueDecimal: 8.4 }]);
  });

  it.each([
    [[{ questionId: 'nope', path: 'Q[1]', freeText: 'x' }], 'Q[1]/QuestionID'],
    [[{ questionId: 'dx', path: 'Q[1]', choiceIds: ['Z99'] }], 'Q[1]/QuestionResponse/SelectedChoice/ChoiceID'],
    [[{ questionId: 'a1c', path: 'Q[2]', freeText: 'high' }], 'Q[2]/QuestionResponse'],
    [[{ questionId: 'dx', path: 'Q[1]', choiceIds: ['E11.9', 'E11.65'] }], 'Q[1]/QuestionResponse/SelectedChoice'],
    [[{ questionId: 'chart-notes', path: 'Q[1]', freeText: 'x' }], 'Q[1]/QuestionID'],
  ])('an answer that does not fit is refused naming its element (%#)', (bad, element) => {
    try {
      answersToResponse(glp1.questionnaire, bad);
      expect.unreachable('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ScriptSchemaError);
      expect((e as ScriptSchemaError).element).toBe(element);
    }
  });

  it("a reviewer's information request becomes free-text questions and attachment requests", () => {
    const set = informationRequestQuestionSet(
      'par_1',
      2,
      [
        { id: 'item-1', question: 'Current weight?' },
        { id: 'item-2', document: 'Latest lab report' },
        { id: 'missing-1', question: 'Most recent HbA1c (%)', linkId: 'a1c' },
      ],
      setOf('glp1-t2dm'),
    );
    expect(set.id).toBe('par_1|information-request-2');
    expect(set.questions.map((q) => [q.id, q.type.kind, q.defaultNextQuestionId])).toEqual([
      ['item-1', 'free-text', 'a1c'],
      ['a1c', 'numeric', END],
    ]);
    expect(set.attachments).toEqual([{ id: 'item-2', text: 'Latest lab report', required: true }]);
  });
});
