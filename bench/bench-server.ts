import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processCpuMs as cpuMs } from './machine-cpu.js';
import { serverNodeFlags } from '../scripts/server-node-flags.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A server process's peak RSS and what it runs: the API, the jobs (JOBS=only), both, or the supervisor. */
export interface ProcessPeak {
  pid: number;
  role: 'api' | 'jobs' | 'api+jobs' | 'supervisor';
  peakRssMb: number;
}

export interface BenchServer {
  url: string;
  pid: number;
  /** Peak resident set size (VmHWM) in MB of the largest server process so far (under WORKERS, of any one). */
  peakRssMb(): number;
  /** VmHWM of each process: the server, or the supervisor and its workers under WORKERS=N or JOBS=dedicated. */
  peakRssByProcess(): ProcessPeak[];
  /**
   * CPU time (user + system, ms) the API processes have used so far: per request, it does not
   * depend on how busy the machine is the way latency does (the machine is shared).
   */
  apiCpuMs(): number;
  /** CPU time (ms) of the dedicated jobs process (JOBS=only) so far; 0 when the API processes run the jobs. */
  jobsCpuMs(): number;
  stop(): Promise<void>;
}

function vmHwmMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0; // gone
  }
}

/** What a server process runs, from its JOBS (a cluster worker gets its own in its environment). */
function roleOf(pid: number, isSupervisor: boolean): ProcessPeak['role'] {
  if (isSupervisor) return 'supervisor';
  let jobs = 'on';
  try {
    const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    jobs = env.findLast((e) => e.startsWith('JOBS='))?.slice(5) ?? 'on';
  } catch {
    // gone: reported with the role it had last
  }
  return jobs === 'only' ? 'jobs' : jobs === 'off' ? 'api' : 'api+jobs';
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

let built: Promise<string> | undefined;

/**
 * The server as `npm start` runs it (scripts/start.mjs): bundled once with esbuild and run by node,
 * not under the tsx loader, whose in-memory transpiling and source maps add to every process's
 * memory and start-up — the figures are those of what an operator runs. Built once per bench run.
 */
function buildServer(): Promise<string> {
  built ??= (async () => {
    const { build } = await import('esbuild');
    const outdir = path.join(ROOT, '.bench', 'server');
    await build({
      entryPoints: { main: path.join(ROOT, 'src', 'main.ts') },
      outdir,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: true,
      sourcesContent: false, // as scripts/start.mjs builds it
      logLevel: 'warning',
    });
    return path.join(outdir, 'main.js');
  })();
  return built;
}

/**
 * Starts the real server (node on src/main.ts under tsx, or on the bundle npm start builds when
 * `compiled`; either way the PID is the server itself,
 * or under WORKERS=N / JOBS=dedicated the supervisor whose children are the workers) and waits
 * for its start banner, which under WORKERS comes once every worker answers.
 */
export async function startServer(
  env: Record<string, string>,
  /** compiled: run the bundle npm start runs (bench:pa); otherwise src/main.ts under tsx. */
  options: { compiled?: boolean } = {},
): Promise<BenchServer> {
  const port = 3900 + Math.floor(Math.random() * 90);
  // BENCH_CPU_PROF=DIR writes a V8 CPU profile of each server process into DIR (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_CPU_PROF)]
    : [];
  // BENCH_NODE_ARGS: extra node/V8 flags for the server processes (e.g. to try a heap setting).
  const extra = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // Compiled: with the node flags scripts/start.mjs gives the server (the embedded database's).
  const entry = options.compiled ? ['--enable-source-maps', await buildServer()] : ['--import', 'tsx', 'src/main.ts'];
  const child: ChildProcess = spawn(
    process.execPath,
    [...profile, ...(options.compiled ? serverNodeFlags({ ...process.env, ...env }, []) : []), ...extra, ...entry],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (!output.includes('OpenPBM is running at')) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  // A process gone (a worker replaced) keeps its last reading, so its peak is still reported.
  const seen = new Map<number, ProcessPeak>();
  const byProcess = () => {
    const children = childrenOf(child.pid!);
    for (const pid of [child.pid!, ...children]) {
      const peakRssMb = vmHwmMb(pid);
      if (peakRssMb > 0) seen.set(pid, { pid, role: roleOf(pid, pid === child.pid && children.length > 0), peakRssMb });
    }
    return [...seen.values()];
  };
  return {
    url,
    pid: child.pid!,
    peakRssByProcess: byProcess,
    peakRssMb: () => Math.max(...byProcess().map((p) => p.peakRssMb)),
    apiCpuMs: () => {
      const children = childrenOf(child.pid!);
      const pids = children.length ? children.filter((pid) => roleOf(pid, false) !== 'jobs') : [child.pid!];
      return pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
    },
    jobsCpuMs: () =>
      childrenOf(child.pid!)
        .filter((pid) => roleOf(pid, false) === 'jobs')
        .reduce((sum, pid) => sum + cpuMs(pid), 0),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
