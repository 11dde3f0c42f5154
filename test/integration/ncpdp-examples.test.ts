import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { looksLikeBatch, parseBatch } from '../../src/ncpdp/telecom/batch.js';
import { trimmed } from '../../src/ncpdp/telecom/header.js';
import { missingMandatoryFields } from '../../src/ncpdp/telecom/response-rules.js';
import { bytesToText, textToBytes } from '../../src/ncpdp/telecom/separators.js';
import { parseTransmission, serializeTransmission } from '../../src/ncpdp/telecom/transmission.js';
import { isValidNpi } from '../../src/shared/npi.js';
import { pharmacyApiKey, readGroup, sendD0 } from '../support/d0.js';
import { hasSharedExamples, sharedExampleFiles } from '../support/shared-examples.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Conformance at the edge: every request in the public examples (../shared/examples/ncpdp, see
 * its MANIFEST), sent to POST /api/v1/ncpdp/telecom by a pharmacy whose NPI is the example's
 * service provider ID where that is a valid NPI. None of them is OpenPBM's member or processor,
 * so none may pay; each is answered with a response the codec reads back, that carries every
 * mandatory field, and that rejects it with the first field in error.
 */
let t: TestApp;
const keys = new Map<string, string>();

/** In CI missing example files fail the run; locally the conformance tests skip and say so. */
const hasExamples = hasSharedExamples('ncpdp');
const files = hasExamples ? sharedExampleFiles('ncpdp') : [];
interface Sent {
  name: string;
  bytes: Buffer;
  expect: { header: 'A' | 'R'; codes: string[] };
}
/** What each example request must be answered, and why. */
const EXPECTED: Record<string, Sent['expect']> = {
  // Dated 2018-02-07: past timely filing (a year), answered on the date of service.
  'REQUEST_B1.d0': { header: 'A', codes: ['15'] },
  // No such cardholder.
  'REQUEST_E1.d0': { header: 'A', codes: ['52'] },
  // No paid claim to reverse; the undefined segment AM96 is ignored.
  'claimDeserializer_test/REQUEST_B2_AM96.d0': { header: 'A', codes: ['87'] },
  // Service provider ID qualifier 05 (Medicaid ID): OpenPBM identifies pharmacies by NPI.
  ClaimBilling: { header: 'R', codes: ['B2'] },
  ClaimBillings: { header: 'R', codes: ['B2'] },
  // "4563663" / "4563663bbbbbbbb" is not an NPI.
  ClaimBillingMultiLoop: { header: 'R', codes: ['05'] },
  ClaimBillingAndResponse: { header: 'R', codes: ['05'] },
  // Corrupt on purpose: a batch file is not a real-time transmission at all.
  ClaimBillingCorruptG1: { header: 'R', codes: ['R8'] },
  ClaimBillingCorruptHeader: { header: 'R', codes: ['R8'] },
};

function requests(): Sent[] {
  return files.flatMap(({ name, bytes }) => {
    const e = EXPECTED[name];
    if (!e) return [];
    const text = bytesToText(bytes);
    if (name.includes('Corrupt')) return [{ name, bytes, expect: e }];
    if (!looksLikeBatch(text)) return [{ name, bytes, expect: e }];
    return parseBatch(text).records.flatMap((r, i) =>
      r.record.type === 'detail' && r.record.transmission.kind === 'request'
        ? [
            {
              name: `${name} record ${i + 1}`,
              bytes: textToBytes(serializeTransmission(r.record.transmission)),
              expect: e,
            },
          ]
        : [],
    );
  });
}
const all = requests();

beforeAll(async () => {
  t = await createTestApp();
  for (const s of all) {
    const npi = trimmed(parseTransmission(bytesToText(s.bytes)).header, 'serviceProviderId');
    if (isValidNpi(npi) && !keys.has(npi)) {
      keys.set(npi, await pharmacyApiKey(t, npi));
    }
  }
});
afterAll(() => t?.close());

describe.skipIf(!hasExamples)('the public D.0 example requests, answered by the edge', () => {
  it('covers every request the MANIFEST lists (3 files, 9 batch details, 2 corrupt batch files)', () => {
    expect(all).toHaveLength(14);
  });

  it.each(all.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const paid = async () =>
      (
        await t.ctx.database.query<{ n: number }>(
          `select count(*)::int as n from claims where transaction_status = 'P'`,
        )
      )[0].n;
    const before = await paid();
    const request = parseTransmission(bytesToText(s.bytes));
    const npi = trimmed(request.header, 'serviceProviderId');
    const r = await sendD0(t, keys.get(npi) ?? DEMO.pharmacies.retail.apiKey, s.bytes);
    expect(r.status).toBe(200);
    expect(missingMandatoryFields(r.d0!)).toEqual([]);
    expect(trimmed(r.d0!.header, 'headerResponseStatus')).toBe(s.expect.header);
    expect(r.d0!.groups.map((_, i) => readGroup(r.d0!, i).rejects[0])).toEqual(
      r.d0!.groups.map(() => s.expect.codes[0]),
    );
    if (request.kind === 'request') {
      expect(trimmed(r.d0!.header, 'transactionCode')).toBe(trimmed(request.header, 'transactionCode'));
      expect(trimmed(r.d0!.header, 'serviceProviderId')).toBe(npi);
    }
    expect(await paid()).toBe(before);
  });
});
