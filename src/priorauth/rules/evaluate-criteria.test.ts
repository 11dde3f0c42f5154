import { describe, expect, it, vi } from 'vitest';
import { criteriaLibrary } from '../criteria-library/index.js';
import { checkCompleteness, validateAnswers } from './check-completeness.js';
import { computeFacts } from './compute-facts.js';
import { validateCriteriaSet, type CriteriaSet } from './criteria-set.js';
import { evaluateCriteria } from './evaluate-criteria.js';

const glp1 = criteriaLibrary.find((c) => c.id === 'glp1-t2dm')!;
const testosterone = criteriaLibrary.find((c) => c.id === 'testosterone')!;
const TODAY = '2026-11-20';

type V = boolean | number | string | { code: string };
function qr(answers: Record<string, V>) {
  return {
    resourceType: 'QuestionnaireResponse' as const,
    status: 'completed' as const,
    item: Object.entries(answers).map(([linkId, v]) => ({
      linkId,
      answer: [
        typeof v === 'boolean'
          ? { valueBoolean: v }
          : typeof v === 'number'
            ? { valueDecimal: v }
            : typeof v === 'object'
              ? { valueCoding: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: v.code } }
              : /^\d{4}-/.test(v)
                ? { valueDate: v }
                : { valueString: v },
      ],
    })),
  };
}
const meets = {
  dx: { code: 'E11.65' },
  a1c: 8.1,
  'a1c-date': '2026-10-01',
  'metformin-contra': false,
  'weight-only': false,
};
const adultFacts = { ageYears: 54, metforminDays365: 120, otherGlp1Days90: 0 };

describe('criteria library', () => {
  it.each(criteriaLibrary.map((c) => [c.id, c] as const))(
    '%s is a valid criteria set with Spanish and English reasons for every rule',
    (_id, set) => {
      const r = validateCriteriaSet(set);
      expect(r.ok ? [] : r.errors).toEqual([]);
      for (const rule of set.rules) {
        expect(set.denialLanguage[rule.id], `${set.id}.${rule.id}`).toMatchObject({
          en: expect.any(String),
          es: expect.any(String),
        });
        expect(rule.expression).not.toMatch(/today\(\)/);
      }
    },
  );
});

describe('evaluateCriteria (GLP-1 for type 2 diabetes)', () => {
  const cases: Array<
    [string, Record<string, V>, Record<string, number>, 'approve' | 'review', Record<string, string>]
  > = [
    ['every rule met → approve', meets, adultFacts, 'approve', {}],
    ['HbA1c below 7 → review, glycemic not met', { ...meets, a1c: 6.4 }, adultFacts, 'review', { glycemic: 'not-met' }],
    [
      'HbA1c older than 6 months → not met',
      { ...meets, 'a1c-date': '2026-04-01' },
      adultFacts,
      'review',
      { glycemic: 'not-met' },
    ],
    [
      'no metformin history and no contraindication → step not met',
      meets,
      { ...adultFacts, metforminDays365: 30 },
      'review',
      { step: 'not-met' },
    ],
    [
      'metformin contraindication satisfies the step',
      { ...meets, 'metformin-contra': true, 'metformin-contra-detail': 'eGFR 25' },
      { ...adultFacts, metforminDays365: 0 },
      'approve',
      {},
    ],
    [
      'unanswered diagnosis → unknown, never denied',
      { ...meets, dx: undefined as unknown as V },
      adultFacts,
      'review',
      { diagnosis: 'unknown' },
    ],
    [
      'obesity only → diagnosis not met',
      { ...meets, dx: { code: 'E66.9' } },
      adultFacts,
      'review',
      { diagnosis: 'not-met' },
    ],
    [
      'another GLP-1 in the last 90 days → duplicate therapy',
      meets,
      { ...adultFacts, otherGlp1Days90: 28 },
      'review',
      { 'no-duplicate-therapy': 'not-met' },
    ],
    ['age 17 → adult rule not met', meets, { ...adultFacts, ageYears: 17 }, 'review', { adult: 'not-met' }],
  ];
  it.each(cases)('%s', (_n, answers, facts, outcome, expected) => {
    const clean = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined));
    const r = evaluateCriteria(glp1, qr(clean) as never, facts, TODAY);
    expect(r.outcome).toBe(outcome);
    for (const [id, result] of Object.entries(expected))
      expect(r.rules.find((x) => x.id === id)?.result, id).toBe(result);
  });

  it('records the values each rule used', () => {
    const r = evaluateCriteria(glp1, qr({ ...meets, a1c: 6.4 }) as never, adultFacts, TODAY);
    expect(r.rules.find((x) => x.id === 'glycemic')!.values).toEqual({ a1c: 6.4, 'a1c-date': '2026-10-01' });
    expect(r.rules.find((x) => x.id === 'step')!.values).toMatchObject({ 'facts.metforminDays365': 120 });
  });

  it('ignores answers to questions that enableWhen switched off', () => {
    // The detail question is only asked when a contraindication is claimed; a stray answer must not count.
    const r = evaluateCriteria(glp1, qr({ ...meets, 'metformin-contra-detail': 'n/a' }) as never, adultFacts, TODAY);
    expect(r.outcome).toBe('approve');
  });

  it('testosterone: gender-affirming therapy skips the lab rules (enableWhen), hypogonadism needs two low levels', () => {
    const gat = evaluateCriteria(
      testosterone,
      qr({ indication: { code: 'F64.0' }, hematocrit: 44 }) as never,
      { ageYears: 30, sex: 'F' },
      TODAY,
    );
    expect(gat.outcome).toBe('approve');
    const hypo = evaluateCriteria(
      testosterone,
      qr({
        indication: { code: 'E29.1' },
        t1: 250,
        't1-date': '2026-10-01',
        t2: 310,
        't2-date': '2026-10-08',
        symptoms: true,
        hematocrit: 44,
      }) as never,
      { ageYears: 50, sex: 'M' },
      TODAY,
    );
    expect(hypo.rules.find((x) => x.id === 'low-levels')!.result).toBe('not-met');
  });
});

describe('checkCompleteness and validateAnswers', () => {
  it('lists required questions that are enabled and unanswered', () => {
    const r = checkCompleteness(glp1.questionnaire, qr({ dx: { code: 'E11.9' }, 'metformin-contra': true }) as never, {
      attachments: [],
      requiredDocuments: [],
    });
    expect(r.complete).toBe(false);
    expect(r.missing.map((m) => m.linkId)).toEqual(['a1c', 'a1c-date', 'metformin-contra-detail', 'weight-only']);
  });
  it('does not require a question enableWhen switched off', () => {
    const r = checkCompleteness(glp1.questionnaire, qr(meets) as never, { attachments: [], requiredDocuments: [] });
    expect(r).toEqual({ complete: true, missing: [] });
  });
  it('requires documents by id (any file when only one is required)', () => {
    const docs = [{ id: 'lab-report', text: 'Lab report' }];
    const q = testosterone.questionnaire;
    const answers = qr({ indication: { code: 'F64.0' }, hematocrit: 44 }) as never;
    expect(checkCompleteness(q, answers, { attachments: [], requiredDocuments: docs }).missing).toEqual([
      { documentId: 'lab-report', text: 'Lab report', reason: 'must be attached' },
    ]);
    expect(checkCompleteness(q, answers, { attachments: [{}], requiredDocuments: docs }).complete).toBe(true);
  });
  it.each([
    ['unknown linkId', { surprise: true }, 'surprise', 'is not a question'],
    ['text for a decimal', { a1c: 'high' }, 'a1c', 'must be a number'],
    ['code not among the options', { dx: { code: 'Z00.00' } }, 'dx', 'must be one of'],
    ['a number for a boolean', { 'weight-only': 1 }, 'weight-only', 'must be a boolean'],
  ])('validateAnswers: %s', (_n, answers, path, message) => {
    const problems = validateAnswers(glp1.questionnaire, qr(answers as Record<string, V>) as never);
    expect(problems).toEqual([expect.objectContaining({ path, message: expect.stringContaining(message) })]);
  });
});

describe('computeFacts', () => {
  const set: CriteriaSet = { ...glp1 };
  const fill = (
    dateOfService: string,
    daysSupply: number,
    ingredient = 'metformin',
    drugClass = 'biguanide',
    groupId = '372803',
  ) => ({ dateOfService, daysSupply, ingredient, drugClass, groupId });
  it.each([
    ['counts distinct covered days, overlaps once', [fill('2026-09-01', 30), fill('2026-09-15', 30)], 44],
    ['clips a fill that started before the 365-day window (window starts 2025-11-21)', [fill('2025-11-10', 30)], 19],
    ['ignores other drugs', [fill('2026-09-01', 30, 'lisinopril', 'ACE inhibitor', '372614')], 0],
  ])('metformin days: %s', (_n, history, days) => {
    const facts = computeFacts(set, {
      member: { dateOfBirth: '1970-05-05', sex: 'F' },
      claimHistory: history,
      requestedGroupId: '1991305',
      today: TODAY,
    });
    expect(facts.metforminDays365).toBe(days);
    expect(facts.ageYears).toBe(56);
  });
  it('excludes the requested drug-form group from "other GLP-1" therapy', () => {
    const history = [
      fill('2026-11-01', 28, 'semaglutide', 'GLP-1 agonist', '1991305'),
      fill('2026-10-01', 10, 'liraglutide', 'GLP-1 agonist', '1653594'),
    ];
    const facts = computeFacts(set, {
      member: { dateOfBirth: '1970-05-05', sex: 'F' },
      claimHistory: history,
      requestedGroupId: '1991305',
      today: TODAY,
    });
    expect(facts.otherGlp1Days90).toBe(10);
  });
});

describe('rule expressions are parsed once per process', () => {
  it('a second evaluation of the same criteria set compiles nothing, and gives the same trace', async () => {
    const fhirpath = (await import('fhirpath')).default;
    const compile = vi.spyOn(fhirpath, 'compile');
    try {
      const set = { ...glp1, rules: glp1.rules.map((r) => ({ ...r, expression: `(${r.expression})` })) };
      const first = evaluateCriteria(set, qr(meets), adultFacts, TODAY);
      expect(compile).toHaveBeenCalledTimes(set.rules.length);
      const second = evaluateCriteria(set, qr({ ...meets, a1c: 6.0 }), adultFacts, TODAY);
      expect(compile).toHaveBeenCalledTimes(set.rules.length);
      expect(first.outcome).toBe('approve');
      expect(second.outcome).toBe('review');
      expect(second.rules.find((r) => r.result === 'not-met')?.values).toHaveProperty('a1c', 6);
    } finally {
      compile.mockRestore();
    }
  });
});
