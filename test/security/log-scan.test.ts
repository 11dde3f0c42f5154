import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/adapters/http/app.js';
import { DEMO } from '../../src/demo/demo-data.js';
import { ApiClient } from '../support/http.js';
import { claimFor, members, pharmacyWithKey, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * docs/security.md#logs: no PHI in any log line. Every operation is driven with requests that fail
 * (bad input carrying members' names and dates of birth, records that do not exist, and — with
 * the database sabotaged — queries that fail inside PostgreSQL with members' values as
 * parameters), and every captured log line is scanned for the demo members' names, ids and
 * dates of birth.
 */
let t: TestApp;
let app: FastifyInstance;
const lines: string[] = [];
let people: Array<{ id: string; first_name: string; last_name: string; dob: string }>;

beforeAll(async () => {
  t = await createTestApp({ env: { LOG_LEVEL: 'info' } });
  t.app.log.level = 'silent';
  app = await buildApp(t.ctx, { logStream: { write: (line: string) => void lines.push(line) } });
  await app.ready();
  people = await t.ctx.database.query(
    `select id, first_name, last_name, date_of_birth::text as dob from members
     where id = any($1) or id in (select id from members order by id limit 10)`,
    [[DEMO.members.commercial, DEMO.members.spanishSpeaking, DEMO.members.partD]],
  );
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

/** Values that identify a member; names shorter than 4 letters would match ordinary words. */
const secretsOf = (p: (typeof people)[number]) => [p.id, p.dob, p.last_name, p.first_name].filter((s) => s.length >= 4);

function phiBody(p: (typeof people)[number]) {
  return {
    memberId: p.id,
    cardholderId: p.id,
    lastName: p.last_name,
    firstName: p.first_name,
    dateOfBirth: p.dob,
    patient: { dateOfBirth: p.dob, name: `${p.first_name} ${p.last_name}` },
    note: `Caller ${p.first_name} ${p.last_name}, born ${p.dob}, member ${p.id}`,
    items: [p.id, p.dob, p.last_name],
    quantity: 'not a number',
  };
}

async function driveEveryOperation(client: ApiClient, label: string) {
  const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  let n = 0;
  for (const [path, item] of Object.entries<Record<string, unknown>>(doc.paths)) {
    for (const method of Object.keys(item).filter((m) => ['get', 'post', 'put', 'delete'].includes(m))) {
      const p = people[n++ % people.length];
      const url =
        path.replace(/\{\w+\}/g, encodeURIComponent(p.id)) +
        `?lastName=${encodeURIComponent(p.last_name)}&dateOfBirth=${p.dob}&memberId=${p.id}`;
      await client.request(method.toUpperCase() as 'GET', url, method === 'get' ? undefined : phiBody(p));
    }
  }
  return `${label}: ${n} operations`;
}

describe('no PHI in any log line', () => {
  it('every operation with failing input, then with the database failing under it, logs no name, id or date of birth', async () => {
    const admin = await signIn(t, 'admin');
    const services = await signIn(t, 'member-services');
    const reviewer = await signIn(t, 'reviewer-pharmacist');
    const pharmacy = await pharmacyWithKey(t, DEMO.pharmacies.retail.npi);
    // The same principals against the app whose log is captured.
    const on = (c: ApiClient) => Object.assign(Object.create(Object.getPrototypeOf(c)), c, { app }) as ApiClient;
    for (const c of [admin, services, reviewer, pharmacy]) await driveEveryOperation(on(c), 'input errors');

    // Sabotage: queries that read or write members and claims now fail inside PostgreSQL, with
    // the members' values bound as parameters (the 500s the fuzzer saw logged them verbatim).
    await t.ctx.database.query('alter table members rename column date_of_birth to dob_gone');
    await t.ctx.database.query('alter table claims rename column member_id to member_gone');
    const [m] = await members(t, 'id = $1', [DEMO.members.commercial]).catch(() => [] as never[]);
    const p = people.find((x) => x.id === DEMO.members.commercial)!;
    const staff = on(services);
    const search = await staff.get(`members/search?lastName=${encodeURIComponent(p.last_name)}&dateOfBirth=${p.dob}`);
    expect(search.status).toBe(500);
    expect(search.body.code).toBe('INTERNAL');
    const claim = await on(pharmacy).post(
      'claims',
      claimFor(
        m ?? { id: p.id, date_of_birth: p.dob, plan_id: '', sex: 'F', language: 'en', termination_date: null },
        DEMO.pharmacies.retail.npi,
        DEMO.prescribers.endocrinology,
        { productId: '00002143380' },
      ),
    );
    expect(claim.status).toBeGreaterThanOrEqual(400);
    for (const c of [admin, services, pharmacy]) await driveEveryOperation(on(c), 'database errors');
    await t.ctx.database.query('alter table members rename column dob_gone to date_of_birth');
    await t.ctx.database.query('alter table claims rename column member_gone to member_id');

    const unhandled = lines.filter((l) => l.includes('unhandled error'));
    expect(unhandled.length, 'the sabotage produced logged 500s').toBeGreaterThan(0);
    expect(unhandled.some((l) => l.includes('"sqlState"'))).toBe(true);
    const leaks: string[] = [];
    for (const line of lines)
      for (const person of people)
        for (const secret of secretsOf(person))
          if (line.includes(secret)) leaks.push(`${secret} in ${line.slice(0, 300)}`);
    expect(leaks.slice(0, 10)).toEqual([]);
    expect(lines.length).toBeGreaterThan(500);
  });
});
