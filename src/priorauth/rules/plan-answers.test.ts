import { describe, expect, it } from 'vitest';
import { criteriaLibrary } from '../criteria-library/index.js';
import { checkCompleteness } from './check-completeness.js';
import { withPlanAnswers } from './plan-answers.js';

const formulary = criteriaLibrary.find((c) => c.id === 'formulary-exception')!;
const glp1 = criteriaLibrary.find((c) => c.id === 'glp1-t2dm')!;
const answered = {
  resourceType: 'QuestionnaireResponse',
  item: [
    // A client claiming another line of business is overruled by the plan's own.
    { linkId: 'line-of-business', answer: [{ valueCoding: { code: 'commercial' } }] },
    { linkId: 'alternatives-tried', answer: [{ valueBoolean: false }] },
    { linkId: 'alternatives-unsafe', answer: [{ valueBoolean: true }] },
    { linkId: 'alternatives-unsafe-detail', answer: [{ valueString: 'Angioedema on lisinopril' }] },
  ],
};
const missing = (lob: string) =>
  checkCompleteness(formulary.questionnaire, withPlanAnswers(formulary, answered, lob) as never, {
    attachments: [],
    requiredDocuments: [],
  }).missing.map((m) => m.linkId);

describe("the exception question sets ask what the member's line of business requires", () => {
  it('Part D: the supporting statement is required', () => {
    expect(missing('medicare-d')).toEqual(['supporting-statement']);
  });
  it('other lines of business: it is not asked', () => {
    expect(missing('commercial')).toEqual([]);
    expect(missing('medi-cal')).toEqual([]);
  });
  it('leaves question sets without the line-of-business question alone', () => {
    expect(withPlanAnswers(glp1, answered, 'medicare-d')).toBe(answered);
  });
  it('every exception set asks for the Part D statement', () => {
    for (const id of [
      'formulary-exception',
      'tiering-exception',
      'quantity-limit-exception',
      'step-therapy-exception',
      'age-limit-exception',
      'sex-limit-exception',
      'brand-medically-necessary',
    ])
      expect(
        criteriaLibrary.find((c) => c.id === id)?.questionnaire.item?.some((i) => i.linkId === 'supporting-statement'),
        id,
      ).toBe(true);
  });
});
