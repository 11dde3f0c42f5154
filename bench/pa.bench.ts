/**
 * npm run bench:pa — prior authorization through the HTTP API: submission-to-determination
 * latency for auto-approvable requests (p50/p95) and intake throughput (complete cases/s:
 * initiate + submit), beside a claims baseline measured on the same server in the same run.
 *
 * Env: BENCH_DBS=pglite,postgres  BENCH_CASES=2000  BENCH_CONCURRENCY=16
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'undici';
import { DEMO } from '../src/demo/demo-data.js';
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

const CASES = Number(process.env.BENCH_CASES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DBS = (process.env.BENCH_DBS ?? 'pglite,postgres').split(',') as Array<'pglite' | 'postgres'>;
const OZEMPIC = DEMO.ndcs.semaglutidePenLow;

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
    await api(server.url, admin, 'POST', '/imports/members', benchMembersCsv(CASES * 2 + 1000), 'text/csv');
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

    // Warm-up, then submission-to-determination latency alone (cases opened beforehand).
    for (let i = 0; i < 50; i++) await call('POST', `/pa-requests/${(await initiate(CASES * 2 + i)).id}/submit`, body);
    const opened: string[] = [];
    for (let i = 0; i < CASES; i++) opened.push((await initiate(i)).id!);
    let approved = 0;
    const submit = await runClosedLoop(CASES, CONCURRENCY, async (i) => {
      if ((await call('POST', `/pa-requests/${opened[i]}/submit`, body)).status === 'approved') approved++;
    });
    // Intake throughput: complete cases (initiate + submit) per second.
    const intake = await runClosedLoop(CASES, CONCURRENCY, async (i) => {
      const c = await initiate(CASES + i);
      await call('POST', `/pa-requests/${c.id}/submit`, body);
    });
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
  for (const r of results) {
    console.log(
      `| ${r.kind} | ${f(r.submit.p50)} | ${f(r.submit.p95)} | ${r.approved}/${r.cases} | ${f(r.intake.rate, 0)} | ${f(r.claims.rate, 0)} | ${f(r.intake.rate / r.claims.rate, 2)} | ${f(r.peakRssMb, 0)} |`,
    );
  }
  writeFileSync(path.join(WORK, `pa-${Date.now()}.json`), JSON.stringify(results, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
