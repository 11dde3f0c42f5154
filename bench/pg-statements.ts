import { readdirSync } from 'node:fs';
import pg from 'pg';
import { commandOf, databaseOfTitle, processCpuMs, titleOf } from './machine-cpu.js';

/** The bench database's PostgreSQL processes and the shared ones, by kind → pid → CPU ms (other databases left out). */
function postgresCpuByKind(database: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e) || commandOf(Number(e)) !== 'postgres') continue;
    const title = titleOf(Number(e));
    const of = databaseOfTitle(title);
    if (of !== undefined && of !== database) continue;
    const kind =
      of === undefined
        ? title.replace(/^postgres: [^:]*: /, '').replace(/^\/.*/, 'postmaster')
        : title.includes('autovacuum worker')
          ? 'autovacuum workers'
          : 'backends';
    out.set(`${kind}\u0000${e}`, processCpuMs(Number(e)));
  }
  return out;
}

/**
 * BENCH_PG_STATS=1: PostgreSQL's own account of a phase, from pg_stat_statements (the server must
 * preload it): the statements of the bench's database by execution + planning time, with calls and
 * ms per unit of work, as the difference of two readings (so the set-up's migrations and demo data
 * are left out). Planning time is recorded for the bench's database only
 * (`alter database … set pg_stat_statements.track_planning = on`); other databases are untouched.
 */
export const PG_STATS = Boolean(process.env.BENCH_PG_STATS);

/** Makes the extension available in the bench's fresh database; a no-op without BENCH_PG_STATS. */
export async function preparePgStats(url: string, database: string): Promise<void> {
  if (!PG_STATS) return;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('create extension if not exists pg_stat_statements');
    await c.query(`alter database ${database} set pg_stat_statements.track_planning = on`);
  } finally {
    await c.end();
  }
}

interface Row {
  queryid: string;
  query: string;
  calls: number;
  exec: number;
  plan: number;
  rows: number;
}

async function read(url: string): Promise<Map<string, Row>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<Row>(
      `select queryid::text, query, calls::float8 as calls, total_exec_time as exec,
              total_plan_time as plan, rows::float8 as rows
         from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
          and query not like '%pg_stat_statements%' and query not like '%pg_stat_user_tables%'`,
    );
    const t = await c.query<Row>(
      `select 'table:' || relname as queryid, relname as query, seq_scan::float8 as calls,
              seq_tup_read::float8 as rows, coalesce(idx_scan, 0)::float8 as exec, 0::float8 as plan
         from pg_stat_user_tables`,
    );
    return new Map([...r.rows, ...t.rows].map((row) => [row.queryid, row]));
  } finally {
    await c.end();
  }
}

/** Starts a reading; `report(n, title)` prints the top statements of the phase per unit of work. */
export async function startPgStats(url: string | undefined) {
  if (!PG_STATS || !url) return { report: async (_n: number, _title: string) => {} };
  const before = await read(url);
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const cpu0 = postgresCpuByKind(database);
  return {
    async report(n: number, title: string, top = 25) {
      const cpu1 = postgresCpuByKind(database);
      const after = await read(url);
      const kinds = new Map<string, number>();
      for (const [key, ms] of cpu1) {
        const kind = key.split('\u0000')[0];
        kinds.set(kind, (kinds.get(kind) ?? 0) + ms - (cpu0.get(key) ?? 0));
      }
      const rows: Row[] = [];
      const tables: Row[] = [];
      for (const [id, a] of after) {
        const b = before.get(id);
        const d = {
          ...a,
          calls: a.calls - (b?.calls ?? 0),
          exec: a.exec - (b?.exec ?? 0),
          plan: a.plan - (b?.plan ?? 0),
          rows: a.rows - (b?.rows ?? 0),
        };
        if (id.startsWith('table:')) {
          if (d.rows > 0) tables.push(d);
        } else if (d.calls > 0) rows.push(d);
      }
      rows.sort((x, y) => y.exec + y.plan - (x.exec + x.plan));
      console.log(
        `\nPostgreSQL CPU ms a unit by process, ${title} (clock ticks of 10 ms; autovacuum workers that exited within the phase are missed): ${[
          ...kinds,
        ]
          .filter(([, ms]) => ms > 0)
          .sort((a, b) => b[1] - a[1])
          .map(([k, ms]) => `${k} ${(ms / n).toFixed(2)}`)
          .join(', ')}`,
      );
      const sum = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r), 0);
      console.log(
        `\npg_stat_statements, ${title}: ${(sum((r) => r.calls) / n).toFixed(1)} statements, ${(sum((r) => r.exec) / n).toFixed(2)} ms execution + ${(sum((r) => r.plan) / n).toFixed(2)} ms planning a unit (${n} units); top ${top} by execution + planning:`,
      );
      console.log('| calls a unit | exec ms a unit | plan ms a unit | mean exec µs | rows a call | statement |');
      console.log('|---:|---:|---:|---:|---:|---|');
      for (const r of rows.slice(0, top)) {
        const q = r.query.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 140);
        console.log(
          `| ${(r.calls / n).toFixed(2)} | ${(r.exec / n).toFixed(3)} | ${(r.plan / n).toFixed(3)} | ${((r.exec / r.calls) * 1000).toFixed(0)} | ${(r.rows / r.calls).toFixed(1)} | ${q} |`,
        );
      }
      tables.sort((x, y) => y.rows - x.rows);
      console.log(
        `Sequential scans in the phase (pg_stat_user_tables), by rows read: ${tables
          .slice(0, 8)
          .map((t) => `${t.query} ${(t.calls / n).toFixed(2)} scans / ${(t.rows / n).toFixed(0)} rows a unit`)
          .join('; ')}`,
      );
    },
  };
}
