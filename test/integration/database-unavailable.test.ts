import Fastify from 'fastify';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { errorToProblem, sendProblem } from '../../src/adapters/http/problem.js';
import { mapFhirError } from '../../src/fhir/fhir-edge.js';
import { rejectForError } from '../../src/ncpdp/reject-for-error.js';
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
});
