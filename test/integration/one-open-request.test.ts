import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { createUser } from '../../src/identity/create-user.js';
import { firstNpi, importMembers } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// One open request per member, drug-form group and kind (docs/design.md#prior-authorization). The check
// in initiate-request.ts reads before it writes; the unique index decides two submissions at the
// same moment. Races only show with more than one connection, so the race runs on PostgreSQL
// (DATABASE_URL; PGlite has one connection and serializes them). Submissions go over real sockets.
const onPostgres = Boolean(process.env.DATABASE_URL);
const IN_FLIGHT = 12;
const PASSWORD = 'one-open-request-pw-1';

let t: TestApp;
let base: string;
let token: string;
let prescriberNpi: string;

beforeAll(async () => {
  t = await createTestApp({ poolSize: IN_FLIGHT });
  prescriberNpi = await firstNpi(t, 'prescribers');
  await createUser(t.ctx, {
    username: 'one-open-prescriber',
    password: PASSWORD,
    role: 'prescriber',
    npi: prescriberNpi,
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1`;
  const login = await fetch(`${base}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'one-open-prescriber', password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  token = ((await login.json()) as { accessToken: string }).accessToken;
});
afterAll(() => t?.close());

async function post(path: string, body: unknown) {
  const r = await fetch(`${base}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: r.status, type: r.headers.get('content-type') ?? '', body: (await r.json()) as Record<string, any> };
}

const request = (memberId: string, productId: string, kind?: string) =>
  post('pa-requests', {
    memberId,
    prescriberNpi,
    productId,
    quantity: 1,
    daysSupply: 28,
    urgency: 'standard',
    channel: 'portal',
    ...(kind ? { kind } : {}),
  });

const openCases = (memberId: string) =>
  t.ctx.database.query<{ id: string; kind: string }>(
    `select id, kind from pa_requests where member_id = $1
       and status in ('awaiting-answers', 'submitted', 'in-review', 'awaiting-information') order by kind`,
    [memberId],
  );

describe.runIf(onPostgres)('the same request sent many times at once (PostgreSQL)', () => {
  it.each([
    ['a formulary exception (Wegovy, not covered)', 'OOF', DEMO.ndcs.weightManagement, undefined, 'formulary'],
    ['prior authorization (Ozempic)', 'OOP', DEMO.ndcs.semaglutidePenLow, undefined, 'prior-authorization'],
    ['a step-therapy exception named by the caller', 'OOS', DEMO.ndcs.stepTherapy, 'step-therapy', 'step-therapy'],
  ])(
    `%s: ${IN_FLIGHT} parallel submissions open exactly one case; the others are 409 naming it`,
    async (_name, prefix, productId, kind, expectedKind) => {
      const [memberId] = await importMembers(t, { planId: 'CACOM1', prefix, count: 1 });
      const replies = await Promise.all(Array.from({ length: IN_FLIGHT }, () => request(memberId, productId, kind)));

      const created = replies.filter((r) => r.status === 201);
      expect(created, JSON.stringify(replies.map((r) => [r.status, r.body.code]))).toHaveLength(1);
      const winner = created[0].body;
      expect(winner.kind).toBe(expectedKind);
      for (const r of replies.filter((x) => x !== created[0])) {
        expect(r.status, JSON.stringify(r.body)).toBe(409);
        expect(r.type).toContain('application/problem+json');
        expect(r.body).toMatchObject({
          code: 'REQUEST_ALREADY_OPEN',
          paRequestId: winner.id,
          caseStatus: 'awaiting-answers',
          underAppeal: false,
          existingCase: `/api/v1/pa-requests/${winner.id}`,
        });
        expect(r.body.detail).toContain(winner.id);
      }
      expect(await openCases(memberId)).toEqual([{ id: winner.id, kind: expectedKind }]);
    },
  );

  it('another kind for the same drug is its own request: a PA and a quantity-limit exception race side by side', async () => {
    const [memberId] = await importMembers(t, { planId: 'CACOM1', prefix: 'OOQ', count: 1 });
    const replies = await Promise.all(
      Array.from({ length: IN_FLIGHT }, (_, i) =>
        request(memberId, DEMO.ndcs.semaglutidePenLow, i % 2 ? 'quantity-limit' : undefined),
      ),
    );
    expect(
      replies
        .filter((r) => r.status === 201)
        .map((r) => r.body.kind)
        .sort(),
    ).toEqual(['prior-authorization', 'quantity-limit']);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.code === 'REQUEST_ALREADY_OPEN')).toBe(true);
    expect((await openCases(memberId)).map((c) => c.kind)).toEqual(['prior-authorization', 'quantity-limit']);
  });
});

describe('migration 0017 on a database that already holds duplicates', () => {
  it('keeps the first submitted request open, cancels the others with a history row and stopped clocks, then builds the index', async () => {
    const [memberId] = await importMembers(t, { planId: 'CACOM1', prefix: 'OOM', count: 1 });
    const first = await request(memberId, DEMO.ndcs.weightManagement);
    expect(first.status).toBe(201);
    const kept = first.body.id as string;

    // The database as it was before 0017: no index, a draft and a submitted copy of the same request.
    const db = t.ctx.database;
    await db.query('drop index pa_requests_one_open_per_drug_kind_uq');
    for (const [suffix, status, minutes] of [
      ['d', 'awaiting-answers', 5],
      ['s', 'submitted', 10],
    ] as const) {
      await db.query(
        `insert into pa_requests (id, status, member_id, plan_id, prescriber_npi, requested_rxcui, drug_name, group_id,
           group_name, quantity, days_supply, urgency, channel, kind, criteria_id, criteria_version, received_at,
           created_by, updated_at)
         select id || $2, $3, member_id, plan_id, prescriber_npi, requested_rxcui, drug_name, group_id, group_name,
           quantity, days_supply, urgency, channel, kind, criteria_id, criteria_version,
           received_at + make_interval(mins => $4), created_by, updated_at
         from pa_requests where id = $1`,
        [kept, suffix, status, minutes],
      );
    }
    await db.query(
      `insert into deadlines (id, kind, entity_id, due_at, created_at)
       values ('dl-oom-kept', 'pa-due', $1, now() + interval '3 days', now()),
              ('dl-oom-dup', 'pa-due', $2, now() + interval '3 days', now())`,
      [`${kept}s`, kept],
    );

    // The submitted copy came later but is further along: it stays; the two drafts are cancelled.
    const migration = readFileSync(
      new URL('../../migrations/0017_one_open_request_per_drug_kind.sql', import.meta.url),
      'utf8',
    );
    for (const statement of migration.split('--> statement-breakpoint')) await db.query(statement);

    const rows = await db.query<{ id: string; status: string; reason: string | null; decision: string | null }>(
      `select p.id, p.status, h.reason, p.determination->>'decision' as decision
         from pa_requests p left join pa_history h on h.pa_request_id = p.id and h.action = 'cancelled'
        where p.member_id = $1 order by p.id`,
      [memberId],
    );
    expect(rows).toEqual([
      {
        id: kept,
        status: 'cancelled',
        reason: `Duplicate of request ${kept}s: one open request per member, drug and kind`,
        decision: 'cancelled',
      },
      {
        id: `${kept}d`,
        status: 'cancelled',
        reason: `Duplicate of request ${kept}s: one open request per member, drug and kind`,
        decision: 'cancelled',
      },
      { id: `${kept}s`, status: 'submitted', reason: null, decision: null },
    ]);
    // The cancelled duplicate's clock stops; the case that stays keeps its own.
    const clocks = await db.query<{ id: string; cancelled: boolean }>(
      `select id, cancelled_at is not null as cancelled from deadlines where id like 'dl-oom-%' order by id`,
    );
    expect(clocks).toEqual([
      { id: 'dl-oom-dup', cancelled: true },
      { id: 'dl-oom-kept', cancelled: false },
    ]);

    // The index is back: a new request for the same drug is refused and names the open one.
    const again = await request(memberId, DEMO.ndcs.weightManagement);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'REQUEST_ALREADY_OPEN', paRequestId: `${kept}s` });
    await expect(
      db.query(
        `insert into pa_requests (id, status, member_id, plan_id, prescriber_npi, requested_rxcui, drug_name, group_id,
           group_name, quantity, days_supply, urgency, channel, kind, criteria_id, criteria_version, received_at,
           created_by, updated_at)
         select id || 'x', 'in-review', member_id, plan_id, prescriber_npi, requested_rxcui, drug_name, group_id,
           group_name, quantity, days_supply, urgency, channel, kind, criteria_id, criteria_version, received_at,
           created_by, updated_at from pa_requests where id = $1`,
        [kept],
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });
});
