import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAuth } from '../adapters/http/auth.js';
import { authenticateBearer } from '../identity/authenticate.js';
import { errorToProblem, sendProblem } from '../adapters/http/problem.js';
import { ProblemSchema } from '../adapters/http/schemas.js';
import type { AppContext } from '../app-context.js';
import { createUser } from '../identity/create-user.js';
import { countRows, openTestContext, readRepoFile } from '../imports/test-context.test-support.js';
import { importRoutes } from './imports.routes.js';

/**
 * The import routes in a minimal copy of the API's setup (problem+json errors, bearer auth,
 * OpenAPI), so they are tested on their own.
 */
let ctx: AppContext;
let close: () => Promise<void>;
let app: FastifyInstance;
let adminKey: string;
let memberServicesKey: string;

beforeAll(async () => {
  ({ ctx, close } = await openTestContext());
  app = Fastify({
    logger: false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(ProblemSchema);
  await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 't', version: '1' } } });
  app.setErrorHandler((error, request, reply) => sendProblem(reply, errorToProblem(error, request)));
  await app.register(
    async (api) => {
      registerAuth(api, (token) => authenticateBearer(ctx, token));
      await importRoutes(api, ctx);
      // Another route in the same parent scope still parses JSON the usual way.
      api.post('/echo', async (req) => ({ got: req.body }));
    },
    { prefix: '/api/v1' },
  );
  await app.ready();
  adminKey = (await createUser(ctx, { username: 'admin-t', role: 'admin', withApiKey: true })).apiKey!;
  memberServicesKey = (await createUser(ctx, { username: 'ms-t', role: 'member-services', withApiKey: true })).apiKey!;
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

const post = (kind: string, payload: string, contentType: string, key = adminKey, query = '') =>
  app.inject({
    method: 'POST',
    url: `/api/v1/imports/${kind}${query}`,
    payload,
    headers: { authorization: `Bearer ${key}`, 'content-type': contentType },
  });

describe('POST /api/v1/imports/{kind}', () => {
  it('imports the drug catalog as text/csv and answers with the summary; the run and an audit event are recorded', async () => {
    const r = await post(
      'drug-catalog',
      readRepoFile('reference-data/drugs.csv'),
      'text/csv; charset=utf-8',
      adminKey,
      '?source=drugs.csv',
    );
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ kind: 'drug-catalog', source: 'drugs.csv', rejected: [], loaded: { packages: 229 } });
    expect(body.runId).toMatch(/^imp_/);
    const audit = await ctx.database.query<{ actor: string; action: string }>(
      'select actor, action from audit_events where entity_id = $1',
      [body.runId],
    );
    expect(audit).toEqual([{ actor: 'admin-t', action: 'import.drug-catalog' }]);
    const runs = await app.inject({
      method: 'GET',
      url: '/api/v1/imports?kind=drug-catalog',
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(runs.json().items[0]).toMatchObject({
      id: body.runId,
      kind: 'drug-catalog',
      actor: 'admin-t',
      source: 'drugs.csv',
      summary: { loaded: { packages: 229 } },
    });
  });

  it('takes a JSON file as application/json text (QHP plans)', async () => {
    const plans = JSON.stringify([
      {
        plan_id_type: 'HIOS-PLAN-ID',
        plan_id: '11111CA0000001',
        marketing_name: 'Route Test',
        formulary: { drug_tier: 'GENERIC', mail_order: false },
      },
    ]);
    const r = await post('qhp-plans', plans, 'application/json');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().loaded.plans).toBe(1);
  });

  it('a broken file → 422 IMPORT_FAILED problem+json naming the line, and nothing written', async () => {
    const before = await countRows(ctx, ['members', 'import_runs', 'audit_events']);
    const r = await post('members', 'member_id,plan_id\n"M1,P1\n', 'text/csv');
    expect(r.statusCode).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ code: 'IMPORT_FAILED', detail: expect.stringMatching(/line 2/) });
    const bad = await post('plan-bundle', '{"format":"openpbm-plans/1","plans":[{}]}', 'application/json');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('/plans/0/id');
    expect(await countRows(ctx, ['members', 'import_runs', 'audit_events'])).toEqual(before);
  });

  it('only admins may import; the content type must fit the kind; unknown kinds are 400', async () => {
    expect((await post('members', 'x', 'text/csv', memberServicesKey)).json()).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/imports/members',
          payload: 'a',
          headers: { 'content-type': 'text/csv' },
        })
      ).statusCode,
    ).toBe(401);
    const wrongType = await post('members', '{"a":1}', 'application/json');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().detail).toMatch(/Content-Type: text\/csv/);
    expect((await post('recipes', 'x', 'text/csv')).json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect((await post('members', '', 'text/csv')).statusCode).toBe(400);
  });

  it('accepts bodies above the API-wide 1 MB limit', async () => {
    const header = 'npi,first_name,last_name\n';
    const filler = Array.from({ length: 40_000 }, (_, i) => `12345,F${i},L${i}`).join('\n');
    const r = await post('prescribers', header + filler, 'text/csv');
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.json().rejected).toHaveLength(40_000);
  });

  it('leaves JSON parsing of the other routes alone, and documents itself in OpenAPI', async () => {
    const echo = await app.inject({
      method: 'POST',
      url: '/api/v1/echo',
      payload: { a: 1 },
      headers: { authorization: `Bearer ${adminKey}` },
    });
    expect(echo.json()).toEqual({ got: { a: 1 } });
    const doc = app.swagger() as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    expect(Object.keys(doc.paths['/api/v1/imports/{kind}'].post.requestBody!.content)).toEqual(
      expect.arrayContaining(['text/csv', 'application/json']),
    );
    expect(doc.paths['/api/v1/imports'].get).toBeTruthy();
  });
});
