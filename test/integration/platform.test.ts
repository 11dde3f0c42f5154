import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/adapters/http/app.js';
import { createContext } from '../../src/app-context.js';
import { loadConfig, ConfigError } from '../../src/config.js';
import { systemClock } from '../../src/platform/clock.js';
import { ApiClient, expectProblem } from '../support/http.js';
import { firstNpi, members, pharmacyWithKey, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('platform', () => {
  it('GET /healthz answers with the database kind, without auth', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('serves the OpenAPI document with the contract paths, and a docs page', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/v1/claims',
      '/api/v1/claims/{claimId}/reversal',
      '/api/v1/coverage',
      '/api/v1/auth/token',
      '/api/v1/me',
      '/api/v1/plans/{planId}/formulary',
      '/api/v1/pa-requests',
      '/api/v1/pa-requests/{id}/submit',
      '/api/v1/review-queue',
    ]) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    const docs = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });

  it('issues tokens; /me says who I am; a wrong password is 401 without saying which part was wrong', async () => {
    const [m] = await members(t);
    const member = await signIn(t, 'member', { memberId: m.id });
    const me = await member.get('me');
    expect(me.body).toMatchObject({ role: 'member', memberId: m.id });
    const bad = await new ApiClient(t.app).post('auth/token', { username: 'nobody', password: 'wrong-password' });
    expectProblem(bad, 401, 'UNAUTHENTICATED');
  });

  it('an expired token is refused (the manual clock moves token expiry too)', async () => {
    const short = await createTestApp({ env: { TOKEN_TTL_SECONDS: '900' } });
    try {
      const client = await signIn(short, 'admin');
      expect((await client.get('me')).status).toBe(200);
      short.clock.advance(16 * 60_000);
      expectProblem(await client.get('me'), 401, 'UNAUTHENTICATED');
    } finally {
      await short.close();
    }
  });

  it("refreshes a working session's token; not for API keys, expired tokens or disabled accounts", async () => {
    const short = await createTestApp({ env: { TOKEN_TTL_SECONDS: '900' } });
    try {
      const client = await signIn(short, 'reviewer-pharmacist');
      const me = (await client.get('me')).body;
      // 10 minutes into a 15-minute token, the portal asks for a new one: it lasts another 15.
      short.clock.advance(10 * 60_000);
      const refreshed = await client.post('auth/refresh');
      expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
      expect(refreshed.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
      const renewed = new ApiClient(short.app, refreshed.body.accessToken);
      short.clock.advance(10 * 60_000);
      expect((await renewed.get('me')).body.username).toBe(me.username);
      expectProblem(await client.get('me'), 401, 'UNAUTHENTICATED');
      expectProblem(await client.post('auth/refresh'), 401, 'UNAUTHENTICATED');

      const pharmacy = await pharmacyWithKey(short, await firstNpi(short, 'pharmacies'));
      expectProblem(await pharmacy.post('auth/refresh'), 403, 'FORBIDDEN');

      await short.ctx.database.query('update users set disabled_at = $1 where username = $2', [
        short.clock.now(),
        me.username,
      ]);
      expectProblem(await renewed.post('auth/refresh'), 401, 'UNAUTHENTICATED');
      expectProblem(await new ApiClient(short.app).post('auth/refresh'), 401, 'UNAUTHENTICATED');
    } finally {
      await short.close();
    }
  });

  it('an unknown route is a problem+json 404', async () => {
    const admin = await signIn(t, 'admin');
    expectProblem(await admin.get('no-such-thing'), 404, 'NOT_FOUND');
  });

  it('only an admin creates users; the role must exist', async () => {
    const ms = await signIn(t, 'member-services');
    expectProblem(
      await ms.post('users', { username: 'someone', role: 'admin', password: 'long-enough-pw' }),
      403,
      'FORBIDDEN',
    );
    const admin = await signIn(t, 'admin');
    expectProblem(
      await admin.post('users', { username: 'someone', role: 'wizard', password: 'long-enough-pw' }),
      400,
      'VALIDATION_FAILED',
    );
    const created = await admin.post('users', {
      username: 'pharmacy-system-1',
      role: 'pharmacy',
      npi: '1234567893',
      withApiKey: true,
    });
    expect(created.status).toBe(201);
    expect(created.body.apiKey).toMatch(/^opbm_/);
    const stored = await t.ctx.database.query<{ key_hash: string }>('select key_hash from api_keys');
    expect(stored.map((s) => s.key_hash)).not.toContain(created.body.apiKey);
  });
});

describe('configuration', () => {
  it('refuses the manual clock and the demo data set in production', () => {
    const base = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DEMO_DATA: 'false' } as NodeJS.ProcessEnv;
    expect(() => loadConfig({ ...base, CLOCK: 'manual' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, DEMO_DATA: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'false' } as NodeJS.ProcessEnv)).toThrow(/JWT_SECRET/);
    expect(loadConfig(base).clock).toBe('system');
  });

  it('has no test clock route unless the clock is manual', async () => {
    const admin = await signIn(t, 'admin');
    expect((await admin.get('test/clock')).status).toBe(200);
    // Unauthenticated, the manual-clock server knows the route (401); a server on the system
    // clock over the same database does not have it at all (404).
    const ask = (app: typeof t.app) => app.inject({ method: 'GET', url: '/api/v1/test/clock' });
    expect((await ask(t.app)).statusCode).toBe(401);
    const onSystemClock = await buildApp(createContext(t.ctx.config, t.ctx.database, systemClock));
    try {
      const r = await ask(onSystemClock);
      expect(r.statusCode).toBe(404);
      expect(r.json().code).toBe('NOT_FOUND');
      const post = await onSystemClock.inject({
        method: 'POST',
        url: '/api/v1/test/clock',
        payload: { advanceBy: 'PT1H' },
      });
      expect(post.statusCode).toBe(404);
    } finally {
      await onSystemClock.close();
    }
  });
});
