import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { ApiClient, expectProblem, type Reply } from '../support/http.js';
import { signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * docs/design.md#records: an administrator queries the audit log by member, by user and by period,
 * pages through it and exports it as CSV; nobody else may; reading it is itself audited.
 */
let t: TestApp;
let admin: ApiClient;
let ms: ApiClient;
let reviewer: ApiClient;
let msName: string;
let msId: string;
const memberA = DEMO.members.spanishSpeaking;
const memberB = DEMO.members.commercial;
const today = () => t.clock.now().toISOString().slice(0, 10);

interface AuditItem {
  id: string;
  actor: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  memberIds: string[];
  reason: string | null;
  details: Record<string, unknown> | null;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, 'admin');
  ms = await signIn(t, 'member-services');
  reviewer = await signIn(t, 'reviewer-pharmacist');
  msName = (await ms.get('me')).body.username;
  [{ id: msId }] = await t.ctx.database.query<{ id: string }>('select id from users where username = $1', [msName]);
  expect((await ms.get(`members/${memberA}`)).status).toBe(200);
  expect((await ms.get(`members/${memberA}/accumulators`)).status).toBe(200);
  expect((await reviewer.get(`members/${memberB}`)).status).toBe(200);
});
afterAll(() => t?.close());

describe('GET /audit-events (admin)', () => {
  it("by member: every row naming the member, who read it and why; another member's reads are not there", async () => {
    const r = await admin.get(`audit-events?memberId=${memberA}`);
    expect(r.status).toBe(200);
    const items = r.body.items as AuditItem[];
    expect(items.map((i) => [i.actor, i.action, i.entityType, i.reason])).toEqual(
      expect.arrayContaining([
        [msName, 'phi.read', 'member', 'member-inquiry'],
        [msName, 'phi.read', 'member-accumulators', 'member-inquiry'],
      ]),
    );
    expect(items.every((i) => i.memberIds.includes(memberA))).toBe(true);
    expect(items.some((i) => i.memberIds.includes(memberB))).toBe(false);
  });

  it('by user: the id or the username finds the same rows, only theirs', async () => {
    const byName = (await admin.get(`audit-events?userId=${msName}`)).body.items as AuditItem[];
    const byId = (await admin.get(`audit-events?userId=${msId}`)).body.items as AuditItem[];
    expect(byName.length).toBeGreaterThanOrEqual(3); // signed in, two reads
    expect(byName.every((i) => i.actor === msName)).toBe(true);
    expect(byId.filter((i) => i.actorId === msId).map((i) => i.id)).toEqual(
      byName.filter((i) => i.actorId === msId).map((i) => i.id),
    );
  });

  it('by period: a day before today has none of these reads; today has them', async () => {
    const yesterday = new Date(t.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
    const before = await admin.get(`audit-events?userId=${msName}&from=2020-01-01&to=${yesterday}`);
    expect(before.body.items).toEqual([]);
    const on = await admin.get(`audit-events?userId=${msName}&from=${today()}&to=${today()}`);
    expect(on.body.items.length).toBeGreaterThanOrEqual(3);
    // The manual clock stands still: the reads were written at now, so a second later has none.
    const instant = new Date(t.clock.now().getTime() + 1000).toISOString();
    const after = await admin.get(`audit-events?userId=${msName}&from=${encodeURIComponent(instant)}`);
    expect(after.body.items.map((i: AuditItem) => i.action)).not.toContain('phi.read');
  });

  it('pages newest first with a cursor, no row twice, to the end', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    for (let n = 0; cursor !== null && n < 20; n++) {
      const r: Reply = await admin.get(`audit-events?userId=${msName}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      seen.push(...(r.body.items as AuditItem[]).map((i) => i.id));
      cursor = r.body.nextCursor;
    }
    expect(cursor).toBeNull();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
    const all = (await admin.get(`audit-events?userId=${msName}`)).body.items as AuditItem[];
    expect(seen).toEqual(all.map((i) => i.id));
  });

  it('reading the audit log is itself audited: who looked, with which filters', async () => {
    await admin.get(`audit-events?memberId=${memberB}&from=${today()}`);
    const adminName = (await admin.get('me')).body.username;
    const rows = (await admin.get(`audit-events?userId=${adminName}&limit=5`)).body.items as AuditItem[];
    const read = rows.find((i) => i.action === 'audit.read' && i.details?.memberId === memberB);
    expect(read).toMatchObject({
      entityType: 'audit-log',
      entityId: memberB,
      memberIds: [memberB],
      reason: 'audit-oversight',
      details: { memberId: memberB, from: today() },
    });
  });
});

describe('audit log CSV export', () => {
  it('Accept: text/csv and /audit-events.csv give the same rows as the JSON, as an attachment', async () => {
    const json = (await admin.get(`audit-events?memberId=${memberA}`)).body.items as AuditItem[];
    const viaAccept = await admin.request('GET', `audit-events?memberId=${memberA}`, undefined, {
      accept: 'text/csv',
    });
    const viaPath = await admin.get(`audit-events.csv?memberId=${memberA}`);
    for (const r of [viaAccept, viaPath]) {
      expect(r.status).toBe(200);
      expect(String(r.headers['content-type'])).toContain('text/csv');
      expect(String(r.headers['content-disposition'])).toContain('attachment; filename="audit-events.csv"');
      const lines = (r.body as string).trimEnd().split('\r\n');
      expect(lines[0]).toBe('id,at,actor,actor_id,actor_role,action,entity_type,entity_id,member_ids,reason,details');
      // The export is read after the JSON page, so it may hold the JSON read's own audit row too.
      const ids = lines.slice(1).map((l) => l.split(',')[0]);
      expect(ids).toEqual(expect.arrayContaining(json.map((i) => i.id)));
    }
  });

  it('a cell a spreadsheet would run as a formula is defused with a leading apostrophe', async () => {
    const hostile = '=HYPERLINK("http://evil.example","x")';
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { username: hostile, password: 'wrong-password' },
    });
    expect(r.statusCode).toBe(401);
    const csv = (await admin.get(`audit-events.csv?userId=${encodeURIComponent(hostile)}`)).body as string;
    const rows = csv.trimEnd().split('\r\n').slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(rows.some((line) => /(^|,)[=+\-@]/.test(line))).toBe(false);
  });
});

describe('who may read it, and bad input', () => {
  it('staff other than admin get 403 problem+json; members and partners too; no token 401', async () => {
    for (const client of [ms, reviewer, await signIn(t, 'intake'), await signIn(t, 'member', { memberId: memberA })]) {
      expectProblem(await client.get(`audit-events?memberId=${memberA}`), 403, 'FORBIDDEN');
      expectProblem(await client.get(`audit-events.csv?memberId=${memberA}`), 403, 'FORBIDDEN');
    }
    expectProblem(await new ApiClient(t.app).get('audit-events'), 401, 'UNAUTHENTICATED');
  });

  it('bad dates, a period backwards and a forged cursor are 400 problem+json naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['from=2026-02-30', 'from'],
      ['from=yesterday', 'from'],
      ['to=2026-13-01', 'to'],
      ['from=2026-12-01T10:00:00', 'from'],
      [`from=${today()}&to=2020-01-01`, 'to'],
      ['cursor=abc', 'cursor'],
      ['limit=0', 'limit'],
      ['color=red', 'color'],
    ];
    for (const [query, field] of cases) {
      for (const path of ['audit-events', 'audit-events.csv']) {
        const problem = expectProblem(await admin.get(`${path}?${query}`), 400, 'VALIDATION_FAILED');
        expect(JSON.stringify(problem), `${path}?${query}`).toContain(field);
      }
    }
  });
});
