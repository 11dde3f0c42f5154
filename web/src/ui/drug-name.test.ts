import { describe, expect, it } from 'vitest';
import { compareDrugNames, formGroupName, humanDrugName } from './drug-name';

describe('humanDrugName', () => {
  it.each([
    ['0.25 MG, 0.5 MG Dose 1.5 ML semaglutide 1.34 MG/ML Pen Injector [Ozempic]', 'Ozempic 0.25 or 0.5 mg/dose pen'],
    ['1 MG Dose 1.5 ML semaglutide 1.34 MG/ML Pen Injector [Ozempic]', 'Ozempic 1 mg/dose pen'],
    ['lisinopril 10 MG Oral Tablet [Zestril]', 'Zestril 10 mg tablet'],
    ['lisinopril 10 MG Oral Tablet', 'lisinopril 10 mg tablet'],
    ['3 ML liraglutide 6 MG/ML Pen Injector [Victoza]', 'Victoza 6 mg/mL pen (3 mL)'],
    [
      '24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet',
      'metformin hydrochloride 500 mg extended-release tablet',
    ],
    ['buprenorphine 8 MG / naloxone 2 MG Sublingual Film [Suboxone]', 'Suboxone 8 mg / 2 mg sublingual film'],
    ['buprenorphine 8 MG / naloxone 2 MG Sublingual Film', 'buprenorphine 8 mg / naloxone 2 mg sublingual film'],
    ['3 ML insulin glargine 100 UNT/ML Pen Injector [Lantus]', 'Lantus 100 units/mL pen (3 mL)'],
    [
      '60 ACTUAT testosterone 20.25 MG/ACTUAT Topical Gel [Androgel]',
      'Androgel 20.25 mg/actuation gel (60 actuations)',
    ],
  ])('%s → %s', (rxnorm, human) => {
    expect(humanDrugName(rxnorm).name).toBe(human);
    expect(humanDrugName(rxnorm).rxnormName).toBe(rxnorm);
  });

  it('speaks Spanish', () => {
    expect(humanDrugName('0.25 MG, 0.5 MG Dose 1.5 ML semaglutide 1.34 MG/ML Pen Injector [Ozempic]', 'es').name).toBe(
      'Ozempic, pluma de 0.25 o 0.5 mg/dosis',
    );
    expect(humanDrugName('lisinopril 10 MG Oral Tablet', 'es').name).toBe('lisinopril, tableta de 10 mg');
  });

  it('leaves names it cannot read as they are', () => {
    expect(humanDrugName('Drug code 12345').name).toBe('Drug code 12345');
    expect(humanDrugName(null).name).toBe('');
  });

  it('sorts strengths numerically', () => {
    const names = ['lisinopril 20 MG Oral Tablet', 'lisinopril 2.5 MG Oral Tablet', 'lisinopril 10 MG Oral Tablet'];
    expect([...names].sort((a, b) => compareDrugNames(a, b))).toEqual([
      'lisinopril 2.5 MG Oral Tablet',
      'lisinopril 10 MG Oral Tablet',
      'lisinopril 20 MG Oral Tablet',
    ]);
  });
});

describe('formGroupName', () => {
  it('names what an authorization covers (ingredient and form) in each language', () => {
    expect(formGroupName('semaglutide Pen Injector', 'en')).toBe('semaglutide pen');
    expect(formGroupName('semaglutide Pen Injector', 'es')).toBe('semaglutide, pluma');
    expect(formGroupName('metformin hydrochloride Extended Release Oral Tablet', 'es')).toBe(
      'metformin hydrochloride, tableta de liberación prolongada',
    );
    expect(formGroupName('something else', 'es')).toBe('something else');
  });
});
