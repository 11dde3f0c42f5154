/**
 * npm run bench:claims — claims through the HTTP API at a fixed concurrency over a realistic mix
 * (paid, rejected 75/70/79, duplicates), beside a baseline measured in the same run: the
 * database's own rate for the statements one adjudication issues (one context read + one insert).
 *
 * D.0 mode: the same mix, against the same server in the same run, as raw NCPDP D.0 transmissions
 * (POST /api/v1/ncpdp/telecom) — JSON claims go to even-numbered members, D.0 claims to odd ones,
 * so neither phase's fills make the other's refills too soon. The codec micro-benchmark (parse +
 * serialize of a B1 on one core) runs first.
 *
 * Env: BENCH_DBS=pglite,postgres  BENCH_HISTORY=0,1000000  BENCH_CLAIMS=20000  BENCH_CONCURRENCY=16
 *      BENCH_MEMBERS=20000  BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test  BENCH_MODES=json,d0
 *      BENCH_CODEC_ONLY=1 (the codec micro-benchmark alone)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'undici';
import { loadClaimContext, insertClaim } from '../src/claims/claims.repo.js';
import { toLocalDate } from '../src/platform/clock.js';
import type { Database } from '../src/platform/db.js';
import { newId } from '../src/platform/ids.js';
import { addDays } from '../src/platform/dates.js';
import { historyScopeFor } from '../src/claims/rules/history-scope.js';
import { ReferenceCache } from '../src/reference/reference-cache.js';
import { makeNpi } from '../src/shared/npi.js';
import { DEMO } from '../src/demo/demo-data.js';
import {
  api,
  benchMembersCsv,
  dob,
  makeTarget,
  memberId,
  PG_URL,
  PLAN,
  postgresAvailable,
  WORK,
} from './bench-setup.js';
import { startServer } from './bench-server.js';
import { runClosedLoop } from './stats.js';
import { benchCodec, d0Outcome } from './d0-codec.bench.js';
import { writeBillingRequest } from '../src/ncpdp/write-request.js';

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 20000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 20000);
const DBS = (process.env.BENCH_DBS ?? 'pglite,postgres').split(',');
const HISTORIES = (process.env.BENCH_HISTORY ?? '0,1000000').split(',').map(Number);
const MODES = (process.env.BENCH_MODES ?? 'json,d0').split(',');
const PHARMACY_NPI = makeNpi('198765432');
const PRESCRIBER_NPI = makeNpi('176543210');

/** History: paid claims spread over the members and the last year, on drugs that do not collide with the mix. */
async function loadHistory(db: Database, n: number, today: string) {
  const t0 = performance.now();
  const batch = 100_000;
  for (let start = 0; start < n; start += batch) {
    await db.query(
      `
      insert into claims (id, pharmacy_npi, prescription_number, fill_number, date_of_service, cardholder_id, member_id, plan_id, product_id,
        rxcui, group_id, ingredient, drug_class, quantity, days_supply, prescriber_npi, transaction_status, request, response, received_at)
      select 'hist_' || g, $1, 'H' || g, 0, ($2::date - 30 - (g % 330)), 'B' || lpad((g % $3)::text, 7, '0'), 'B' || lpad((g % $3)::text, 7, '0'), $4,
        '00000000000', 'hist', 'hist-group-' || (g % 7), 'history', 'history', 30, 30, $5, 'P', '{}'::jsonb, '{}'::jsonb, now()
      from generate_series($6::int, $7::int) g`,
      [PHARMACY_NPI, today, MEMBERS, PLAN, PRESCRIBER_NPI, start, Math.min(start + batch, n) - 1],
    );
  }
  return (performance.now() - t0) / 1000;
}

interface Pools {
  paid: string[];
  pa: string[];
  notCovered: string[];
}

async function formularyPools(url: string, token: string): Promise<Pools> {
  const f = await api(url, token, 'GET', `/plans/${PLAN}/formulary?limit=500`);
  const items = f.items as Array<{
    ndcs: string[];
    covered: boolean;
    priorAuthorization: boolean;
    stepTherapy: string | null;
    quantityLimit: unknown;
    minAge: number | null;
    maxAge: number | null;
  }>;
  const ndcs = (pred: (x: (typeof items)[number]) => boolean) => items.filter(pred).flatMap((x) => x.ndcs);
  return {
    paid: ndcs(
      (x) =>
        x.covered &&
        !x.priorAuthorization &&
        !x.stepTherapy &&
        !x.quantityLimit &&
        x.minAge === null &&
        x.maxAge === null,
    ),
    pa: ndcs((x) => x.covered && x.priorAuthorization),
    notCovered: ndcs((x) => !x.covered),
  };
}

function claimBody(rx: string, member: number, ndc: string, dos: string) {
  return {
    bin: '610011',
    pcn: 'BAYRX',
    groupId: PLAN,
    cardholderId: memberId(member),
    patient: { dateOfBirth: dob(member) },
    pharmacyNpi: PHARMACY_NPI,
    prescriptionNumber: rx,
    fillNumber: 0,
    dateOfService: dos,
    productId: ndc,
    quantityDispensed: 30,
    daysSupply: 30,
    prescriberNpi: PRESCRIBER_NPI,
    submittedIngredientCost: '25.00',
    usualAndCustomaryCharge: '40.00',
  };
}

/**
 * The mix: 65 % new paid fills, 10 % PA drugs (75), 5 % non-formulary (70), 10 % early refills (79), 10 % resubmissions (D).
 * `parity` picks even (0) or odd (1) members, so two phases of one run do not share members.
 */
function buildMix(pools: Pools, dos: string, seed: number, parity = 0) {
  // Prescription numbers differ by phase: the duplicate key is pharmacy + Rx + fill + date, whatever the member.
  const prefix = parity ? 'N' : 'R';
  // mulberry32: a small PRNG with full 32-bit state (a naive LCG in doubles loses its low bits).
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
  const member = () => 2 * Math.floor((rand() * MEMBERS) / 2) + parity;
  const paid: Array<ReturnType<typeof claimBody>> = [];
  const mix: Array<ReturnType<typeof claimBody>> = [];
  for (let i = 0; i < CLAIMS; i++) {
    const r = rand();
    const rx = `${prefix}${seed}${i}`;
    if (r < 0.65 || paid.length < 10) {
      const c = claimBody(rx, member(), pick(pools.paid), dos);
      paid.push(c);
      mix.push(c);
    } else if (r < 0.75) mix.push(claimBody(rx, member(), pick(pools.pa), dos));
    else if (r < 0.8) mix.push(claimBody(rx, member(), pick(pools.notCovered), dos));
    else if (r < 0.9) {
      const p = pick(paid);
      mix.push({ ...p, prescriptionNumber: rx });
    } else mix.push(pick(paid));
  }
  return mix;
}

async function runConfig(kind: 'pglite' | 'postgres', history: number) {
  const label = `${kind}_${history}_${Date.now()}`;
  const target = await makeTarget(kind, label.replace(/[^a-z0-9_]/g, ''));
  const today = toLocalDate(new Date(), 'America/Los_Angeles'); // the demo plans' zone
  const env = { ...target.env, DEMO_DATA: 'true' };
  // 1. Demo data and bench members through the same import paths users use.
  let server = await startServer(env);
  const admin = (
    await api(server.url, '', 'POST', '/auth/token', {
      username: DEMO.accounts.admin.username,
      password: DEMO.accounts.admin.password,
    })
  ).accessToken as string;
  await api(server.url, admin, 'POST', '/imports/members', benchMembersCsv(MEMBERS), 'text/csv');
  await api(
    server.url,
    admin,
    'POST',
    '/imports/pharmacies',
    `npi,name,pharmacy_type,phone,fax,address_line1,city,state,zip\n${PHARMACY_NPI},Bench Pharmacy,retail,,,1 Bench St,Oakland,CA,94612\n`,
    'text/csv',
  );
  const key = (
    await api(server.url, admin, 'POST', '/users', {
      username: `bench-pharmacy-${Date.now()}`,
      role: 'pharmacy',
      npi: PHARMACY_NPI,
      withApiKey: true,
    })
  ).apiKey as string;
  const pools = await formularyPools(server.url, admin);
  await server.stop();
  // 2. Historical claims, loaded directly (a data load, not traffic), then fresh planner
  // statistics in every configuration (autovacuum would get there; the bench should not wait).
  let historySeconds = 0;
  {
    const db = await target.open();
    if (history > 0) historySeconds = await loadHistory(db, history, today);
    await db.query('analyze');
    await db.close();
  }
  // 3. Claims through HTTP.
  server = await startServer({ ...target.env, DEMO_DATA: 'false' });
  // Keep-alive connections, one per in-flight request, as a pharmacy switch would hold them.
  const pool = new Pool(server.url, { connections: CONCURRENCY });
  const post = async (body: unknown) => {
    const r = await pool.request({
      path: '/api/v1/claims',
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const j = (await r.body.json()) as { transactionStatus: string; rejects: Array<{ code: string }> };
    if (r.statusCode !== 200) throw new Error(`claim → ${r.statusCode} ${JSON.stringify(j)}`);
    return j;
  };
  const warm = buildMix(pools, today, 7).slice(0, 500);
  await runClosedLoop(warm.length, CONCURRENCY, async (i) => {
    await post({ ...warm[i], prescriptionNumber: `W${i}` });
  });
  const mix = buildMix(pools, today, 42);
  const outcomes: Record<string, number> = {};
  const http = await runClosedLoop(mix.length, CONCURRENCY, async (i) => {
    const r = await post(mix[i]);
    const k = r.transactionStatus === 'R' ? `R${r.rejects[0]?.code}` : r.transactionStatus;
    outcomes[k] = (outcomes[k] ?? 0) + 1;
  });
  // The same mix as D.0 transmissions, on the other half of the members, same server.
  let d0: Awaited<ReturnType<typeof runClosedLoop>> | null = null;
  const d0Outcomes: Record<string, number> = {};
  if (MODES.includes('d0')) {
    const send = async (body: ReturnType<typeof claimBody>) => {
      const r = await pool.request({
        path: '/api/v1/ncpdp/telecom',
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream' },
        body: writeBillingRequest([body as never]),
      });
      const bytes = Buffer.from(await r.body.arrayBuffer());
      if (r.statusCode !== 200) throw new Error(`D.0 claim → ${r.statusCode} ${bytes.toString('utf8')}`);
      return d0Outcome(bytes);
    };
    const warmD0 = buildMix(pools, today, 8, 1).slice(0, 500);
    await runClosedLoop(warmD0.length, CONCURRENCY, async (i) => {
      await send({ ...warmD0[i], prescriptionNumber: `V${i}` });
    });
    const mixD0 = buildMix(pools, today, 42, 1);
    d0 = await runClosedLoop(mixD0.length, CONCURRENCY, async (i) => {
      const k = await send(mixD0[i]);
      d0Outcomes[k] = (d0Outcomes[k] ?? 0) + 1;
    });
  }
  const peakRssMb = server.peakRssMb();
  await pool.close();
  await server.stop();
  // 4. Baseline: the same statements straight on the database, same concurrency, no HTTP, no rules.
  const db = await target.open();
  const reference = await new ReferenceCache(db.db).get();
  const base = buildMix(pools, today, 99);
  const baseline = await runClosedLoop(base.length, CONCURRENCY, async (i) => {
    const c = base[i];
    const ctx = await loadClaimContext(db, {
      memberId: c.cardholderId,
      pharmacyNpi: c.pharmacyNpi,
      prescriptionNumber: c.prescriptionNumber,
      fillNumber: 0,
      dateOfService: c.dateOfService,
      historySince: addDays(today, -365),
      history: historyScopeFor(reference, c.productId),
    });
    if (ctx.duplicate) return;
    await insertClaim(db.db, {
      id: newId('bas'),
      pharmacyNpi: c.pharmacyNpi,
      prescriptionNumber: `B${c.prescriptionNumber}`,
      fillNumber: 0,
      dateOfService: c.dateOfService,
      cardholderId: c.cardholderId,
      memberId: c.cardholderId,
      planId: PLAN,
      productId: c.productId,
      quantity: '30',
      daysSupply: 30,
      prescriberNpi: c.prescriberNpi,
      transactionStatus: 'P',
      request: c as never,
      response: { claimId: 'x', transactionStatus: 'P', rejects: [], message: 'baseline' },
      receivedAt: new Date(),
    });
  });
  await db.close();
  await target.cleanup();
  return {
    kind,
    history,
    claims: CLAIMS,
    concurrency: CONCURRENCY,
    http,
    baseline,
    ratio: http.rate / baseline.rate,
    d0,
    d0Outcomes,
    peakRssMb,
    outcomes,
    historySeconds,
  };
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  const codec = benchCodec();
  console.log(
    `\nD.0 codec, one core: ${codec.parseSerialize.toFixed(0)} B1 parse+serialize/s (median of ${codec.runs} runs of ${codec.iterations}), ` +
      `${codec.readAndAnswer.toFixed(0)} B1 read (header + claim checks) + response written/s; ${codec.bytes}-byte transmission`,
  );
  if (process.env.BENCH_CODEC_ONLY) return;
  const results = [];
  for (const kind of DBS as Array<'pglite' | 'postgres'>) {
    if (kind === 'postgres' && !(await postgresAvailable())) {
      console.log(`skipping postgres: nothing answers at ${PG_URL}`);
      continue;
    }
    for (const history of HISTORIES) {
      process.stderr.write(`bench: ${kind}, ${history.toLocaleString()} historical claims …\n`);
      results.push(await runConfig(kind, history));
    }
  }
  const f = (n: number, d = 1) => n.toFixed(d);
  console.log(
    `\nclaims bench: ${CLAIMS} claims per run, concurrency ${CONCURRENCY}, ${MEMBERS} members (${new Date().toISOString()})`,
  );
  console.log(
    '| database | history | claims/s | p50 ms | p95 ms | p99 ms | peak RSS MB | baseline stmt-pairs/s | ratio | outcomes |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    console.log(
      `| ${r.kind} | ${r.history.toLocaleString()} | ${f(r.http.rate, 0)} | ${f(r.http.p50)} | ${f(r.http.p95)} | ${f(r.http.p99)} | ${f(r.peakRssMb, 0)} | ${f(r.baseline.rate, 0)} | ${f(r.ratio, 2)} | ${Object.entries(
        r.outcomes,
      )
        .map(([k, v]) => `${k}:${v}`)
        .join(' ')} |`,
    );
  }
  if (results.some((r) => r.d0)) {
    console.log('\nD.0 mode (same mix on the other half of the members, same server, same run):');
    console.log(
      '| database | history | JSON claims/s | D.0 claims/s | ratio | JSON p99 ms | D.0 p99 ms | p99 ratio | D.0 outcomes |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const r of results) {
      if (!r.d0) continue;
      console.log(
        `| ${r.kind} | ${r.history.toLocaleString()} | ${f(r.http.rate, 0)} | ${f(r.d0.rate, 0)} | ${f(r.d0.rate / r.http.rate, 2)} | ${f(r.http.p99)} | ${f(r.d0.p99)} | ${f(r.d0.p99 / r.http.p99, 2)} | ${Object.entries(
          r.d0Outcomes,
        )
          .map(([k, v]) => `${k}:${v}`)
          .join(' ')} |`,
      );
    }
  }
  writeFileSync(path.join(WORK, `claims-${Date.now()}.json`), JSON.stringify({ codec, results }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
