import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../../src/app-context.js';
import { registerDeadlineHandler, runDueDeadlines } from '../../src/deadlines/run-due-deadlines.js';
import { scheduleDeadline } from '../../src/deadlines/schedule-deadline.js';
import { ManualClock } from '../../src/platform/clock.js';
import { openDatabase, type Database } from '../../src/platform/db.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// docs/design.md#time: the deadline sweep raced by 24 sweepers at once, each on its
// own PostgreSQL connection (its own process, in effect), repeated, with exact counts. On PGlite
// (one connection) the same test runs the sweepers one after another.
const SWEEPERS = 24;
const DEADLINES = 300;
const ROUNDS = 3;

let t: TestApp;
const pools: Database[] = [];
const workers: AppContext[] = [];
const fired = new Map<string, number>();
/** Every 10th deadline fails on its first attempt: the failure path is raced too. */
const failedOnce = new Set<string>();

registerDeadlineHandler('test-race', async (_ctx, _tx, d) => {
  if (d.entityId.endsWith('0') && !failedOnce.has(d.entityId)) {
    failedOnce.add(d.entityId);
    throw new Error('first attempt fails');
  }
  fired.set(d.entityId, (fired.get(d.entityId) ?? 0) + 1);
});

beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < SWEEPERS; i++) {
    const database = t.ctx.database.url
      ? await openDatabase({ databaseUrl: t.ctx.database.url, poolSize: 1 })
      : t.ctx.database;
    if (database !== t.ctx.database) pools.push(database);
    workers.push(createContext(t.ctx.config, database, new ManualClock(t.clock.now())));
  }
});
afterAll(async () => {
  for (const p of pools) await p.close();
  await t?.close();
});

describe(`${SWEEPERS} sweepers racing over the same due deadlines`, () => {
  for (let round = 1; round <= ROUNDS; round++)
    it(`round ${round}: each of ${DEADLINES} deadlines fires exactly once; the failing ones back off once, then fire once`, async () => {
      fired.clear();
      failedOnce.clear();
      const now = t.clock.now();
      const ids = Array.from({ length: DEADLINES }, (_, i) => `race-${round}-${String(i).padStart(3, '0')}`);
      for (const entityId of ids)
        await scheduleDeadline(t.ctx.database.db, { kind: 'test-race', entityId, dueAt: now }, now);

      const first = await Promise.all(workers.map((w) => runDueDeadlines(w, now)));
      const failing = ids.filter((id) => id.endsWith('0'));
      expect(first.reduce((n, r) => n + r.fired, 0)).toBe(DEADLINES - failing.length);
      expect(first.reduce((n, r) => n + r.failed, 0)).toBe(failing.length);
      expect(ids.filter((id) => !id.endsWith('0')).every((id) => fired.get(id) === 1)).toBe(true);
      expect(failing.every((id) => !fired.has(id))).toBe(true);

      // Past the first backoff (1 minute), the racing sweepers run each failed row exactly once more.
      const later = new Date(now.getTime() + 2 * 60_000);
      const second = await Promise.all(workers.map((w) => runDueDeadlines(w, later)));
      expect(second.reduce((n, r) => n + r.fired, 0)).toBe(failing.length);
      expect(second.reduce((n, r) => n + r.failed, 0)).toBe(0);
      expect(ids.map((id) => fired.get(id))).toEqual(ids.map(() => 1));

      const [row] = await t.ctx.database.query<{ fired: number; attempts: number; open: number }>(
        `select count(*) filter (where fired_at is not null)::int as fired,
                coalesce(sum(attempts), 0)::int as attempts,
                count(*) filter (where fired_at is null)::int as open
           from deadlines where kind = 'test-race' and entity_id like $1`,
        [`race-${round}-%`],
      );
      expect(row).toEqual({ fired: DEADLINES, attempts: failing.length, open: 0 });
    });
});
