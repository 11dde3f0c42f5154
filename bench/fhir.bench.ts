/**
 * npm run bench:fhir — the FHIR edge through HTTP on the demo data: a US Drug Formulary item
 * search (Basic?code=formulary-item&formulary=…&subject:MedicationKnowledge.code=…) and a CRD
 * order-sign call (CDS Hooks, one MedicationRequest, prefetch Patient + Coverage), each beside
 * baselines measured on the same server in the same run: GET /healthz (the cheapest request) and
 * the JSON coverage check that CRD's answer is built from.
 *
 * Env: BENCH_DBS=postgres,pglite  BENCH_REQUESTS=2000  BENCH_CONCURRENCY=8
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'undici';
import { DEMO } from '../src/demo/demo-data.js';
import { DEMO_EHR_CLIENT } from '../src/demo/demo-accounts.js';
import { api, benchMembersCsv, dob, makeTarget, memberId, PG_URL, postgresAvailable, WORK } from './bench-setup.js';
import { startServer } from './bench-server.js';
import { runClosedLoop } from './stats.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DBS = (process.env.BENCH_DBS ?? 'postgres,pglite').split(',') as Array<'pglite' | 'postgres'>;
const MEMBERS = 2000;
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

function orderSign(i: number) {
  return JSON.stringify({
    hook: 'order-sign',
    hookInstance: `bench-${i}`,
    context: {
      userId: 'Practitioner/bench',
      patientId: `p${i}`,
      draftOrders: {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            resource: {
              resourceType: 'MedicationRequest',
              id: `mr${i}`,
              status: 'draft',
              intent: 'order',
              subject: { reference: `Patient/p${i}` },
              medicationCodeableConcept: {
                coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: DEMO.ndcs.semaglutidePenLow }],
              },
              dispenseRequest: { quantity: { value: 3 }, expectedSupplyDuration: { value: 28, code: 'd' } },
            },
          },
        ],
      },
    },
    prefetch: {
      patient: { resourceType: 'Patient', id: `p${i}`, birthDate: dob(i % MEMBERS) },
      coverage: {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [
          {
            resource: { resourceType: 'Coverage', id: `c${i}`, status: 'active', subscriberId: memberId(i % MEMBERS) },
          },
        ],
      },
    },
  });
}

async function runConfig(kind: 'pglite' | 'postgres') {
  const target = await makeTarget(kind, `fhir_${kind}_${Date.now()}`);
  const server = await startServer({ ...target.env, DEMO_DATA: 'true', TOKEN_TTL_SECONDS: '3600' });
  const pool = new Pool(server.url, { connections: CONCURRENCY });
  try {
    const admin = (
      await api(server.url, '', 'POST', '/auth/token', {
        username: DEMO.accounts.admin.username,
        password: DEMO.accounts.admin.password,
      })
    ).accessToken as string;
    await api(server.url, admin, 'POST', '/imports/members', benchMembersCsv(MEMBERS), 'text/csv');
    const staff = (
      await api(server.url, '', 'POST', '/auth/token', {
        username: DEMO.accounts.memberServices.username,
        password: DEMO.accounts.memberServices.password,
      })
    ).accessToken as string;
    const drugs = (await (await fetch(`${server.url}/fhir/Basic?formulary=Formulary-IHSS01&_count=1000`)).json()) as {
      entry: Array<{ resource: { subject: { reference: string } } }>;
    };
    const rxcuis = drugs.entry.map((e) => e.resource.subject.reference.split('-').pop()!);
    const call = async (method: 'GET' | 'POST', p: string, headers: Record<string, string> = {}, body?: string) => {
      const r = await pool.request({ path: p, method, headers, body });
      await r.body.text();
      if (r.statusCode !== 200) throw new Error(`${p} → ${r.statusCode}`);
    };
    const ehr = { authorization: `Bearer ${DEMO_EHR_CLIENT.apiKey}`, 'content-type': 'application/json' };
    // Warm-up: caches, JIT, connection pool.
    for (let i = 0; i < 100; i++) {
      await call(
        'GET',
        `/fhir/Basic?code=formulary-item&formulary=InsurancePlan/Formulary-IHSS01&subject:MedicationKnowledge.code=${RXNORM}|${rxcuis[i % rxcuis.length]}`,
      );
      await call('POST', '/cds-services/openpbm-crd-order-sign', ehr, orderSign(i));
    }
    const healthz = await runClosedLoop(REQUESTS, CONCURRENCY, () => call('GET', '/healthz'));
    const search = await runClosedLoop(REQUESTS, CONCURRENCY, (i) =>
      call(
        'GET',
        `/fhir/Basic?code=formulary-item&formulary=InsurancePlan/Formulary-IHSS01&subject:MedicationKnowledge.code=${RXNORM}|${rxcuis[i % rxcuis.length]}&_include=Basic:subject`,
      ),
    );
    const coverage = await runClosedLoop(REQUESTS, CONCURRENCY, (i) =>
      call(
        'GET',
        `/api/v1/coverage?memberId=${memberId(i % MEMBERS)}&productId=${DEMO.ndcs.semaglutidePenLow}&quantity=3&daysSupply=28`,
        {
          authorization: `Bearer ${staff}`,
        },
      ),
    );
    const crd = await runClosedLoop(REQUESTS, CONCURRENCY, (i) =>
      call('POST', '/cds-services/openpbm-crd-order-sign', ehr, orderSign(i)),
    );
    return {
      kind,
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      healthz,
      search,
      coverage,
      crd,
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
    process.stderr.write(`bench: FHIR formulary search and CRD order-sign on ${kind} …\n`);
    results.push(await runConfig(kind));
  }
  const f = (n: number, d = 1) => n.toFixed(d);
  console.log(`\nFHIR bench: ${REQUESTS} requests per phase, concurrency ${CONCURRENCY} (${new Date().toISOString()})`);
  console.log('| database | request | p50 ms | p95 ms | req/s | p50 ÷ healthz p50 | p95 ÷ coverage-API p95 |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    for (const [name, s] of [
      ['GET /healthz (baseline)', r.healthz],
      ['GET /api/v1/coverage (baseline: the dry run CRD uses)', r.coverage],
      ['USDF formulary item search (Basic, chained RxNorm code, _include)', r.search],
      ['CRD order-sign (one MedicationRequest, prefetch)', r.crd],
    ] as const)
      console.log(
        `| ${r.kind} | ${name} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.rate, 0)} | ${f(s.p50 / r.healthz.p50, 2)} | ${f(s.p95 / r.coverage.p95, 2)} |`,
      );
  }
  writeFileSync(path.join(WORK, `fhir-${Date.now()}.json`), JSON.stringify(results, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
