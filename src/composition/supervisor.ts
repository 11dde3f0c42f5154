import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config.js';
import { startBanner } from './banner.js';
import { prepareDemoData } from './prepare-database.js';
import { SHUTDOWN_GRACE_MS, WORKER_READY, type WorkerReady } from './run-process.js';
import { CLOCK_ACK, CLOCK_MOVED, CLOCK_SET, CLOCK_SHARED, isClockMessage, type ClockMessage } from './shared-clock.js';
import { startContext } from './start-context.js';

type Role = 'api' | 'jobs';

/** More exits than this within a minute: something is wrong with every start, stop trying. */
const MAX_RESTARTS_PER_MINUTE = 5;

/**
 * WORKERS=N (docs/scaling.md#processes): N API processes on one port through node:cluster (the
 * primary accepts connections and hands them round-robin to the workers), all on one PostgreSQL.
 * This process only supervises: it applies migrations and loads the demo data once, gives every
 * worker the same token secret, relays the manual clock, replaces a worker that dies, and on
 * SIGTERM/SIGINT stops the workers gracefully (each finishes its requests in flight).
 */
/**
 * V8's old-space limit for the dedicated jobs process, in MB. Left to itself V8 sizes the heap from
 * the machine's memory and lets it grow far past what the process keeps alive: rendering and sending
 * 400 letters took the jobs process to 494 MB (bench:pa, 2026-12-04), against a 400 MB budget per
 * process (issue #15); with the limit it collects sooner and peaked at 238 MB, letters still sent
 * within seconds. What it keeps alive is small (a batch of 50 notices, one print file of
 * PRINT_BATCH_LETTERS letters). An explicit --max-old-space-size (NODE_OPTIONS or node's own
 * arguments) wins.
 */
export const JOBS_HEAP_MB = 256;

export function execArgvFor(role: Role): string[] {
  const own = process.execArgv;
  const given = [...own, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) =>
    a.startsWith('--max-old-space-size'),
  );
  return role === 'jobs' && !given ? [...own, `--max-old-space-size=${JOBS_HEAP_MB}`] : own;
}

export async function superviseWorkers(config: Config): Promise<void> {
  const ctx = await startContext(config);
  const demo = await prepareDemoData(ctx);
  await ctx.database.close();

  // Tokens signed by one worker are checked by another: one secret for all (random unless set);
  // a manual clock starts at the same instant in every worker (and later moves are relayed).
  const shared: Record<string, string> = {
    JWT_SECRET: config.jwtSecret,
    ...(config.clock === 'manual' ? { CLOCK_START: config.clockStart ?? new Date().toISOString() } : {}),
  };
  const envFor = (role: Role): Record<string, string> =>
    role === 'jobs'
      ? { ...shared, JOBS: 'only' }
      : { ...shared, JOBS: config.jobs === 'dedicated' ? 'off' : config.jobs };
  const roles = new Map<number, Role>();
  const ready = new Set<number>();
  const exits: number[] = [];
  let stopping = false;
  let exitCode = 0;
  let bannerShown = false;

  const fork = (role: Role) => {
    cluster.setupPrimary({ execArgv: execArgvFor(role) });
    const worker = cluster.fork(envFor(role));
    roles.set(worker.id, role);
    worker.on('message', (m: unknown) => onMessage(worker, m));
    return worker;
  };
  const live = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());

  const onMessage = (worker: Worker, m: unknown) => {
    if (isClockMessage(m) && m.type === CLOCK_MOVED) return void relayClock(worker, m);
    if ((m as WorkerReady | null)?.type !== WORKER_READY) return;
    ready.add(worker.id);
    const apiWorkers = [...roles.values()].filter((r) => r === 'api').length;
    const apiReady = [...ready].filter((id) => roles.get(id) === 'api').length;
    const r = m as WorkerReady;
    if (!bannerShown && apiReady === apiWorkers && r.port !== undefined) {
      bannerShown = true;
      const processes = `${config.workers} API process${config.workers > 1 ? 'es' : ''} (pids ${live()
        .filter((w) => roles.get(w.id) === 'api')
        .map((w) => w.process.pid)
        .join(
          ', ',
        )}), jobs ${config.jobs === 'dedicated' ? 'in a dedicated process' : config.jobs === 'off' ? 'off' : 'in each'}`;
      process.stdout.write(startBanner(config, { port: r.port, ncpdpPort: r.ncpdpPort, demo, processes }));
    }
  };

  // A manual-clock move in one worker: every other worker takes it, then the mover answers.
  const relayClock = async (from: Worker, m: ClockMessage) => {
    const others = live().filter((w) => w !== from);
    await Promise.all(
      others.map(
        (w) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(finish, 5000);
            function finish() {
              clearTimeout(timer);
              w.off('message', onAck);
              resolve();
            }
            function onAck(a: unknown) {
              if (isClockMessage(a) && a.type === CLOCK_ACK && a.id === m.id) finish();
            }
            w.on('message', onAck);
            w.send({ type: CLOCK_SET, id: m.id, at: m.at } satisfies ClockMessage);
          }),
      ),
    );
    if (!from.isDead()) from.send({ type: CLOCK_SHARED, id: m.id } satisfies ClockMessage);
  };

  cluster.on('exit', (worker, code, signal) => {
    const role = roles.get(worker.id) ?? 'api';
    const wasReady = ready.delete(worker.id);
    roles.delete(worker.id);
    if (stopping) {
      if (live().length === 0) process.exit(exitCode);
      return;
    }
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (!wasReady) {
      // It never answered: start-up itself fails (port taken, database gone), restarting won't help.
      process.stderr.write(`OpenPBM: a worker failed to start (${how}); stopping.\n`);
      return void stopAll(1);
    }
    const now = Date.now();
    exits.push(now);
    while (exits.length && exits[0] < now - 60_000) exits.shift();
    if (exits.length > MAX_RESTARTS_PER_MINUTE) {
      process.stderr.write(`OpenPBM: ${exits.length} workers exited within a minute; stopping.\n`);
      return void stopAll(1);
    }
    process.stderr.write(`OpenPBM: ${role} worker ${worker.process.pid} exited (${how}); starting another.\n`);
    fork(role);
  });

  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const workers = live();
    if (workers.length === 0) process.exit(code);
    for (const w of workers) w.process.kill('SIGTERM');
    // Each worker has its own grace period; past it (and its last resort), end them.
    setTimeout(() => {
      for (const w of live()) w.process.kill('SIGKILL');
      process.exit(code || 1);
    }, SHUTDOWN_GRACE_MS + 8000).unref();
  };
  process.once('SIGTERM', () => stopAll(0));
  process.once('SIGINT', () => stopAll(0));

  for (let i = 0; i < config.workers; i++) fork('api');
  if (config.jobs === 'dedicated') fork('jobs');
}
