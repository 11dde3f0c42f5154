import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import type { ApiClient } from '../support/http.js';
import { expectProblem } from '../support/http.js';
import {
  claimFor,
  firstNpi,
  members,
  ndcsWhere,
  pharmacyWithKey,
  signIn,
  type MemberRow,
} from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let pharmacy: ApiClient;
let pharmacyNpi: string;
let prescriberNpi: string;
let ihss: MemberRow[];

const countClaims = async () =>
  Number((await t.ctx.database.query<{ n: number }>('select count(*)::int as n from claims'))[0].n);

beforeAll(async () => {
  t = await createTestApp();
  pharmacyNpi = await firstNpi(t, 'pharmacies', "pharmacy_type = 'retail'");
  prescriberNpi = await firstNpi(t, 'prescribers');
  pharmacy = await pharmacyWithKey(t, pharmacyNpi);
  ihss = await members(t, "plan_id = 'IHSS01' and termination_date is null");
});
afterAll(() => t?.close());

describe('point-of-sale adjudication through the HTTP API (docs/design.md#claims)', () => {
  it('pays a covered generic with the tier copay, and the member sees it', async () => {
    const [generic] = await ndcsWhere(
      t,
      'IHSS01',
      (e, c) =>
        !!e?.covered &&
        e.tier === 'generic' &&
        !e.priorAuthorization &&
        !e.stepTherapy &&
        !e.quantityLimit &&
        e.minAge === null &&
        c.generic,
    );
    const m = ihss[0];
    const r = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        productId: generic.ndc,
        groupId: 'IHSS01',
        submittedIngredientCost: '90.00',
        usualAndCustomaryCharge: '120.00',
      }),
    );
    expect(r.status).toBe(200);
    expect(r.body.transactionStatus).toBe('P');
    const plan = (await t.ctx.reference.get()).plans.get('IHSS01')!;
    expect(r.body.pricing.patientPay).toBe(Number(plan.policy.costSharing.tiers.generic.retail!.copay).toFixed(2));
    expect(Number(r.body.pricing.planPay)).toBeCloseTo(
      90 + Number(plan.policy.costSharing.dispensingFee) - Number(r.body.pricing.patientPay),
      2,
    );
    const member = await signIn(t, 'member', { memberId: m.id });
    const history = await member.get('claims');
    expect(history.body.items.map((c: { claimId: string }) => c.claimId)).toContain(r.body.claimId);
  });

  it('rejects a PA drug with 75 and says who handles PA and how', async () => {
    const [pa] = await ndcsWhere(t, 'IHSS01', (e) => !!e?.covered && e.priorAuthorization);
    const r = await pharmacy.post(
      'claims',
      claimFor(ihss[1], pharmacyNpi, prescriberNpi, { productId: pa.ndc, quantityDispensed: 1, daysSupply: 28 }),
    );
    expect(r.body.transactionStatus).toBe('R');
    expect(r.body.rejects[0].code).toBe('75');
    expect(r.body.nextSteps.priorAuthorization).toMatchObject({
      required: true,
      howToRequest: expect.arrayContaining(['epa', 'fax']),
    });
    expect(r.body.nextSteps.priorAuthorization.processorName).toBeTruthy();
    expect(r.body.message).toMatch(/prior authorization/i);
  });

  it('sends a Medi-Cal managed-care claim at the plan BIN to Medi-Cal Rx (41), and pays it there with $0 copay', async () => {
    const [m] = await members(t, "plan_id = 'MCAL-MC' and termination_date is null");
    const [generic] = await ndcsWhere(
      t,
      'MCRX-FFS',
      (e, c) =>
        !!e?.covered && !e.priorAuthorization && !e.stepTherapy && !e.quantityLimit && e.minAge === null && c.generic,
    );
    const atPlan = await pharmacy.post('claims', claimFor(m, pharmacyNpi, prescriberNpi, { productId: generic.ndc }));
    expect(atPlan.body.rejects.map((x: { code: string }) => x.code)).toEqual(['41']);
    expect(atPlan.body.nextSteps.otherProcessor).toMatchObject({
      name: 'Medi-Cal Rx',
      bin: '022659',
      pcn: '6334225',
      groupId: 'MediCalRx',
    });
    const atMediCalRx = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        productId: generic.ndc,
        bin: '022659',
        pcn: '6334225',
        groupId: 'MediCalRx',
      }),
    );
    expect(atMediCalRx.body.transactionStatus).toBe('P');
    expect(atMediCalRx.body.pricing.patientPay).toBe('0.00');
  });

  it('rejects a non-formulary drug with 70 and covered alternatives with tier and estimated pay', async () => {
    // Zestril (brand lisinopril) is excluded; its generic is covered.
    const r = await pharmacy.post(
      'claims',
      claimFor(ihss[2], pharmacyNpi, prescriberNpi, { productId: DEMO.ndcs.nonFormulary }),
    );
    expect(r.body.rejects[0].code).toBe('70');
    const alt = r.body.nextSteps.alternatives[0];
    expect(alt).toMatchObject({
      name: expect.stringContaining('lisinopril'),
      tier: 'generic',
      priorAuthorizationRequired: false,
    });
    expect(alt.estimatedPatientPay).toMatch(/^\d+\.\d{2}$/);
  });

  it('rejects a quantity over the limit with 76 and the limit', async () => {
    const [ql] = await ndcsWhere(
      t,
      'IHSS01',
      (e) => !!e?.covered && !!e.quantityLimit && !e.priorAuthorization && !e.stepTherapy && e.minAge === null,
    );
    const ref = await t.ctx.reference.get();
    const limit =
      ref.formularies.get('IHSS01')!.byGroup.get(ql.groupId)?.quantityLimit ??
      ref.formularies.get('IHSS01')!.byRxcui.get(ql.rxcui)!.quantityLimit!;
    const r = await pharmacy.post(
      'claims',
      claimFor(ihss[3], pharmacyNpi, prescriberNpi, {
        productId: ql.ndc,
        quantityDispensed: limit.units + 1,
        daysSupply: limit.days,
      }),
    );
    expect(r.body.rejects.map((x: { code: string }) => x.code)).toEqual(['76']);
    expect(r.body.nextSteps.quantityLimit).toMatchObject({ units: limit.units, days: limit.days });
  });

  it('rejects an early refill with 79, returns D for a resubmission with the same amounts, and voids on reversal', async () => {
    const [generic] = await ndcsWhere(
      t,
      'IHSS01',
      (e, c) =>
        !!e?.covered && !e.priorAuthorization && !e.stepTherapy && !e.quantityLimit && e.minAge === null && c.generic,
    );
    const m = ihss[4];
    const first = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        productId: generic.ndc,
        dateOfService: '2026-11-01',
        prescriptionNumber: 'RX-REFILL-1',
      }),
    );
    expect(first.body.transactionStatus).toBe('P');
    const again = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        productId: generic.ndc,
        dateOfService: '2026-11-01',
        prescriptionNumber: 'RX-REFILL-1',
      }),
    );
    expect(again.body.transactionStatus).toBe('D');
    expect(again.body.claimId).toBe(first.body.claimId);
    expect(again.body.pricing).toEqual(first.body.pricing);
    const early = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        productId: generic.ndc,
        dateOfService: '2026-11-15',
        prescriptionNumber: 'RX-REFILL-1',
        fillNumber: 1,
      }),
    );
    expect(early.body.rejects.map((x: { code: string }) => x.code)).toEqual(['79']);
    expect(early.body.nextSteps.refillAllowedOn).toBe('2026-11-24');

    const reversal = await pharmacy.post(`claims/${first.body.claimId}/reversal`);
    expect(reversal.body).toMatchObject({ claimId: first.body.claimId, transactionStatus: 'A' });
    const twice = await pharmacy.post(`claims/${first.body.claimId}/reversal`);
    expect(twice.body).toMatchObject({ transactionStatus: 'R', rejects: [{ code: '87' }] });
    // With the fill voided the refill is no longer too soon, and the original can be billed anew.
    const now = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        productId: generic.ndc,
        dateOfService: '2026-11-15',
        prescriptionNumber: 'RX-REFILL-1',
        fillNumber: 1,
      }),
    );
    expect(now.body.transactionStatus).toBe('P');
  });

  it('never pays twice for concurrent identical submissions', async () => {
    const [generic] = await ndcsWhere(
      t,
      'IHSS01',
      (e, c) =>
        !!e?.covered && !e.priorAuthorization && !e.stepTherapy && !e.quantityLimit && e.minAge === null && c.generic,
    );
    const body = claimFor(ihss[5], pharmacyNpi, prescriberNpi, {
      productId: generic.ndc,
      prescriptionNumber: 'RX-RACE',
    });
    const replies = await Promise.all(Array.from({ length: 6 }, () => pharmacy.post('claims', body)));
    const statuses = replies.map((r) => r.body.transactionStatus).sort();
    expect(statuses.filter((s) => s === 'P')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'D')).toHaveLength(5);
    const paid = await t.ctx.database.query<{ n: number }>(
      "select count(*)::int as n from claims where prescription_number = 'RX-RACE' and transaction_status = 'P'",
    );
    expect(paid[0].n).toBe(1);
  });

  it('a paid twin under another member, committed while the claim is being written: the claim is its duplicate (D), paid once', async (ctx) => {
    // Needs a second connection beside the server's: PostgreSQL only.
    if (t.ctx.database.kind !== 'postgres' || !t.ctx.database.url) return ctx.skip();
    const [generic] = await ndcsWhere(
      t,
      'IHSS01',
      (e, c) =>
        !!e?.covered && !e.priorAuthorization && !e.stepTherapy && !e.quantityLimit && e.minAge === null && c.generic,
    );
    const original = await pharmacy.post(
      'claims',
      claimFor(ihss[7], pharmacyNpi, prescriberNpi, { productId: generic.ndc, prescriptionNumber: 'RX-TWIN-0' }),
    );
    expect(original.body.transactionStatus).toBe('P');
    // The twin: the same pharmacy + Rx + fill + date of service (the key names no member), written by
    // another transaction that has not committed when the claim reads its context.
    const other = new pg.Client({ connectionString: t.ctx.database.url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query(
        "create temp table twin on commit drop as select * from claims where prescription_number = 'RX-TWIN-0'",
      );
      await other.query("update twin set id = 'twin-' || id, prescription_number = 'RX-TWIN'");
      await other.query('insert into claims select * from twin');
      const reply = pharmacy.post(
        'claims',
        claimFor(ihss[6], pharmacyNpi, prescriberNpi, { productId: generic.ndc, prescriptionNumber: 'RX-TWIN' }),
      );
      // The claim's insert waits on the unique index for the twin's transaction.
      let waited = false;
      for (let i = 0; i < 400 && !waited; i++) {
        const waiting = await t.ctx.database.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
        );
        waited = waiting[0].n > 0;
        if (!waited) await new Promise((r) => setTimeout(r, 25));
      }
      await other.query('commit');
      expect(waited).toBe(true);
      const r = await reply;
      expect(r.status).toBe(200);
      expect(r.body.transactionStatus).toBe('D');
      expect(r.body.claimId).toBe(original.body.claimId); // the twin's answer (a copy of the original's)
    } finally {
      await other.end();
    }
    const paid = await t.ctx.database.query<{ n: number; members: string[] }>(
      "select count(*)::int as n, array_agg(member_id) as members from claims where prescription_number = 'RX-TWIN' and transaction_status = 'P'",
    );
    expect(paid[0]).toEqual({ n: 1, members: [ihss[7].id] });
  });

  it('pays a step-therapy drug once history shows the prerequisite', async () => {
    const ref = await t.ctx.reference.get();
    const stepEntry = [...ref.formularies.values()]
      .flatMap((f) => f.entries)
      .find(
        (e) => e.covered && e.stepTherapy && !e.priorAuthorization && e.stepTherapy.prerequisites.ingredients?.length,
      );
    expect(stepEntry, 'the demo formulary has a step-therapy drug without PA').toBeTruthy();
    const planId = stepEntry!.planId;
    const [m] = await members(t, 'plan_id = $1 and termination_date is null', [planId]);
    const plan = ref.plans.get(planId)!;
    const proc = ref.processors.get(plan.processorId)!;
    const over = { bin: proc.bin, pcn: proc.pcn, groupId: plan.groupId };
    const [stepDrug] = await ndcsWhere(t, planId, (e) => e === stepEntry);
    const [prereq] = await ndcsWhere(
      t,
      planId,
      (e, c) =>
        !!e?.covered &&
        !e.priorAuthorization &&
        !e.quantityLimit &&
        stepEntry!.stepTherapy!.prerequisites.ingredients!.includes(c.ingredient),
    );
    const before = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, { ...over, productId: stepDrug.ndc, quantityDispensed: 1 }),
    );
    expect(before.body.rejects.map((x: { code: string }) => x.code)).toEqual(['75', '608']);
    const first = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, { ...over, productId: prereq.ndc, dateOfService: '2026-08-01' }),
    );
    expect(first.body.transactionStatus).toBe('P');
    const after = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, { ...over, productId: stepDrug.ndc, quantityDispensed: 1 }),
    );
    expect(after.body.transactionStatus).toBe('P');
  });

  it('rejects an ineligible (terminated) member with 65', async () => {
    const [gone] = await members(t, 'termination_date is not null and termination_date < $1', ['2026-11-20']);
    const [generic] = await ndcsWhere(t, gone.plan_id, (e) => !!e?.covered && !e.priorAuthorization);
    const r = await pharmacy.post(
      'claims',
      claimFor(gone, pharmacyNpi, prescriberNpi, { productId: generic?.ndc ?? '76282041901' }),
    );
    expect(r.body.rejects.map((x: { code: string }) => x.code)).toEqual(['65']);
  });
});

describe('who may see and do what', () => {
  it("a member cannot read another member's claims", async () => {
    const member = await signIn(t, 'member', { memberId: ihss[0].id });
    expectProblem(await member.get(`claims?memberId=${ihss[1].id}`), 403, 'FORBIDDEN');
  });
  it('no credentials → 401; a bad token → 401', async () => {
    const { ApiClient } = await import('../support/http.js');
    expectProblem(await new ApiClient(t.app).get('claims'), 401, 'UNAUTHENTICATED');
    expectProblem(await new ApiClient(t.app, 'opbm_not-a-key').get('claims'), 401, 'UNAUTHENTICATED');
  });
  it("a pharmacy cannot bill under another pharmacy's NPI, and a member cannot submit claims", async () => {
    const other = await firstNpi(t, 'pharmacies', `npi <> '${pharmacyNpi}'`);
    const before = await countClaims();
    expectProblem(
      await pharmacy.post('claims', claimFor(ihss[0], other, prescriberNpi, { productId: '76282041901' })),
      403,
      'FORBIDDEN',
    );
    const member = await signIn(t, 'member', { memberId: ihss[0].id });
    expectProblem(
      await member.post('claims', claimFor(ihss[0], pharmacyNpi, prescriberNpi, { productId: '76282041901' })),
      403,
      'FORBIDDEN',
    );
    expect(await countClaims()).toBe(before);
  });
  it("member services can read a member's claims, and the read is audited", async () => {
    const ms = await signIn(t, 'member-services');
    const r = await ms.get(`claims?memberId=${ihss[0].id}`);
    expect(r.status).toBe(200);
    const audit = await t.ctx.database.query(
      "select * from audit_events where action = 'phi.read' and entity_id = $1",
      [ihss[0].id],
    );
    expect(audit.length).toBeGreaterThan(0);
  });
});

describe('bad input gets a clear error naming the field and changes nothing', () => {
  const cases: Array<[string, (b: Record<string, unknown>) => unknown, number, string, string]> = [
    ['NDC not 11 digits', (b) => ({ ...b, productId: '1234' }), 400, 'VALIDATION_FAILED', 'productId'],
    [
      'missing cardholder id',
      (b) => {
        const { cardholderId: _x, ...rest } = b;
        return rest;
      },
      400,
      'VALIDATION_FAILED',
      'cardholderId',
    ],
    ['quantity as text', (b) => ({ ...b, quantityDispensed: 'thirty' }), 400, 'VALIDATION_FAILED', 'quantityDispensed'],
    [
      'prescriber NPI with a bad check digit',
      (b) => ({ ...b, prescriberNpi: '1234567890' }),
      400,
      'VALIDATION_FAILED',
      'prescriberNpi',
    ],
    [
      'date of service in the future',
      (b) => ({ ...b, dateOfService: '2027-06-01' }),
      400,
      'VALIDATION_FAILED',
      'dateOfService',
    ],
    [
      'date of service that does not exist',
      (b) => ({ ...b, dateOfService: '2026-02-30' }),
      400,
      'VALIDATION_FAILED',
      'dateOfService',
    ],
    [
      'date of birth after the date of service',
      (b) => ({ ...b, patient: { dateOfBirth: '2030-01-01' } }),
      400,
      'VALIDATION_FAILED',
      'patient.dateOfBirth',
    ],
    ['unknown field', (b) => ({ ...b, surprise: true }), 400, 'VALIDATION_FAILED', 'surprise'],
    [
      'money with three decimals',
      (b) => ({ ...b, submittedIngredientCost: '1.234' }),
      400,
      'VALIDATION_FAILED',
      'submittedIngredientCost',
    ],
  ];
  it.each(cases)('%s', async (_name, mutate, status, code, field) => {
    const before = await countClaims();
    const body = mutate(claimFor(ihss[0], pharmacyNpi, prescriberNpi, { productId: '76282041901' }));
    const problem = expectProblem(await pharmacy.post('claims', body), status, code);
    expect(problem.errors.map((e) => e.path).join(' ')).toContain(field);
    expect(await countClaims()).toBe(before);
  });

  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    expectProblem(
      await pharmacy.post('claims', '{"bin": "610011",', { 'content-type': 'application/json' }),
      400,
      'MALFORMED_JSON',
    );
  });
  it('a body over 1 MB → 413', async () => {
    const huge = JSON.stringify({
      ...claimFor(ihss[0], pharmacyNpi, prescriberNpi),
      productId: '76282041901',
      padding: 'x'.repeat(1_100_000),
    });
    expectProblem(
      await pharmacy.post('claims', huge, { 'content-type': 'application/json' }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
  });
  it('an unknown claim id → 404 on read and reversal', async () => {
    expectProblem(await pharmacy.post('claims/clm_nope/reversal'), 404, 'NOT_FOUND');
    expectProblem(await pharmacy.get('claims/clm_nope'), 404, 'NOT_FOUND');
  });
});
