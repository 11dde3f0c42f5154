import PgBoss from 'pg-boss';
import type { AppContext } from '../app-context.js';
import { runDueDeadlines } from '../deadlines/run-due-deadlines.js';
import { OPERATIONS_TIME_ZONE } from '../platform/plan-time.js';
import { printAllMail } from '../notices/delivery/build-print-batch.js';
import { deliverDueNotices } from '../notices/delivery/deliver-due-notices.js';
import { pruneLongSupplies } from '../claims/index.js';
import { createPartitionsAheadForAll, partitionDay } from './partitioned-tables.js';

export const SWEEP_QUEUE = 'deadline-sweep';
export const DELIVERY_QUEUE = 'notice-delivery';
export const PRINT_QUEUE = 'print-batch';
export const MAINTENANCE_QUEUE = 'pglite-analyze';
export const PARTITION_QUEUE = 'partitions-ahead';
/** How often due letters are looked for (seconds); the prescriber's fax follows a decision by about this much. */
export const DELIVERY_EVERY_SECONDS = 10;
/** One delivery pass stops taking new batches after this long and leaves the rest to the next. */
const DELIVERY_PASS_MS = 50_000;

/**
 * Batch after batch of due notices, each at its own `now`, until a batch finds nothing to send or
 * the process is stopping (then the batch in hand gives back what it has not sent, for the next
 * worker, instead of holding the shutdown past its grace period or leaving it leased).
 */
async function deliverAllDue(ctx: AppContext, stopping?: AbortSignal): Promise<void> {
  const started = Date.now();
  while (!stopping?.aborted) {
    const r = await deliverDueNotices(ctx, ctx.clock.now(), undefined, stopping);
    if (r.sent + r.failed + r.retrying === 0 || Date.now() - started > DELIVERY_PASS_MS) return;
  }
}

/**
 * pg-boss's createQueue and schedule are not safe to run at the same instant from several
 * processes: on a fresh schema two workers starting together (WORKERS=N) deadlock creating the same
 * queue (PostgreSQL 40P01, seen in CI). Both are idempotent, so the loser retries after a short,
 * jittered pause and then finds the queue there.
 */
async function evenIfRacing<T>(step: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if ((code !== '40P01' && code !== '23505') || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

/**
 * Every scheduled job, in one place (the composition root; after Documenso's job definitions):
 * pg-boss on the same database. On PGlite it runs in-process through `db.executeSql`; a
 * multi-statement query must return an array of results, as `pg` does. pg-boss's own
 * `startAfter` compares with the database's now(), not the injected clock, so it only wakes the
 * sweep: the deadlines table decides what is due.
 */
export async function startJobs(
  ctx: AppContext,
  /** Aborted when the process begins to stop, before pg-boss's graceful stop waits for running jobs. */
  stopping?: AbortSignal,
): Promise<PgBoss> {
  const { database } = ctx;
  const options: PgBoss.ConstructorOptions =
    database.kind === 'postgres'
      ? { connectionString: database.url, max: 4 }
      : {
          db: {
            async executeSql(text: string, values?: unknown[]) {
              const pgl = database.pglite!;
              if (values && values.length) return { rows: (await pgl.query(text, values as unknown[])).rows } as never;
              const results = await pgl.exec(text);
              return (
                results.length === 1 ? { rows: results[0].rows } : results.map((r) => ({ rows: r.rows }))
              ) as never;
            },
          },
        };
  const boss = new PgBoss({ ...options, schedule: true, supervise: true, migrate: true });
  boss.on('error', (err) => process.stderr.write(`jobs: ${err.message}\n`));
  await boss.start();
  await evenIfRacing(() => boss.createQueue(SWEEP_QUEUE));
  // Every minute: legal clocks are hours or days, a minute's resolution is well inside them.
  await evenIfRacing(() => boss.schedule(SWEEP_QUEUE, '* * * * *', {}, { singletonKey: 'sweep' }));
  await boss.work(SWEEP_QUEUE, async () => {
    await runDueDeadlines(ctx, ctx.clock.now());
  });
  // The notice outbox: due fax/e-mail/portal notices; the mail house batch daily. Cron's finest
  // step is a minute, so every process also asks for a pass every DELIVERY_EVERY_SECONDS
  // (throttled: one job per slot whichever process asks), and a pass keeps taking batches until
  // none is left: one batch of 50 a minute fell behind a few cases a second (bench:pa).
  await evenIfRacing(() => boss.createQueue(DELIVERY_QUEUE));
  await evenIfRacing(() => boss.schedule(DELIVERY_QUEUE, '* * * * *', {}, { singletonKey: 'delivery' }));
  await boss.work(DELIVERY_QUEUE, async () => {
    await deliverAllDue(ctx, stopping);
  });
  const wake = setInterval(() => {
    boss.sendThrottled(DELIVERY_QUEUE, {}, {}, DELIVERY_EVERY_SECONDS, 'delivery-wake').catch(() => {});
  }, DELIVERY_EVERY_SECONDS * 1000);
  wake.unref();
  boss.on('stopped', () => clearInterval(wake));
  await evenIfRacing(() => boss.createQueue(PRINT_QUEUE));
  await evenIfRacing(() => boss.schedule(PRINT_QUEUE, '0 17 * * 1-5', {}, { tz: OPERATIONS_TIME_ZONE }));
  await boss.work(PRINT_QUEUE, async () => {
    await printAllMail(ctx, ctx.clock.now());
  });
  // Monthly partitions of claims, audit events and D.0 wire copies, PARTITION_MONTHS_AHEAD ahead (docs/scaling.md#partitioning):
  // daily, and once at start so a database restored or migrated mid-month has them. Idempotent.
  await evenIfRacing(() => boss.createQueue(PARTITION_QUEUE));
  await evenIfRacing(() => boss.schedule(PARTITION_QUEUE, '20 3 * * *', {}, { singletonKey: 'partitions' }));
  await boss.work(PARTITION_QUEUE, async () => {
    const now = ctx.clock.now();
    await createPartitionsAheadForAll(ctx, now);
    // Long supplies older than any claim can ask about (claims.repo.ts pruneLongSupplies).
    await pruneLongSupplies(ctx.database.db, partitionDay(now));
  });
  await boss.sendThrottled(PARTITION_QUEUE, {}, {}, 60, 'partitions-start');
  if (database.kind === 'pglite') {
    // PGlite runs no autovacuum: refresh planner statistics ourselves, or the claim queries'
    // plans go stale as tables grow (seen in bench:claims as a seq scan on claims).
    await boss.createQueue(MAINTENANCE_QUEUE);
    await boss.schedule(MAINTENANCE_QUEUE, '*/10 * * * *', {});
    await boss.work(MAINTENANCE_QUEUE, async () => {
      await database.query('analyze');
    });
  }
  return boss;
}
