import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimRequest } from '../../src/claims/claim-types.js';
import { writeBillingRequest } from '../../src/ncpdp/write-request.js';
import { pharmacyApiKey, readGroup, sendD0 } from '../support/d0.js';
import type { ApiClient } from '../support/http.js';
import {
  claimFor,
  importMembers,
  members,
  unrestrictedGenerics,
  pharmacyWithKey,
  type MemberRow,
} from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Per-member serialization (docs/design.md#serialization), proven where it matters: on
 * PostgreSQL with a connection pool, claims for one member arrive at once. (On PGlite the single
 * connection serializes them anyway; the same assertions hold.) Run with
 * DATABASE_URL=postgres://postgres@127.0.0.1:5432/test.
 */
let t: TestApp;
let pharmacyA: ApiClient;
let pharmacyBKey: string;
let npiA: string;
let npiB: string;
let prescriberNpi: string;
let ndcs: string[];

const ROUNDS = 10;
const PER_ROUND = 24;

beforeAll(async () => {
  t = await createTestApp();
  const npis = await t.ctx.database.query<{ npi: string }>(
    "select npi from pharmacies where pharmacy_type = 'retail' order by npi limit 2",
  );
  [npiA, npiB] = npis.map((r) => r.npi);
  prescriberNpi = (await t.ctx.database.query<{ npi: string }>('select npi from prescribers order by npi limit 1'))[0]
    .npi;
  pharmacyA = await pharmacyWithKey(t, npiA);
  pharmacyBKey = await pharmacyApiKey(t, npiB);
  // A covered generic with nothing but refill-too-soon between it and payment; every NDC of its
  // drug-form group (strengths differ, the SCDF is the same).
  const free = await unrestrictedGenerics(t, 'IHSS01');
  const group = free[0].groupId;
  ndcs = free.filter((x) => x.groupId === group).map((x) => x.ndc);
});
afterAll(() => t?.close());

/** One claim over the wire (D.0 B1) from pharmacy B: status and reject codes. */
async function billD0(claim: ClaimRequest): Promise<{ status: string; rejects: string[] }> {
  const r = await sendD0(t, pharmacyBKey, writeBillingRequest([claim]));
  expect(r.status).toBe(200);
  const g = readGroup(r.d0!);
  return { status: g.status ?? '?', rejects: g.rejects };
}

describe('claims for one member are decided one at a time (no double payment)', () => {
  it(`${PER_ROUND} simultaneous fills of one drug-form group from two pharmacies (JSON and D.0), ${ROUNDS} rounds: exactly one pays, the rest are 79`, async () => {
    const ids = await importMembers(t, { planId: 'IHSS01', prefix: 'RACE9A', count: ROUNDS });
    const rows = await members(t, 'id = any($1)', [ids]);
    for (const [round, m] of rows.entries()) {
      const claims = Array.from({ length: PER_ROUND }, (_, i) =>
        claimFor(m as MemberRow, i % 2 ? npiB : npiA, prescriberNpi, {
          productId: ndcs[i % ndcs.length],
          prescriptionNumber: `R9${round}-${i}`,
        }),
      ) as unknown as ClaimRequest[];
      const answers = await Promise.all(
        claims.map(async (c, i) => {
          if (i % 2) return billD0(c);
          const r = await pharmacyA.post('claims', c);
          expect(r.status).toBe(200);
          return {
            status: r.body.transactionStatus as string,
            rejects: r.body.rejects.map((x: { code: string }) => x.code),
          };
        }),
      );
      const paid = answers.filter((a) => a.status === 'P');
      const rejected = answers.filter((a) => a.status === 'R');
      expect(paid, `round ${round}: paid answers`).toHaveLength(1);
      expect(rejected).toHaveLength(PER_ROUND - 1);
      for (const a of rejected) expect(a.rejects).toEqual(['79']);
      const stored = await t.ctx.database.query<{ n: number }>(
        "select count(*)::int as n from claims where member_id = $1 and transaction_status = 'P' and reversed_at is null",
        [m.id],
      );
      expect(stored[0].n, `round ${round}: paid claims stored`).toBe(1);
    }
  });
});
