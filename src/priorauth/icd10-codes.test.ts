import { describe, expect, it } from 'vitest';
import { ICD10_CM } from '../shared/code-systems.js';
import { icd10CodesIn, searchIcd10 } from './icd10-codes.js';

const coding = (code: string, display: string, system = ICD10_CM) => ({ valueCoding: { system, code, display } });
const bodies = [
  {
    questionnaire: {
      item: [
        {
          linkId: 'dx',
          answerOption: [
            coding('E11.9', 'Type 2 diabetes mellitus without complications'),
            coding('E11.65', 'Type 2 diabetes mellitus with hyperglycemia'),
            coding('other', 'Other diagnosis'),
          ],
        },
      ],
    },
  },
  {
    questionnaire: {
      item: [{ answerOption: [coding('E11.9', 'duplicate'), coding('I48.0', 'Paroxysmal atrial fibrillation')] }],
    },
  },
  { questionnaire: { item: [{ answerOption: [coding('123', 'not ICD', 'http://snomed.info/sct')] }] } },
];

describe('ICD-10-CM codes from the criteria sets', () => {
  const codes = icd10CodesIn(bodies);

  it('lists each coded diagnosis once with its description; non-codes and other systems are left out', () => {
    expect(codes).toEqual([
      { code: 'E11.65', description: 'Type 2 diabetes mellitus with hyperglycemia' },
      { code: 'E11.9', description: 'Type 2 diabetes mellitus without complications' },
      { code: 'I48.0', description: 'Paroxysmal atrial fibrillation' },
    ]);
  });

  it('finds by the start of a code, with or without the dot, in any case', () => {
    expect(searchIcd10(codes, 'e11', 10).map((c) => c.code)).toEqual(['E11.65', 'E11.9']);
    expect(searchIcd10(codes, 'E119', 10).map((c) => c.code)).toEqual(['E11.9']);
  });

  it('finds by every word of the description and keeps to the limit', () => {
    expect(searchIcd10(codes, 'diabetes hyperglycemia', 10).map((c) => c.code)).toEqual(['E11.65']);
    expect(searchIcd10(codes, 'atrial', 10).map((c) => c.code)).toEqual(['I48.0']);
    expect(searchIcd10(codes, 'diabetes', 1)).toHaveLength(1);
    expect(searchIcd10(codes, '  ', 10)).toEqual([]);
    expect(searchIcd10(codes, 'asthma', 10)).toEqual([]);
  });
});
