import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/adapters/http/app.js';
import { createUser } from '../../src/identity/create-user.js';
import { ApiClient, expectProblem } from '../support/http.js';
import { demoEhr } from '../support/fhir-clients.js';
import { firstNpi, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * docs/security.md#revocation: disabling a user, an API key or an EHR client takes effect within 10 s, also
 * in a second server process that had just answered the same credential (its cache is warm).
 */
let t: TestApp;
let other: FastifyInstance;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  other = await buildApp(t.secondWorker());
  await other.ready();
  admin = await signIn(t, 'admin');
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

const WITHIN_MS = 10_000;

async function statusOn(app: FastifyInstance, bearer: string, url = '/api/v1/me') {
  return (await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } })).statusCode;
}

describe('revocation within 10 seconds', () => {
  it('a disabled user: at once here, within 10 s in another process; enabling restores access', async () => {
    await createUser(t.ctx, { username: 'rev-reviewer', password: 'rev-password-1', role: 'reviewer-pharmacist' });
    const token = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        payload: { username: 'rev-reviewer', password: 'rev-password-1' },
      })
    ).json().accessToken as string;
    expect(await statusOn(t.app, token)).toBe(200);
    expect(await statusOn(other, token)).toBe(200);

    const off = await admin.post('users/rev-reviewer/disable');
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body).toMatchObject({ username: 'rev-reviewer', disabled: true });
    const refused = await new ApiClient(t.app, token).get('me');
    expectProblem(refused, 401, 'UNAUTHENTICATED');
    await expect.poll(() => statusOn(other, token), { timeout: WITHIN_MS, interval: 250 }).toBe(401);

    expect((await admin.post('users/rev-reviewer/enable')).body.disabled).toBe(false);
    expect(await statusOn(t.app, token)).toBe(200);
    const audit = await t.ctx.database.query<{ action: string }>(
      `select action from audit_events where entity_type = 'user' and entity_id = 'rev-reviewer' and action like 'user.%' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['user.disabled', 'user.enabled']);
  });

  it('a revoked API key: at once here, within 10 s in another process', async () => {
    const { apiKey } = await createUser(t.ctx, {
      username: 'rev-pharmacy',
      role: 'pharmacy',
      npi: await firstNpi(t, 'pharmacies'),
      withApiKey: true,
    });
    expect(await statusOn(t.app, apiKey!)).toBe(200);
    expect(await statusOn(other, apiKey!)).toBe(200);
    const r = await admin.post('users/rev-pharmacy/api-keys/revoke');
    expect(r.body).toEqual({ username: 'rev-pharmacy', revoked: 1 });
    expect(await statusOn(t.app, apiKey!)).toBe(401);
    await expect.poll(() => statusOn(other, apiKey!), { timeout: WITHIN_MS, interval: 250 }).toBe(401);
  });

  it('a disabled EHR client: its API key stops on FHIR at once', async () => {
    const ehr = demoEhr(t);
    const before = await ehr.get('/fhir/Patient?identifier=none');
    expect(before.status).not.toBe(401);
    const clients = (await admin.get('ehr-clients')).body.items as Array<{ id: string; clientId: string }>;
    const { DEMO_EHR_CLIENT } = await import('../../src/demo/demo-accounts.js');
    const demo = clients.find((c) => c.clientId === DEMO_EHR_CLIENT.clientId)!;
    expect((await admin.post(`ehr-clients/${demo.id}/disable`)).status).toBe(200);
    expect((await ehr.get('/fhir/Patient?identifier=none')).status).toBe(401);
  });

  it('only admin disables users', async () => {
    const services = await signIn(t, 'member-services');
    expectProblem(await services.post('users/rev-pharmacy/disable'), 403, 'FORBIDDEN');
    expectProblem(await admin.post('users/nobody-here/disable'), 404, 'NOT_FOUND');
  });
});
