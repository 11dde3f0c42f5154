import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glp1Answers } from '../support/fhir.js';
import type { ApiClient, Reply } from '../support/http.js';
import { firstNpi, importMembers, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// docs/design.md#errors: bench:pa on PostgreSQL once answered 500 to POST /pa-requests/{id}/submit with
// 16 submissions in flight. Races only show with more than one connection, so this runs on
// PostgreSQL (DATABASE_URL; CI always sets it): PGlite has one connection and would serialize them.
const onPostgres = Boolean(process.env.DATABASE_URL);
const OZEMPIC = '00169413211';
const CASES = 200;
const IN_FLIGHT = 16;
const meets = glp1Answers({ a1c: 8.4, contraindication: 'eGFR 25' });

let t: TestApp;
let prescriber: ApiClient;
let prescriberNpi: string;

beforeAll(async () => {
  // As many connections as requests in flight, like the server's pool under bench:pa.
  t = await createTestApp({ poolSize: IN_FLIGHT });
  prescriberNpi = await firstNpi(t, 'prescribers', "fax is not null and fax <> ''");
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi });
});
afterAll(() => t?.close());

/** Runs `work` over the items with at most `width` in flight (a closed loop, as the benchmark does). */
async function inFlight<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]);
      }
    }),
  );
  return results;
}

describe.runIf(onPostgres)('submitting auto-approvable requests concurrently (PostgreSQL)', () => {
  it(`${CASES} complete requests submitted ${IN_FLIGHT} at a time: ${CASES} approvals, ${CASES} distinct authorization numbers, no 500`, async () => {
    const memberIds = await importMembers(t, { planId: 'CACOM1', prefix: 'K', count: CASES });
    const created = await inFlight(memberIds, IN_FLIGHT, async (memberId) => {
      const r = await prescriber.post('pa-requests', {
        memberId,
        prescriberNpi,
        productId: OZEMPIC,
        quantity: 3,
        daysSupply: 28,
        urgency: 'standard',
        channel: 'portal',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    });

    const replies: Reply[] = await inFlight(created, IN_FLIGHT, (id) =>
      prescriber.post(`pa-requests/${id}/submit`, { answers: meets }),
    );
    const byStatus = new Map<number, number>();
    for (const r of replies) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    const failures = replies.filter((r) => r.status !== 200).map((r) => `${r.status} ${JSON.stringify(r.body)}`);
    expect(failures, failures.slice(0, 3).join('\n')).toEqual([]);
    expect(Object.fromEntries(byStatus)).toEqual({ 200: CASES });
    expect(replies.map((r) => r.body.status)).toEqual(created.map(() => 'approved'));

    // The database agrees: one decision, one authorization and its renewal reminder per case.
    const [counts] = await t.ctx.database.query<{ decided: number; auths: number; numbers: number; reminders: number }>(
      `select (select count(*)::int from pa_requests where id = any($1) and status = 'approved') as decided,
              (select count(*)::int from authorizations where pa_request_id = any($1)) as auths,
              (select count(distinct number)::int from authorizations where pa_request_id = any($1)) as numbers,
              (select count(*)::int from deadlines d join authorizations a on a.number = d.entity_id
                where d.kind = 'pa-renewal-reminder' and a.pa_request_id = any($1)) as reminders`,
      [created],
    );
    expect(counts).toEqual({ decided: CASES, auths: CASES, numbers: CASES, reminders: CASES });
  });

  it('the same request submitted 20 times at once is decided once: one 200, the others 409 with a code', async () => {
    const [memberId] = await importMembers(t, { planId: 'CACOM1', prefix: 'KT', count: 1 });
    const c = await prescriber.post('pa-requests', {
      memberId,
      prescriberNpi,
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    expect(c.status).toBe(201);
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => prescriber.post(`pa-requests/${c.body.id}/submit`, { answers: meets })),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    const losers = replies.filter((r) => r.status !== 200);
    expect(losers).toHaveLength(19);
    for (const r of losers) {
      expect(r.status).toBe(409);
      expect(['CONFLICT', 'INVALID_STATE', 'CONCURRENT_CHANGE']).toContain(r.body.code);
    }
    const [n] = await t.ctx.database.query<{ auths: number }>(
      'select count(*)::int as auths from authorizations where pa_request_id = $1',
      [c.body.id],
    );
    expect(n.auths).toBe(1);
  });
});
