import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimRequest } from '../../src/claims/claim-types.js';
import { DEMO } from '../../src/demo/demo-data.js';
import { fieldValue, findSegment } from '../../src/ncpdp/telecom/segments.js';
import { trimmed } from '../../src/ncpdp/telecom/header.js';
import { writeBillingRequest, writeEligibilityRequest, writeReversalRequest } from '../../src/ncpdp/write-request.js';
import { missingMandatoryFields } from '../../src/ncpdp/telecom/response-rules.js';
import { ApiClient, expectProblem } from '../support/http.js';
import { readGroup, sendD0, type WireReply } from '../support/d0.js';
import { members, signIn, type MemberRow } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { TEST_TODAY } from '../support/constants.js';
import { toAscii } from '../../src/ncpdp/message-lines.js';

/**
 * The demo data set billed over the wire (POST /api/v1/ncpdp/telecom, the demo pharmacy's API
 * key), and the same claims through the JSON route on a second copy of the same database: one
 * pipeline, the same outcomes and amounts.
 */
let wire: TestApp;
let json: TestApp;
let jsonPharmacy: ApiClient;
const KEY = DEMO.pharmacies.retail.apiKey;
const NPI = DEMO.pharmacies.retail.npi;
const member: Record<string, MemberRow> = {};

beforeAll(async () => {
  // One after the other: two apps starting at once on a loaded machine can miss Fastify's plugin timeout.
  wire = await createTestApp();
  json = await createTestApp();
  jsonPharmacy = new ApiClient(json.app).withKey(KEY);
  for (const [k, id] of Object.entries({
    ihss: DEMO.members.ihss,
    ihss2: DEMO.members.byPlan.IHSS01[1],
    mediCal: DEMO.members.mediCalManagedCare,
    terminated: DEMO.members.terminated,
    commercial: DEMO.members.commercial,
  }))
    member[k] = (await members(wire, 'id = $1', [id]))[0];
  // A commercial member with no claims yet (no refill-too-soon from earlier fills).
  [member.fresh] = await members(
    wire,
    "plan_id = 'CACOM1' and termination_date is null and id not in (select member_id from claims where member_id is not null) and id <> $1",
    [DEMO.members.commercial],
  );
});
afterAll(async () => {
  await wire?.close();
  await json?.close();
});

function claim(m: MemberRow, over: Partial<ClaimRequest> = {}): ClaimRequest {
  return {
    bin: DEMO.processors.pbm.bin,
    pcn: DEMO.processors.pbm.pcn,
    groupId: null,
    cardholderId: m.id,
    patient: { dateOfBirth: m.date_of_birth },
    pharmacyNpi: NPI,
    prescriptionNumber: 'RX0',
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

async function bill(c: ClaimRequest | ClaimRequest[], rebill = false) {
  const r = await sendD0(wire, KEY, writeBillingRequest(Array.isArray(c) ? c : [c], { rebill }));
  expect(r.status).toBe(200);
  expect(missingMandatoryFields(r.d0!)).toEqual([]);
  return r;
}

/** Status, reject codes, authorization number and amounts: what must agree between D.0 and JSON. */
const outcomeOfWire = (r: WireReply, i = 0) => {
  const g = readGroup(r.d0!, i);
  return {
    status: g.status,
    rejects: g.rejects,
    authorizationNumber: g.authorizationNumber ?? null,
    pricing: g.pricing,
  };
};
const outcomeOfJson = (b: {
  transactionStatus: string;
  rejects: Array<{ code: string }>;
  authorizationNumber?: string | null;
  pricing?: { patientPay: string; ingredientCost: string; dispensingFee: string; planPay: string };
}) => ({
  status: b.transactionStatus,
  rejects: b.rejects.map((r) => r.code),
  authorizationNumber: b.authorizationNumber ?? null,
  pricing: b.pricing
    ? {
        patientPay: b.pricing.patientPay,
        ingredientCost: b.pricing.ingredientCost,
        dispensingFee: b.pricing.dispensingFee,
        planPay: b.pricing.planPay,
      }
    : undefined,
});

describe('B1 over the wire, and the same claim through JSON', () => {
  it('pays a covered generic: P with patient pay, ingredient cost, fee and total paid, equal to the JSON answer', async () => {
    const c = claim(member.ihss, { prescriptionNumber: 'W1001', groupId: 'IHSS01' });
    const r = await bill(c);
    const g = readGroup(r.d0!);
    expect(trimmed(r.d0!.header, 'headerResponseStatus')).toBe('A');
    expect(g.status).toBe('P');
    expect(g.helpDesk).toBe('5105550100');
    expect(g.claimId).toMatch(/^clm_/);
    const j = await jsonPharmacy.post('claims', c);
    expect(outcomeOfWire(r)).toEqual(outcomeOfJson(j.body));
    expect(g.message).toBe(toAscii(j.body.message)); // the same words, in D.0's ASCII
  });

  it('rejects Ozempic without PA: 75 with how to request PA (ePA, portal, fax, phone) in 526-FQ', async () => {
    const c = claim(member.ihss2, {
      prescriptionNumber: 'W1002',
      productId: DEMO.ndcs.semaglutidePenLow,
      quantityDispensed: 3,
      daysSupply: 28,
      submittedIngredientCost: '910.00',
      usualAndCustomaryCharge: '980.00',
    });
    const r = await bill(c);
    const g = readGroup(r.d0!);
    expect(g.status).toBe('R');
    expect(g.rejects).toEqual(['75']);
    expect(g.rejectCount).toBe('1');
    expect(g.message).toContain(
      'Prior auth from Bay Area Rx PBM for Poppy Health Plan: ePA, portal, fax 1-510-555-0101, phone 1-510-555-0102.',
    );
    // Covered alternatives as preferred products (552-AP 03 = NDC).
    const claimSeg = findSegment(g.segments, 'AM22');
    expect(fieldValue(claimSeg, 'D2')).toBe('W1002');
    const j = await jsonPharmacy.post('claims', c);
    expect(outcomeOfWire(r)).toEqual(outcomeOfJson(j.body));
  });

  it('sends a Medi-Cal managed-care member to Medi-Cal Rx: 41 with BIN 022659, PCN 6334225, group MediCalRx (526-FQ and AM28)', async () => {
    const c = claim(member.mediCal, { prescriptionNumber: 'W1003' });
    const r = await bill(c);
    const g = readGroup(r.d0!);
    expect(g.rejects).toEqual(['41']);
    expect(g.message).toContain('Bill Medi-Cal Rx: BIN 022659 PCN 6334225 Group MediCalRx Help desk 1-800-977-2273');
    const other = findSegment(g.segments, 'AM28');
    expect([
      fieldValue(other, '7C'),
      fieldValue(other, 'MH'),
      fieldValue(other, 'MJ'),
      fieldValue(other, 'UB'),
    ]).toEqual(['022659', '6334225', 'MediCalRx', '8009772273']);
    const j = await jsonPharmacy.post('claims', c);
    expect(outcomeOfWire(r)).toEqual(outcomeOfJson(j.body));

    const atMediCalRx = claim(member.mediCal, {
      prescriptionNumber: 'W1004',
      bin: '022659',
      pcn: '6334225',
      groupId: 'MediCalRx',
    });
    const paid = await bill(atMediCalRx);
    expect(readGroup(paid.d0!)).toMatchObject({ status: 'P', pricing: { patientPay: '0.00' } });
    expect(readGroup(paid.d0!).helpDesk).toBe('8009772273'); // Medi-Cal Rx's help desk answers at its BIN
    const jp = await jsonPharmacy.post('claims', atMediCalRx);
    expect(outcomeOfWire(paid)).toEqual(outcomeOfJson(jp.body));
  });

  it('answers a resubmission D with the original response (same claim, same amounts), and pays once', async () => {
    const c = claim(member.commercial, { prescriptionNumber: 'W1005' });
    const first = await bill(c);
    const again = await bill(c);
    expect(readGroup(first.d0!).status).toBe('P');
    expect(readGroup(again.d0!).status).toBe('D');
    expect(readGroup(again.d0!).claimId).toBe(readGroup(first.d0!).claimId);
    expect(readGroup(again.d0!).pricing).toEqual(readGroup(first.d0!).pricing);
    const paid = await wire.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from claims where pharmacy_npi = $1 and prescription_number = 'W1005' and transaction_status = 'P'`,
      [NPI],
    );
    expect(paid[0].n).toBe(1);
    await jsonPharmacy.post('claims', c);
    const j = await jsonPharmacy.post('claims', c);
    expect(outcomeOfWire(again)).toEqual(outcomeOfJson(j.body));
  });

  it('answers each of 4 claims in one transmission in its own response group, in order', async () => {
    const cs = [DEMO.ndcs.coveredGeneric, DEMO.ndcs.nonFormulary, DEMO.ndcs.semaglutidePenLow, DEMO.ndcs.metformin].map(
      (productId, i) => claim(member.fresh, { prescriptionNumber: `W20${i}`, productId }),
    );
    const r = await bill(cs);
    expect(trimmed(r.d0!.header, 'transactionCount')).toBe('4');
    expect(r.d0!.groups.map((_, i) => readGroup(r.d0!, i).status)).toEqual(['P', 'R', 'R', 'P']);
    expect(readGroup(r.d0!, 1).rejects).toEqual(['70']);
    expect(r.d0!.groups.map((g) => fieldValue(findSegment(g, 'AM22'), 'D2'))).toEqual(['W200', 'W201', 'W202', 'W203']);
    for (const [i, c] of cs.entries()) {
      const j = await jsonPharmacy.post('claims', c);
      expect(outcomeOfWire(r, i)).toEqual(outcomeOfJson(j.body));
    }
  });
});

describe('B2 and B3 over the wire', () => {
  it('reverses a paid claim (A), then answers a second reversal 87; JSON reversal agrees', async () => {
    const c = claim(member.ihss, { prescriptionNumber: 'W3001', productId: DEMO.ndcs.metformin });
    const paid = await bill(c);
    const claimId = readGroup(paid.d0!).claimId!;
    const r = await sendD0(wire, KEY, writeReversalRequest([c]));
    expect(missingMandatoryFields(r.d0!)).toEqual([]);
    expect(readGroup(r.d0!)).toMatchObject({ status: 'A', claimId });
    const again = await sendD0(wire, KEY, writeReversalRequest([c]));
    expect(readGroup(again.d0!)).toMatchObject({ status: 'R', rejects: ['87'] });
    const stored = await new ApiClient(wire.app).withKey(KEY).get(`claims/${claimId}`);
    expect(stored.body.reversed).toBe(true);

    const j = await jsonPharmacy.post('claims', c);
    const jr = await jsonPharmacy.post(`claims/${j.body.claimId}/reversal`);
    expect(jr.body.transactionStatus).toBe('A');
    const jr2 = await jsonPharmacy.post(`claims/${j.body.claimId}/reversal`);
    expect(jr2.body.rejects.map((x: { code: string }) => x.code)).toEqual(['87']);
  });

  it('rebills (B3): the paid claim is reversed and the corrected one paid in one transaction', async () => {
    const c = claim(member.ihss, { prescriptionNumber: 'W3002', productId: DEMO.ndcs.buprenorphineGeneric });
    const first = readGroup((await bill(c)).d0!);
    expect(first.status).toBe('P');
    const corrected = {
      ...c,
      quantityDispensed: 60,
      submittedIngredientCost: '50.00',
      usualAndCustomaryCharge: '80.00',
    };
    const r = await bill(corrected, true);
    expect(trimmed(r.d0!.header, 'transactionCode')).toBe('B3');
    const second = readGroup(r.d0!);
    expect(second.status).toBe('P');
    expect(second.claimId).not.toBe(first.claimId);
    const rows = await wire.ctx.database.query<{ id: string; reversed: boolean; quantity: string }>(
      `select id, reversed_at is not null as reversed, quantity::text from claims where prescription_number = 'W3002' order by received_at`,
    );
    expect(rows.map((x) => [x.reversed, Number(x.quantity)])).toEqual([
      [true, 30],
      [false, 60],
    ]);
    // JSON: reversal then billing, the same two use cases.
    const j1 = await jsonPharmacy.post('claims', c);
    await jsonPharmacy.post(`claims/${j1.body.claimId}/reversal`);
    const j2 = await jsonPharmacy.post('claims', corrected);
    expect(outcomeOfWire(r)).toEqual(outcomeOfJson(j2.body));
  });

  it('refuses a rebill of a claim that was never paid: 87, and bills nothing', async () => {
    const r = await bill(claim(member.ihss, { prescriptionNumber: 'W3999' }), true);
    expect(readGroup(r.d0!)).toMatchObject({ status: 'R', rejects: ['87'] });
    const n = await wire.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from claims where prescription_number = 'W3999'`,
    );
    expect(n[0].n).toBe(0);
  });
});

describe('E1 eligibility over the wire', () => {
  it('answers an active member A with the patient (AM29) and the plan (AM25)', async () => {
    const m = member.ihss;
    const r = await sendD0(wire, KEY, writeEligibilityRequest(claim(m)));
    expect(missingMandatoryFields(r.d0!)).toEqual([]);
    expect(readGroup(r.d0!).status).toBe('A');
    const patient = findSegment(r.d0!.segments, 'AM29');
    expect(fieldValue(patient, 'C4')).toBe(m.date_of_birth.replace(/-/g, ''));
    expect(fieldValue(patient, 'CB')).toBeTruthy();
    expect(fieldValue(findSegment(r.d0!.segments, 'AM25'), 'FO')).toBe('IHSS01');
  });

  it('answers a member terminated before the date of service R 65 with the end date', async () => {
    const r = await sendD0(wire, KEY, writeEligibilityRequest(claim(member.terminated)));
    expect(readGroup(r.d0!)).toMatchObject({ status: 'R', rejects: ['65'] });
    expect(readGroup(r.d0!).message).toContain(`ended on ${DEMO.eligibility.terminatedOn}`);
  });

  it('names the carve-out payer for a Medi-Cal managed-care member (AM28: Medi-Cal Rx BIN, PCN, group)', async () => {
    const r = await sendD0(wire, KEY, writeEligibilityRequest(claim(member.mediCal)));
    expect(readGroup(r.d0!).status).toBe('A');
    const other = findSegment(r.d0!.groups[0], 'AM28');
    expect([fieldValue(other, '7C'), fieldValue(other, 'MH'), fieldValue(other, 'MJ')]).toEqual([
      '022659',
      '6334225',
      'MediCalRx',
    ]);
  });

  it('answers an unknown cardholder R 52 without any patient data', async () => {
    const r = await sendD0(wire, KEY, writeEligibilityRequest(claim(member.ihss, { cardholderId: 'NOPE0000' })));
    expect(readGroup(r.d0!)).toMatchObject({ status: 'R', rejects: ['52'] });
    expect(findSegment(r.d0!.segments, 'AM29')).toBeUndefined();
  });
});

describe('the raw transmissions, kept with the claim', () => {
  it('shows the pharmacy the decoded request and response of its B1 and B2, in order; a JSON claim has none', async () => {
    const c = claim(member.commercial, { prescriptionNumber: 'W4001', productId: DEMO.ndcs.metformin });
    const claimId = readGroup((await bill(c)).d0!).claimId!;
    await sendD0(wire, KEY, writeReversalRequest([c]));
    const pharmacy = new ApiClient(wire.app).withKey(KEY);
    const r = await pharmacy.get(`claims/${claimId}/ncpdp`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((x: { transactionCode: string; status: string }) => [x.transactionCode, x.status])).toEqual(
      [
        ['B1', 'P'],
        ['B2', 'A'],
      ],
    );
    const request = r.body.items[0].request;
    const am07 = request.groups[0].find((s: { id: string }) => s.id === 'AM07');
    expect(am07.fields.find((f: { id: string }) => f.id === 'D2')).toMatchObject({
      element: '402-D2',
      name: 'Prescription/Service Reference Number',
      value: 'W4001',
    });
    const pricing = r.body.items[0].response.groups[0].find((s: { id: string }) => s.id === 'AM23');
    expect(pricing.fields.find((f: { id: string }) => f.id === 'F9').reading).toMatch(/^\d+\.\d{2}$/);

    const viaJson = await new ApiClient(wire.app).withKey(KEY).post('claims', { ...c, prescriptionNumber: 'W4002' });
    expect((await pharmacy.get(`claims/${viaJson.body.claimId}/ncpdp`)).body.items).toEqual([]);
  });

  it('keeps the bytes received and answered, byte for byte: a one-claim B1 (written in the claim’s own transaction), its resubmission (D), and every claim of a 4-claim transmission', async () => {
    const stored = (claimId: string) =>
      wire.ctx.database.query<{ status: string; group_index: number; request: Buffer; response: Buffer }>(
        'select status, group_index, request, response from ncpdp_exchanges where claim_id = $1 order by seq',
        [claimId],
      );
    // A member no other test bills, so the fill pays (and its resubmission is a duplicate).
    const [m] = await members(
      wire,
      "plan_id = 'CACOM1' and termination_date is null and id not in (select member_id from claims where member_id is not null) and id <> $1 and id <> $2",
      [DEMO.members.commercial, member.fresh.id],
    );
    const c = claim(m, { prescriptionNumber: 'W4010' });
    const sent = writeBillingRequest([c]);
    const first = await sendD0(wire, KEY, sent);
    const again = await sendD0(wire, KEY, sent);
    expect(readGroup(first.d0!).status).toBe('P');
    expect(readGroup(again.d0!).status).toBe('D');
    const claimId = readGroup(first.d0!).claimId!;
    const rows = await stored(claimId);
    expect(rows.map((r) => [r.status, r.group_index])).toEqual([
      ['P', 0],
      ['D', 0],
    ]);
    expect(Buffer.from(rows[0].request).equals(Buffer.from(sent))).toBe(true);
    expect(Buffer.from(rows[0].response).equals(Buffer.from(first.bytes))).toBe(true);
    expect(Buffer.from(rows[1].response).equals(Buffer.from(again.bytes))).toBe(true);

    const several = writeBillingRequest(
      [DEMO.ndcs.coveredGeneric, DEMO.ndcs.nonFormulary, DEMO.ndcs.semaglutidePenLow, DEMO.ndcs.metformin].map(
        (productId, i) => claim(member.ihss2, { prescriptionNumber: `W402${i}`, productId }),
      ),
    );
    const four = await sendD0(wire, KEY, several);
    const copies = await wire.ctx.database.query<{ status: string; group_index: number; response: Buffer }>(
      'select status, group_index, response from ncpdp_exchanges where request = $1 order by group_index',
      [Buffer.from(several)],
    );
    expect(copies.map((r) => [r.group_index, r.status])).toEqual(
      four.d0!.groups.map((_, i) => [i, readGroup(four.d0!, i).status]),
    );
    for (const r of copies) expect(Buffer.from(r.response).equals(Buffer.from(four.bytes))).toBe(true);
  });

  it('refuses another pharmacy and members (403), lets staff read it with an audit row, and 404s an unknown claim', async () => {
    const claimId = readGroup((await bill(claim(member.ihss2, { prescriptionNumber: 'W4003' }))).d0!).claimId!;
    const other = new ApiClient(wire.app).withKey(DEMO.pharmacies.retail2.apiKey);
    expectProblem(await other.get(`claims/${claimId}/ncpdp`), 403, 'FORBIDDEN');
    const m = await signIn(wire, 'member', { memberId: member.ihss2.id });
    expectProblem(await m.get(`claims/${claimId}/ncpdp`), 403, 'FORBIDDEN');
    const staff = await signIn(wire, 'member-services');
    expect((await staff.get(`claims/${claimId}/ncpdp`)).body.items).toHaveLength(1);
    const audit = await wire.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where entity_type = 'claim-ncpdp' and entity_id = $1`,
      [claimId],
    );
    expect(audit[0].n).toBe(1);
    expectProblem(await staff.get('claims/clm_nope/ncpdp'), 404, 'NOT_FOUND');
  });
});
