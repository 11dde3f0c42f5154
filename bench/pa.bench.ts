/**
 * npm run bench:pa — prior authorization through the HTTP API: submission-to-determination
 * latency for auto-approvable requests (p50/p95) and intake throughput (complete cases/s:
 * initiate + submit), beside a claims baseline measured on the same server in the same run.
 *
 * ePA mode (issue #11): the same auto-approvable cases as NCPDP SCRIPT exchanges through
 * POST /api/v1/epa as the demo hub — PARequest → PAResponse latency for cases opened beforehand
 * with PAInitiationRequest, then complete exchanges (initiation + request) per second — on other
 * members of the same server in the same run, so the JSON figures are its baseline. RTPB mode:
 * RTPBRequest → RTPBResponse latency (POST /api/v1/rtpb) for the same drug.
 *
 * Env: BENCH_DBS=pglite,postgres  BENCH_CASES=2000  BENCH_CONCURRENCY=16  BENCH_PA_MODES=json,epa,rtpb
 *      smoke check: BENCH_CASES=30 BENCH_DBS=pglite
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'undici';
import { DEMO } from '../src/demo/demo-data.js';
import { DEMO_EPA_HUB } from '../src/demo/demo-accounts.js';
import { toLocalDate } from '../src/platform/clock.js';
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
import { initiationXml, paRequestXml, readResponse, rtpbXml } from './epa-messages.js';

const CASES = Number(process.env.BENCH_CASES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DBS = (process.env.BENCH_DBS ?? 'pglite,postgres').split(',') as Array<'pglite' | 'postgres'>;
const MODES = (process.env.BENCH_PA_MODES ?? 'json,epa,rtpb').split(',');
const OZEMPIC = DEMO.ndcs.semaglutidePenLow;
/** Members: JSON cases [0, 2C+50), ePA cases from EPA_BASE on (one authorization per member and drug group). */
const EPA_BASE = CASES * 2 + 100;
type Loop = Awaited<ReturnType<typeof runClosedLoop>>;

function answers(today: string) {
  const a1cDate = new Date(Date.parse(`${today}T12:00:00Z`) - 20 * 86_400_000).toISOString().slice(0, 10);
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    item: [
      { linkId: 'dx', answer: [{ valueCoding: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.9' } }] },
      { linkId: 'a1c', answer: [{ valueDecimal: 8.4 }] },
      { linkId: 'a1c-date', answer: [{ valueDate: a1cDate }] },
      { linkId: 'metformin-contra', answer: [{ valueBoolean: true }] },
      { linkId: 'metformin-contra-detail', answer: [{ valueString: 'eGFR 25 mL/min' }] },
      { linkId: 'weight-only', answer: [{ valueBoolean: false }] },
    ],
  };
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
async function runEpa(pool: Pool, today: string) {
  const a1cDate = new Date(Date.parse(`${today}T12:00:00Z`) - 20 * 86_400_000).toISOString().slice(0, 10);
  const request = (caseId: string) => script(pool, '/api/v1/epa', paRequestXml(caseId, a1cDate));
  const base = EPA_BASE;
  for (let i = 0; i < 50; i++) await request(await openEpaCase(pool, base + CASES * 2 + i));
  const opened: string[] = [];
  for (let i = 0; i < CASES; i++) opened.push(await openEpaCase(pool, base + i));
  let approved = 0;
  const requestLoop = await runClosedLoop(CASES, CONCURRENCY, async (i) => {
    if ((await request(opened[i])).body.Response?.Approved) approved++;
  });
  const intake = await runClosedLoop(CASES, CONCURRENCY, async (i) => {
    await request(await openEpaCase(pool, base + CASES + i));
  });
  return { request: requestLoop, approved, intake };
}

/** RTPB: the same drug for members with and without an authorization on file (a dry run; nothing is written). */
async function runRtpb(pool: Pool) {
  const members = EPA_BASE + CASES * 2 + 100;
  for (let i = 0; i < 50; i++) await script(pool, '/api/v1/rtpb', rtpbXml(memberId(i), dob(i)));
  return runClosedLoop(CASES, CONCURRENCY, async (i) => {
    const k = (i * 7919) % members;
    const m = await script(pool, '/api/v1/rtpb', rtpbXml(memberId(k), dob(k)));
    if (m.transaction !== 'RTPBResponse') throw new Error(`RTPB answered ${m.transaction}`);
  });
}

async function runConfig(kind: 'pglite' | 'postgres') {
  const target = await makeTarget(kind, `pa_${kind}_${Date.now()}`);
  const server = await startServer({ ...target.env, DEMO_DATA: 'true', TOKEN_TTL_SECONDS: '3600' });
  const pool = new Pool(server.url, { connections: CONCURRENCY });
  try {
    const admin = (
      await api(server.url, '', 'POST', '/auth/token', {
        username: DEMO.accounts.admin.username,
        password: DEMO.accounts.admin.password,
      })
    ).accessToken as string;
    // Each case needs its own member: one member gets one authorization per drug-form group.
    await api(server.url, admin, 'POST', '/imports/members', benchMembersCsv(EPA_BASE + CASES * 2 + 100), 'text/csv');
    const prescriber = DEMO.accounts.prescribers[0];
    const token = (
      await api(server.url, '', 'POST', '/auth/token', { username: prescriber.username, password: prescriber.password })
    ).accessToken as string;
    const today = toLocalDate(new Date(), 'America/Los_Angeles'); // the demo plans' zone
    const body = JSON.stringify({ answers: answers(today) });
    const call = async (method: 'POST', p: string, payload: string, bearer = token) => {
      const r = await pool.request({
        path: `/api/v1${p}`,
        method,
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: payload,
      });
      const j = (await r.body.json()) as { id?: string; status?: string };
      if (r.statusCode >= 300) throw new Error(`${p} → ${r.statusCode} ${JSON.stringify(j)}`);
      return j;
    };
    const initiate = (i: number) =>
      call(
        'POST',
        '/pa-requests',
        JSON.stringify({
          memberId: memberId(i),
          prescriberNpi: prescriber.npi,
          productId: OZEMPIC,
          quantity: 3,
          daysSupply: 28,
          urgency: 'standard',
          channel: 'epa',
        }),
      );

    let submit: Loop | null = null;
    let intake: Loop | null = null;
    let approved = 0;
    if (MODES.includes('json')) {
      // Warm-up, then submission-to-determination latency alone (cases opened beforehand).
      for (let i = 0; i < 50; i++)
        await call('POST', `/pa-requests/${(await initiate(CASES * 2 + i)).id}/submit`, body);
      const opened: string[] = [];
      for (let i = 0; i < CASES; i++) opened.push((await initiate(i)).id!);
      submit = await runClosedLoop(CASES, CONCURRENCY, async (i) => {
        if ((await call('POST', `/pa-requests/${opened[i]}/submit`, body)).status === 'approved') approved++;
      });
      // Intake throughput: complete cases (initiate + submit) per second.
      intake = await runClosedLoop(CASES, CONCURRENCY, async (i) => {
        const c = await initiate(CASES + i);
        await call('POST', `/pa-requests/${c.id}/submit`, body);
      });
    }
    const epa = MODES.includes('epa') ? await runEpa(pool, today) : null;
    const rtpb = MODES.includes('rtpb') ? await runRtpb(pool) : null;
    // Baseline in the same run: claims through the same server.
    const pharmacy = DEMO.pharmacies.retail;
    const claims = await runClosedLoop(CASES, CONCURRENCY, async (i) => {
      await call(
        'POST',
        '/claims',
        JSON.stringify({
          bin: '610011',
          pcn: 'BAYRX',
          groupId: PLAN,
          cardholderId: memberId(i),
          patient: { dateOfBirth: dob(i) },
          pharmacyNpi: pharmacy.npi,
          prescriptionNumber: `PB${i}`,
          fillNumber: 0,
          dateOfService: today,
          productId: DEMO.ndcs.coveredGeneric,
          quantityDispensed: 30,
          daysSupply: 30,
          prescriberNpi: prescriber.npi,
          submittedIngredientCost: '12.00',
          usualAndCustomaryCharge: '20.00',
        }),
        pharmacy.apiKey,
      );
    });
    return {
      kind,
      cases: CASES,
      concurrency: CONCURRENCY,
      submit,
      approved,
      intake,
      epa,
      rtpb,
      claims,
      peakRssMb: server.peakRssMb(),
    };
  } finally {
    await pool.close();
    await server.stop();
    await target.cleanup();
  }
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  const results = [];
  for (const kind of DBS) {
    if (kind === 'postgres' && !(await postgresAvailable())) {
      console.log(`skipping postgres: nothing answers at ${PG_URL}`);
      continue;
    }
    process.stderr.write(`bench: prior authorization on ${kind} …\n`);
    results.push(await runConfig(kind));
  }
  const f = (n: number, d = 1) => n.toFixed(d);
  console.log(
    `\nPA bench: ${CASES} auto-approvable GLP-1 requests per phase, concurrency ${CONCURRENCY} (${new Date().toISOString()})`,
  );
  console.log(
    '| database | submit→determination p50 ms | p95 ms | approved | intake cases/s (initiate+submit) | claims/s (baseline, same run) | cases/s ÷ claims/s | peak RSS MB |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const g = (n: number | undefined, d = 1) => (n === undefined ? 'n/a' : f(n, d));
  for (const r of results) {
    console.log(
      `| ${r.kind} | ${g(r.submit?.p50)} | ${g(r.submit?.p95)} | ${r.submit ? `${r.approved}/${r.cases}` : 'n/a'} | ${g(r.intake?.rate, 0)} | ${f(r.claims.rate, 0)} | ${r.intake ? f(r.intake.rate / r.claims.rate, 2) : 'n/a'} | ${f(r.peakRssMb, 0)} |`,
    );
  }
  if (results.some((r) => r.epa)) {
    console.log(
      '\nePA mode (NCPDP SCRIPT XML, POST /api/v1/epa as the demo hub; same server, same run, other members; targets on PostgreSQL: PARequest→PAResponse p95 ≤ 300 ms, ≥ 100 exchanges/s):',
    );
    console.log(
      '| database | PARequest→PAResponse p50 ms | p95 ms | approved | JSON submit p95 ms | p95 ÷ JSON | exchanges/s (initiation + request) | JSON cases/s | ÷ JSON |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      if (!r.epa) continue;
      const e = r.epa;
      console.log(
        `| ${r.kind} | ${f(e.request.p50)} | ${f(e.request.p95)} | ${e.approved}/${r.cases} | ${g(r.submit?.p95)} | ${r.submit ? f(e.request.p95 / r.submit.p95, 2) : 'n/a'} | ${f(e.intake.rate, 0)} | ${g(r.intake?.rate, 0)} | ${r.intake ? f(e.intake.rate / r.intake.rate, 2) : 'n/a'} |`,
      );
    }
  }
  if (results.some((r) => r.rtpb)) {
    console.log('\nRTPB (RTPBRequest → RTPBResponse, POST /api/v1/rtpb; target on PostgreSQL: p95 ≤ 100 ms):');
    console.log('| database | requests | p50 ms | p95 ms | p99 ms | requests/s | claims/s same run |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      if (!r.rtpb) continue;
      console.log(
        `| ${r.kind} | ${r.cases} | ${f(r.rtpb.p50)} | ${f(r.rtpb.p95)} | ${f(r.rtpb.p99)} | ${f(r.rtpb.rate, 0)} | ${f(r.claims.rate, 0)} |`,
      );
    }
  }
  writeFileSync(path.join(WORK, `pa-${Date.now()}.json`), JSON.stringify(results, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
