/**
 * npm run bench:claims — claims through the HTTP API at a fixed concurrency over a realistic mix
 * (paid, rejected 75/70/79, duplicates) over members with a year of real history, beside the storage
 * limit for one claim measured in the same run (../shared/tools/pg-limit: pgbench, the statements of
 * one adjudication, same concurrency, before any server starts).
 *
 * D.0 mode: the same mix, against the same server and members in the same run, as raw NCPDP D.0
 * transmissions (POST /api/v1/ncpdp/telecom), in BENCH_ROUNDS rounds alternating with the JSON
 * claims (see interleave()); claims/s and their ratio are medians of the rounds. The codec
 * micro-benchmark (parse + serialize of a B1 on one core) runs first.
 *
 * Env: BENCH_DBS=pglite,postgres  BENCH_HISTORY=0,1000000 (10000000: 10 years of history, PostgreSQL)  BENCH_CLAIMS=20000  BENCH_CONCURRENCY=16  BENCH_WORKERS=1,2
 *      BENCH_MEMBERS=20000  BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test  BENCH_MODES=json,d0  BENCH_ROUNDS=8
 *      BENCH_CODEC_ONLY=1 (the codec micro-benchmark alone)  BENCH_QUIET_LOAD=1.0 (measure only below this load; see waitForQuiet)
 *      BENCH_PG_LIMIT=path/to/pg-limit/run (default ../shared/tools/pg-limit/run)  BENCH_PG_LIMIT_SECONDS=15
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { toLocalDate } from '../src/platform/clock.js';
import type { Database } from '../src/platform/db.js';
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
import { startServer, type BenchServer } from './bench-server.js';
import { startBudget } from './machine-cpu.js';
import { median, runClosedLoop, summarize, type LoopResult } from './stats.js';
import { benchCodec, d0Outcome } from './d0-codec.bench.js';
import { writeBillingRequest } from '../src/ncpdp/write-request.js';
import { copyHistory, historyShape } from './history-copy.js';

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 20000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 20000);
const DBS = (process.env.BENCH_DBS ?? 'pglite,postgres').split(',');
const HISTORIES = (process.env.BENCH_HISTORY ?? '0,1000000').split(',').map(Number);
/** API processes (WORKERS) on PostgreSQL, each count a full run on its own database; PGlite is one process. */
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const MODES = (process.env.BENCH_MODES ?? 'json,d0').split(',');
/** JSON/D.0 rounds in D.0 mode (each round: one leg of each mode, CLAIMS / ROUNDS claims each). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PHARMACY_NPI = makeNpi('198765432');
const PRESCRIBER_NPI = makeNpi('176543210');

/**
 * History: real fills of the formulary's drugs by the benchmark's own members (bench/history-copy.ts:
 * ~50 a member a year, refills, step-therapy prerequisites, PA drugs under authorization), loaded by
 * COPY, so the claim-context query reads rows that count (it scopes history to the claim's drug-form
 * group and its step-therapy prerequisites, see claims/rules/history-scope.ts).
 */
async function loadHistory(db: Database, n: number, today: string, pools: Pools) {
  const t0 = performance.now();
  const ref = await new ReferenceCache(db.db).get();
  const describe = (ndc: string) => {
    const pkg = ref.packages.get(ndc);
    const c = pkg ? ref.concepts.get(pkg.rxcui) : undefined;
    return c
      ? { ndc, rxcui: c.rxcui, groupId: c.groupId, ingredient: c.ingredient, drugClass: c.drugClass ?? '' }
      : null;
  };
  // Step-therapy prerequisites named by the plan's formulary.
  const prereqGroups = new Set<string>();
  const prereqIngredients = new Set<string>();
  for (const e of ref.formularies.get(PLAN)?.entries ?? []) {
    e.stepTherapy?.prerequisites?.groupIds?.forEach((g) => prereqGroups.add(g));
    e.stepTherapy?.prerequisites?.ingredients?.forEach((i) => prereqIngredients.add(i));
  }
  const one = new Map<string, NonNullable<ReturnType<typeof describe>>>(); // one NDC per drug-form group
  for (const ndc of pools.paid) {
    const d = describe(ndc);
    if (d && !one.has(d.groupId)) one.set(d.groupId, d);
  }
  const chronic = [...one.values()];
  const prereq = chronic.filter((d) => prereqGroups.has(d.groupId) || prereqIngredients.has(d.ingredient));
  const paDrugs = [
    ...new Map(
      pools.pa
        .map(describe)
        .filter((d) => d !== null)
        .map((d) => [d.groupId, d]),
    ).values(),
  ];
  if (chronic.length === 0) throw new Error('bench: no paid formulary drugs for history');
  const method = await copyHistory(db, {
    members: MEMBERS,
    rows: n,
    today,
    planId: PLAN,
    pharmacyNpi: PHARMACY_NPI,
    prescriberNpi: PRESCRIBER_NPI,
    chronic,
    prereq,
    paDrugs,
  });
  // Authorizations for the members whose regimen holds a PA drug (slot 0, m % 10 = 3).
  if (paDrugs.length > 0) {
    await db.query(
      `
      insert into authorizations (id, number, member_id, group_id, effective_from, effective_to, created_at)
      select 'hauth_' || m, 'HB' || m, 'B' || lpad(m::text, 7, '0'), ($1::text[])[1 + (m % $2::int)],
        $3::date - 365, $3::date + 180, now()
      from generate_series(0, $4::int - 1) m where m % 10 = 3`,
      [paDrugs.map((d) => d.groupId), paDrugs.length, today, MEMBERS],
    );
  }
  const rows = Number((await db.query<{ n: string }>(`select count(*) as n from claims where id like 'hist_%'`))[0]!.n);
  const { years } = historyShape({ members: MEMBERS, rows: n });
  return {
    seconds: (performance.now() - t0) / 1000,
    rows,
    years,
    method,
    prereq: prereq.length,
    paDrugs: paDrugs.length,
  };
}

/**
 * What the claims table weighs (capacity plan, docs/scaling.md): every partition with its indexes,
 * and a full adjudicated row (request and response JSON, as the API stores it) beside a history row.
 */
async function claimStorage(db: Database, today: string) {
  const [t] = await db.query<{ total: string; heap: string; rows: string; parts: string; largest: string }>(`
    select sum(pg_total_relation_size(i.inhrelid))::text as total, sum(pg_relation_size(i.inhrelid))::text as heap,
      (select count(*) from claims)::text as rows, count(*)::text as parts,
      max(pg_total_relation_size(i.inhrelid))::text as largest
    from pg_inherits i where i.inhparent = 'claims'::regclass`);
  const [r] = await db.query<{ api: string | null; hist: string | null }>(
    `select avg(pg_column_size(c.*)) filter (where id not like 'hist%')::text as api,
       avg(pg_column_size(c.*)) filter (where id like 'hist%')::text as hist
     from claims c where date_of_service >= $1::date - 400`,
    [today],
  );
  const rows = Number(t!.rows);
  return {
    rows,
    partitions: Number(t!.parts),
    totalBytes: Number(t!.total),
    bytesPerRow: rows ? Number(t!.total) / rows : 0,
    heapBytesPerRow: rows ? Number(t!.heap) / rows : 0,
    largestPartitionBytes: Number(t!.largest),
    apiRowBytes: Number(r!.api ?? 0),
    historyRowBytes: Number(r!.hist ?? 0),
  };
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
 * `prefix` starts every Rx number (the duplicate key is pharmacy + Rx + fill + date, whatever the
 * member), so two mixes of one run never resubmit each other's claims; `parity` 0 or 1 keeps a mix
 * to even or odd members, null spreads it over all of them.
 */
function buildMix(pools: Pools, dos: string, seed: number, prefix: string, parity: 0 | 1 | null) {
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
  const member = () =>
    parity === null ? Math.floor(rand() * MEMBERS) : 2 * Math.floor((rand() * MEMBERS) / 2) + parity;
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

interface Interleaved {
  rounds: Array<{ json: number; d0: number; ratio: number; jsonP99: number; d0P99: number }>;
  /** Median of the per-round claims/s of each mode, and of the per-round ratios D.0 ÷ JSON. */
  jsonRate: number;
  d0Rate: number;
  ratio: number;
  /** All legs of a mode pooled (latencies together, rate over their summed time). */
  json: LoopResult;
  d0: LoopResult;
  /** CPU ms one claim of each mode cost, all its legs together (see CpuPerClaim). */
  cpu: { json: CpuPerClaim; d0: CpuPerClaim };
}

/**
 * What one claim cost each kind of process in CPU (user + system ms): the API process(es), every
 * PostgreSQL process, and the bench itself. On a machine whose cores the three share, the ratio
 * of two modes' totals is what their claims/s ratio tends to when the cores are the limit, and it
 * moves far less with the machine's load than the rates do.
 */
interface CpuPerClaim {
  api: number;
  postgres: number;
  loadGenerator: number;
  total: number;
}

function cpuMeter(server: Pick<BenchServer, 'apiCpuMs' | 'jobsCpuMs'>) {
  const sums = { api: 0, postgres: 0, loadGenerator: 0, claims: 0 };
  return {
    async measure<T extends LoopResult>(claims: number, leg: () => Promise<T>): Promise<T> {
      const reading = startBudget(server);
      const result = await leg();
      const spent = reading.per(1);
      sums.api += spent.api;
      sums.postgres += spent.postgres;
      sums.loadGenerator += spent.loadGenerator;
      sums.claims += claims;
      return result;
    },
    perClaim(): CpuPerClaim {
      const n = Math.max(1, sums.claims);
      const api = sums.api / n;
      const postgres = sums.postgres / n;
      const loadGenerator = sums.loadGenerator / n;
      return { api, postgres, loadGenerator, total: api + postgres + loadGenerator };
    },
  };
}

/**
 * Alternating rounds of the two modes on one server: each round runs a leg of `total / rounds`
 * claims of each mode, JSON first in even rounds and D.0 first in odd ones (neither always meets
 * the other's autovacuum or checkpoint). A shared machine's load moves within minutes; a ratio
 * from one round's two back-to-back legs sees the same load, and the median over rounds drops a
 * round a burst hit.
 */
async function interleave(
  rounds: number,
  total: number,
  json: (i: number) => Promise<void>,
  d0: (i: number) => Promise<void>,
  server: Pick<BenchServer, 'apiCpuMs' | 'jobsCpuMs'>,
): Promise<Interleaved> {
  const meters = { json: cpuMeter(server), d0: cpuMeter(server) };
  const per = Math.ceil(total / rounds);
  const legs = { json: [] as LoopResult[], d0: [] as LoopResult[] };
  const perRound: Interleaved['rounds'] = [];
  for (let r = 0; r < rounds; r++) {
    const from = r * per;
    const n = Math.min(per, total - from);
    if (n <= 0) break;
    const run = (mode: 'json' | 'd0', task: (i: number) => Promise<void>) =>
      meters[mode].measure(n, () => runClosedLoop(n, CONCURRENCY, (i) => task(from + i)));
    let j: LoopResult;
    let d: LoopResult;
    if (r % 2 === 0) {
      j = await run('json', json);
      d = await run('d0', d0);
    } else {
      d = await run('d0', d0);
      j = await run('json', json);
    }
    legs.json.push(j);
    legs.d0.push(d);
    perRound.push({ json: j.rate, d0: d.rate, ratio: d.rate / j.rate, jsonP99: j.p99, d0P99: d.p99 });
    process.stderr.write(
      `bench: round ${r + 1}/${rounds}: JSON ${j.rate.toFixed(0)}/s p99 ${j.p99.toFixed(1)} ms, D.0 ${d.rate.toFixed(0)}/s p99 ${d.p99.toFixed(1)} ms, ratio ${(d.rate / j.rate).toFixed(2)}\n`,
    );
  }
  const pool = (ls: LoopResult[]) =>
    summarize(
      ls.flatMap((l) => l.latencies),
      ls.reduce((t, l) => t + l.seconds, 0),
    );
  return {
    rounds: perRound,
    jsonRate: median(perRound.map((r) => r.json)),
    d0Rate: median(perRound.map((r) => r.d0)),
    ratio: median(perRound.map((r) => r.ratio)),
    json: pool(legs.json),
    d0: pool(legs.d0),
    cpu: { json: meters.json.perClaim(), d0: meters.d0.perClaim() },
  };
}

/**
 * Steps 1–2 of a configuration (demo data, bench members, history): a data load, not what is
 * measured, so every configuration is prepared before any is measured and the measurements can
 * wait for a quiet machine (BENCH_QUIET_LOAD) without the ten-million-row load waiting too.
 */
async function prepareConfig(kind: 'pglite' | 'postgres', history: number, workers: number) {
  const label = `${kind}_${history}_${Date.now()}`;
  const target = await makeTarget(kind, label.replace(/[^a-z0-9_]/g, ''));
  const today = toLocalDate(new Date(), 'America/Los_Angeles'); // the demo plans' zone
  const env = { ...target.env, DEMO_DATA: 'true' };
  // 1. Demo data and bench members through the same import paths users use.
  const server = await startServer(env);
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
  // 2. Historical claims, loaded directly (a data load, not traffic), then vacuumed and analyzed in
  // every configuration: months of history in production were vacuumed long ago (visibility map
  // set, hint bits written); left to autovacuum, freshly copied millions of rows would be vacuumed
  // during the measurement and every first read of a copied page would write its hint bits.
  let historySeconds = 0;
  let historyRows = 0;
  let historyMethod = '';
  {
    const db = await target.open();
    if (history > 0) {
      const h = await loadHistory(db, history, today, pools);
      historySeconds = h.seconds;
      historyRows = h.rows;
      historyMethod = h.method;
      process.stderr.write(
        `bench: ${h.rows.toLocaleString()} history fills over ${h.years} year(s) by ${h.method} (${h.prereq} step prerequisites, ${h.paDrugs} PA drugs under authorization) in ${h.seconds.toFixed(0)} s\n`,
      );
    }
    await db.query('vacuum (analyze)');
    // The load's dirty pages written now, not by the checkpointer during the measurement: the HTTP
    // phase is to pay for its own claims only.
    if (kind === 'postgres') await db.query('checkpoint');
    await db.close();
  }
  return { kind, history, workers, target, today, key, pools, historySeconds, historyRows, historyMethod };
}

/** Step 3 of a configuration: claims through HTTP (then the storage figures and the database dropped). */
async function measureConfig(prepared: Awaited<ReturnType<typeof prepareConfig>>) {
  const { kind, history, workers, target, today, key, pools, historySeconds, historyRows, historyMethod } = prepared;
  // As npm start runs it (the bundle, not src/ under the tsx loader), like bench:pa.
  const server = await startServer(
    {
      ...target.env,
      DEMO_DATA: 'false',
      ...(workers > 1 ? { WORKERS: String(workers) } : {}),
    },
    { compiled: true },
  );
  // Keep-alive connections, one per in-flight request, as a pharmacy switch would hold them.
  const pool = new Pool(server.url, { connections: CONCURRENCY });
  // Bodies are encoded before the timed legs (encodeJson/encodeD0): the load generator shares the
  // cores, and building a D.0 transmission costs it more than JSON.stringify, which is not the server's cost.
  const post = async (body: string) => {
    const r = await pool.request({
      path: '/api/v1/claims',
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
    });
    const j = (await r.body.json()) as { transactionStatus: string; rejects: Array<{ code: string }> };
    if (r.statusCode !== 200) throw new Error(`claim → ${r.statusCode} ${JSON.stringify(j)}`);
    return j;
  };
  const send = async (body: Buffer) => {
    const r = await pool.request({
      path: '/api/v1/ncpdp/telecom',
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream' },
      body,
    });
    const bytes = Buffer.from(await r.body.arrayBuffer());
    if (r.statusCode !== 200) throw new Error(`D.0 claim → ${r.statusCode} ${bytes.toString('utf8')}`);
    return d0Outcome(bytes);
  };
  const outcomeOf = (r: Awaited<ReturnType<typeof post>>) =>
    r.transactionStatus === 'R' ? `R${r.rejects[0]?.code}` : r.transactionStatus;
  const withD0 = MODES.includes('d0');
  const encodeJson = (mix: Array<ReturnType<typeof claimBody>>) => mix.map((b) => JSON.stringify(b));
  const encodeD0 = (mix: Array<ReturnType<typeof claimBody>>) => mix.map((b) => writeBillingRequest([b as never]));
  const warm = encodeJson(buildMix(pools, today, 7, 'W', null).slice(0, 500));
  await runClosedLoop(warm.length, CONCURRENCY, async (i) => {
    await post(warm[i]);
  });
  if (withD0) {
    const warmD0 = encodeD0(buildMix(pools, today, 8, 'V', null).slice(0, 500));
    await runClosedLoop(warmD0.length, CONCURRENCY, async (i) => {
      await send(warmD0[i]);
    });
  }
  const outcomes: Record<string, number> = {};
  const d0Outcomes: Record<string, number> = {};
  let http: LoopResult;
  let d0: Interleaved | null = null;
  let jsonCpu: CpuPerClaim;
  if (!withD0) {
    const mix = encodeJson(buildMix(pools, today, 42, 'R', null));
    const meter = cpuMeter(server);
    http = await meter.measure(mix.length, () =>
      runClosedLoop(mix.length, CONCURRENCY, async (i) => {
        const k = outcomeOf(await post(mix[i]));
        outcomes[k] = (outcomes[k] ?? 0) + 1;
      }),
    );
    jsonCpu = meter.perClaim();
  } else {
    // JSON and D.0 in alternating rounds against the same server and members, each round on fresh
    // claims of each mode's own mix (its own Rx numbers and seed): the machine is shared, so only
    // figures taken side by side in one run compare (see interleave()).
    const mix = encodeJson(buildMix(pools, today, 42, 'R', null));
    const mixD0 = encodeD0(buildMix(pools, today, 43, 'N', null));
    d0 = await interleave(
      ROUNDS,
      mix.length,
      async (i) => {
        const k = outcomeOf(await post(mix[i]));
        outcomes[k] = (outcomes[k] ?? 0) + 1;
      },
      async (i) => {
        const k = await send(mixD0[i]);
        d0Outcomes[k] = (d0Outcomes[k] ?? 0) + 1;
      },
      server,
    );
    http = d0.json;
    jsonCpu = d0.cpu.json;
  }
  const peakRssMb = server.peakRssMb();
  await pool.close();
  await server.stop();
  const storageDb = await target.open();
  const storage = await claimStorage(storageDb, today);
  await storageDb.close();
  await target.cleanup();
  return {
    kind,
    history,
    workers,
    claims: CLAIMS,
    concurrency: CONCURRENCY,
    http,
    jsonCpu,
    d0,
    d0Outcomes,
    peakRssMb,
    outcomes,
    historySeconds,
    historyRows,
    historyMethod,
    storage,
  };
}

/**
 * The storage limit for one claim (../shared/tools/pg-limit, see its README): pgbench running the
 * statements of one adjudication (7 indexed reads + 1 durable insert) on a private PostgreSQL, at
 * 4, 8 and 16 clients. Run in the same invocation, before any server starts, nothing else of the
 * bench running; claims/s are reported as a ratio of its tps at the bench's concurrency.
 */
function runPgLimit(): Map<number, number> | null {
  const tool = process.env.BENCH_PG_LIMIT ?? path.resolve(ROOT, '../shared/tools/pg-limit/run');
  if (!existsSync(tool)) {
    console.log(`no storage-limit baseline: ${tool} not found (set BENCH_PG_LIMIT to its path)`);
    return null;
  }
  if (process.getuid?.() !== 0) {
    console.log('no storage-limit baseline: pg-limit starts its own PostgreSQL and needs root');
    return null;
  }
  process.stderr.write('bench: storage limit (pg-limit) …\n');
  const seconds = process.env.BENCH_PG_LIMIT_SECONDS ?? '15';
  const r = spawnSync(tool, [seconds], { encoding: 'utf8' });
  const tps = new Map<number, number>();
  for (const m of r.stdout.matchAll(/clients (\d+): (\d+) tps/g)) tps.set(Number(m[1]), Number(m[2]));
  if (tps.size === 0) {
    console.log(`no storage-limit baseline: pg-limit failed\n${r.stdout}${r.stderr}`);
    return null;
  }
  console.log(
    `storage limit (pg-limit, ${seconds} s per step): ${[...tps].map(([c, t]) => `${c} clients ${t} tps`).join(', ')}`,
  );
  return tps;
}

/**
 * BENCH_QUIET_LOAD=x: before the storage limit and before each measurement, wait until the
 * one-minute load average is below x (the machine is shared; figures taken under other work are
 * not comparable). Each measurement's load is printed either way.
 */
async function waitForQuiet() {
  const limit = Number(process.env.BENCH_QUIET_LOAD ?? 0);
  if (!limit) return;
  let said = false;
  while (os.loadavg()[0]! >= limit) {
    if (!said) process.stderr.write(`bench: waiting for the one-minute load to fall below ${limit} …\n`);
    said = true;
    await new Promise((r) => setTimeout(r, 10_000));
  }
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  const codec = benchCodec();
  console.log(
    `\nD.0 codec, one core: ${codec.parseSerialize.toFixed(0)} B1 parse+serialize/s (median of ${codec.runs} runs of ${codec.iterations}), ` +
      `${codec.readAndAnswer.toFixed(0)} B1 read (header + claim checks) + response written/s; ${codec.bytes}-byte transmission`,
  );
  if (process.env.BENCH_CODEC_ONLY) return;
  const prepared = [];
  for (const kind of DBS as Array<'pglite' | 'postgres'>) {
    if (kind === 'postgres' && !(await postgresAvailable())) {
      console.log(`skipping postgres: nothing answers at ${PG_URL}`);
      continue;
    }
    for (const history of HISTORIES)
      for (const workers of kind === 'pglite' ? [1] : WORKER_COUNTS) {
        process.stderr.write(
          `bench: preparing ${kind}, ${history.toLocaleString()} historical claims, ${workers} API process(es) …\n`,
        );
        prepared.push(await prepareConfig(kind, history, workers));
      }
  }
  await waitForQuiet();
  const limit = DBS.includes('postgres') ? runPgLimit() : null;
  const limitTps = limit?.get(CONCURRENCY) ?? null;
  const results = [];
  for (const p of prepared) {
    // Whatever the setup and pg-limit (a private PostgreSQL loaded with a million rows, then stopped)
    // left in the page cache is flushed before the measurement, not during it.
    spawnSync('sync');
    await waitForQuiet();
    process.stderr.write(
      `bench: ${p.kind}, ${p.history.toLocaleString()} historical claims, ${p.workers} API process(es) (load ${os.loadavg()[0]!.toFixed(2)}) …\n`,
    );
    results.push(await measureConfig(p));
  }
  const f = (n: number, d = 1) => n.toFixed(d);
  console.log(
    `\nclaims bench: ${CLAIMS} claims per run, concurrency ${CONCURRENCY}, ${MEMBERS} members (${new Date().toISOString()})`,
  );
  console.log(
    `| database | history | API processes | claims/s | p50 ms | p95 ms | p99 ms | peak RSS MB (largest process) | pg-limit tps at ${CONCURRENCY} clients | claims/s ÷ pg-limit | outcomes |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    console.log(
      `| ${r.kind} | ${r.history.toLocaleString()} | ${r.workers} | ${f(r.http.rate, 0)} | ${f(r.http.p50)} | ${f(r.http.p95)} | ${f(r.http.p99)} | ${f(r.peakRssMb, 0)} | ${r.kind === 'postgres' && limitTps ? limitTps : 'n/a'} | ${r.kind === 'postgres' && limitTps ? f(r.http.rate / limitTps, 2) : 'n/a'} | ${Object.entries(
        r.outcomes,
      )
        .map(([k, v]) => `${k}:${v}`)
        .join(' ')} |`,
    );
  }
  console.log('\nHistory and storage (claims table, every partition with its indexes, after the run):');
  console.log(
    '| database | history | load s | loaded by | partitions | claims rows | total MB | bytes/row (heap+indexes) | heap bytes/row | API row bytes | history row bytes | largest partition MB |',
  );
  console.log('|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const mb = (b: number) => f(b / 1048576, 0);
  for (const r of results) {
    const s = r.storage;
    if (!s) continue;
    console.log(
      `| ${r.kind} | ${r.history.toLocaleString()} | ${f(r.historySeconds, 0)} | ${r.historyMethod || '-'} | ${s.partitions} | ${s.rows.toLocaleString()} | ${mb(s.totalBytes)} | ${f(s.bytesPerRow, 0)} | ${f(s.heapBytesPerRow, 0)} | ${f(s.apiRowBytes, 0)} | ${f(s.historyRowBytes, 0)} | ${mb(s.largestPartitionBytes)} |`,
    );
  }
  // Flatness (target: within 20 % of the run without history, same database and process count).
  const flat = results.filter((r) => r.history > 0);
  if (flat.length) {
    console.log('\nFlatness vs the same configuration without history (target: within 20 %):');
    console.log(
      '| database | API processes | history | claims/s ratio | p99 ratio | CPU a JSON claim: API / PostgreSQL / total ms | vs without history: API / PostgreSQL / total |',
    );
    console.log('|---|---:|---:|---:|---:|---|---|');
    for (const r of flat) {
      const base = results.find((b) => b.kind === r.kind && b.workers === r.workers && b.history === 0);
      if (!base) continue;
      console.log(
        `| ${r.kind} | ${r.workers} | ${r.history.toLocaleString()} | ${f(r.http.rate / base.http.rate, 2)} | ${f(r.http.p99 / base.http.p99, 2)} | ${f(r.jsonCpu.api, 2)} / ${f(r.jsonCpu.postgres, 2)} / ${f(r.jsonCpu.total, 2)} | ${f(r.jsonCpu.api / base.jsonCpu.api, 2)} / ${f(r.jsonCpu.postgres / base.jsonCpu.postgres, 2)} / ${f(r.jsonCpu.total / base.jsonCpu.total, 2)} |`,
      );
    }
  }
  if (results.some((r) => r.d0)) {
    console.log(
      `\nD.0 mode (JSON and D.0 in ${ROUNDS} alternating rounds, same server, same members; claims/s and ratio: medians of the rounds; p99: all legs of a mode pooled):`,
    );
    console.log(
      '| database | history | API processes | JSON claims/s | D.0 claims/s | ratio (target ≥ 0.90) | JSON p99 ms | D.0 p99 ms | p99 ratio (target ≤ 1.10) | JSON outcomes | D.0 outcomes |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
    const list = (o: Record<string, number>) =>
      Object.entries(o)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}:${v}`)
        .join(' ');
    for (const r of results) {
      if (!r.d0) continue;
      console.log(
        `| ${r.kind} | ${r.history.toLocaleString()} | ${r.workers} | ${f(r.d0.jsonRate, 0)} | ${f(r.d0.d0Rate, 0)} | ${f(r.d0.ratio, 2)} | ${f(r.d0.json.p99)} | ${f(r.d0.d0.p99)} | ${f(r.d0.d0.p99 / r.d0.json.p99, 2)} | ${list(r.outcomes)} | ${list(r.d0Outcomes)} |`,
      );
    }
  }
  if (results.some((r) => r.d0)) {
    console.log(
      "\nD.0 mode, CPU a claim cost (user + system ms, all legs of a mode; PostgreSQL: all its processes). When the cores are the limit, claims/s go as 1 ÷ total, so the totals' ratio JSON ÷ D.0 is the claims/s ratio the machine tends to, steadier than the rates:",
    );
    console.log(
      '| database | history | API processes | JSON: API / PostgreSQL / load generator / total | D.0: API / PostgreSQL / load generator / total | JSON total ÷ D.0 total |',
    );
    console.log('|---|---:|---:|---|---|---:|');
    const c = (x: CpuPerClaim) => `${f(x.api, 2)} / ${f(x.postgres, 2)} / ${f(x.loadGenerator, 2)} / ${f(x.total, 2)}`;
    for (const r of results) {
      if (!r.d0) continue;
      console.log(
        `| ${r.kind} | ${r.history.toLocaleString()} | ${r.workers} | ${c(r.d0.cpu.json)} | ${c(r.d0.cpu.d0)} | ${f(r.d0.cpu.json.total / r.d0.cpu.d0.total, 2)} |`,
      );
    }
  }
  // Latency arrays stay out of the saved results (the percentiles are there).
  const strip = ({ latencies: _l, ...rest }: LoopResult) => rest;
  const saved = results.map((r) => ({
    ...r,
    http: strip(r.http),
    d0: r.d0 ? { ...r.d0, json: strip(r.d0.json), d0: strip(r.d0.d0) } : null,
  }));
  writeFileSync(
    path.join(WORK, `claims-${Date.now()}.json`),
    JSON.stringify({ codec, pgLimit: limit ? Object.fromEntries(limit) : null, results: saved }, null, 2),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
