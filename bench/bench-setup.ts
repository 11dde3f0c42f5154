import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db.js';
import { preparePgStats } from './pg-statements.js';

export const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const WORK = path.resolve('.bench');
export const PLAN = 'IHSS01';

export interface Target {
  kind: 'pglite' | 'postgres';
  env: Record<string, string>;
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

export async function makeTarget(kind: 'pglite' | 'postgres', label: string): Promise<Target> {
  if (kind === 'pglite') {
    const dir = path.join(WORK, `pglite-${label}`);
    rmSync(dir, { recursive: true, force: true });
    return {
      kind,
      env: { DATA_DIR: dir },
      open: () => openDatabase({ dataDir: dir }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  // The pid keeps two checkouts benchmarking on one server from dropping each other's database.
  const name = `openpbm_bench_${label}_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  await preparePgStats(url, name);
  return {
    kind,
    env: { DATABASE_URL: url },
    open: () => openDatabase({ databaseUrl: url, poolSize: 10 }),
    cleanup: async () => {
      // BENCH_KEEP_DB=1 leaves the database for EXPLAIN afterwards (its name is printed).
      if (process.env.BENCH_KEEP_DB) return void console.log(`bench: kept database ${name}`);
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`drop database if exists ${name}`);
      await a.end();
    },
  };
}

export async function api(
  url: string,
  token: string,
  method: string,
  pathName: string,
  body?: unknown,
  contentType = 'application/json',
) {
  const r = await fetch(`${url}/api/v1${pathName}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = await r.json();
  if (!r.ok) throw new Error(`${method} ${pathName} → ${r.status} ${JSON.stringify(json)}`);
  return json as any;
}

export const memberId = (i: number) => `B${String(i).padStart(7, '0')}`;
export const dob = (i: number) =>
  `19${50 + (i % 45)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

/** Synthetic members for load (plan IHSS01), loaded through the members CSV import. */
export function benchMembersCsv(count: number): string {
  const lines = [
    'member_id,plan_id,first_name,last_name,date_of_birth,sex,language,contact_preference,email,phone,address_line1,city,state,zip,effective_date,termination_date',
  ];
  for (let i = 0; i < count; i++)
    lines.push(
      `${memberId(i)},${PLAN},Bench,Member${i},${dob(i)},${i % 2 ? 'F' : 'M'},en,mail,,,1 Bench St,Oakland,CA,94612,2026-01-01,`,
    );
  return lines.join('\n') + '\n';
}

export async function postgresAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}
