/**
 * npm run bench:startup — how long `npm start` takes, on an existing database, from the command
 * to the first healthy answer (/healthz, which queries the database), on PGlite and on PostgreSQL:
 * the median of BENCH_STARTS starts each, beside the server process's CPU time up to that answer
 * (user + system, from /proc: what the start costs, less sensitive than wall time to what else
 * the machine runs). The first start of each database builds what changed and loads the demo data
 * and is reported apart. Target (issue #15): ≤ 5 s on an existing database.
 *
 * Env: BENCH_STARTS=5 · BENCH_DBS=pglite,postgres · BENCH_PG_URL (bench-setup.ts) ·
 * BENCH_COMPARE_TSX=1 also times the previous way (tsx compiling src/main.ts on every start, and
 * the web build it ran every time).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTarget } from './bench-setup.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const DBS = (process.env.BENCH_DBS ?? 'pglite,postgres').split(',') as Array<'pglite' | 'postgres'>;
const COMPARE_TSX = process.env.BENCH_COMPARE_TSX === '1';

interface Start {
  ms: number;
  /**
   * The user + system CPU of the started command and every process under it, up to the first
   * answer (Linux /proc; NaN elsewhere). On PGlite `npm start` runs the server in a child node
   * (scripts/server-node-flags.mjs), whose CPU its parent's /proc entry does not hold.
   */
  cpuMs: number;
}

/** utime + stime of `pid` and its descendants, ms (USER_HZ = 100); NaN when /proc cannot be read. */
function treeCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stats = new Map<number, { ppid: number; ms: number }>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ');
        stats.set(Number(name), {
          ppid: Number(fields[1]),
          ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100,
        });
      } catch {
        /* exited meanwhile */
      }
    }
    if (!stats.has(pid)) return NaN;
    let total = 0;
    const todo = [pid];
    while (todo.length > 0) {
      const p = todo.pop()!;
      total += stats.get(p)?.ms ?? 0;
      for (const [child, s] of stats) if (s.ppid === p) todo.push(child);
    }
    return total;
  } catch {
    return NaN;
  }
}

async function timeStart(command: string[], env: Record<string, string>): Promise<Start> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (d) => (errors += d));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited:\n${errors}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok)
          return { ms: performance.now() - started, cpuMs: treeCpuMs(child.pid) };
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (way: string, starts: Start[]) => {
  const ms = starts.map((x) => x.ms);
  return `| ${way} | ${median(ms).toFixed(0)} | ${Math.min(...ms).toFixed(0)} | ${Math.max(...ms).toFixed(0)} | ${median(starts.map((x) => x.cpuMs)).toFixed(0)} |`;
};

console.log(`start-up on an existing database, ${STARTS} starts each, ${new Date().toISOString()}`);
console.log(`| database | way | median ms | min ms | max ms | server CPU ms (median) |`);
console.log(`|---|---|---:|---:|---:|---:|`);
let worst = 0;
for (const kind of DBS) {
  const target = await makeTarget(kind, 'startup');
  try {
    // Builds (web + server bundle) and the demo data load happen here, once: what follows is the
    // start on an existing database with nothing to rebuild.
    const first = await timeStart(['node', 'scripts/start.mjs'], target.env);
    const compiled: Start[] = [];
    const tsx: Start[] = [];
    for (let i = 0; i < STARTS; i++) {
      compiled.push(await timeStart(['node', 'scripts/start.mjs'], target.env));
      if (COMPARE_TSX) tsx.push(await timeStart(['node', '--import', 'tsx', 'src/main.ts'], target.env));
    }
    console.log(
      `| ${kind} | first start (builds if changed + demo data load) | ${first.ms.toFixed(0)} | | | ${first.cpuMs.toFixed(0)} |`,
    );
    console.log(`| ${kind} ${row('npm start (compiled bundle)', compiled)}`);
    if (COMPARE_TSX) console.log(`| ${kind} ${row('tsx src/main.ts (previous, without its web build)', tsx)}`);
    worst = Math.max(worst, median(compiled.map((x) => x.ms)));
  } finally {
    await target.cleanup();
  }
}
const [l1, l5] = os.loadavg();
console.log(
  `load average at the end ${l1!.toFixed(1)} / ${l5!.toFixed(1)} (1 / 5 min); target ≤ 5000 ms on every database: ${worst <= 5000 ? 'met' : 'not met'}`,
);
if (COMPARE_TSX) {
  // What the previous `npm start` also did on every start: vite build of the portals.
  const out = path.join(os.tmpdir(), `openpbm-startup-web-${process.pid}`);
  const v0 = performance.now();
  spawnSync('node', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'silent', '--outDir', out], {
    cwd: ROOT,
  });
  rmSync(out, { recursive: true, force: true });
  console.log(
    `the previous npm start's web build alone: ${(performance.now() - v0).toFixed(0)} ms (now skipped unless web/ changed)`,
  );
}
