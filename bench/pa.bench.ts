/**
 * npm run bench:pa — prior authorization through the HTTP API, as a plan sees it: a mix of cases
 * (70 % decided automatically, 20 % to a reviewer, 10 % incomplete → an information request),
 * background jobs on, and the letters rendered and sent by the delivery job during the run.
 * Reports submit→response latency per kind (p50/p95/p99), complete cases/s (initiate + submit),
 * notice delivery lag (letter queued → sent, from the notices table), and each server process's
 * peak RSS (VmHWM). PostgreSQL runs with 1 and 2 API processes (WORKERS) in the same invocation,
 * the letters rendered by a jobs process of their own (JOBS=dedicated; BENCH_PA_JOBS=on: in the
 * API processes); PGlite is one process that does both.
 *
 * ePA mode (issue #11): auto-approvable cases as NCPDP SCRIPT exchanges through
 * POST /api/v1/epa as the demo hub — PARequest → PAResponse latency for cases opened beforehand
 * with PAInitiationRequest, then complete exchanges (initiation + request) per second — on other
 * members of the same server in the same run, so the JSON figures are its baseline. RTPB mode:
 * RTPBRequest → RTPBResponse latency (POST /api/v1/rtpb) for the same drug.
 *
 * Env: BENCH_DBS=pglite,postgres  BENCH_WORKERS=1,2  BENCH_CASES=2000  BENCH_CONCURRENCY=16
 *      BENCH_PA_MODES=json,epa,rtpb (json = the mix above)
 *      BENCH_SMOKE=1 (200 cases, one pass: checks the bench runs, figures mean nothing)
 *      BENCH_PG_STATS=1 (PostgreSQL: pg_stat_statements' top statements a case and an exchange)
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'undici';
import { DEMO } from '../src/demo/demo-data.js';
import { DEMO_EPA_HUB } from '../src/demo/demo-accounts.js';
import { toLocalDate } from '../src/platform/clock.js';
import {
  api,
  benchMembersCsv,
  makeTarget,
  dob,
  memberId,
  PG_URL,
  postgresAvailable,
  WORK,
  type Target,
} from './bench-setup.js';
import { startServer, type BenchServer } from './bench-server.js';
import { startBudget } from './machine-cpu.js';
import { startPgStats } from './pg-statements.js';
import { percentile, runClosedLoop } from './stats.js';
import { initiationXml, paRequestXml, readResponse, rtpbXml } from './epa-messages.js';

const SMOKE = Boolean(process.env.BENCH_SMOKE);
const CASES = Number(process.env.BENCH_CASES ?? (SMOKE ? 200 : 2000));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DBS = (process.env.BENCH_DBS ?? 'pglite,postgres').split(',') as Array<'pglite' | 'postgres'>;
const WORKERS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const OZEMPIC = DEMO.ndcs.semaglutidePenLow;
const WARM_UP = SMOKE ? 10 : 50;
const MODES = (process.env.BENCH_PA_MODES ?? 'json,epa,rtpb').split(',');
/** Where the letters are rendered: BENCH_PA_JOBS=on puts the jobs in every API process (the setup before JOBS=dedicated, for comparison). */
const JOBS_MODE = (kind: 'pglite' | 'postgres') =>
  kind === 'postgres' ? (process.env.BENCH_PA_JOBS === 'on' ? 'on' : 'dedicated') : 'on';
/** Members: the mix's cases [0, CASES + WARM_UP), ePA cases from EPA_BASE on (one authorization per member and drug group). */
const EPA_BASE = CASES + WARM_UP + 100;
/** How long to wait after the load for the letters it queued to go out (the job runs every 10 s). */
const DRAIN_MS = 120_000;

type CaseKind = 'auto' | 'review' | 'incomplete';
/** Case i's kind: 7 in 10 meet every criterion, 2 in 10 do not (a reviewer decides), 1 in 10 lacks answers. */
const kindOf = (i: number): CaseKind => (i % 10 < 7 ? 'auto' : i % 10 < 9 ? 'review' : 'incomplete');
const EXPECTED: Record<CaseKind, string> = {
  auto: 'approved',
  review: 'in-review',
  incomplete: 'awaiting-information',
};

function answers(today: string, kind: CaseKind) {
  const a1cDate = new Date(Date.parse(`${today}T12:00:00Z`) - 20 * 86_400_000).toISOString().slice(0, 10);
  const item = [
    { linkId: 'dx', answer: [{ valueCoding: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9' } }] },
    // 6.2 % is under the criterion's 6.5 %: not met, and a denial is a person's decision.
    { linkId: 'a1c', answer: [{ valueDecimal: kind === 'review' ? 6.2 : 8.4 }] },
    { linkId: 'a1c-date', answer: [{ valueDate: a1cDate }] },
    { linkId: 'metformin-contra', answer: [{ valueBoolean: true }] },
    { linkId: 'metformin-contra-detail', answer: [{ valueString: 'eGFR 25 mL/min' }] },
    { linkId: 'weight-only', answer: [{ valueBoolean: false }] },
  ].filter((a) => kind !== 'incomplete' || !a.linkId.startsWith('a1c'));
  return { resourceType: 'QuestionnaireResponse', status: 'completed', item };
}

interface LagFigures {
  sent: number;
  p50: number;
  p95: number;
  max: number;
  unsent: number;
  forPrintBatch: number;
}

/** Letter queued → sent, for the letters the measured cases queued (mail waits for the daily print batch). */
async function deliveryLag(target: Target, since: Date): Promise<LagFigures> {
  const database = await target.open();
  try {
    const rows = await database.query<{ channel: string; lag_ms: number | null }>(
      `select channel, extract(epoch from (sent_at - created_at)) * 1000 as lag_ms
         from notices where created_at >= $1 and pa_request_id is not null`,
      [since],
    );
    const electronic = rows.filter((r) => r.channel !== 'mail');
    const lags = electronic
      .filter((r) => r.lag_ms !== null)
      .map((r) => Number(r.lag_ms))
      .sort((a, b) => a - b);
    return {
      sent: lags.length,
      p50: percentile(lags, 50),
      p95: percentile(lags, 95),
      max: lags.at(-1) ?? NaN,
      unsent: electronic.length - lags.length,
      forPrintBatch: rows.length - electronic.length,
    };
  } finally {
    await database.close();
  }
}

/** One SCRIPT message to the hub routes; a SCRIPT Error or anything but 200 stops the bench (it measures answers, not refusals). */
async function script(pool: Pool, route: '/api/v1/epa' | '/api/v1/rtpb', xml: string) {
  const r = await pool.request({
    path: route,
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_EPA_HUB.apiKey}`, 'content-type': 'application/xml' },
    body: xml,
  });
  const text = await r.body.text();
  const m = readResponse(text);
  if (r.statusCode !== 200 || m.transaction === 'Error') throw new Error(`${route} → ${r.statusCode} ${text}`);
  return m;
}

/** PAInitiationRequest for member i: the PAReferenceID of the case it opened with the question set. */
async function openEpaCase(pool: Pool, i: number): Promise<string> {
  const m = await script(pool, '/api/v1/epa', initiationXml(memberId(i), dob(i)));
  const id = m.body.Response?.Open?.PAReferenceID as string | undefined;
  if (!id) throw new Error(`PAInitiationResponse opened no case: ${JSON.stringify(m.body.Response)}`);
  return id;
}

/**
 * ePA mode: warm-up, PARequest → PAResponse latency for cases opened beforehand (the issue's
 * "complete-and-approvable PARequest → PAResponse"), then complete exchanges per second.
 */
async function runEpa(pool: Pool, today: string, cpu: () => number, server: BenchServer, dbUrl?: string) {
  const a1cDate = new Date(Date.parse(`${today}T12:00:00Z`) - 20 * 86_400_000).toISOString().slice(0, 10);
  const request = (caseId: string) => script(pool, '/api/v1/epa', paRequestXml(caseId, a1cDate));
  const base = EPA_BASE;
  for (let i = 0; i < 50; i++) await request(await openEpaCase(pool, base + CASES * 2 + i));
  const opened: string[] = [];
  for (let i = 0; i < CASES; i++) opened.push(await openEpaCase(pool, base + i));
  let approved = 0;
  const cpu0 = cpu();
  const requestLoop = await runClosedLoop(CASES, CONCURRENCY, async (i) => {
    if ((await request(opened[i])).body.Response?.Approved) approved++;
  });
  const cpu1 = cpu();
  const statements = await startPgStats(dbUrl);
  const reading = startBudget(server, dbUrl);
  const intake = await runClosedLoop(CASES, CONCURRENCY, async (i) => {
    await request(await openEpaCase(pool, base + CASES + i));
  });
  // The letters of approvals still being rendered when the loop ends are not in "jobs".
  const budget = reading.per(CASES);
  await statements.report(CASES, "an ePA exchange (initiation + request), over the exchanges' loop");
  const cpu2 = cpu();
  return {
    request: requestLoop,
    approved,
    intake,
    /** API process CPU ms per PARequest, and per exchange (initiation + request). */
    requestCpuMs: (cpu1 - cpu0) / CASES,
    intakeCpuMs: (cpu2 - cpu1) / CASES,
    budget,
  };
}

/** RTPB: the same drug for members with and without an authorization on file (a dry run; nothing is written). */
async function runRtpb(pool: Pool, cpu: () => number) {
  const members = EPA_BASE + CASES * 2 + 100;
  for (let i = 0; i < 50; i++) await script(pool, '/api/v1/rtpb', rtpbXml(memberId(i), dob(i)));
  const cpu0 = cpu();
  const loop = await runClosedLoop(CASES, CONCURRENCY, async (i) => {
    const k = (i * 7919) % members;
    const m = await script(pool, '/api/v1/rtpb', rtpbXml(memberId(k), dob(k)));
    if (m.transaction !== 'RTPBResponse') throw new Error(`RTPB answered ${m.transaction}`);
  });
  return { ...loop, cpuMs: (cpu() - cpu0) / CASES };
}

async function runConfig(kind: 'pglite' | 'postgres', workers: number) {
  const target = await makeTarget(kind, `pa_${kind}_${workers}_${Date.now()}`);
  let server: BenchServer | null = await startServer(
    {
      ...target.env,
      DEMO_DATA: 'true',
      TOKEN_TTL_SECONDS: '3600',
      // PostgreSQL: the API process(es) render no letters; one more process runs the jobs (JOBS=dedicated:
      // the API processes JOBS=off, a JOBS=only worker). PGlite is opened by one process: jobs run in it.
      JOBS: JOBS_MODE(kind),
      OUTBOX_DIR: path.join(WORK, `outbox-${kind}-${workers}-${process.pid}`),
      ...(workers > 1 ? { WORKERS: String(workers) } : {}),
    },
    // As npm start runs it: the bundle, not src/ under the tsx loader (memory and CPU of what operators run).
    { compiled: true },
  );
  const pool = new Pool(server.url, { connections: CONCURRENCY });
  try {
    const url = server.url;
    const admin = (
      await api(url, '', 'POST', '/auth/token', {
        username: DEMO.accounts.admin.username,
        password: DEMO.accounts.admin.password,
      })
    ).accessToken as string;
    // Each case needs its own member: one member gets one authorization per drug-form group.
    await api(url, admin, 'POST', '/imports/members', benchMembersCsv(EPA_BASE + CASES * 2 + 100), 'text/csv');
    const prescriber = DEMO.accounts.prescribers[0];
    const token = (
      await api(url, '', 'POST', '/auth/token', { username: prescriber.username, password: prescriber.password })
    ).accessToken as string;
    const today = toLocalDate(new Date(), 'America/Los_Angeles'); // the demo plans' zone
    const bodies = Object.fromEntries(
      (['auto', 'review', 'incomplete'] as const).map((k) => [k, JSON.stringify({ answers: answers(today, k) })]),
    ) as Record<CaseKind, string>;
    const call = async (method: 'POST' | 'GET', p: string, payload?: string) => {
      const r = await pool.request({
        path: `/api/v1${p}`,
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: payload,
      });
      const j = (await r.body.json()) as Record<string, unknown>;
      if (r.statusCode >= 300) throw new Error(`${p} → ${r.statusCode} ${JSON.stringify(j)}`);
      return j;
    };
    const submitLatency: Record<CaseKind, number[]> = { auto: [], review: [], incomplete: [] };
    const unexpected: Record<CaseKind, number> = { auto: 0, review: 0, incomplete: 0 };
    const caseIds: string[] = [];
    const oneCase = async (m: number, record: boolean) => {
      const k = kindOf(m);
      const c = await call(
        'POST',
        '/pa-requests',
        JSON.stringify({
          memberId: memberId(m),
          prescriberNpi: prescriber.npi,
          productId: OZEMPIC,
          quantity: 3,
          daysSupply: 28,
          urgency: 'standard',
          channel: 'portal',
        }),
      );
      const t0 = performance.now();
      const s = await call('POST', `/pa-requests/${c.id}/submit`, bodies[k]);
      if (!record) return;
      caseIds[m] = String(c.id);
      submitLatency[k].push(performance.now() - t0);
      if (s.status !== EXPECTED[k]) unexpected[k]++;
    };

    // ePA and RTPB modes first, so the mix's letters and lag are its own.
    const cpu = () => server!.apiCpuMs();
    const epa = MODES.includes('epa') ? await runEpa(pool, today, cpu, server, target.env.DATABASE_URL) : null;
    const rtpb = MODES.includes('rtpb') ? await runRtpb(pool, cpu) : null;
    for (let i = 0; i < WARM_UP; i++) await oneCase(CASES + i, false);
    const since = new Date();
    // Complete cases (initiate + submit) in a closed loop; submit→response timed per kind inside.
    const statements = await startPgStats(target.env.DATABASE_URL);
    const casesCpu0 = cpu();
    const reading = startBudget(server, target.env.DATABASE_URL);
    const cases = await runClosedLoop(CASES, CONCURRENCY, (i) => oneCase(i, true));
    const casesCpuMs = (cpu() - casesCpu0) / CASES;
    // The letters the run queued go out through the delivery job; wait for the last cases' ones.
    const drainStart = Date.now();
    const last = Array.from({ length: 20 }, (_, j) => CASES - 1 - j).filter((i) => kindOf(i) === 'auto');
    for (;;) {
      const lists = await Promise.all(
        last.map(
          async (i) =>
            (await call('GET', `/notices?paRequestId=${caseIds[i]}`)).items as Array<{
              status: string;
              channel: string;
            }>,
        ),
      );
      const pending = lists
        .flat()
        .filter((n) => n.channel !== 'mail' && !['sent', 'delivered', 'failed'].includes(n.status));
      if (pending.length === 0 || Date.now() - drainStart > DRAIN_MS) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    // Everything the cases cost the machine, their letters included (the drain above waits for them).
    const budget = reading.per(CASES);
    await statements.report(CASES, "a JSON case, from the first case to the last case's letters sent");
    const peak = server.peakRssByProcess();
    await pool.close();
    await server.stop();
    server = null;
    const lag = await deliveryLag(target, since);
    const sorted = (k: CaseKind) => [...submitLatency[k]].sort((a, b) => a - b);
    const figures = (k: CaseKind) => ({
      n: submitLatency[k].length,
      p50: percentile(sorted(k), 50),
      p95: percentile(sorted(k), 95),
      p99: percentile(sorted(k), 99),
      unexpected: unexpected[k],
    });
    return {
      kind,
      workers,
      cases: CASES,
      concurrency: CONCURRENCY,
      casesPerSecond: cases.rate,
      casesCpuMs,
      budget,
      submit: { auto: figures('auto'), review: figures('review'), incomplete: figures('incomplete') },
      lag,
      epa,
      rtpb,
      jobs: JOBS_MODE(kind),
      peakRssMb: Math.max(...peak.filter((p) => p.role !== 'supervisor').map((p) => p.peakRssMb)),
      peakRssByProcess: peak,
    };
  } finally {
    if (server) {
      await pool.close().catch(() => {});
      await server.stop();
    }
    await target.cleanup();
  }
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
  const uptime = execSync('uptime').toString().trim();
  const results = [];
  for (const kind of DBS) {
    if (kind === 'postgres' && !(await postgresAvailable())) {
      console.log(`skipping postgres: nothing answers at ${PG_URL}`);
      continue;
    }
    // PGlite is one process (WORKERS needs PostgreSQL).
    for (const workers of kind === 'pglite' ? [1] : WORKERS) {
      process.stderr.write(`bench: prior authorization on ${kind}, ${workers} API process(es) …\n`);
      results.push(await runConfig(kind, workers));
    }
  }
  const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
  console.log(
    `\nPA bench${SMOKE ? ' (SMOKE: figures mean nothing)' : ''}: ${CASES} cases (70 % auto-decided, 20 % to review, 10 % incomplete), concurrency ${CONCURRENCY}, jobs on (${new Date().toISOString()})`,
  );
  console.log(
    `machine at start: ${uptime} (load ${load}); targets: auto-decided submit p95 ≤ 150 ms, ≥ 150 cases/s, RSS ≤ 400 MB per process`,
  );
  console.log(
    '| database | API processes | jobs | cases/s | auto submit p50 / p95 / p99 ms | review p50 / p95 / p99 ms | incomplete p50 / p95 / p99 ms | unexpected outcomes | letters sent (fax/e-mail/portal) | delivery lag p50 / p95 / max s | unsent | mail (print batch) | peak RSS MB (largest API or jobs process) |',
  );
  console.log('|---|---:|---|---:|---|---|---|---:|---:|---|---:|---:|---:|');
  for (const r of results) {
    const s = (k: 'auto' | 'review' | 'incomplete') =>
      `${f(r.submit[k].p50)} / ${f(r.submit[k].p95)} / ${f(r.submit[k].p99)}`;
    const unexpected = r.submit.auto.unexpected + r.submit.review.unexpected + r.submit.incomplete.unexpected;
    console.log(
      `| ${r.kind} | ${r.workers} | ${r.jobs} | ${f(r.casesPerSecond, 0)} | ${s('auto')} | ${s('review')} | ${s('incomplete')} | ${unexpected} | ${r.lag.sent} | ${f(r.lag.p50 / 1000)} / ${f(r.lag.p95 / 1000)} / ${f(r.lag.max / 1000)} | ${r.lag.unsent} | ${r.lag.forPrintBatch} | ${f(r.peakRssMb, 0)} |`,
    );
  }
  console.log('\nPeak RSS (VmHWM) of each server process (target ≤ 400 MB each; the supervisor serves no request):');
  console.log('| database | API processes | jobs | process (pid): peak RSS MB |');
  console.log('|---|---:|---|---|');
  for (const r of results)
    console.log(
      `| ${r.kind} | ${r.workers} | ${r.jobs} | ${r.peakRssByProcess.map((p) => `${p.role} (${p.pid}): ${f(p.peakRssMb, 0)}`).join(', ')} |`,
    );
  const g = (n: number | undefined, d = 1) => (n === undefined ? 'n/a' : f(n, d));
  console.log(
    '\nAPI process CPU time per request (user + system, ms; unlike latency it hardly depends on what else the machine runs):',
  );
  console.log(
    '| database | API processes | jobs | JSON case (initiate + submit) | ePA PARequest | ePA exchange (initiation + request) | RTPB |',
  );
  console.log('|---|---:|---|---:|---:|---:|---:|');
  for (const r of results)
    console.log(
      `| ${r.kind} | ${r.workers} | ${r.jobs} | ${f(r.casesCpuMs)} | ${g(r.epa?.requestCpuMs)} | ${g(r.epa?.intakeCpuMs)} | ${g(r.rtpb?.cpuMs)} |`,
    );
  const cores = os.availableParallelism();
  console.log(
    `\nCPU budget of one complete case (JSON mix), ms of CPU (user + system) from the first case to the last case's letters sent, divided by the cases; the ceiling is what ${cores} cores could do if nothing else ran and nothing waited (${cores} × 1000 ms ÷ total). With BENCH_PA_MODES other than json, letters of the ePA cases rendered during this phase count in "jobs":`,
  );
  console.log(
    '| database | API processes | jobs | API | jobs process (letters) | PostgreSQL (all its processes) | load generator | total | ceiling cases/s | measured cases/s |',
  );
  console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const b = r.budget;
    console.log(
      `| ${r.kind} | ${r.workers} | ${r.jobs} | ${f(b.api)} | ${f(b.jobs)} | ${f(b.postgres)} | ${f(b.loadGenerator)} | ${f(b.total)} | ${f((cores * 1000) / b.total, 0)} | ${f(r.casesPerSecond, 0)} |`,
    );
  }
  if (results.some((r) => r.epa)) {
    console.log(
      '\nePA mode (NCPDP SCRIPT XML, POST /api/v1/epa as the demo hub; same server, same run, other members; targets on PostgreSQL: PARequest→PAResponse p95 ≤ 300 ms, ≥ 100 exchanges/s):',
    );
    console.log(
      '| database | API processes | PARequest→PAResponse p50 ms | p95 ms | approved | JSON auto submit p95 ms | p95 ÷ JSON | exchanges/s (initiation + request) | JSON mix cases/s | ÷ JSON |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      if (!r.epa) continue;
      const e = r.epa;
      console.log(
        `| ${r.kind} | ${r.workers} | ${f(e.request.p50)} | ${f(e.request.p95)} | ${e.approved}/${r.cases} | ${g(r.submit.auto.p95)} | ${f(e.request.p95 / r.submit.auto.p95, 2)} | ${f(e.intake.rate, 0)} | ${f(r.casesPerSecond, 0)} | ${f(e.intake.rate / r.casesPerSecond, 2)} |`,
      );
    }
    console.log(
      `\nCPU budget of one ePA exchange (initiation + request), ms over the exchanges' loop; letters of approvals rendered after the loop ended are not in "jobs", so the total is a floor; ceiling = ${cores} × 1000 ms ÷ total:`,
    );
    console.log(
      '| database | API processes | API | jobs process | PostgreSQL | load generator | total | ceiling exchanges/s | measured exchanges/s |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      if (!r.epa) continue;
      const b = r.epa.budget;
      console.log(
        `| ${r.kind} | ${r.workers} | ${f(b.api)} | ${f(b.jobs)} | ${f(b.postgres)} | ${f(b.loadGenerator)} | ${f(b.total)} | ${f((cores * 1000) / b.total, 0)} | ${f(r.epa.intake.rate, 0)} |`,
      );
    }
  }
  if (results.some((r) => r.rtpb)) {
    console.log('\nRTPB (RTPBRequest → RTPBResponse, POST /api/v1/rtpb; target on PostgreSQL: p95 ≤ 100 ms):');
    console.log('| database | API processes | requests | p50 ms | p95 ms | p99 ms | requests/s |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      if (!r.rtpb) continue;
      console.log(
        `| ${r.kind} | ${r.workers} | ${r.cases} | ${f(r.rtpb.p50)} | ${f(r.rtpb.p95)} | ${f(r.rtpb.p99)} | ${f(r.rtpb.rate, 0)} |`,
      );
    }
  }
  writeFileSync(path.join(WORK, `pa-${Date.now()}.json`), JSON.stringify({ uptime, results }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
