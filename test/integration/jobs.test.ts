import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PgBoss from 'pg-boss';
import { scheduleDeadline } from '../../src/deadlines/schedule-deadline.js';
import { registerDeadlineHandler } from '../../src/deadlines/run-due-deadlines.js';
import { startJobs, SWEEP_QUEUE } from '../../src/composition/jobs.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let boss: PgBoss | undefined;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await t?.close();
});

describe('pg-boss runs the deadline sweep on this database', () => {
  it('a sweep job fires a due deadline exactly once, against the injected clock', async () => {
    const fired: string[] = [];
    registerDeadlineHandler('test-ping', async (_ctx, _tx, d) => {
      fired.push(d.entityId);
    });
    const now = t.clock.now();
    await scheduleDeadline(
      t.ctx.database.db,
      { kind: 'test-ping', entityId: 'e1', dueAt: new Date(now.getTime() + 3_600_000) },
      now,
    );
    boss = await startJobs(t.ctx);
    // Not due yet at the injected now: a sweep does nothing.
    await boss.send(SWEEP_QUEUE, {});
    await new Promise((r) => setTimeout(r, 3000));
    expect(fired).toEqual([]);
    t.clock.advance(2 * 3_600_000);
    await boss.send(SWEEP_QUEUE, {});
    await boss.send(SWEEP_QUEUE, {});
    for (let i = 0; i < 40 && fired.length === 0; i++) await new Promise((r) => setTimeout(r, 250));
    await new Promise((r) => setTimeout(r, 1500));
    expect(fired).toEqual(['e1']);
  });
});
