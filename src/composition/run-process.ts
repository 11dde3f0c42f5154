import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import type PgBoss from 'pg-boss';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../adapters/http/app.js';
import type { Config } from '../config.js';
import { startNcpdpListener, type NcpdpListener } from '../ncpdp/tcp-listener.js';
import { startBanner } from './banner.js';
import { startJobs } from './jobs.js';
import { prepareDemoData } from './prepare-database.js';
import { followSharedClock } from './shared-clock.js';
import { startContext } from './start-context.js';

/** In-flight requests get this long after SIGTERM before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** A worker tells the supervisor it answers (under WORKERS=N the supervisor prints the banner). */
export const WORKER_READY = 'openpbm:worker-ready';
export interface WorkerReady {
  type: typeof WORKER_READY;
  port?: number;
  ncpdpPort?: number;
}

/**
 * One OpenPBM process: the HTTP API (and the D.0 TCP listener when configured), the background
 * jobs, or both (JOBS). Run alone by `npm start`, or as one of WORKERS=N under the supervisor,
 * which has applied migrations and loaded the demo data before starting it.
 */
export async function runProcess(config: Config): Promise<void> {
  const ctx = await startContext(config);
  const inCluster = cluster.isWorker;
  const demo = inCluster ? config.demoData : await prepareDemoData(ctx);
  followSharedClock(ctx.clock);

  let app: FastifyInstance | null = null;
  let ncpdp: NcpdpListener | null = null;
  if (config.jobs !== 'only') {
    app = await buildApp(ctx);
    await app.listen({ port: config.port, host: config.host });
    if (config.ncpdp) {
      const { port, host, tls } = config.ncpdp;
      ncpdp = await startNcpdpListener(ctx, {
        port,
        host,
        ...(tls ? { tls: { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) } } : {}),
        log: app.log,
      });
    }
  }
  // Deadlines and follow-up work start after the server listens: they live in tables, so nothing
  // the API does waits for them, and pg-boss's own start-up no longer delays the first answer.
  // With several processes each deadline still fires once (deadlines are claimed with
  // FOR UPDATE SKIP LOCKED; pg-boss singletons), test/integration/processes.test.ts.
  const stopping = new AbortController();
  const jobs: PgBoss | null =
    config.jobs === 'on' || config.jobs === 'only' ? await startJobs(ctx, stopping.signal) : null;

  const port = app ? (app.server.address() as { port: number }).port : undefined;
  if (inCluster) process.send?.({ type: WORKER_READY, port, ncpdpPort: ncpdp?.port } satisfies WorkerReady);
  else if (app) process.stdout.write(startBanner(config, { port: port!, ncpdpPort: ncpdp?.port, demo }));
  else process.stdout.write(`OpenPBM background jobs are running (JOBS=only, database: ${ctx.database.kind})\n`);

  const stop = async (signal: string) => {
    if (stopping.signal.aborted) return;
    // Long-running work in hand (a delivery batch) stops at its next step and gives back the rest.
    stopping.abort();
    const log = app?.log;
    log?.info({ signal }, 'shutting down: no new connections, finishing requests in flight');
    // Past the grace period, cut what is still open (the request's transaction rolls back, and
    // its client got no answer, so nothing acknowledged is lost); a last resort exits anyway.
    setTimeout(() => app?.server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 5000).unref();
    // Stop accepting (HTTP and TCP) and stop taking jobs at once; running jobs finish or, past the
    // grace period, go back to pg-boss for another process (their work is transactional).
    await Promise.all([
      ncpdp?.close(),
      app?.close(),
      jobs?.stop({ graceful: true, wait: true, timeout: SHUTDOWN_GRACE_MS }),
    ]);
    await ctx.database.close();
    process.exit(0);
  };
  // `on`, not `once`: a repeated signal (npm start's parent passes on the terminal's Ctrl-C that
  // reached this process too) must not fall back to node's default, which exits mid-write.
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));
}
