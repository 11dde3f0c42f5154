import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { ROLES, type Role } from '../../src/platform/roles.js';
import type { ApiClient } from '../support/http.js';
import { claimFor, members, ndcsWhere, pharmacyWithKey, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { deniedCase, type DeniedCase } from './support/denied-case.js';

/**
 * docs/design.md#access: the access matrix, generated from the OpenAPI document. Every operation ×
 * every role × a record of one's own and a record of someone else's:
 * - without credentials every operation except the public ones is 401;
 * - a member, prescriber or pharmacy asking for another's record gets 403 or 404 and not one
 *   byte of it (name, date of birth);
 * - for their own record they get it (the checks below that name "own");
 * - no operation answers 5xx for any role.
 * Path parameters are filled from PARAMETER_FIXTURES by name: a new route with a new parameter
 * name fails the "every parameter has a fixture" test until it is added here, so new routes are
 * covered automatically.
 */
const PUBLIC = new Set(['POST /api/v1/auth/token', 'POST /api/v1/auth/password']);
const EXTERNAL: Role[] = ['member', 'prescriber', 'pharmacy'];

let t: TestApp;
let denied: DeniedCase;
let claimId: string;
let claimMember: { id: string; lastName: string; dob: string };
let caseMember: { lastName: string; dob: string };
const own = new Map<Role, ApiClient>();
const stranger = new Map<Role, ApiClient>();
let operations: Array<{ method: string; path: string }> = [];

/** Another party's records, by path parameter name (and path prefix where one name means several things). */
function fixture(path: string, name: string): string | undefined {
  if (name === 'claimId') return claimId;
  if (name === 'id') {
    if (path.startsWith('/api/v1/members/')) return denied.memberId;
    if (path.startsWith('/api/v1/pa-requests/')) return denied.caseId;
    if (path.startsWith('/api/v1/notices/')) return denied.noticeIds[0];
    if (path.startsWith('/api/v1/claims/')) return claimId;
    // Staff-only records (appeals, faxes, work items, criteria, EHR clients, users): a real id is
    // not needed to prove that outsiders are refused before any lookup.
    return 'X0001';
  }
  if (['planId', 'attachmentId', 'kid', 'kind'].includes(name)) return 'X0001';
  return undefined;
}

beforeAll(async () => {
  t = await createTestApp();
  denied = await deniedCase(t);
  const [cm] = await t.ctx.database.query<{ last_name: string; dob: string }>(
    'select last_name, date_of_birth::text as dob from members where id = $1',
    [denied.memberId],
  );
  caseMember = { lastName: cm.last_name, dob: cm.dob };

  // A claim at the retail pharmacy for another member (that pharmacy serves that member).
  const [m] = await members(t, 'id = $1', [DEMO.members.commercial]);
  const [{ last_name }] = await t.ctx.database.query<{ last_name: string }>(
    'select last_name from members where id = $1',
    [m.id],
  );
  claimMember = { id: m.id, lastName: last_name, dob: m.date_of_birth };
  const retail = await pharmacyWithKey(t, DEMO.pharmacies.retail.npi);
  const [ndc] = await ndcsWhere(t, m.plan_id, (e) => Boolean(e?.covered && !e.priorAuthorization));
  const claim = await retail.post(
    'claims',
    claimFor(m, DEMO.pharmacies.retail.npi, DEMO.prescribers.endocrinology, { productId: ndc.ndc }),
  );
  expect(claim.status, JSON.stringify(claim.body)).toBeLessThan(300);
  claimId = claim.body.claimId ?? claim.body.id;

  own.set('member', await signIn(t, 'member', { memberId: denied.memberId }));
  own.set('prescriber', denied.prescriber);
  own.set('pharmacy', retail);
  // Strangers: a member, a prescriber and a pharmacy the data links to neither member.
  const [otherMember] = await members(t, 'id not in ($1, $2)', [denied.memberId, m.id]);
  stranger.set('member', await signIn(t, 'member', { memberId: otherMember.id }));
  stranger.set(
    'prescriber',
    await signIn(t, 'prescriber', { npi: await unrelated('prescribers', [denied.memberId, m.id]) }),
  );
  stranger.set('pharmacy', await pharmacyWithKey(t, await unrelated('pharmacies', [denied.memberId, m.id])));
  for (const role of ROLES.filter((r) => !EXTERNAL.includes(r))) own.set(role, await signIn(t, role));

  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  operations = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
});
afterAll(() => t?.close());

async function unrelated(table: 'prescribers' | 'pharmacies', memberIds: string[]): Promise<string> {
  const column = table === 'prescribers' ? 'prescriber_npi' : 'pharmacy_npi';
  const [row] = await t.ctx.database.query<{ npi: string }>(
    `select npi from ${table} p where not exists (select 1 from claims c where c.${column} = p.npi and c.member_id = any($1))
       and not exists (select 1 from pa_requests r where r.${column} = p.npi and r.member_id = any($1))
     order by npi limit 1`,
    [memberIds],
  );
  return row.npi;
}

const urlOf = (op: { path: string }) =>
  op.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(fixture(op.path, n) ?? 'MISSING'));

describe('access matrix generated from the OpenAPI document', () => {
  it('every path parameter of every operation has a fixture', () => {
    expect(operations.length).toBeGreaterThan(50);
    const missing = operations.flatMap((op) =>
      [...op.path.matchAll(/\{(\w+)\}/g)].filter(([, n]) => !fixture(op.path, n)).map(([, n]) => `${op.path} {${n}}`),
    );
    expect(missing).toEqual([]);
  });

  it('without credentials every operation except sign-in is 401 problem+json', async () => {
    const wrong: string[] = [];
    for (const op of operations) {
      if (PUBLIC.has(`${op.method} ${op.path}`)) continue;
      const r = await t.app.inject({
        method: op.method as 'GET',
        url: urlOf(op),
        payload: op.method === 'GET' ? undefined : {},
      });
      if (r.statusCode !== 401 || !String(r.headers['content-type']).includes('problem+json'))
        wrong.push(`${op.method} ${op.path} → ${r.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  for (const role of EXTERNAL) {
    it(`${role}: another's records — every operation answers 403/404 (or refuses the input), never their PHI, never 5xx`, async () => {
      const client = stranger.get(role)!;
      const leaks: string[] = [];
      for (const op of operations) {
        if (op.path === '/api/v1/test/clock' && op.method === 'POST') continue;
        const r = await client.request(op.method as 'GET', urlOf(op), op.method === 'GET' ? undefined : {});
        const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
        const names = [caseMember.lastName, caseMember.dob, claimMember.lastName, claimMember.dob];
        if (r.status >= 500) leaks.push(`${op.method} ${op.path} → ${r.status}`);
        else if (op.path.includes('{') && r.status < 400) leaks.push(`${op.method} ${op.path} → ${r.status}`);
        else if (names.some((n) => text.includes(n))) leaks.push(`${op.method} ${op.path} → ${r.status} carries PHI`);
      }
      expect(leaks).toEqual([]);
    });
  }

  it('staff roles: no operation answers 5xx on these records', async () => {
    const wrong: string[] = [];
    for (const role of ROLES.filter((r) => !EXTERNAL.includes(r))) {
      for (const op of operations) {
        if (op.method !== 'GET') continue;
        const r = await own.get(role)!.request('GET', urlOf(op));
        if (r.status >= 500) wrong.push(`${role} ${op.method} ${op.path} → ${r.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('admin reports (docs/design.md#metrics)', () => {
  it('the claims report answers the admin; every other role gets 403 problem+json and no figures', async () => {
    const url = 'reports/claims?from=2026-11-01&to=2026-11-20';
    expect((await own.get('admin')!.get(url)).status).toBe(200);
    const wrong: string[] = [];
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const r = await own.get(role)!.request('GET', url);
      if (r.status !== 403 || !String(r.headers['content-type']).includes('problem+json') || 'days' in r.body)
        wrong.push(`${role} → ${r.status}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('least-privilege member reads (own vs another)', () => {
  it("a member reads their own record, not another's (404 either way for a guessed id)", async () => {
    expect((await own.get('member')!.get(`members/${denied.memberId}`)).status).toBe(200);
    expect((await stranger.get('member')!.get(`members/${denied.memberId}`)).status).toBe(404);
  });

  it('a prescriber reads a member of their own case; another prescriber gets 404 until their insurance search finds the member', async () => {
    expect((await own.get('prescriber')!.get(`members/${denied.memberId}`)).status).toBe(200);
    const other = stranger.get('prescriber')!;
    const guessed = await other.get(`members/${denied.memberId}`);
    expect(guessed.status).toBe(404);
    expect(JSON.stringify(guessed.body)).not.toContain(caseMember.lastName);
    const found = await other.get(
      `members/search?lastName=${encodeURIComponent(caseMember.lastName)}&dateOfBirth=${caseMember.dob}`,
    );
    expect(found.body.items.map((i: { memberId: string }) => i.memberId)).toContain(denied.memberId);
    expect((await other.get(`members/${denied.memberId}`)).status).toBe(200);
  });

  it('a pharmacy reads a member it filled a claim for; another pharmacy gets 404', async () => {
    expect((await own.get('pharmacy')!.get(`members/${claimMember.id}`)).status).toBe(200);
    expect((await stranger.get('pharmacy')!.get(`members/${claimMember.id}`)).status).toBe(404);
  });

  it('a sequential walk over member ids by a prescriber reveals nobody', async () => {
    const ids = await t.ctx.database.query<{ id: string }>('select id from members order by id limit 25');
    const npi = await unrelated(
      'prescribers',
      ids.map((i) => i.id),
    );
    const other = await signIn(t, 'prescriber', { npi });
    for (const { id } of ids) expect((await other.get(`members/${id}`)).status).toBe(404);
  });
});
