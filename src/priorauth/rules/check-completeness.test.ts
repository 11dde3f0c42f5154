import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { activeResponse, checkCompleteness, validateAnswers } from './check-completeness.js';

// A small question set shaped like the GLP-1 one: a required diagnosis, a required HbA1c, a
// contraindication flag whose detail is required only when it is true.
const q: Questionnaire = {
  resourceType: 'Questionnaire',
  status: 'active',
  item: [
    {
      linkId: 'dx',
      type: 'choice',
      required: true,
      text: 'Diagnosis',
      answerOption: [{ valueCoding: { code: 'E11.9' } }, { valueCoding: { code: 'E66.9' } }],
    },
    { linkId: 'a1c', type: 'decimal', required: true, text: 'Most recent HbA1c (%)' },
    { linkId: 'a1c-date', type: 'date', text: 'Date of the HbA1c' },
    { linkId: 'contra', type: 'boolean', required: true, text: 'Is metformin contraindicated?' },
    {
      linkId: 'contra-detail',
      type: 'string',
      required: true,
      text: 'Why',
      enableWhen: [{ question: 'contra', operator: '=', answerBoolean: true }],
    },
    { linkId: 'tried', type: 'string', repeats: true, text: 'Drugs tried' },
    { linkId: 'note', type: 'display', required: true, text: 'Read this' },
  ],
};

type Value = Record<string, unknown>;
const response = (answers: Record<string, Value | Value[]>): QuestionnaireResponse => ({
  resourceType: 'QuestionnaireResponse',
  status: 'completed',
  item: Object.entries(answers).map(([linkId, a]) => ({ linkId, answer: (Array.isArray(a) ? a : [a]) as never })),
});
const noDocs = { attachments: [], requiredDocuments: [] };
const complete = {
  dx: { valueCoding: { code: 'E11.9' } },
  a1c: { valueDecimal: 8.2 },
  contra: { valueBoolean: false },
};

describe('checkCompleteness', () => {
  it('every required, enabled question answered: complete (a display item is never required)', () => {
    expect(checkCompleteness(q, response(complete), noDocs)).toEqual({ complete: true, missing: [] });
  });

  it('lists each unanswered required question with its text', () => {
    const r = checkCompleteness(q, response({ contra: { valueBoolean: false } }), noDocs);
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual([
      { linkId: 'dx', text: 'Diagnosis', reason: 'is required' },
      { linkId: 'a1c', text: 'Most recent HbA1c (%)', reason: 'is required' },
    ]);
  });

  it('a required question hidden by enableWhen is not missing; once enabled it is', () => {
    expect(checkCompleteness(q, response(complete), noDocs).complete).toBe(true);
    const r = checkCompleteness(q, response({ ...complete, contra: { valueBoolean: true } }), noDocs);
    expect(r.missing.map((m) => m.linkId)).toEqual(['contra-detail']);
  });

  it('a required document: a tagged attachment satisfies it, nothing attached does not', () => {
    const docs = (attachments: Array<{ documentId?: string }>) => ({
      attachments,
      requiredDocuments: [{ id: 'chart', text: 'Chart notes' }],
    });
    expect(checkCompleteness(q, response(complete), docs([])).missing).toEqual([
      { documentId: 'chart', text: 'Chart notes', reason: 'must be attached' },
    ]);
    expect(checkCompleteness(q, response(complete), docs([{ documentId: 'chart' }])).complete).toBe(true);
  });

  it('with one required document any untagged file counts; with two, each must be tagged', () => {
    const one = { attachments: [{}], requiredDocuments: [{ id: 'chart', text: 'Chart notes' }] };
    expect(checkCompleteness(q, response(complete), one).complete).toBe(true);
    const two = {
      attachments: [{}, { documentId: 'labs' }],
      requiredDocuments: [
        { id: 'chart', text: 'Chart notes' },
        { id: 'labs', text: 'Lab results' },
      ],
    };
    expect(checkCompleteness(q, response(complete), two).missing.map((m) => m.documentId)).toEqual(['chart']);
  });
});

describe('validateAnswers', () => {
  it('a well-formed response has no problems', () => {
    expect(validateAnswers(q, response({ ...complete, tried: [{ valueString: 'a' }, { valueString: 'b' }] }))).toEqual(
      [],
    );
  });

  it('refuses something that is not a QuestionnaireResponse', () => {
    expect(validateAnswers(q, { resourceType: 'Patient' } as never)).toEqual([
      { path: 'resourceType', message: 'must be QuestionnaireResponse' },
    ]);
  });

  it('names unknown questions, wrong value types, options not offered and extra answers', () => {
    const problems = validateAnswers(
      q,
      response({
        nope: { valueString: 'x' },
        a1c: { valueString: '8.2' },
        dx: { valueCoding: { code: 'Z99' } },
        contra: [{ valueBoolean: true }, { valueBoolean: false }],
        'a1c-date': { valueDate: '20 Oct' },
      }),
    );
    expect(problems).toEqual([
      { path: 'nope', message: 'is not a question in this question set' },
      { path: 'a1c', message: 'must be a number (valueDecimal)' },
      { path: 'dx', message: 'must be one of: E11.9, E66.9' },
      { path: 'contra', message: 'takes one answer' },
      { path: 'a1c-date', message: 'must be a date YYYY-MM-DD (valueDate)' },
    ]);
  });

  it('an answer with two values is refused', () => {
    expect(validateAnswers(q, response({ a1c: { valueDecimal: 8, valueInteger: 8 } }))).toEqual([
      { path: 'a1c', message: 'each answer needs exactly one value[x]' },
    ]);
  });
});

describe('activeResponse', () => {
  it('drops answers to questions that are not enabled, so they count neither for nor against', () => {
    const r = activeResponse(
      q,
      response({ ...complete, 'contra-detail': { valueString: 'eGFR 25' } }), // contra is false
    );
    expect(r.item!.map((i) => i.linkId)).toEqual(['dx', 'a1c', 'contra']);
  });
});
