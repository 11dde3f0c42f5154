import type { AppContext } from '../app-context.js';
import { runDueDeadlines } from '../deadlines/run-due-deadlines.js';
import { deliverDueNotices } from '../notices/delivery/deliver-due-notices.js';

/** Everything time-driven, at `now`: legal deadlines first (they queue notices), then delivery. */
export async function runSweeps(ctx: AppContext, now: Date) {
  const deadlines = await runDueDeadlines(ctx, now);
  const delivery = await deliverDueNotices(ctx, now);
  return { deadlines, delivery };
}
