/**
 * npm run bench:startup — how long `npm start` takes, on an existing database, from the command
 * to the first healthy answer (/healthz), beside the previous way of starting (tsx compiling
 * src/main.ts on the fly, without the web build it also ran every time) measured in the same run.
 * Target (scale issue): ≤ 5 s on an existing database.
 *
 * Env: BENCH_STARTS=5 (starts per way; medians reported)
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STARTS = Number(process.env.BENCH_STARTS ?? 5);

async function timeStart(command: string[], env: Record<string, string>): Promise<number> {
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
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return performance.now() - started;
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

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'openpbm-startup-'));
const env = { DATA_DIR: dataDir };
try {
  // Builds (web + server bundle) and the demo data load happen here, once: what follows is the
  // start on an existing database with nothing to rebuild.
  const first = await timeStart(['node', 'scripts/start.mjs'], env);
  const compiled: number[] = [];
  const tsx: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    compiled.push(await timeStart(['node', 'scripts/start.mjs'], env));
    tsx.push(await timeStart(['node', '--import', 'tsx', 'src/main.ts'], env));
  }
  const load = os.loadavg()[0]!.toFixed(1);
  const m = median(compiled);
  const t = median(tsx);
  console.log(
    `start-up on an existing PGlite database, ${STARTS} starts each, load average ${load}, ${new Date().toISOString()}`,
  );
  console.log(`| way | median ms | min ms | max ms |`);
  console.log(`|---|---:|---:|---:|`);
  console.log(`| first start (builds + demo data load) | ${first.toFixed(0)} | | |`);
  console.log(
    `| npm start (compiled bundle) | ${m.toFixed(0)} | ${Math.min(...compiled).toFixed(0)} | ${Math.max(...compiled).toFixed(0)} |`,
  );
  console.log(
    `| tsx src/main.ts (previous, without its web build) | ${t.toFixed(0)} | ${Math.min(...tsx).toFixed(0)} | ${Math.max(...tsx).toFixed(0)} |`,
  );
  console.log(`ratio compiled / tsx: ${(m / t).toFixed(2)}; target ≤ 5000 ms: ${m <= 5000 ? 'met' : 'not met'}`);
  // What the previous `npm start` also did on every start: vite build of the portals.
  const v0 = performance.now();
  spawnSync(
    'node',
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'silent', '--outDir', path.join(dataDir, 'web')],
    {
      cwd: ROOT,
    },
  );
  console.log(
    `the previous npm start's web build alone: ${(performance.now() - v0).toFixed(0)} ms (now skipped unless web/ changed)`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
