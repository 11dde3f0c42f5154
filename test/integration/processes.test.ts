import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/identity/create-user.js';
import { pharmacyApiKey } from '../support/d0.js';
import {
  claimFor,
  firstNpi,
  glp1CaseInReview,
  importMembers,
  members,
  unrestrictedGenerics,
  signIn,
} from '../support/scenario.js';
import { runServerExpectingFailure, startServerProcesses, type ServerProcesses } from '../support/server-processes.js';
import { TEST_CLOCK_START, TEST_TODAY } from '../support/constants.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { DEMO } from '../../src/demo/demo-data.js';

/**
 * Several server processes on one PostgreSQL (WORKERS=N, docs/scaling.md#processes): the real
 * server started as `npm start` starts it, on this test's database. The deadline-sweep race test
 * races sweepers inside one process; here they are separate processes, with the manual clock
 * shared between them, pg-boss running in each, and one of them stopped under claim load.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);

describe('WORKERS on the embedded database', () => {
  it('is refused at start with a message that says why and what to do, before anything is opened', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'openpbm-workers-'));
    try {
      const r = await runServerExpectingFailure({ WORKERS: '2', DATABASE_URL: '', DATA_DIR: path.join(dir, 'db') });
      expect(r.code).toBe(1);
      expect(r.output).toContain('Configuration error: WORKERS=2 needs PostgreSQL: set DATABASE_URL');
      expect(r.output).toContain('PGlite');
      expect(r.output).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!onPostgres)('two API processes on one PostgreSQL', () => {
  let t: TestApp;
  let server: ServerProcesses;
  let outbox: string;

  beforeAll(async () => {
    t = await createTestApp({ poolSize: 4 });
    outbox = mkdtempSync(path.join(os.tmpdir(), 'openpbm-outbox-'));
    server = await startServerProcesses({
      DATABASE_URL: t.ctx.database.url!,
      WORKERS: '2',
      JOBS: 'on',
      CLOCK: 'manual',
      CLOCK_START: TEST_CLOCK_START,
      DEMO_DATA: 'false',
      TOKEN_TTL_SECONDS: String(400 * 86_400),
      OUTBOX_DIR: outbox,
      DATABASE_POOL_SIZE: '6',
    });
  }, 200_000);
  // A failure here has so far come only from a loaded CI machine: what the processes printed is the
  // only account of it (the test app is silent unless TEST_LOG is set).
  afterEach((c) => {
    if (c.task.result?.state === 'fail') console.error(`server processes printed:\n${server?.output().slice(-20_000)}`);
  });
  afterAll(async () => {
    await server?.stop();
    await t?.close();
    if (outbox) rmSync(outbox, { recursive: true, force: true });
  });

  /** One keep-alive connection each: the cluster hands connections to the workers in turn. */
  async function onEachConnection<T>(n: number, f: (pool: Pool) => Promise<T>): Promise<T[]> {
    const pools = Array.from({ length: n }, () => new Pool(server.url, { connections: 1 }));
    try {
      return await Promise.all(pools.map(f));
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  }

  it('every deadline fires exactly once and each letter is sent once, with both processes sweeping at the same moved clock', async () => {
    expect(server.workerPids()).toHaveLength(2);
    const ids = await importMembers(t, { planId: 'CACOM1', prefix: 'PROC2', count: 12 });
    const prescriber = await signIn(t, 'prescriber', { npi: DEMO.prescribers.primaryCare });
    const cases: string[] = [];
    for (const id of ids) cases.push(await glp1CaseInReview(prescriber, id));
    const adminName = `t-admin-procs-${Date.now()}`;
    await createUser(t.ctx, { username: adminName, password: 'test-password-123', role: 'admin' });
    const token = (
      (await (
        await fetch(`${server.url}/api/v1/auth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: adminName, password: 'test-password-123' }),
        })
      ).json()) as { accessToken: string }
    ).accessToken;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    // Past every review clock (days): 8 connections, so both processes move and sweep at once.
    const target = new Date(Date.parse(TEST_CLOCK_START) + 10 * 86_400_000).toISOString();
    const moves = await onEachConnection(8, async (pool) => {
      const r = await pool.request({
        path: '/api/v1/test/clock',
        method: 'POST',
        headers,
        body: JSON.stringify({ set: target }),
      });
      return { status: r.statusCode, body: (await r.body.json()) as { now: string; fired: number } };
    });
    expect(moves.map((m) => m.status)).toEqual(moves.map(() => 200));
    // Every process has the moved time, whichever takes the next request.
    const seen = await onEachConnection(8, async (pool) => {
      const r = await pool.request({ path: '/api/v1/test/clock', method: 'GET', headers });
      return ((await r.body.json()) as { now: string }).now;
    });
    expect(new Set(seen)).toEqual(new Set([target]));

    const perCase = await t.ctx.database.query<{ id: string; warned: number; outcome: number }>(
      `select r.id,
              count(h.*) filter (where h.action = 'due-soon')::int as warned,
              count(h.*) filter (where h.action = 'escalated' or h.action like 'determination:%')::int as outcome
         from pa_requests r left join pa_history h on h.pa_request_id = r.id
        where r.id = any($1) group by r.id order by r.id`,
      [cases],
    );
    expect(perCase).toHaveLength(cases.length);
    for (const c of perCase) expect(c, c.id).toMatchObject({ warned: 1, outcome: 1 });
    const deadlines = await t.ctx.database.query<{ open: number; fired: number }>(
      `select count(*) filter (where fired_at is null)::int as open, count(*) filter (where fired_at is not null)::int as fired
         from deadlines where entity_id = any($1)`,
      [cases],
    );
    expect(deadlines[0].open).toBe(0);
    expect(moves.reduce((n, m) => n + m.body.fired, 0)).toBeLessThanOrEqual(deadlines[0].fired);
    // Letters the deadlines queued: one per kind and recipient, each sent once.
    const dupes = await t.ctx.database.query(
      `select pa_request_id, kind, recipient, channel, count(*)::int from notices
        where pa_request_id = any($1) group by 1, 2, 3, 4 having count(*) > 1`,
      [cases],
    );
    expect(dupes).toEqual([]);
    // Fax, e-mail and portal letters go out in the sweep, once; mail waits for the daily print batch.
    const letters = await t.ctx.database.query<{ channel: string; status: string; attempts: number; n: number }>(
      `select channel, status, attempts, count(*)::int as n from notices where pa_request_id = any($1)
        group by 1, 2, 3 order by 1, 2, 3`,
      [cases],
    );
    expect(letters.reduce((n, l) => n + l.n, 0)).toBeGreaterThanOrEqual(cases.length);
    for (const l of letters)
      expect(l).toMatchObject(
        l.channel === 'mail' ? { status: 'queued', attempts: 0 } : { status: 'sent', attempts: 1 },
      );
  }, 180_000);

  it('SIGTERM to one of the two processes under claim load: it exits cleanly, and every acknowledged claim is in the database exactly once', async () => {
    const [victim] = server.workerPids();
    const npi = await firstNpi(t, 'pharmacies', "pharmacy_type = 'retail'");
    const apiKey = await pharmacyApiKey(t, npi);
    const prescriberNpi = await firstNpi(t, 'prescribers');
    const productId = (await unrestrictedGenerics(t, 'IHSS01'))[0].ndc;
    const TOTAL = 400;
    const ids = await importMembers(t, { planId: 'IHSS01', prefix: 'TERM2', count: TOTAL });
    const rows = await members(t, 'id = any($1)', [ids]);
    const claims = rows.map((m, i) =>
      // Dated on the clock's start day: the test before may have moved the clock on, or may have failed first.
      claimFor(m, npi, prescriberNpi, { productId, prescriptionNumber: `TERM2-${i}`, dateOfService: TEST_TODAY }),
    );

    const pool = new Pool(server.url, { connections: 16 });
    const acknowledged = new Map<string, string>(); // prescription number → claimId
    const statuses: number[] = [];
    let networkErrors = 0;
    let next = 0;
    let sent = 0;
    let killedAt = -1;
    const killed = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (sent >= TOTAL / 4) {
          clearInterval(timer);
          killedAt = sent;
          process.kill(victim, 'SIGTERM');
          resolve();
        }
      }, 5);
    });
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (;;) {
          const i = next++;
          if (i >= TOTAL) return;
          // A switch sends a claim again when the connection drops before an answer (same key).
          for (let attempt = 0; attempt < 3; attempt++) {
            try {
              sent++;
              const r = await pool.request({
                path: '/api/v1/claims',
                method: 'POST',
                headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
                body: JSON.stringify(claims[i]),
              });
              const body = (await r.body.json()) as { claimId?: string };
              statuses.push(r.statusCode);
              if (r.statusCode >= 200 && r.statusCode < 300)
                acknowledged.set(claims[i].prescriptionNumber, body.claimId!);
              break;
            } catch {
              networkErrors++;
            }
          }
        }
      }),
    );
    await killed;
    await pool.close();

    expect(killedAt).toBeGreaterThan(0);
    // Nothing answered 5xx: requests that reached the stopping process were finished.
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(acknowledged.size).toBeGreaterThan(TOTAL * 0.95);
    const stored = await t.ctx.database.query<{ id: string; prescription_number: string; transaction_status: string }>(
      'select id, prescription_number, transaction_status from claims where prescription_number = any($1)',
      [[...acknowledged.keys()]],
    );
    const byRx = new Map<string, typeof stored>();
    for (const s of stored) byRx.set(s.prescription_number, [...(byRx.get(s.prescription_number) ?? []), s]);
    for (const [rx, claimId] of acknowledged) {
      const paid = (byRx.get(rx) ?? []).filter((s) => s.transaction_status === 'P');
      expect(
        paid.map((s) => s.id),
        rx,
      ).toEqual([claimId]);
    }
    // The stopped process exited on its own (code 0), and the supervisor started another.
    for (let i = 0; i < 100 && !server.output().includes(`worker ${victim} exited`); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(server.output()).toContain(`api worker ${victim} exited (code 0)`);
    console.log(
      `SIGTERM after ${killedAt} requests: ${acknowledged.size}/${TOTAL} acknowledged, ${networkErrors} connection errors retried`,
    );
  }, 180_000);
});
