import type { AppContext } from '../app-context.js';
import type { Db } from '../platform/db.js';
import type { ReferenceSnapshot } from '../reference/reference-cache.js';
import { openWorkItem, type WorkQueue } from '../work-items/index.js';
import { lockNextDueDeadline, markDeadlineFailed, markDeadlineFired, type DeadlineRow } from './deadlines.repo.js';
import { DEADLINE_MAX_ATTEMPTS, nextDeadlineAttemptAt } from './retry-policy.js';

/**
 * A handler runs inside the transaction that claimed its deadline (in a savepoint): if it
 * throws, its writes roll back and the row gets its own backoff. Handlers must re-check the
 * entity's state (a case decided since the deadline was scheduled makes its deadline a no-op).
 */
export type DeadlineHandler = (
  ctx: AppContext,
  tx: Db,
  deadline: DeadlineRow,
  now: Date,
  ref: ReferenceSnapshot,
) => Promise<void>;

interface Registration {
  handler: DeadlineHandler;
  /** Where the dead letter goes: a legal clock that cannot run needs a supervisor, not only operations. */
  deadLetterQueue: WorkQueue;
}

const handlers = new Map<string, Registration>();

export function registerDeadlineHandler(
  kind: string,
  handler: DeadlineHandler,
  options: { deadLetterQueue?: WorkQueue } = {},
): void {
  handlers.set(kind, { handler, deadLetterQueue: options.deadLetterQueue ?? 'operations' });
}

export interface SweepResult {
  fired: number;
  /** Attempts that failed and will be retried after their backoff. */
  failed: number;
  /** Rows that failed their last attempt: dead-lettered to a work item. */
  deadLettered: number;
}

/** A sweep stops after this many rows so a handler that keeps scheduling due rows cannot loop forever. */
const MAX_ROWS_PER_SWEEP = 5000;

type Outcome = 'none' | 'fired' | 'failed' | 'dead-lettered';

/**
 * Fires every deadline due at `now`, earliest first, each exactly once across any number of
 * sweepers: each row is locked with FOR UPDATE SKIP LOCKED, its handler runs and its outcome is
 * recorded in one transaction. A failing row is retried on its own backoff and, after
 * DEADLINE_MAX_ATTEMPTS, dead-lettered to a work item; it never stops the sweep or delays
 * another row. Follow-up deadlines a handler schedules that are already due run in the same sweep.
 */
export async function runDueDeadlines(
  ctx: AppContext,
  now: Date,
  options: { maxRows?: number } = {},
): Promise<SweepResult> {
  const result: SweepResult = { fired: 0, failed: 0, deadLettered: 0 };
  // Read before any transaction opens (PGlite runs one statement stream at a time).
  const ref = await ctx.reference.get();
  for (let n = 0; n < (options.maxRows ?? MAX_ROWS_PER_SWEEP); n++) {
    const outcome = await ctx.database.db.transaction((tx) => runOne(ctx, tx, now, ref));
    if (outcome === 'none') break;
    if (outcome === 'fired') result.fired++;
    else if (outcome === 'failed') result.failed++;
    else result.deadLettered++;
  }
  return result;
}

async function runOne(ctx: AppContext, tx: Db, now: Date, ref: ReferenceSnapshot): Promise<Outcome> {
  const row = await lockNextDueDeadline(tx, now);
  if (!row) return 'none';
  const registration = handlers.get(row.kind);
  try {
    // A process without the handler must not mark the row fired: it fails, and is retried
    // (by a process that has it) or dead-lettered.
    if (!registration) throw new Error(`no handler for deadline kind ${row.kind} in this process`);
    await tx.transaction((savepoint) => registration.handler(ctx, savepoint, row, now, ref));
    await markDeadlineFired(tx, row.id, now);
    return 'fired';
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const attempts = row.attempts + 1;
    const retryAt = nextDeadlineAttemptAt(attempts, now);
    await markDeadlineFailed(tx, row.id, { attempts, error, retryAt, deadLetteredAt: retryAt ? null : now });
    if (retryAt) return 'failed';
    await openWorkItem(
      tx,
      {
        kind: 'deadline-failed',
        queue: registration?.deadLetterQueue ?? 'operations',
        entityType: 'deadline',
        entityId: row.id,
        summary: `The ${row.kind} deadline for ${row.entityId}, due ${row.dueAt.toISOString()}, failed ${attempts} times and was not run: ${error.slice(0, 300)}`,
        details: {
          kind: row.kind,
          entityId: row.entityId,
          dueAt: row.dueAt.toISOString(),
          attempts: DEADLINE_MAX_ATTEMPTS,
        },
      },
      now,
    );
    return 'dead-lettered';
  }
}
