import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/platform/dates.js';
import { DEMO } from '../../src/demo/demo-data.js';
import { historyLookbackDays, historyScopeFor, LONG_SUPPLY_DAYS } from '../../src/claims/rules/history-scope.js';
import { loadClaimContext, pruneLongSupplies } from '../../src/claims/claims.repo.js';
import type { ApiClient } from '../support/http.js';
import { TEST_TODAY } from '../support/constants.js';
import { claimFor, importMembers, members, ndcsWhere, pharmacyWithKey, type MemberRow } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * History rules a user notices over several fills (docs/design.md#quantity-limits and #claims):
 * quantity limits count the whole rolling window, and an emergency supply is not continuing
 * therapy. The race test is meant for PostgreSQL (DATABASE_URL=postgres://…); on PGlite it runs
 * the same assertions on one connection.
 */
let t: TestApp;
let pharmacy: ApiClient;
let pharmacyNpi: string;
let prescriberNpi: string;
/** Sildenafil 25 mg on IHSS01: generic, no PA, 6 tablets per 30 days. */
const SIX_PER_30 = DEMO.ndcs.quantityLimited;

beforeAll(async () => {
  t = await createTestApp();
  pharmacyNpi = (
    await t.ctx.database.query<{ npi: string }>(
      "select npi from pharmacies where pharmacy_type = 'retail' order by npi limit 1",
    )
  )[0].npi;
  prescriberNpi = (await t.ctx.database.query<{ npi: string }>('select npi from prescribers order by npi limit 1'))[0]
    .npi;
  pharmacy = await pharmacyWithKey(t, pharmacyNpi);
});
afterAll(() => t?.close());

async function fresh(prefix: string, count = 1, planId = 'IHSS01'): Promise<MemberRow[]> {
  const ids = await importMembers(t, { planId, prefix, count });
  return members(t, 'id = any($1)', [ids]);
}

const codes = (r: { body: { rejects: Array<{ code: string }> } }) => r.body.rejects.map((x) => x.code);

/** Claims of one member for one drug: (date of service, quantity); the days' supply is `daysSupply`, or the quantity. */
const billing =
  (member: MemberRow, productId: string, daysSupply?: number) => (dateOfService: string, quantity: number) =>
    pharmacy.post(
      'claims',
      claimFor(member, pharmacyNpi, prescriberNpi, {
        productId,
        dateOfService,
        quantityDispensed: quantity,
        daysSupply: daysSupply ?? quantity,
      }),
    );

describe('quantity limits over the rolling window', () => {
  it('6 per 30 days: fills of 2 every 4 days pay three times, the fourth is 76 with what remains and when more pays', async () => {
    const [m] = await fresh('QLWIN1');
    const bill = (dateOfService: string, quantityDispensed: number) =>
      pharmacy.post(
        'claims',
        claimFor(m, pharmacyNpi, prescriberNpi, {
          productId: SIX_PER_30,
          dateOfService,
          quantityDispensed,
          daysSupply: 1,
        }),
      );
    for (const d of ['2026-10-10', '2026-10-14', '2026-10-18'])
      expect((await bill(d, 2)).body.transactionStatus, d).toBe('P');
    const fourth = await bill('2026-10-22', 2);
    expect(codes(fourth)).toEqual(['76']);
    expect(fourth.body.nextSteps.quantityLimit).toMatchObject({
      units: 6,
      days: 30,
      paidInWindow: 6,
      remaining: 0,
      payableOn: '2026-11-09',
    });
    expect(fourth.body.message).toContain('0 more can be paid now');
    expect(fourth.body.message).toContain('2026-11-09');
    // The day the first fill leaves the window, the same quantity pays.
    expect((await bill('2026-11-09', 2)).body.transactionStatus).toBe('P');
    // What remains pays, more does not: on 2026-11-13 every 30-day window holding it has 4 of 6 used.
    expect(codes(await bill('2026-11-13', 3))).toEqual(['76']);
    expect((await bill('2026-11-13', 2)).body.transactionStatus).toBe('P');
  });

  it('a reversed fill no longer uses up the window', async () => {
    const [m] = await fresh('QLWIN2');
    const first = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        productId: SIX_PER_30,
        dateOfService: '2026-11-10',
        quantityDispensed: 6,
        daysSupply: 1,
      }),
    );
    expect(first.body.transactionStatus).toBe('P');
    const next = claimFor(m, pharmacyNpi, prescriberNpi, {
      productId: SIX_PER_30,
      dateOfService: '2026-11-12',
      quantityDispensed: 6,
      daysSupply: 1,
    });
    expect(codes(await pharmacy.post('claims', next))).toEqual(['76']);
    expect((await pharmacy.post(`claims/${first.body.claimId}/reversal`)).body.transactionStatus).toBe('A');
    expect(
      (await pharmacy.post('claims', { ...next, prescriptionNumber: `${next.prescriptionNumber}b` })).body
        .transactionStatus,
    ).toBe('P');
  });

  it("an authorization's approved quantity is counted over its window too", async () => {
    const [m] = await fresh('QLAUTH');
    const [doac] = await ndcsWhere(t, 'IHSS01', (e) => !!e?.covered && !!e.priorAuthorization && e.newStartsOnly);
    await t.ctx.database.query(
      `insert into authorizations (id, number, member_id, group_id, effective_from, effective_to, max_units, per_days, created_at)
       values ($1, $1, $2, $3, '2026-01-01', '2026-12-31', 60, 30, now())`,
      [`aut_ql_${m.id}`, m.id, doac.groupId],
    );
    const bill = billing(m, doac.ndc, 10);
    expect((await bill('2026-11-01', 30)).body.transactionStatus).toBe('P');
    expect((await bill('2026-11-09', 30)).body.transactionStatus).toBe('P');
    const third = await bill('2026-11-17', 30);
    expect(codes(third)).toEqual(['76']);
    expect(third.body.nextSteps.quantityLimit).toMatchObject({
      units: 60,
      days: 30,
      remaining: 0,
      payableOn: '2026-12-01',
    });
  });

  it("an authorization's window longer than the months a claim reads still counts the fill at its start", async () => {
    const [m] = await fresh('QLAUTHLONG');
    const [doac] = await ndcsWhere(t, 'IHSS01', (e) => !!e?.covered && !!e.priorAuthorization && e.newStartsOnly);
    // 60 units per 300 days: the claim's own rules look back 180 days (new starts only), the authorization 300.
    await t.ctx.database.query(
      `insert into authorizations (id, number, member_id, group_id, effective_from, effective_to, max_units, per_days, created_at)
       values ($1, $1, $2, $3, '2026-01-01', '2026-12-31', 60, 300, now())`,
      [`aut_qll_${m.id}`, m.id, doac.groupId],
    );
    const bill = billing(m, doac.ndc, 10);
    expect((await bill('2026-02-01', 40)).body.transactionStatus).toBe('P');
    const late = await bill('2026-11-17', 30);
    expect(codes(late)).toEqual(['76']);
    expect(late.body.nextSteps.quantityLimit).toMatchObject({ units: 60, days: 300, paidInWindow: 40, remaining: 20 });
  });

  it('20 fills of 1 tablet on 20 days sent at once, 5 members: exactly 6 pay for each, the rest are 76', async () => {
    const ms = await fresh('QLRACE', 5);
    for (const m of ms) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          pharmacy.post(
            'claims',
            claimFor(m, pharmacyNpi, prescriberNpi, {
              productId: SIX_PER_30,
              dateOfService: addDays(TEST_TODAY, -i),
              quantityDispensed: 1,
              daysSupply: 1,
            }),
          ),
        ),
      );
      const paid = answers.filter((a) => a.body.transactionStatus === 'P');
      expect(paid, `member ${m.id}`).toHaveLength(6);
      for (const a of answers.filter((x) => x.body.transactionStatus !== 'P')) expect(codes(a)).toEqual(['76']);
    }
  });
});

describe('an emergency supply is not continuing therapy', () => {
  it('after a 72-hour emergency fill of a new-starts-only PA drug, the next regular fill still needs PA (75)', async () => {
    const [m] = await fresh('EMERG1', 1, 'MCRX-FFS');
    const [doac] = await ndcsWhere(t, 'MCRX-FFS', (e) => !!e?.covered && !!e.priorAuthorization && e.newStartsOnly);
    const mediCalRx = { bin: '022659', pcn: '6334225', groupId: 'MediCalRx', productId: doac.ndc };
    const emergency = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        ...mediCalRx,
        dateOfService: '2026-11-10',
        quantityDispensed: 6,
        daysSupply: 3,
        emergencySupply: true,
      }),
    );
    expect(emergency.body.transactionStatus).toBe('P');
    expect(emergency.body.emergencySupply).toBe(true);
    const regular = await pharmacy.post(
      'claims',
      claimFor(m, pharmacyNpi, prescriberNpi, {
        ...mediCalRx,
        dateOfService: '2026-11-13',
        quantityDispensed: 60,
        daysSupply: 30,
      }),
    );
    expect(codes(regular)).toEqual(['75']);
    expect(regular.body.nextSteps.priorAuthorization.required).toBe(true);
  });
});

describe('a claim reads only the months its rules look at, and a long supply before them', () => {
  const free = (e: Parameters<Parameters<typeof ndcsWhere>[2]>[0]) =>
    !!e?.covered && !e.priorAuthorization && !e.stepTherapy && !e.quantityLimit && !e.newStartsOnly;

  it('a 300-day fill 150 days back, older than the 90 days read, still makes the refill too soon (79)', async () => {
    const [m] = await fresh('LONGSUP1');
    const ref = await t.ctx.reference.get();
    // A drug no plan limits, steps or keeps for new starts: its claims read 90 days of fills.
    const plain = (await ndcsWhere(t, 'IHSS01', free)).find(
      (x) => historyLookbackDays(ref, x.ndc, 30) === LONG_SUPPLY_DAYS,
    )!;
    expect(plain).toBeDefined();
    const bill = billing(m, plain.ndc);
    expect((await bill(addDays(TEST_TODAY, -200), 300)).body.transactionStatus).toBe('P');
    const refill = await bill(addDays(TEST_TODAY, -50), 30);
    expect(codes(refill)).toEqual(['79']);
    expect(refill.body.nextSteps.previousFill).toMatchObject({
      dateOfService: addDays(TEST_TODAY, -200),
      daysSupply: 300,
    });
    // A 60-day fill 150 days back is used up: the refill pays, as it did reading the whole year.
    const [other] = await fresh('LONGSUP2');
    const billOther = billing(other, plain.ndc);
    expect((await billOther(addDays(TEST_TODAY, -200), 60)).body.transactionStatus).toBe('P');
    expect((await billOther(addDays(TEST_TODAY, -50), 30)).body.transactionStatus).toBe('P');

    // A long supply that ran out before the date of service cannot make it too soon, so it asks
    // for no second, whole-year read; one still lasting does.
    const [ranOut] = await fresh('LONGSUP3');
    const billRanOut = billing(ranOut, plain.ndc);
    expect((await billRanOut(addDays(TEST_TODAY, -200), 100)).body.transactionStatus).toBe('P');
    const narrowRead = (memberId: string) =>
      loadClaimContext(t.ctx.database, {
        memberId,
        pharmacyNpi,
        prescriptionNumber: 'CTX-ONLY',
        fillNumber: 0,
        dateOfService: TEST_TODAY,
        historySince: addDays(TEST_TODAY, -LONG_SUPPLY_DAYS),
        longSupplySince: addDays(TEST_TODAY, -365),
        history: historyScopeFor(ref, plain.ndc),
        newestDate: addDays(TEST_TODAY, 2),
      });
    expect((await narrowRead(ranOut.id)).longSupplyBefore).toBe(false);
    expect((await narrowRead(m.id)).longSupplyBefore).toBe(true);
    expect((await billRanOut(TEST_TODAY, 30)).body.transactionStatus).toBe('P');
  });

  it('long supplies older than any claim can ask about are pruned; the rest stay', async () => {
    const [m] = await fresh('LONGSUP4');
    const row = (claimId: string, dateOfService: string) =>
      t.ctx.database.query(
        `insert into claim_long_supplies (member_id, date_of_service, claim_id, days_supply) values ($1, $2, $3, 180)`,
        [m.id, dateOfService, claimId],
      );
    await row('OLD-1', addDays(TEST_TODAY, -800));
    await row('KEPT-1', addDays(TEST_TODAY, -700));
    expect(await pruneLongSupplies(t.ctx.database.db, TEST_TODAY)).toBeGreaterThanOrEqual(1);
    const left = await t.ctx.database.query<{ claim_id: string }>(
      'select claim_id from claim_long_supplies where member_id = $1 order by claim_id',
      [m.id],
    );
    expect(left.map((r) => r.claim_id)).toEqual(['KEPT-1']);
    expect(await pruneLongSupplies(t.ctx.database.db, TEST_TODAY)).toBe(0);
  });
});
