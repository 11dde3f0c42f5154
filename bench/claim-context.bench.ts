/**
 * The claim-context statement alone, on a database that bench:claims kept (BENCH_KEEP_DB=1 prints
 * its name): median and p90 of one connection's executions, as a claim runs it (named, so cached),
 * with the window's months as constants (what OpenPBM runs), with parameters only (before), and
 * from 90 days back (a claim of a drug whose rules look no further: historyLookbackDays),
 * alternated three times. Members and drug groups come from the database's own recent fills.
 *
 *   BENCH_DB_URL=postgres://postgres@127.0.0.1:5432/openpbm_bench_… npm run bench:claim-context
 */
import pg from 'pg';
import { claimContextMonths, claimContextSql } from '../src/claims/claims.repo.js';
import { addDays } from '../src/platform/dates.js';

const url = process.env.BENCH_DB_URL;
if (!url) throw new Error('set BENCH_DB_URL to a database bench:claims kept (BENCH_KEEP_DB=1)');
const N = Number(process.env.BENCH_STATEMENTS ?? 400);
const WARM = 20;
const today = new Date().toISOString().slice(0, 10);

const admin = new pg.Client({ connectionString: url });
await admin.connect();
const { rows: sample } = await admin.query<{ member_id: string; group_id: string }>(
  `select member_id, group_id from claims
    where date_of_service >= $1::date - 40 and member_id is not null and group_id is not null limit 4000`,
  [today],
);
const { rows: size } = await admin.query<{ n: string; parts: string }>(
  `select (select count(*) from claims) as n, (select count(*) from pg_inherits where inhparent = 'claims'::regclass) as parts`,
);
await admin.end();
if (!sample.length) throw new Error('no fills in the last 40 days: is this a bench:claims database?');
const picks = Array.from({ length: N }, (_, i) => sample[(i * 7919) % sample.length]!);

type Kind = 'parameters only' | 'month constants' | 'month constants, 90 days';

async function run(kind: Kind): Promise<{ median: number; p90: number }> {
  const withMonths = kind !== 'parameters only';
  // A claim of a drug whose rules look back 90 days reads from there (historyLookbackDays).
  const back = kind === 'month constants, 90 days' ? 90 : 365;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const times: number[] = [];
  for (const [i, p] of picks.entries()) {
    const since = addDays(today, -back);
    const st = claimContextSql(withMonths ? claimContextMonths(since, today, addDays(today, 2)) : null);
    const values = [
      p.member_id,
      '1234567893',
      `RX${i}`,
      0,
      today,
      since,
      false,
      [p.group_id],
      [],
      [],
      addDays(today, -365),
    ];
    const t = performance.now();
    await c.query({ name: st.name, text: st.text, values });
    times.push(performance.now() - t);
  }
  await c.end();
  const s = times.slice(WARM).sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p90: s[Math.floor(s.length * 0.9)]! };
}

console.log(
  `claim context on ${Number(size[0]!.n).toLocaleString()} claims in ${size[0]!.parts} partitions, ${N - WARM} statements a run`,
);
for (let r = 0; r < 3; r++)
  for (const kind of ['parameters only', 'month constants', 'month constants, 90 days'] as const) {
    const { median, p90 } = await run(kind);
    console.log(`${kind}: median ${median.toFixed(3)} ms, p90 ${p90.toFixed(3)} ms`);
  }
