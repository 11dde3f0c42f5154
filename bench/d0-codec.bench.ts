import { checkRequestHeader, readClaimRequest } from '../src/ncpdp/read-request.js';
import { claimGroup, responseHeader, type ResponseContext } from '../src/ncpdp/write-response.js';
import { fieldValue, fieldValues, findSegment } from '../src/ncpdp/telecom/segments.js';
import { bytesToText, textToBytes } from '../src/ncpdp/telecom/separators.js';
import { newTransmission, parseTransmission, serializeTransmission } from '../src/ncpdp/telecom/transmission.js';
import { writeBillingRequest } from '../src/ncpdp/write-request.js';
import { median } from './stats.js';

/** "P", "D" or "R<first reject>" of the first group of a D.0 response: the bench's outcome key. */
export function d0Outcome(bytes: Buffer): string {
  const t = parseTransmission(bytesToText(bytes));
  const status = findSegment(t.groups[0] ?? [], 'AM21');
  const an = fieldValue(status, 'AN') ?? '?';
  return an === 'R' ? `R${fieldValues(status, 'FB')[0] ?? ''}` : an;
}

/**
 * The codec alone, on one core (this thread): parse + serialize a one-claim B1 as bytes, and the
 * whole read path of the edge without I/O (parse, header and claim checks, a paid response group
 * written and serialized). Medians of several runs.
 */
export function benchCodec(runs = 5, iterations = 100_000) {
  const request = writeBillingRequest([
    {
      bin: '610011',
      pcn: 'BAYRX',
      groupId: 'IHSS01',
      cardholderId: 'B0001234',
      patient: { dateOfBirth: '1961-04-02' },
      pharmacyNpi: '1234567893',
      prescriptionNumber: 'R4200001',
      fillNumber: 0,
      dateOfService: '2026-11-20',
      productId: '76282041901',
      quantityDispensed: 30,
      daysSupply: 30,
      prescriberNpi: '1922334457',
      submittedIngredientCost: '25.00',
      usualAndCustomaryCharge: '40.00',
    },
  ]);
  const rc: ResponseContext = { helpDeskPhone: '1-510-555-0100', ndcForRxcui: () => null };
  const answer = {
    claimId: 'clm_01M7WYD4M0ABWD4134BK',
    transactionStatus: 'P' as const,
    rejects: [],
    message: 'Paid by Poppy Health Plan - IHSS. You pay $5.00.',
    pricing: {
      ingredientCost: '25.00',
      dispensingFee: '1.75',
      patientPay: '5.00',
      planPay: '21.75',
      basis: 'submitted-ingredient-cost' as const,
    },
  };
  const time = (fn: () => void) => {
    const rates: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      for (let i = 0; i < iterations; i++) fn();
      rates.push(iterations / ((performance.now() - t0) / 1000));
    }
    return median(rates);
  };
  let sink = 0;
  const parseSerialize = time(() => {
    sink += textToBytes(serializeTransmission(parseTransmission(bytesToText(request)))).length;
  });
  const readAndAnswer = time(() => {
    const t = parseTransmission(bytesToText(request));
    const h = checkRequestHeader(t);
    if (!h.ok) throw new Error('bench request rejected');
    const c = readClaimRequest(t, h.value, t.groups[0]);
    if (!c.ok) throw new Error(`bench claim rejected: ${c.error.field}`);
    const out = newTransmission(responseHeader(t.header, 'A', 1, 'B1'), [], [claimGroup('R4200001', answer, rc)]);
    sink += textToBytes(serializeTransmission(out)).length;
  });
  if (sink === 0) throw new Error('unreachable');
  return { runs, iterations, bytes: request.length, parseSerialize, readAndAnswer };
}
