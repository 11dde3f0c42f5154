import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { errorToProblem, sendProblem } from '../../src/adapters/http/problem.js';
import { mapFhirError } from '../../src/fhir/fhir-edge.js';
import { oauthRoutes } from '../../src/fhir/smart/oauth-routes.js';
import type { AppContext } from '../../src/app-context.js';
import { rejectForError } from '../../src/ncpdp/reject-for-error.js';
import { AUTH_OK, AUTH_UNAVAILABLE, startNcpdpListener } from '../../src/ncpdp/tcp-listener.js';
import { bytesToText } from '../../src/ncpdp/telecom/separators.js';
import { parseTransmission } from '../../src/ncpdp/telecom/transmission.js';
import { writeBillingRequest } from '../../src/ncpdp/write-request.js';
import { DEMO } from '../../src/demo/demo-data.js';
import { TEST_TODAY } from '../support/constants.js';
import { readGroup } from '../support/d0.js';
import { TcpD0Client } from '../support/d0-tcp.js';
import {
  isDatabaseUnavailable,
  unavailableToDomainError,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from '../../src/platform/db-conflicts.js';

/** What node-postgres throws, wrapped the way Drizzle wraps it (DrizzleQueryError keeps it as `cause`). */
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select …'), { cause });
const pgFailure = (code: string) => wrapped(Object.assign(new Error(`postgres said ${code}`), { code }));

/** A real refused connection, as `pg` reports it when nothing listens on the database's port. */
async function refusedConnection(): Promise<unknown> {
  const client = new pg.Client({ host: '127.0.0.1', port: 1, user: 'x', database: 'x', connectionTimeoutMillis: 2000 });
  return client.connect().then(
    () => new Error('connected to port 1?'),
    (e: unknown) => e,
  );
}

const quietRequest = {
  log: { error() {}, warn() {}, info() {} },
  routeOptions: { url: '/api/v1/claims' },
  headers: {},
} as never;

describe('the database out of reach: "try again shortly" at every edge, never a 500 or a 99', () => {
  it.each([
    ['08006 connection failure', pgFailure('08006')],
    ['08001 cannot connect', pgFailure('08001')],
    ['53300 too many connections', pgFailure('53300')],
    ['53100 disk full', pgFailure('53100')],
    ['57P01 admin shutdown (a failover)', pgFailure('57P01')],
    ['57P03 cannot connect now (starting up)', pgFailure('57P03')],
    ['ECONNRESET mid-query', wrapped(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))],
    ['the connection dropped', wrapped(new Error('Connection terminated unexpectedly'))],
    ['the pool could not connect in time', new Error('timeout exceeded when trying to connect')],
  ])('%s is "unavailable"', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['23505 unique violation', pgFailure('23505')],
    ['40001 serialization failure', pgFailure('40001')],
    ['42601 syntax error (our bug)', pgFailure('42601')],
    ['08P01 protocol violation (a wrong parameter count: our bug)', pgFailure('08P01')],
    ['53400 a configured limit exceeded (the same every time)', pgFailure('53400')],
    ['53200 out of lock memory (the same every time)', pgFailure('53200')],
    ['a plain error', new Error('undefined is not a function')],
    ['not an error at all', 'boom'],
  ])('%s is not', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(unavailableToDomainError(error)).toBeNull();
  });

  it('a real refused connection is a 503 problem with Retry-After through the JSON edge', async () => {
    const refused = await refusedConnection();
    expect((refused as { code?: string }).code).toBe('ECONNREFUSED');
    const app = Fastify();
    app.setErrorHandler((error, request, reply) => sendProblem(reply, errorToProblem(error, request)));
    app.get('/x', async () => {
      throw wrapped(refused);
    });
    const res = await app.inject({ method: 'GET', url: '/x' });
    await app.close();
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe(String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    const problem = res.json();
    expect(problem).toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS,
    });
    // The socket's address and the driver's words stay in the log, not in the answer.
    expect(JSON.stringify(problem)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
  });

  it('is 503 temporarily_unavailable with Retry-After at the OAuth token endpoint, and a bug there is 500 server_error', async () => {
    const refused = await refusedConnection();
    const failingDb = (error: unknown) =>
      new Proxy({}, { get: () => { throw wrapped(error); } }); // prettier-ignore
    const tokenRequest = async (error: unknown) => {
      const ctx = { database: { db: failingDb(error) } } as unknown as AppContext;
      const app = Fastify();
      await app.register((a) => oauthRoutes(a, ctx), { prefix: '/oauth' });
      // Well-formed enough to reach the client's lookup: the database is asked who `ehr-x` is.
      const jwt = [
        { alg: 'RS384', kid: 'k1' },
        { iss: 'ehr-x', sub: 'ehr-x' },
      ]
        .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
        .concat('c2ln')
        .join('.');
      const res = await app.inject({
        method: 'POST',
        url: '/oauth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          grant_type: 'client_credentials',
          scope: 'system/Coverage.read',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: jwt,
        }).toString(),
      });
      await app.close();
      return res;
    };
    const down = await tokenRequest(refused);
    expect(down.statusCode).toBe(503);
    expect(down.headers['retry-after']).toBe(String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    expect(down.headers['cache-control']).toBe('no-store');
    expect(down.json()).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) });
    expect(down.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    // Before, every unexpected error here was a 400 invalid_request: the client blamed for our fault.
    const bug = await tokenRequest(new Error('undefined is not a function'));
    expect(bug.statusCode).toBe(500);
    expect(bug.json()).toEqual({ error: 'server_error', error_description: expect.any(String) });
    expect(bug.body).not.toMatch(/undefined is not a function/);
  });

  it('names the SQLSTATE when there is one, and nothing of the statement', () => {
    const problem = errorToProblem(pgFailure('57P01'), quietRequest);
    expect(problem).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', sqlState: '57P01' });
    expect(JSON.stringify(problem)).not.toContain('select');
  });

  it('is a 503 OperationOutcome "transient" at the FHIR edge', () => {
    const { status, outcome } = mapFhirError(pgFailure('57P03'), quietRequest);
    expect(status).toBe(503);
    expect(outcome.issue?.[0]).toMatchObject({ severity: 'error', code: 'transient' });
  });

  it('is reject 92 (system unavailable) at the D.0 edge, which a switch resends, not 99', () => {
    expect(rejectForError(pgFailure('53300')).reject.code).toBe('92');
    expect(rejectForError(wrapped(new Error('Connection terminated unexpectedly'))).reject.code).toBe('92');
    expect(rejectForError(new Error('a bug')).reject.code).toBe('99');
  });

  it('a real wrong parameter count (08P01, our bug) stays a 500 and a 99 on PGlite and on PostgreSQL', async () => {
    const failures: unknown[] = [];
    const lite = new PGlite();
    failures.push(
      await lite.query('select $1::int + $2::int', [1]).then(
        () => null,
        (e: unknown) => e,
      ),
    );
    await lite.close();
    if (process.env.DATABASE_URL) {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      failures.push(
        await client.query('select $1::int + $2::int', [1]).then(
          () => null,
          (e: unknown) => e,
        ),
      );
      await client.end();
    }
    for (const e of failures) {
      expect((e as { code?: string }).code).toBe('08P01');
      expect(errorToProblem(wrapped(e), quietRequest).status).toBe(500);
      expect(rejectForError(wrapped(e)).reject.code).toBe('99');
    }
  });
});

describe('D.0 over TCP with the database out of reach', () => {
  const log = { info() {}, warn() {}, error() {} };
  const dbDown = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const b1 = writeBillingRequest([
    {
      bin: '610011',
      pcn: 'BAYRX',
      groupId: 'IHSS01',
      cardholderId: DEMO.members.ihss,
      patient: { dateOfBirth: '1980-01-01' },
      pharmacyNpi: DEMO.pharmacies.retail.npi,
      prescriptionNumber: 'DOWN1',
      fillNumber: 0,
      dateOfService: TEST_TODAY,
      productId: DEMO.ndcs.metformin,
      quantityDispensed: 60,
      daysSupply: 30,
      prescriberNpi: DEMO.prescribers.primaryCare,
      submittedIngredientCost: '8.00',
      usualAndCustomaryCharge: '12.00',
    },
  ]);

  it('a key that cannot be checked is not "DENIED": the switch is told UNAVAILABLE, to reconnect shortly', async () => {
    const listener = await startNcpdpListener({} as never, {
      port: 0,
      host: '127.0.0.1',
      log,
      authenticate: async () => {
        throw dbDown();
      },
    });
    try {
      const c = await TcpD0Client.connect(listener.port);
      expect(String(await c.request('opbm_some_pharmacy_key'))).toBe(AUTH_UNAVAILABLE);
      expect(await c.next()).toBeNull(); // closed
      c.close();
    } finally {
      await listener.close();
    }
  });

  it('on an open connection, a transmission whose key cannot be checked again is rejected 92 and the connection stays', async () => {
    let down = false;
    const listener = await startNcpdpListener({} as never, {
      port: 0,
      host: '127.0.0.1',
      log,
      authenticate: async () => {
        if (down) throw dbDown();
        return { role: 'pharmacy', pharmacyNpi: DEMO.pharmacies.retail.npi } as never;
      },
    });
    try {
      const c = await TcpD0Client.connect(listener.port);
      expect(String(await c.request('opbm_some_pharmacy_key'))).toBe(AUTH_OK);
      down = true;
      const answer = parseTransmission(bytesToText((await c.request(b1))!));
      expect(readGroup(answer)).toMatchObject({ status: 'R', rejects: ['92'] });
      expect(readGroup(answer).message).toContain('Resubmit the transmission in a few seconds');
      expect(c.closed).toBe(false);
      c.close();
    } finally {
      await listener.close();
    }
  });
});
