import { describe, expect, it } from 'vitest';
import type { ClaimResponse } from '../claims/claim-types.js';
import { REJECT } from '../claims/rules/reject-codes.js';
import { fieldValue, fieldValues, findSegment } from './telecom/segments.js';
import { claimGroup, nextStepParagraphs, phoneDigits, type ResponseContext } from './write-response.js';

const rc: ResponseContext = { helpDeskPhone: '1-510-555-0100', ndcForRxcui: (rxcui) => `0000000${rxcui}`.slice(-11) };
const base: ClaimResponse = { claimId: 'clm_1', transactionStatus: 'R', rejects: [], message: 'Explained.' };

describe('the claim answer as a D.0 response group', () => {
  it('P: pricing in AM23 (overpunched), basis 20 for a NADAC-style catalog price, help desk digits, claim ID in 993-A7', () => {
    const g = claimGroup(
      'RX1',
      {
        ...base,
        transactionStatus: 'P',
        authorizationNumber: 'PA123',
        pricing: {
          ingredientCost: '12.34',
          dispensingFee: '1.75',
          patientPay: '5.00',
          planPay: '9.09',
          basis: 'catalog-unit-price',
        },
      },
      rc,
    );
    const p = findSegment(g, 'AM23');
    expect([
      fieldValue(p, 'F5'),
      fieldValue(p, 'F6'),
      fieldValue(p, 'F7'),
      fieldValue(p, 'F9'),
      fieldValue(p, 'FM'),
    ]).toEqual(['50{', '123D', '17E', '90I', '20']);
    const s = findSegment(g, 'AM21');
    expect([
      fieldValue(s, 'AN'),
      fieldValue(s, 'F3'),
      fieldValue(s, '7F'),
      fieldValue(s, '8F'),
      fieldValue(s, 'A7'),
    ]).toEqual(['P', 'PA123', '03', '5105550100', 'clm_1']);
    expect(fieldValue(findSegment(g, 'AM22'), 'D2')).toBe('RX1');
  });

  it('R: at most five reject codes, counted in 510-FA, in the order the rules found them', () => {
    const rejects = ['75', '608', '70', '76', '79', '41'].map((code) => ({ code, description: code }));
    const s = findSegment(claimGroup('RX1', { ...base, rejects }, rc), 'AM21');
    expect(fieldValue(s, 'FA')).toBe('5');
    expect(fieldValues(s, 'FB')).toEqual(['75', '608', '70', '76', '79']);
  });

  it('79: a DUR response (AM24) with reason ER, the previous fill date and quantity, and the date a refill pays', () => {
    const g = claimGroup(
      'RX1',
      {
        ...base,
        rejects: [REJECT.REFILL_TOO_SOON],
        nextSteps: {
          refillAllowedOn: '2026-11-28',
          previousFill: { dateOfService: '2026-11-05', daysSupply: 30, quantity: 30 },
        },
      },
      rc,
    );
    const dur = findSegment(g, 'AM24');
    expect([fieldValue(dur, 'E4'), fieldValue(dur, 'FU'), fieldValue(dur, 'FV'), fieldValue(dur, 'FY')]).toEqual([
      'ER',
      '20261105',
      '0000030000',
      'REFILL OK ON 20261128',
    ]);
    expect(fieldValues(findSegment(g, 'AM21'), 'FQ').join(' ')).toContain('Refill pays on or after 2026-11-28.');
  });

  it('70/75: covered alternatives become preferred products (552-AP 03, 553-AR NDC, 556-AU name)', () => {
    const g = claimGroup(
      'RX1',
      {
        ...base,
        rejects: [REJECT.NOT_COVERED],
        nextSteps: {
          alternatives: [
            {
              rxcui: '314076',
              name: 'lisinopril 10 MG Oral Tablet',
              tier: 'generic',
              estimatedPatientPay: '5.00',
              priorAuthorizationRequired: false,
            },
          ],
        },
      },
      rc,
    );
    const c = findSegment(g, 'AM22');
    expect([fieldValue(c, '9F'), fieldValue(c, 'AP'), fieldValue(c, 'AR'), fieldValue(c, 'AU')]).toEqual([
      '1',
      '03',
      '00000314076',
      'lisinopril 10 MG Oral Tablet',
    ]);
  });

  it('writes the PA route and the other processor as sentences a pharmacist acts on', () => {
    expect(
      nextStepParagraphs({
        priorAuthorization: {
          required: true,
          processorName: 'Bay Area Rx PBM',
          howToRequest: ['epa', 'portal', 'fax', 'phone'],
          fax: '1-510-555-0101',
          phone: '1-510-555-0102',
        },
        otherProcessor: {
          name: 'Medi-Cal Rx',
          bin: '022659',
          pcn: '6334225',
          groupId: 'MediCalRx',
          phone: '1-800-977-2273',
        },
      }),
    ).toEqual([
      'Prior auth from Bay Area Rx PBM: ePA, portal, fax 1-510-555-0101, phone 1-510-555-0102.',
      'Bill Medi-Cal Rx: BIN 022659 PCN 6334225 Group MediCalRx Help desk 1-800-977-2273',
    ]);
  });

  it('writes US phone numbers as ten digits', () => {
    expect(phoneDigits('1-800-977-2273')).toBe('8009772273');
    expect(phoneDigits('(510) 555-0100')).toBe('5105550100');
    expect(phoneDigits(null)).toBeNull();
  });
});
