import { createServer } from 'node:net';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pharmacyApiKey } from '../support/d0.js';
import { claimFor, firstNpi, importMembers, members, unrestrictedGenerics } from '../support/scenario.js';
import { startServerProcesses, type ServerProcesses } from '../support/server-processes.js';
import { TEST_CLOCK_START, TEST_TODAY } from '../support/constants.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Durability under a crash (docs/design.md#time): the real server on
 * PostgreSQL is killed with SIGKILL (no shutdown hook runs) in the middle of a claim load, then
 * started again on the same address. The clients behave as a pharmacy switch does: a claim whose
 * answer never came (refused, reset) is sent again, the same claim (pharmacy, Rx number, fill, date
 * of service), until it is answered. A claim committed before the crash answers its resend as a
 * duplicate (`D`) of the original; one that was not committed pays on the resend; none pays twice.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

const TOTAL = 300;
const CLIENTS = 12;

/** A port free now, so the restarted server listens where the clients keep sending. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

const cents = (money: string | null | undefined) => Math.round(Number(money ?? 0) * 100);

describe.skipIf(!onPostgres)('SIGKILL of the server under a claim load with resends (PostgreSQL)', () => {
  let t: TestApp;
  let server: ServerProcesses | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ poolSize: 4 });
    env = {
      DATABASE_URL: t.ctx.database.url!,
      PORT: String(await freePort()),
      JOBS: 'off',
      CLOCK: 'manual',
      CLOCK_START: TEST_CLOCK_START,
      DEMO_DATA: 'false',
      TOKEN_TTL_SECONDS: String(400 * 86_400),
      DATABASE_POOL_SIZE: '8',
    };
    server = await startServerProcesses(env);
  }, 200_000);
  afterAll(async () => {
    await server?.stop();
    await t?.close();
  });

  it('every claim is answered in the end, each is stored and paid exactly once, and resends of stored claims answer D with the original', async () => {
    const npi = await firstNpi(t, 'pharmacies', "pharmacy_type = 'retail'");
    const apiKey = await pharmacyApiKey(t, npi);
    const prescriberNpi = await firstNpi(t, 'prescribers');
    // A covered generic with no edits, so every first answer is a payment.
    const productId = (await unrestrictedGenerics(t, 'IHSS01'))[0].ndc;
    const ids = await importMembers(t, { planId: 'IHSS01', prefix: 'KILL9', count: TOTAL });
    const rows = await members(t, 'id = any($1)', [ids]);
    const claims = rows.map((m, i) =>
      claimFor(m, npi, prescriberNpi, { productId, prescriptionNumber: `KILL9-${i}`, dateOfService: TEST_TODAY }),
    );

    interface Answer {
      claimId: string;
      transactionStatus: string;
      pricing?: { planPay: string; patientPay: string };
    }
    const first = new Map<string, Answer>(); // Rx number → the first answer received
    const answers: Array<{ rx: string; status: number; body: Answer }> = [];
    const diedBeforeAnswer: string[] = []; // Rx numbers whose request failed on the connection
    let resends = 0;
    let refusedWhileDown = 0;
    let killedAfter = -1;
    let down = false;
    const victim = server!.pid;

    const pool = new Pool(server!.url, { connections: CLIENTS });
    /** Sends one claim until an HTTP answer comes back; connection failures are resent after a pause. */
    async function sendUntilAnswered(i: number): Promise<void> {
      const rx = claims[i].prescriptionNumber;
      for (let attempt = 0; ; attempt++) {
        if (attempt > 0) resends++;
        try {
          const r = await pool.request({
            path: '/api/v1/claims',
            method: 'POST',
            headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
            body: JSON.stringify(claims[i]),
          });
          const body = (await r.body.json()) as Answer;
          answers.push({ rx, status: r.statusCode, body });
          if (r.statusCode === 200 && !first.has(rx)) first.set(rx, body);
          // The crash, at a third of the load, with the other clients' claims in flight.
          if (killedAfter < 0 && first.size >= TOTAL / 3) {
            killedAfter = first.size;
            down = true;
            process.kill(victim, 'SIGKILL');
          }
          return; // any HTTP answer ends the resends; every one must be 200 (asserted below)
        } catch (err) {
          if (!down) throw err; // a connection failure while the server runs is a failure
          if (attempt === 0) diedBeforeAnswer.push(rx);
          refusedWhileDown++;
          await new Promise((r) => setTimeout(r, 200)); // a switch's pause before resending
        }
      }
    }

    let next = 0;
    const load = Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < TOTAL; i = next++) await sendUntilAnswered(i);
      }),
    );
    // Restart on the same address once the killed process is gone (the clients keep resending).
    while (!down) await new Promise((r) => setTimeout(r, 20));
    await server!.stop(); // already dead: resolves with its exit
    server = await startServerProcesses(env);
    down = false;
    await load;
    await pool.close();

    expect(killedAfter).toBeGreaterThan(0);
    expect(server.pid).not.toBe(victim);
    // Every claim answered, every answer 200 (no 5xx: the only failures were on the connection).
    expect(first.size).toBe(TOTAL);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    // The first answer of each claim is its payment, or, for a claim whose answer the crash took,
    // possibly D: it was committed, and the resend answers with the original (checked below).
    const lostAnswer = new Set(diedBeforeAnswer);
    const notPaid = [...first].filter(
      ([rx, a]) => a.transactionStatus !== (lostAnswer.has(rx) && a.transactionStatus === 'D' ? 'D' : 'P'),
    );
    expect(notPaid).toEqual([]);

    // Resends after the restart of every claim acknowledged before the crash: committed before it
    // was answered, so each is still there and answers D with the original claim id and pricing.
    const beforeCrash = [...first.keys()].slice(0, killedAfter);
    const byRx = new Map(claims.map((c) => [c.prescriptionNumber, c]));
    const replay = new Pool(server.url, { connections: CLIENTS });
    const replayed = await Promise.all(
      beforeCrash.map(async (rx) => {
        const r = await replay.request({
          path: '/api/v1/claims',
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(byRx.get(rx)),
        });
        return { rx, status: r.statusCode, body: (await r.body.json()) as Answer };
      }),
    );
    await replay.close();
    for (const a of replayed) {
      expect(a.status, a.rx).toBe(200);
      expect(a.body, a.rx).toMatchObject({
        transactionStatus: 'D',
        claimId: first.get(a.rx)!.claimId,
        pricing: first.get(a.rx)!.pricing,
      });
    }
    // Duplicates answered during the load (a claim committed, its answer lost to the crash): the original.
    const duplicates = answers.filter((a) => a.body.transactionStatus === 'D');
    for (const d of duplicates) expect(lostAnswer.has(d.rx), d.rx).toBe(true);

    // The database: each (pharmacy, Rx, fill) exactly once, paid, and it is the acknowledged claim.
    const stored = await t.ctx.database.query<{
      id: string;
      prescription_number: string;
      fill_number: number;
      transaction_status: string;
      plan_pay: string;
    }>(
      `select id, prescription_number, fill_number, transaction_status, plan_pay::text
         from claims where pharmacy_npi = $1 and prescription_number like 'KILL9-%'`,
      [npi],
    );
    expect(stored).toHaveLength(TOTAL);
    for (const s of stored)
      expect(s, s.prescription_number).toMatchObject({
        id: first.get(s.prescription_number)!.claimId,
        fill_number: 0,
        transaction_status: 'P',
      });
    // Paid once in money: what the plan paid is the sum over the distinct acknowledgements.
    const paid = stored.reduce((n, s) => n + cents(s.plan_pay), 0);
    const acknowledged = [...first.values()].reduce((n, a) => n + cents(a.pricing?.planPay), 0);
    expect(paid).toBe(acknowledged);
    expect(paid).toBeGreaterThan(0);
    // And in the member's totals: each member's accumulators hold their one claim's share, once.
    const totalsOff = await t.ctx.database.query(
      `select c.cardholder_id from claims c
         join member_accumulators a on a.member_id = c.member_id and a.plan_id = c.plan_id
                                   and a.plan_year_start = c.plan_year_start
        where c.pharmacy_npi = $1 and c.prescription_number like 'KILL9-%'
          and (a.out_of_pocket_spent <> coalesce(c.patient_pay, 0) or a.deductible_met <> coalesce(c.deductible_applied, 0))`,
      [npi],
    );
    expect(totalsOff).toEqual([]);

    console.log(
      `SIGKILL after ${killedAfter} acknowledged: ${first.size}/${TOTAL} acknowledged, ` +
        `${diedBeforeAnswer.length} claims lost their answer to the crash, ${resends} resends ` +
        `(${refusedWhileDown} connection failures), ${duplicates.length} answered D during the load, ` +
        `${replayed.length} resent after the restart answered D`,
    );
  }, 300_000);
});
