import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueDeadlines, registerDeadlineHandler } from '../../src/deadlines/run-due-deadlines.js';
import { DEADLINE_MAX_ATTEMPTS } from '../../src/deadlines/retry-policy.js';
import { scheduleDeadline } from '../../src/deadlines/schedule-deadline.js';
import { deliverDueNotices } from '../../src/notices/delivery/deliver-due-notices.js';
import type { FaxGateway } from '../../src/notices/delivery/gateways.js';
import { claimNoticeForDelivery, findNotice, recordDeliveryResult } from '../../src/notices/notices.repo.js';
import type { ManualClock } from '../../src/platform/clock.js';
import { glp1Answers } from '../support/fhir.js';
import type { ApiClient } from '../support/http.js';
import { firstNpi, importMembers, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const OZEMPIC = '00169413211';
const onPostgres = Boolean(process.env.DATABASE_URL);
const HOUR = 3_600_000;

let t: TestApp;
let prescriber: ApiClient;
let prescriberNpi: string;
let staff: ApiClient;
let commercialMembers: string[];

/** Test handlers (registered once per test file): one that always fails, one that counts. */
const counted = new Map<string, number>();
registerDeadlineHandler('test-always-fails', async () => {
  throw new Error('the handler is broken');
});
registerDeadlineHandler('test-count', async (_ctx, _tx, d) => {
  counted.set(d.entityId, (counted.get(d.entityId) ?? 0) + 1);
});

beforeAll(async () => {
  t = await createTestApp();
  prescriberNpi = await firstNpi(t, 'prescribers', "fax is not null and fax <> ''");
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi });
  staff = await signIn(t, 'member-services');
  commercialMembers = await importMembers(t, { planId: 'CACOM1', prefix: 'W', count: 11 });
});
afterAll(() => t?.close());

async function caseInReview(memberId: string) {
  const c = await prescriber.post('pa-requests', {
    memberId,
    prescriberNpi,
    productId: OZEMPIC,
    quantity: 3,
    daysSupply: 28,
    urgency: 'standard',
    channel: 'portal',
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const s = await prescriber.post(`pa-requests/${c.body.id}/submit`, { answers: glp1Answers({ a1c: 6.1 }) });
  expect(s.body.status).toBe('in-review');
  return s.body as { id: string; dueAt: string };
}

async function schedule(kind: string, entityIds: string[], dueAt: Date) {
  for (const entityId of entityIds) await scheduleDeadline(t.ctx.database.db, { kind, entityId, dueAt }, t.clock.now());
}

const deadlineRows = (kind: string) =>
  t.ctx.database.query<{ entity_id: string; attempts: number; fired: boolean; retry_at: Date | null; dead: boolean }>(
    `select entity_id, attempts, fired_at is not null as fired, retry_at, dead_lettered_at is not null as dead
       from deadlines where kind = $1 order by entity_id`,
    [kind],
  );

describe('the deadline sweep', () => {
  it('100 failing deadlines due first do not delay a due legal clock: one sweep deems the case approved', async () => {
    const c = await caseInReview(commercialMembers[0]);
    const now = t.clock.now();
    const broken = Array.from({ length: 100 }, (_, i) => `broken-${String(i).padStart(3, '0')}`);
    await schedule('test-always-fails', broken, new Date(now.getTime() + HOUR));
    t.clock.advance(73 * HOUR);

    const sweep = await runDueDeadlines(t.ctx, t.clock.now());

    expect((await prescriber.get(`pa-requests/${c.id}`)).body.status).toBe('deemed-approved');
    expect(sweep.failed).toBe(100);
    const rows = await deadlineRows('test-always-fails');
    expect(rows).toHaveLength(100);
    // Each failed once and waits on its own backoff; none fired, none was given up yet.
    expect(rows.every((r) => r.attempts === 1 && !r.fired && !r.dead && r.retry_at !== null)).toBe(true);
    // A second sweep at the same instant does not retry them (their backoff has not run out).
    expect((await runDueDeadlines(t.ctx, t.clock.now())).failed).toBe(0);
  });

  it(`a failing deadline retries on its own backoff, then after ${DEADLINE_MAX_ATTEMPTS} attempts becomes a work item and never fires`, async () => {
    await t.ctx.database.query("delete from deadlines where kind = 'test-always-fails'");
    await schedule('test-always-fails', ['dead-letter-me'], t.clock.now());
    const attemptsAfter: number[] = [];
    // Retries wait 1, 5, 15 and 60 minutes: sweep every minute for two hours.
    for (let minute = 0; minute < 120; minute++) {
      await runDueDeadlines(t.ctx, t.clock.now());
      attemptsAfter.push((await deadlineRows('test-always-fails'))[0].attempts);
      t.clock.advance(60_000);
    }
    expect([attemptsAfter[0], attemptsAfter[1], attemptsAfter[6], attemptsAfter[21], attemptsAfter[81]]).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(new Set(attemptsAfter)).toEqual(new Set([1, 2, 3, 4, 5]));
    const [row] = await deadlineRows('test-always-fails');
    expect(row).toMatchObject({ attempts: DEADLINE_MAX_ATTEMPTS, fired: false, dead: true });

    const items = (await staff.get('work-items?kind=deadline-failed&queue=operations')).body.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'deadline-failed', queue: 'operations', entityType: 'deadline' });
    expect(items[0].summary).toContain('test-always-fails');
    expect(items[0].summary).toContain('the handler is broken');
    // Dead-lettered rows are left alone from then on.
    t.clock.advance(24 * HOUR);
    expect((await runDueDeadlines(t.ctx, t.clock.now())).failed).toBe(0);
    expect((await deadlineRows('test-always-fails'))[0].attempts).toBe(DEADLINE_MAX_ATTEMPTS);
  });

  it('a deadline whose kind has no handler in this process is not marked fired', async () => {
    await schedule('test-no-such-handler', ['orphan'], t.clock.now());
    const sweep = await runDueDeadlines(t.ctx, t.clock.now());
    expect(sweep.failed).toBe(1);
    const [row] = await deadlineRows('test-no-such-handler');
    expect(row).toMatchObject({ fired: false, attempts: 1, dead: false });
  });

  for (const round of [1, 2, 3])
    it(`two sweepers racing over 200 due deadlines fire each exactly once (round ${round})`, async () => {
      counted.clear();
      const ids = Array.from({ length: 200 }, (_, i) => `count-${round}-${String(i).padStart(3, '0')}`);
      await schedule('test-count', ids, t.clock.now());
      const worker = t.secondWorker();
      (worker.clock as ManualClock).set(t.clock.now());
      const [a, b] = await Promise.all([
        runDueDeadlines(t.ctx, t.clock.now()),
        runDueDeadlines(worker, worker.clock.now()),
      ]);
      expect(ids.map((id) => counted.get(id) ?? 0)).toEqual(ids.map(() => 1));
      expect([...counted.values()].reduce((x, y) => x + y, 0)).toBe(200);
      expect(a.fired + b.fired).toBe(200);
      const fired = await t.ctx.database.query<{ n: number }>(
        "select count(*)::int as n from deadlines where kind = 'test-count' and entity_id like $1 and fired_at is not null",
        [`count-${round}-%`],
      );
      expect(fired[0].n).toBe(200);
    });

  // PGlite has one connection: a second sweeper would simply wait for the first. The point here
  // is that on PostgreSQL it does not.
  it.runIf(onPostgres)(
    'a handler stuck in one sweeper does not hold up another sweeper: the legal clock still fires (PostgreSQL)',
    async () => {
      const c = await caseInReview(commercialMembers[1]);
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let entered!: () => void;
      const stuck = new Promise<void>((r) => (entered = r));
      registerDeadlineHandler('test-stuck', async () => {
        entered();
        await gate;
      });
      await schedule('test-stuck', ['stuck'], t.clock.now());
      t.clock.advance(73 * HOUR);
      const worker = t.secondWorker();
      (worker.clock as ManualClock).set(t.clock.now());
      const first = runDueDeadlines(t.ctx, t.clock.now());
      await stuck;
      // The first sweeper holds the stuck row; the second one goes past it.
      await runDueDeadlines(worker, worker.clock.now());
      expect((await prescriber.get(`pa-requests/${c.id}`)).body.status).toBe('deemed-approved');
      release();
      await first;
      expect((await deadlineRows('test-stuck'))[0].fired).toBe(true);
    },
  );
});

/** A fax gateway that records each notice it sends, in order. */
const countingFax = (sent: string[]): FaxGateway => ({
  name: 'counting',
  send: async (fax) => {
    sent.push(fax.noticeId);
    return { reference: `fax-${sent.length}` };
  },
});

/** A case in review for each member, each with an information request: the ids of their fax notices. */
async function informationRequestFaxes(memberIds: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const member of memberIds) {
    const c = await caseInReview(member);
    const info = await (
      await signIn(t, 'reviewer-pharmacist')
    ).post(`pa-requests/${c.id}/information-requests`, { items: [{ question: 'Most recent HbA1c?' }] });
    expect(info.status, JSON.stringify(info.body)).toBe(200);
    ids.push(info.body.notices.find((n: { kind: string; channel: string }) => n.kind === 'information-request').id);
  }
  return ids;
}

describe('notice delivery leases', () => {
  it('a notice left in "sending" by a sender that died is sent by another worker once the lease runs out', async () => {
    const sent: string[] = [];
    const real = t.ctx.delivery.fax;
    const counting = countingFax(sent);
    t.ctx.delivery.fax = counting;
    try {
      const c = await caseInReview(commercialMembers[2]);
      const info = await (
        await signIn(t, 'reviewer-pharmacist')
      ).post(`pa-requests/${c.id}/information-requests`, { items: [{ question: 'Most recent HbA1c?' }] });
      expect(info.status, JSON.stringify(info.body)).toBe(200);
      const notice = info.body.notices.find((n: { kind: string; channel: string }) => n.kind === 'information-request');
      expect(notice.channel).toBe('fax');

      // A sender claims the notice, then its process dies before recording anything.
      const claim = await claimNoticeForDelivery(t.ctx.database.db, notice.id, t.clock.now());
      expect(claim?.status).toBe('sending');
      await deliverDueNotices(t.ctx, t.clock.now());
      t.clock.advance(14 * 60_000);
      await deliverDueNotices(t.ctx, t.clock.now());
      // Within the lease nobody else touches it.
      expect(sent).not.toContain(notice.id);
      expect((await findNotice(t.ctx.database.db, notice.id))?.status).toBe('sending');

      t.clock.advance(2 * 60_000);
      await deliverDueNotices(t.ctx, t.clock.now());
      expect(sent.filter((id) => id === notice.id)).toHaveLength(1);
      expect(await findNotice(t.ctx.database.db, notice.id)).toMatchObject({
        status: 'sent',
        attempts: 2,
        claimedUntil: null,
      });
      // The first sender coming back late does not overwrite the outcome.
      expect(
        await recordDeliveryResult(t.ctx.database.db, claim!, {
          status: 'retrying',
          lastError: 'late',
          nextAttemptAt: null,
        }),
      ).toBe(false);
      expect((await findNotice(t.ctx.database.db, notice.id))?.status).toBe('sent');
    } finally {
      t.ctx.delivery.fax = real;
    }
  });

  it('two workers reclaiming one expired lease send the notice once', async () => {
    const sent: string[] = [];
    const real = t.ctx.delivery.fax;
    const worker = t.secondWorker();
    const counting = countingFax(sent);
    t.ctx.delivery.fax = counting;
    worker.delivery.fax = counting;
    try {
      const c = await caseInReview(commercialMembers[3]);
      const info = await (
        await signIn(t, 'reviewer-pharmacist')
      ).post(`pa-requests/${c.id}/information-requests`, { items: [{ question: 'Most recent HbA1c?' }] });
      const notice = info.body.notices.find((n: { kind: string }) => n.kind === 'information-request');
      await claimNoticeForDelivery(t.ctx.database.db, notice.id, t.clock.now());
      t.clock.advance(16 * 60_000);
      (worker.clock as ManualClock).set(t.clock.now());
      await Promise.all([deliverDueNotices(t.ctx, t.clock.now()), deliverDueNotices(worker, worker.clock.now())]);
      expect(sent.filter((id) => id === notice.id)).toHaveLength(1);
      expect((await findNotice(t.ctx.database.db, notice.id))?.attempts).toBe(2);
    } finally {
      t.ctx.delivery.fax = real;
    }
  });
  it('a slow gateway does not let the lease of a batch run out under the notices still waiting: another worker sends none of them again', async () => {
    const sent: string[] = [];
    const real = t.ctx.delivery.fax;
    const worker = t.secondWorker();
    let sweepsDuringSends = 0;
    // Each fax takes 12 minutes (a gateway timing out), and meanwhile another worker sweeps.
    const slow: FaxGateway = {
      name: 'slow',
      send: async (fax) => {
        sent.push(fax.noticeId);
        t.clock.advance(12 * 60_000);
        (worker.clock as ManualClock).set(t.clock.now());
        sweepsDuringSends++;
        await deliverDueNotices(worker, worker.clock.now());
        return { reference: `fax-${sent.length}` };
      },
    };
    const counting = countingFax(sent);
    t.ctx.delivery.fax = slow;
    worker.delivery.fax = counting;
    try {
      const ids = await informationRequestFaxes(commercialMembers.slice(4, 7));
      // One sweep claims the three (and anything else due) under one lease of 15 minutes; its
      // sends take 36 minutes in all.
      await deliverDueNotices(t.ctx, t.clock.now());
      expect(sweepsDuringSends).toBeGreaterThanOrEqual(3);
      for (const id of ids) {
        expect(sent.filter((s) => s === id)).toHaveLength(1);
        expect(await findNotice(t.ctx.database.db, id)).toMatchObject({
          status: 'sent',
          attempts: 1,
          claimedUntil: null,
        });
      }
      expect(new Set(sent).size).toBe(sent.length);
    } finally {
      t.ctx.delivery.fax = real;
    }
  });

  it('a worker told to stop mid-batch sends no more and gives the rest back: another worker sends them at once, one attempt each', async () => {
    const sent: string[] = [];
    const real = t.ctx.delivery.fax;
    const worker = t.secondWorker();
    const stopping = new AbortController();
    // The process is told to stop while its first fax is on the line.
    const stoppedDuringFirst: FaxGateway = {
      name: 'stopped',
      send: async (fax) => {
        sent.push(fax.noticeId);
        stopping.abort();
        return { reference: `fax-${sent.length}` };
      },
    };
    const counting = countingFax(sent);
    t.ctx.delivery.fax = stoppedDuringFirst;
    worker.delivery.fax = counting;
    try {
      const ids = await informationRequestFaxes(commercialMembers.slice(7, 10));
      const first = await deliverDueNotices(t.ctx, t.clock.now(), 50, stopping.signal);
      expect(first.sent).toBe(1);
      expect(first.released).toBeGreaterThanOrEqual(2);
      const [done, ...rest] = [ids.find((id) => sent.includes(id))!, ...ids.filter((id) => !sent.includes(id))];
      expect(rest).toHaveLength(2);
      expect(await findNotice(t.ctx.database.db, done)).toMatchObject({ status: 'sent', attempts: 1 });
      for (const id of rest) {
        // Due again now, the attempt never made not counted, and not leased to anyone.
        expect(await findNotice(t.ctx.database.db, id)).toMatchObject({
          status: 'queued',
          attempts: 0,
          claimedUntil: null,
        });
      }
      // A stopped worker takes no new batch.
      expect(await deliverDueNotices(t.ctx, t.clock.now(), 50, stopping.signal)).toMatchObject({
        sent: 0,
        released: 0,
      });

      // No waiting out a 15-minute lease: the other worker sends them in its next sweep.
      (worker.clock as ManualClock).set(t.clock.now());
      await deliverDueNotices(worker, worker.clock.now());
      for (const id of ids) {
        expect(sent.filter((s) => s === id)).toHaveLength(1);
        expect(await findNotice(t.ctx.database.db, id)).toMatchObject({
          status: 'sent',
          attempts: 1,
          claimedUntil: null,
        });
      }
    } finally {
      t.ctx.delivery.fax = real;
    }
  });
});
