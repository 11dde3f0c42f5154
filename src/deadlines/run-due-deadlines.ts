import type { AppContext } from '../app-context.js';
import type { Db } from '../platform/db.js';
import type { ReferenceSnapshot } from '../reference/reference-cache.js';
import { claimDeadline, recordDeadlineFailure, selectDueDeadlines, type DeadlineRow } from './deadlines.repo.js';

/**
 * A handler runs inside the transaction that claimed its deadline: if it throws, the claim rolls
 * back and the next sweep retries it. Handlers must re-check the entity's state (a case decided
 * since the deadline was scheduled makes its deadline a no-op).
 */
export type DeadlineHandler = (
  ctx: AppContext,
  tx: Db,
  deadline: DeadlineRow,
  now: Date,
  ref: ReferenceSnapshot,
) => Promise<void>;

const handlers = new Map<string, DeadlineHandler>();

export function registerDeadlineHandler(kind: string, handler: DeadlineHandler): void {
  handlers.set(kind, handler);
}

export interface SweepResult {
  fired: number;
  failed: number;
  skipped: number;
}

/** Fires every deadline due at `now`, oldest first, each exactly once. */
export async function runDueDeadlines(
  ctx: AppContext,
  now: Date,
  options: { batch?: number; maxRounds?: number } = {},
): Promise<SweepResult> {
  const result: SweepResult = { fired: 0, failed: 0, skipped: 0 };
  const failedIds = new Set<string>();
  // Handlers may schedule follow-up deadlines that are already due (e.g. a warning and the due
  // time both passed while the clock jumped): keep sweeping until nothing new is due.
  for (let round = 0; round < (options.maxRounds ?? 20); round++) {
    const due = (await selectDueDeadlines(ctx.database.db, now, options.batch ?? 100)).filter(
      (d) => !failedIds.has(d.id),
    );
    if (due.length === 0) break;
    // Read before any transaction opens (PGlite runs one statement stream at a time).
    const ref = await ctx.reference.get();
    for (const d of due) {
      const handler = handlers.get(d.kind);
      try {
        const fired = await ctx.database.db.transaction(async (tx) => {
          if (!(await claimDeadline(tx, d.id, now))) return false;
          if (handler) await handler(ctx, tx, d, now, ref);
          return true;
        });
        if (fired) result.fired++;
        else result.skipped++;
      } catch (err) {
        failedIds.add(d.id);
        result.failed++;
        await recordDeadlineFailure(ctx.database.db, d.id, err instanceof Error ? err.message : String(err));
      }
    }
  }
  return result;
}
