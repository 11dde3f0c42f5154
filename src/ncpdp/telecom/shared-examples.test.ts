import { describe, expect, it } from 'vitest';
import { sharedExampleFiles } from '../../../test/support/shared-examples.js';
import { looksLikeBatch, parseBatch, serializeBatch, type BatchFile } from './batch.js';
import { decodeOverpunch } from './overpunch.js';
import { fieldValue, fieldValues, findSegment } from './segments.js';
import { bytesToText } from './separators.js';
import { parseTransmission, serializeTransmission, type Transmission } from './transmission.js';
import { trimmed } from './header.js';
import { missingMandatoryFields } from './response-rules.js';

/**
 * Conformance evidence: public D.0 examples that nobody on this project wrote
 * (../shared/examples/ncpdp, listed with their sources in ../shared/examples/MANIFEST.md).
 */
const files = sharedExampleFiles('ncpdp');
const text = (name: string) => bytesToText(files.find((f) => f.name === name)!.bytes);

/** How the MANIFEST describes each file. */
const KINDS: Record<string, 'request' | 'response' | 'request-batch' | 'mixed-batch' | 'corrupt-batch'> = {
  'REQUEST_B1.d0': 'request',
  'REQUEST_E1.d0': 'request',
  'claimDeserializer_test/REQUEST_B2_AM96.d0': 'request',
  'RESPONSE_PAID.d0': 'response',
  'RESPONSE_REJECTED.d0': 'response',
  'RESPONSE_REJECTED_BATCH.d0': 'response',
  'claimDeserializer_test/RESPONSE_B1.d0': 'response',
  'claimDeserializer_test/RESPONSE_B2.d0': 'response',
  'claimDeserializer_test/RESPONSE_B3.d0': 'response',
  'claimDeserializer_test/RESPONSE_E1.d0': 'response',
  'claimDeserializer_test/RESPONSE_S2.d0': 'response',
  ClaimBilling: 'request-batch',
  ClaimBillingMultiLoop: 'request-batch',
  ClaimBillings: 'request-batch',
  ClaimBillingAndResponse: 'mixed-batch',
  ClaimBillingCorruptG1: 'corrupt-batch',
  ClaimBillingCorruptHeader: 'corrupt-batch',
};

const details = (b: BatchFile) =>
  b.records.flatMap((r) => (r.record.type === 'detail' ? [r.record.transmission] : ([] as Transmission[])));

describe('the public D.0 examples in ../shared/examples/ncpdp', () => {
  it('holds exactly the files the MANIFEST lists, each classified here', () => {
    expect(files.map((f) => f.name).sort()).toEqual(Object.keys(KINDS).sort());
  });

  describe.each(Object.entries(KINDS).filter(([, k]) => k === 'request' || k === 'response'))('%s', (name, kind) => {
    it(`parses as a ${kind} and serializes to the same bytes`, () => {
      const t = parseTransmission(text(name));
      expect(t.kind).toBe(kind);
      expect(t.header.complete).toBe(true);
      expect(serializeTransmission(t)).toBe(text(name));
    });
  });

  describe.each(Object.entries(KINDS).filter(([, k]) => k.endsWith('batch')))('%s', (name, kind) => {
    it('is a batch file that serializes to the same bytes', () => {
      expect(looksLikeBatch(text(name))).toBe(true);
      expect(serializeBatch(parseBatch(text(name)))).toBe(text(name));
    });
    if (kind !== 'corrupt-batch')
      it('has well-formed batch records, and every detail is a D.0 transmission with a complete header', () => {
        const b = parseBatch(text(name));
        expect(b.issues.filter((i) => /batch|record type|trailer/.test(i.message))).toEqual([]);
        for (const t of details(b)) {
          expect(t.kind).not.toBe('unknown');
          expect(t.header.complete).toBe(true);
        }
      });
  });

  it('every response carries the mandatory fields for its status, except the rejected claims without codes', () => {
    const responses = files.flatMap((f) => {
      const t = text(f.name);
      const all = looksLikeBatch(t) ? details(parseBatch(t)) : [parseTransmission(t)];
      return all
        .filter((x) => x.kind === 'response')
        .map((x) => ({ name: f.name, problems: missingMandatoryFields(x) }));
    });
    expect(responses).toHaveLength(17); // 8 files + the 9 answers in ClaimBillingAndResponse
    expect(responses.filter((r) => r.problems.length)).toEqual([
      {
        name: 'RESPONSE_REJECTED_BATCH.d0',
        problems: [1, 2, 3, 4].flatMap((g) => [
          `group ${g}: 511-FB: 0 reject codes (1 to 5)`,
          `group ${g}: 510-FA does not count the 511-FB codes`,
        ]),
      },
    ]);
  });

  it('REQUEST_B1: reads the claim: Rx 6000001, NDC 00172240780, quantity 1.000, 30 days, PA number in 462-EV of AM07', () => {
    const t = parseTransmission(text('REQUEST_B1.d0'));
    expect(trimmed(t.header, 'bin')).toBe('880151');
    expect(trimmed(t.header, 'transactionCode')).toBe('B1');
    const claim = findSegment(t.groups[0], 'AM07');
    expect([
      fieldValue(claim, 'D2'),
      fieldValue(claim, 'D7'),
      fieldValue(claim, 'E7'),
      fieldValue(claim, 'D5'),
    ]).toEqual(['6000001', '00172240780', '0000001000', '30']);
    expect(fieldValue(claim, 'EV')).toBe('PANUM');
    expect(decodeOverpunch(fieldValue(findSegment(t.groups[0], 'AM11'), 'DQ')!)).toBe(834);
  });

  it('REQUEST_B2_AM96: keeps the undefined segment AM96 with its duplicate fields, without an ETX', () => {
    const t = parseTransmission(text('claimDeserializer_test/REQUEST_B2_AM96.d0'));
    expect(t.etx).toBe(false);
    const am96 = findSegment(t.groups[0], 'AM96')!;
    expect(fieldValues(am96, 'AA')).toEqual(['1', '2']);
    expect(fieldValues(am96, 'AE')).toEqual(['33', '34']);
  });

  it('RESPONSE_PAID: total paid 75.43 = ingredient cost + dispensing fee + other amount paid − patient pay', () => {
    const t = parseTransmission(text('RESPONSE_PAID.d0'));
    expect(fieldValue(findSegment(t.groups[0], 'AM21'), 'AN')).toBe('P');
    const p = findSegment(t.groups[0], 'AM23');
    const amount = (id: string) => decodeOverpunch(fieldValue(p, id)!)!;
    expect(amount('F9')).toBe(7543);
    expect(amount('F6') + amount('F7') + amount('J4') - amount('F5')).toBe(amount('F9'));
  });

  it('RESPONSE_REJECTED: five reject codes in order and two additional messages', () => {
    const status = findSegment(parseTransmission(text('RESPONSE_REJECTED.d0')).groups[0], 'AM21');
    expect(fieldValue(status, 'FA')).toBe('5');
    expect(fieldValues(status, 'FB')).toEqual(['7X', '06', '07', 'ZZ', '372']);
    expect(fieldValues(status, 'FQ')).toHaveLength(2);
  });

  it('RESPONSE_REJECTED_BATCH: four response groups, each rejected (without any reject code)', () => {
    const t = parseTransmission(text('RESPONSE_REJECTED_BATCH.d0'));
    expect(trimmed(t.header, 'transactionCount')).toBe('4');
    expect(t.groups.map((g) => fieldValue(findSegment(g, 'AM21'), 'AN'))).toEqual(['R', 'R', 'R', 'R']);
    expect(t.groups.every((g) => fieldValues(findSegment(g, 'AM21'), 'FB').length === 0)).toBe(true);
  });

  it('RESPONSE_B3: a rejected header (1S) with a message continued over three 526-FQ lines', () => {
    const t = parseTransmission(text('claimDeserializer_test/RESPONSE_B3.d0'));
    expect(trimmed(t.header, 'headerResponseStatus')).toBe('R');
    const status = findSegment(t.groups[0], 'AM21');
    expect(fieldValues(status, 'FB')).toEqual(['1S']);
    expect(fieldValues(status, 'FQ').join('')).toBe(
      'RTR-GATEWAY: TRANSACTION CODE (103-A3) IS INVALID. SUBMIT CLAIM AND REVERSAL SEPARATELY',
    );
  });

  it('RESPONSE_E1: the other payer (AM28) and the patient (AM29) as the processor has them', () => {
    const t = parseTransmission(text('claimDeserializer_test/RESPONSE_E1.d0'));
    expect(fieldValue(findSegment(t.segments, 'AM29'), 'C4')).toBe('19570507');
    expect(fieldValue(findSegment(t.groups[0], 'AM28'), '7C')).toBe('610097');
  });

  it('ClaimBillingAndResponse: 4 requests answered by 9 responses; the ">" and "b" stand-ins are kept as data', () => {
    const b = parseBatch(text('ClaimBillingAndResponse'));
    const all = details(b);
    expect(all.filter((t) => t.kind === 'request')).toHaveLength(4);
    const responses = all.filter((t) => t.kind === 'response');
    expect(responses).toHaveLength(9);
    expect(responses.map((t) => fieldValue(findSegment(t.groups[0], 'AM21'), 'AN')).join('')).toBe('PCPRRPRPR');
    expect(fieldValue(findSegment(all[1].groups[0], 'AM07'), 'DJ')).toBe('1>1C>EX4689');
    expect(trimmed(all[0].header, 'serviceProviderId')).toBe('4563663bbbbbbbb');
    // One response amount is written without overpunch: read as "not an amount", not guessed.
    const notOverpunched = responses.flatMap((t) => t.groups.flatMap((g) => fieldValues(findSegment(g, 'AM22'), 'AS')));
    expect(notOverpunched.map(decodeOverpunch)).toEqual([null]);
  });

  it('ClaimBillingMultiLoop: one transmission carries four claim groups though its header counts 1', () => {
    const [t] = details(parseBatch(text('ClaimBillingMultiLoop')));
    expect(trimmed(t.header, 'transactionCount')).toBe('1');
    expect(t.groups).toHaveLength(4);
  });

  it('ClaimBillings: reports the second detail, whose AM05 lost its segment separator', () => {
    const b = parseBatch(text('ClaimBillings'));
    expect(b.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^record 3: segment AM03 holds a field "AM05"/),
    ]);
  });

  it('ClaimBillingCorruptG1 (corrupt on purpose): reports the detail record whose "G1" lost its G', () => {
    expect(parseBatch(text('ClaimBillingCorruptG1')).issues.map((i) => i.message)).toContain(
      'record 2: unknown batch record type "10" (00, G1 or 99)',
    );
  });

  it('ClaimBillingCorruptHeader (corrupt on purpose): reports the 74-byte batch header', () => {
    expect(parseBatch(text('ClaimBillingCorruptHeader')).issues.map((i) => i.message)).toEqual([
      'record 1: the batch header has 74 bytes; it has 73',
    ]);
  });
});

describe('without ../shared', () => {
  it('fails with where the files come from instead of skipping', async () => {
    const { sharedExamplesDir } = await import('../../../test/support/shared-examples.js');
    expect(() => sharedExamplesDir('no-such-folder')).toThrow(/MANIFEST\.md.*EdiFabric\/NCPDP\.NET/s);
  });
});
