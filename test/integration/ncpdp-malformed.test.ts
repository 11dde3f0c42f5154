import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimRequest } from '../../src/claims/claim-types.js';
import { DEMO } from '../../src/demo/demo-data.js';
import { trimmed } from '../../src/ncpdp/telecom/header.js';
import { missingMandatoryFields } from '../../src/ncpdp/telecom/response-rules.js';
import { bytesToText } from '../../src/ncpdp/telecom/separators.js';
import { parseTransmission } from '../../src/ncpdp/telecom/transmission.js';
import { checkRequestHeader, readClaimRequest } from '../../src/ncpdp/read-request.js';
import { writeBillingRequest } from '../../src/ncpdp/write-request.js';
import { TEST_TODAY } from '../support/constants.js';
import { readGroup, sendD0 } from '../support/d0.js';
import { expectProblem } from '../support/http.js';
import { members, signIn, type MemberRow } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Malformed D.0 input never throws, never answers 500 and never pays. */
let t: TestApp;
let m: MemberRow;
const KEY = DEMO.pharmacies.retail.apiKey;
const NPI = DEMO.pharmacies.retail.npi;
const FS = '\x1c';
const SS = '\x1e';

const paidClaims = async () =>
  (await t.ctx.database.query<{ n: number }>(`select count(*)::int as n from claims where transaction_status = 'P'`))[0]
    .n;
const allClaims = async () => (await t.ctx.database.query<{ n: number }>('select count(*)::int as n from claims'))[0].n;

function claim(over: Partial<ClaimRequest> = {}): ClaimRequest {
  return {
    bin: '610011',
    pcn: 'BAYRX',
    groupId: 'IHSS01',
    cardholderId: m.id,
    patient: { dateOfBirth: m.date_of_birth },
    pharmacyNpi: NPI,
    prescriptionNumber: 'M0001',
    fillNumber: 0,
    dateOfService: TEST_TODAY,
    productId: DEMO.ndcs.coveredGeneric,
    quantityDispensed: 30,
    daysSupply: 30,
    prescriberNpi: DEMO.prescribers.primaryCare,
    submittedIngredientCost: '25.00',
    usualAndCustomaryCharge: '40.00',
    ...over,
  };
}

/** A valid B1 as text, for edits that break one thing. */
const validText = (over: Partial<ClaimRequest> = {}) => writeBillingRequest([claim(over)]).toString('latin1');
const setHeader = (text: string, at: number, value: string) =>
  text.slice(0, at) + value + text.slice(at + value.length);
const dropField = (text: string, id: string) => text.replace(new RegExp(`${FS}${id}[^\\x1c\\x1d\\x1e\\x03]*`), '');
const setField = (text: string, id: string, value: string) =>
  text.replace(new RegExp(`${FS}${id}[^\\x1c\\x1d\\x1e\\x03]*`), `${FS}${id}${value}`);

beforeAll(async () => {
  t = await createTestApp();
  [m] = await members(t, 'id = $1', [DEMO.members.ihss]);
});
afterAll(() => t?.close());

describe('transport errors are problem+json, like every route', () => {
  it('refuses a transmission without credentials: 401', async () => {
    expectProblem(await asReply(sendD0(t, null, validText())), 401, 'UNAUTHENTICATED');
  });

  it('refuses a signed-in member: 403 (the pharmacy role only, like POST /claims)', async () => {
    const member = await signIn(t, 'member', { memberId: m.id });
    const r = await member.request('POST', 'ncpdp/telecom', Buffer.from(validText(), 'latin1'), {
      'content-type': 'application/octet-stream',
    });
    expectProblem(r, 403, 'FORBIDDEN');
  });

  it.each([['application/json'], ['text/plain'], ['application/x-d0']])(
    'refuses Content-Type %s: 415, nothing adjudicated',
    async (type) => {
      const before = await allClaims();
      const body = type === 'application/json' ? JSON.stringify({ d0: validText() }) : validText();
      expectProblem(await asReply(sendD0(t, KEY, body, type)), 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(await allClaims()).toBe(before);
    },
  );

  it('refuses a body over 64 KiB: 413', async () => {
    expectProblem(await asReply(sendD0(t, KEY, Buffer.alloc(65 * 1024, 0x41))), 413, 'PAYLOAD_TOO_LARGE');
  });
});

describe('a field in error: the header echoed, the first field in error answered, nothing stored', () => {
  const cases: Array<{ name: string; make: () => string; code: string; headerStatus: 'R' | 'A' }> = [
    {
      name: 'BIN not numeric (101-A1)',
      make: () => setHeader(validText(), 0, 'ABCDEF'),
      code: '01',
      headerStatus: 'R',
    },
    { name: 'version 51 (102-A2)', make: () => setHeader(validText(), 6, '51'), code: '1R', headerStatus: 'R' },
    { name: 'transaction P1 (103-A3)', make: () => setHeader(validText(), 8, 'P1'), code: '1S', headerStatus: 'R' },
    { name: 'count 5 (109-A9)', make: () => setHeader(validText(), 20, '5'), code: 'A9', headerStatus: 'R' },
    { name: 'count 2 for one claim', make: () => setHeader(validText(), 20, '2'), code: '1U', headerStatus: 'R' },
    {
      name: 'provider qualifier 07 (202-B2)',
      make: () => setHeader(validText(), 21, '07'),
      code: 'B2',
      headerStatus: 'R',
    },
    {
      name: 'provider NPI with a bad check digit (201-B1)',
      make: () => setHeader(validText(), 23, '1234567890'),
      code: '05',
      headerStatus: 'R',
    },
    {
      name: 'another pharmacy’s NPI',
      make: () => setHeader(validText(), 23, DEMO.pharmacies.retail2.npi),
      code: '50',
      headerStatus: 'R',
    },
    {
      name: 'date of service 2026-13-99 (401-D1)',
      make: () => setHeader(validText(), 38, '20261399'),
      code: '15',
      headerStatus: 'R',
    },
    { name: 'no cardholder ID (302-C2)', make: () => dropField(validText(), 'C2'), code: '07', headerStatus: 'A' },
    {
      name: 'date of birth 19990230 (304-C4)',
      make: () => setField(validText(), 'C4', '19990230'),
      code: '09',
      headerStatus: 'A',
    },
    {
      name: 'prescription number with a space (402-D2)',
      make: () => setField(validText(), 'D2', 'RX 1'),
      code: '16',
      headerStatus: 'A',
    },
    { name: 'fill number X (403-D3)', make: () => setField(validText(), 'D3', 'X'), code: '17', headerStatus: 'A' },
    {
      name: 'NDC of 10 digits (407-D7)',
      make: () => setField(validText(), 'D7', '1234567890'),
      code: '21',
      headerStatus: 'A',
    },
    {
      name: 'product qualifier 01 (436-E1)',
      make: () => setField(validText(), 'E1', '01'),
      code: 'E1',
      headerStatus: 'A',
    },
    {
      name: 'quantity zero (442-E7)',
      make: () => setField(validText(), 'E7', '0000000000'),
      code: 'E7',
      headerStatus: 'A',
    },
    { name: 'days supply 0 (405-D5)', make: () => setField(validText(), 'D5', '0'), code: '19', headerStatus: 'A' },
    { name: 'DAW code AB (408-D8)', make: () => setField(validText(), 'D8', 'AB'), code: '22', headerStatus: 'A' },
    {
      name: 'prescriber NPI with a bad check digit (411-DB)',
      make: () => setField(validText(), 'DB', '1234567890'),
      code: '25',
      headerStatus: 'A',
    },
    {
      name: 'a compound (406-D6 = 2)',
      make: () => validText().replace(`${FS}D7`, `${FS}D62${FS}D7`),
      code: '20',
      headerStatus: 'A',
    },
    {
      name: 'other coverage billed (308-C8 = 2): no coordination of benefits',
      make: () => validText().replace(`${FS}D7`, `${FS}C82${FS}D7`),
      code: '13',
      headerStatus: 'A',
    },
    {
      name: 'no claim segment',
      make: () => validText().replace(new RegExp(`${SS}${FS}AM07[^${SS}]*`), ''),
      code: 'PC',
      headerStatus: 'A',
    },
    {
      name: 'ingredient cost not overpunched (409-D9)',
      make: () => setField(validText(), 'D9', '2500'),
      code: '23',
      headerStatus: 'A',
    },
    {
      name: 'no usual and customary charge (426-DQ)',
      make: () => dropField(validText(), 'DQ'),
      code: 'DQ',
      headerStatus: 'A',
    },
  ];

  it.each(cases)('$name → $code', async ({ make, code, headerStatus }) => {
    const before = await allClaims();
    const r = await sendD0(t, KEY, Buffer.from(make(), 'latin1'));
    expect(r.status).toBe(200);
    expect(missingMandatoryFields(r.d0!)).toEqual([]);
    expect(trimmed(r.d0!.header, 'headerResponseStatus')).toBe(headerStatus);
    const g = readGroup(r.d0!);
    expect(g.status).toBe('R');
    expect(g.rejects).toEqual([code]);
    expect(g.message.length).toBeGreaterThan(10);
    if (code !== '01' && code !== '1R') expect(trimmed(r.d0!.header, 'dateOfService')).toMatch(/^\d{8}$/);
    expect(await allClaims()).toBe(before);
  });

  it('echoes the header of a rejected transmission: transaction code, provider ID and date of service', async () => {
    const r = await sendD0(t, KEY, Buffer.from(setHeader(validText(), 20, '2'), 'latin1'));
    expect(trimmed(r.d0!.header, 'transactionCode')).toBe('B1');
    expect(trimmed(r.d0!.header, 'serviceProviderId')).toBe(NPI);
    expect(trimmed(r.d0!.header, 'dateOfService')).toBe(TEST_TODAY.replace(/-/g, ''));
  });

  it('answers input too corrupt to echo with a transmission-level rejection (R8) and a blank echo', async () => {
    const r = await sendD0(t, KEY, Buffer.from([0xff, 0x00, 0x41, 0x1e, 0x1c, 0x1d]));
    expect(r.status).toBe(200);
    expect(missingMandatoryFields(r.d0!)).toEqual([]);
    expect(trimmed(r.d0!.header, 'headerResponseStatus')).toBe('R');
    expect(trimmed(r.d0!.header, 'serviceProviderId')).toBe('');
    expect(readGroup(r.d0!).rejects).toEqual(['R8']);
  });

  it('answers an empty body with a transmission-level rejection', async () => {
    const r = await sendD0(t, KEY, Buffer.alloc(0));
    expect(r.status).toBe(200);
    expect(readGroup(r.d0!).rejects).toEqual(['R8']);
  });
});

describe('fuzz (fast-check): no exception, no 500, never a payment for malformed input', () => {
  it('answers random bytes with a conforming rejection and pays nothing', async () => {
    const before = await paidClaims();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const r = await sendD0(t, KEY, Buffer.from(bytes));
        expect(r.status).toBe(200);
        expect(missingMandatoryFields(r.d0!)).toEqual([]);
        expect(r.d0!.groups.every((_, i) => readGroup(r.d0!, i).status === 'R')).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect(await paidClaims()).toBe(before);
  });

  it('answers truncated and corrupted real transmissions; whatever pays was well formed, and is counted', async () => {
    let n = 0;
    const real = () => validText({ prescriptionNumber: `F${++n}`, productId: DEMO.ndcs.metformin });
    // A byte that is not D.0 text: a control byte (separators included) or one above 0x7E.
    const bad = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0xff }));
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), bad), { maxLength: 4 }),
        async (cutAt, flips) => {
          const text = real();
          const chars = text.slice(0, Math.floor(cutAt * text.length)).split('');
          for (const [at, b] of flips) if (chars.length) chars[Math.floor(at * chars.length)] = String.fromCharCode(b);
          const sent = chars.join('');
          const paidBefore = await paidClaims();
          const r = await sendD0(t, KEY, Buffer.from(sent, 'latin1'));
          expect(r.status).toBe(200);
          expect(missingMandatoryFields(r.d0!)).toEqual([]);
          const statuses = r.d0!.groups.map((_, i) => readGroup(r.d0!, i).status);
          const paidNow = await paidClaims();
          expect(paidNow - paidBefore).toBe(statuses.filter((s) => s === 'P').length);
          if (statuses.some((s) => s === 'P' || s === 'D')) {
            // Paid: then every field OpenPBM reads was well formed (a flip landed in bytes it ignores).
            const parsed = parseTransmission(bytesToText(Buffer.from(sent, 'latin1')));
            const header = checkRequestHeader(parsed);
            expect(header.ok).toBe(true);
            if (header.ok) expect(readClaimRequest(parsed, header.value, parsed.groups[0]).ok).toBe(true);
          }
        },
      ),
      { numRuns: 250 },
    );
  });
});

async function asReply(p: ReturnType<typeof sendD0>) {
  const r = await p;
  return { status: r.status, headers: { 'content-type': r.contentType }, body: JSON.parse(r.bytes.toString('utf8')) };
}
