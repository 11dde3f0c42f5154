import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazySchemaCompilers } from './lazy-schema-compilers.js';

/** Routes whose schemas compile on first use must validate and serialize exactly as before. */
async function appWith(schemas: ReturnType<typeof lazySchemaCompilers>) {
  const app = Fastify({
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    schemaController: { compilersFactory: schemas.compilersFactory },
  });
  app.post(
    '/things/:n',
    {
      schema: {
        params: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] },
        body: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 2 }, qty: { type: 'integer', minimum: 1 } },
          required: ['name', 'qty'],
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { n: { type: 'integer' }, name: { type: 'string' } } } },
      },
    },
    // The secret is not in the response schema: the compiled serializer must leave it out.
    async (req) => ({ n: (req.params as { n: number }).n, name: (req.body as { name: string }).name, secret: 'x' }),
  );
  await app.ready();
  return app;
}

describe('lazy schema compilers', () => {
  it('compiles nothing at registration, then validates (every error), coerces and serializes on first use', async () => {
    const schemas = lazySchemaCompilers();
    const app = await appWith(schemas);
    const before = schemas.pending();
    expect(before).toBeGreaterThanOrEqual(3); // params, body, the 200 response

    const bad = await app.inject({ method: 'POST', url: '/things/7', payload: { name: 'a', qty: 0, extra: 1 } });
    expect(bad.statusCode).toBe(400);
    // allErrors: all three problems, read through the wrapper's `errors`.
    expect(bad.json().message).toMatch(/minLength|fewer than 2/);
    expect(bad.json().message).toMatch(/>= 1/);
    expect(bad.json().message).toMatch(/additional properties/);

    const ok = await app.inject({ method: 'POST', url: '/things/7', payload: { name: 'ab', qty: 2 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ n: 7, name: 'ab' });
    expect(schemas.pending()).toBe(0);
    await app.close();
  });

  it('compiles what no request used when asked, and reports a schema that cannot compile', async () => {
    const schemas = lazySchemaCompilers();
    const app = await appWith(schemas);
    await schemas.compileRemaining(() => {
      throw new Error('no failure expected');
    });
    expect(schemas.pending()).toBe(0);
    await app.close();

    const broken = lazySchemaCompilers();
    const app2 = Fastify({ schemaController: { compilersFactory: broken.compilersFactory } });
    app2.get(
      '/broken',
      { schema: { querystring: { type: 'object', properties: { a: { type: 'nonsense' } } } } },
      async () => ({}),
    );
    await app2.ready(); // registration no longer compiles, so it no longer fails here
    const failures: unknown[] = [];
    await broken.compileRemaining((e) => failures.push(e));
    // The GET and the HEAD route Fastify adds for it share the schema: each reports it.
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) expect(String(f)).toMatch(/nonsense|type/);
    expect(broken.pending()).toBe(0);
    const res = await app2.inject({ method: 'GET', url: '/broken' });
    expect(res.statusCode).toBe(500);
    await app2.close();
  });
});
