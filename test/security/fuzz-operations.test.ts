import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/platform/roles.js';
import { firstNpi, members } from '../support/scenario.js';
import { createUser } from '../../src/identity/create-user.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * docs/design.md#errors (no input gives a 500): a seeded fuzz pass over every operation of the OpenAPI document. Arbitraries are
 * derived from each operation's own JSON Schema (TypeBox → OpenAPI), mixed with hostile strings;
 * every answer must be below 500, and every 4xx must be problem+json with a code.
 */
const RUNS_PER_OPERATION = 30;
const SEED = 20261203;

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  $ref?: string;
};

const HOSTILE = [
  '',
  ' ',
  '\u0000',
  'A\uD800',
  '\uDC00B',
  "'; drop table members; --",
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'x'.repeat(5000),
  '1e999',
  '-1',
  'NaN',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  'P99999999D',
  'M000001',
  '{"a":1}',
  'Ñoño\u0303',
];

const stringArb = (s: Schema) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 2, arbitrary: fc.string({ maxLength: Math.min(s.maxLength ?? 40, 60) }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    {
      weight: 2,
      arbitrary:
        s.format === 'date'
          ? fc.constantFrom('2026-11-20', '1970-01-15', '2026-13-01')
          : s.format === 'date-time'
            ? fc.constantFrom('2026-11-21T00:00:00Z', '2030-01-01T00:00:00.000Z', 'not-a-time')
            : fc.stringMatching(/^[A-Z0-9-]{1,12}$/),
    },
  );

function arb(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return fc.anything({ maxDepth: 1 });
  if (s.const !== undefined) return fc.oneof(fc.constant(s.const), fc.string({ maxLength: 5 }));
  if (s.enum) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...s.enum) }, fc.string({ maxLength: 8 }));
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map((u) => arb(u, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return fc.oneof(
        fc.integer({ min: s.minimum ?? -10, max: Math.min(s.maximum ?? 1000, 1000) }),
        fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5),
      );
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e300));
    case 'boolean':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, fc.constant('yes'));
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(arb(s.items, depth + 1), { maxLength: 4 });
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) shape[k] = arb(v, depth + 1);
      return fc.record(shape, { requiredKeys: Object.keys(props).filter((k) => required.has(k) || depth === 0) });
    }
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

/** Every UTF-8 byte %-encoded (a lone surrogate becomes U+FFFD's bytes, as a browser would send). */
const percentEncode = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

interface Operation {
  method: string;
  path: string;
  params: Array<{ name: string; in: string; schema?: Schema }>;
  body?: Schema;
  multipart: boolean;
}

let t: TestApp;
const operations: Operation[] = [];
const bearers = new Map<Role, string>();
beforeAll(async () => {
  t = await createTestApp();
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: content['application/json']?.schema,
        multipart: Boolean(content['multipart/form-data']),
      });
    }
  }
  const [m] = await members(t);
  const npi = await firstNpi(t, 'pharmacies');
  const prescriber = await firstNpi(t, 'prescribers');
  for (const role of ROLES) {
    const username = `fuzz-${role}`;
    await createUser(t.ctx, {
      username,
      password: 'fuzz-password-1',
      role,
      ...(role === 'member' ? { memberId: m.id } : {}),
      ...(role === 'pharmacy' ? { npi } : role === 'prescriber' ? { npi: prescriber } : {}),
    });
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { username, password: 'fuzz-password-1' },
    });
    bearers.set(role, r.json().accessToken);
  }
});
afterAll(() => t?.close());

describe('fuzz: every operation of the OpenAPI document', () => {
  it('the document lists the operations (sanity)', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it(`${RUNS_PER_OPERATION} generated requests per operation, each role: no 5xx, every 4xx problem+json with a code`, async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const op of operations) {
      // The sign-in route is throttled on purpose: fuzzing it would only test the throttle.
      if (op.path === '/api/v1/auth/token') continue;
      const pathParams = op.params.filter((p) => p.in === 'path');
      const queryParams = op.params.filter((p) => p.in === 'query');
      const input = fc.record({
        role: fc.constantFrom(...ROLES),
        path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, stringArb(p.schema ?? {})]))),
        query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, arb(p.schema)])), { requiredKeys: [] }),
        body: op.body ? arb(op.body) : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ role, path, query, body }) => {
          let url = op.path.replace(/\{(\w+)\}/g, (_, n: string) => percentEncode(String(path[n] ?? 'x')));
          const qs = new URLSearchParams();
          for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.append(k, String(v));
          if ([...qs].length) url += `?${qs}`;
          requests++;
          let r;
          try {
            r = await t.app.inject({
              method: op.method as 'GET',
              url,
              headers: {
                authorization: `Bearer ${bearers.get(role)}`,
                ...(op.multipart ? { 'content-type': 'multipart/form-data; boundary=x' } : {}),
              },
              ...(op.multipart
                ? { payload: '--x\r\n\r\nbroken' }
                : body !== undefined
                  ? { payload: body as object }
                  : {}),
            });
          } catch {
            // A URL the HTTP layer cannot even form (encodeURIComponent on a lone surrogate) is not a server answer.
            return true;
          }
          const type = String(r.headers['content-type'] ?? '');
          const where = `${op.method} ${url.slice(0, 120)} as ${role} → ${r.statusCode}`;
          if (r.statusCode >= 500) failures.push(`${where}: ${r.body.slice(0, 200)}`);
          else if (r.statusCode >= 400 && (!type.includes('application/problem+json') || !r.json().code))
            failures.push(`${where}: not problem+json (${type})`);
          return true;
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED },
      );
    }
    expect(requests).toBeGreaterThanOrEqual(RUNS_PER_OPERATION * (operations.length - 1));
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
  });
});
