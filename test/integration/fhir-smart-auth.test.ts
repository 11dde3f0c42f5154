import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EHR_CLIENT } from '../../src/demo/demo-accounts.js';
import {
  clientAssertion,
  registerSmartClient,
  requestToken,
  smartToken,
  type SmartClient,
} from '../support/fhir-clients.js';
import { ApiClient, expectProblem } from '../support/http.js';
import { signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const PACKAGE = '/fhir/Questionnaire/$questionnaire-package';

let t: TestApp;
let admin: ApiClient;
let client: SmartClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, 'admin');
  client = await registerSmartClient(t, admin, { scopes: ['system/Questionnaire.r', 'cds-hooks'] });
});
afterAll(() => t.close());

const form = async (over: Record<string, string> = {}, c = client) => ({
  grant_type: 'client_credentials',
  scope: 'system/Questionnaire.r',
  client_assertion_type: ASSERTION_TYPE,
  client_assertion: await clientAssertion(c, t.clock.now()),
  ...over,
});

describe('SMART Backend Services: POST /oauth/token', () => {
  it('a signed assertion from a registered key gets a 5-minute bearer token with the granted scopes', async () => {
    const r = await requestToken(t, await form({ scope: 'system/Questionnaire.r system/Claim.c' }));
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body).toMatchObject({ token_type: 'bearer', expires_in: 300, scope: 'system/Questionnaire.r' });
    const audit = await t.ctx.database.query(
      "select 1 from audit_events where action = 'oauth.token-issued' and entity_id = $1",
      [client.clientId],
    );
    expect(audit.length).toBeGreaterThan(0);
  });

  it('the discovery document names the token endpoint and private_key_jwt', async () => {
    const r = await new ApiClient(t.app).get('/fhir/.well-known/smart-configuration');
    expect(r.body).toMatchObject({
      token_endpoint: 'http://localhost:80/oauth/token',
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      grant_types_supported: ['client_credentials'],
    });
  });

  it('an ES384 key works as well as RS384', async () => {
    const es = await registerSmartClient(t, admin, { scopes: ['system/Questionnaire.r'], alg: 'ES384' });
    const r = await requestToken(t, {
      ...(await form()),
      client_assertion: await clientAssertion(es, t.clock.now(), { alg: 'ES384' }),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });

  it.each<[string, () => Promise<Record<string, string>>, string, RegExp]>([
    ['wrong grant type', async () => form({ grant_type: 'password' }), 'unsupported_grant_type', /client_credentials/],
    ['no assertion', async () => form({ client_assertion: '' }), 'invalid_request', /client_assertion/],
    [
      'wrong assertion type',
      async () => form({ client_assertion_type: 'x' }),
      'invalid_request',
      /client_assertion_type/,
    ],
    [
      'wrong audience',
      async () =>
        form({ client_assertion: await clientAssertion(client, t.clock.now(), { aud: 'https://elsewhere/token' }) }),
      'invalid_client',
      /aud/,
    ],
    [
      'expired',
      async () =>
        form({
          client_assertion: await clientAssertion(client, t.clock.now(), {
            exp: Math.floor(t.clock.now().getTime() / 1000) - 10,
          }),
        }),
      'invalid_client',
      /expired/,
    ],
    [
      'lives longer than 5 minutes',
      async () =>
        form({
          client_assertion: await clientAssertion(client, t.clock.now(), {
            exp: Math.floor(t.clock.now().getTime() / 1000) + 3600,
          }),
        }),
      'invalid_client',
      /5 minutes/,
    ],
    [
      'unknown client',
      async () => form({ client_assertion: await clientAssertion({ ...client, clientId: 'nobody' }, t.clock.now()) }),
      'invalid_client',
      /unknown/,
    ],
    [
      'a scope the client is not registered for',
      async () => form({ scope: 'system/Claim.c' }),
      'invalid_scope',
      /allowed/,
    ],
    ['not a JWT', async () => form({ client_assertion: 'abc.def' }), 'invalid_client', /JWT|signature/],
  ])('%s → %s', async (_name, make, error, description) => {
    const r = await requestToken(t, await make());
    expect(r.status).toBe(error === 'invalid_client' ? 401 : 400);
    expect(r.body.error).toBe(error);
    expect(r.body.error_description).toMatch(description);
  });

  it('an assertion signed by a key that is not registered is refused', async () => {
    const { privateKey } = await generateKeyPair('RS384', { extractable: true });
    const r = await requestToken(t, {
      ...(await form()),
      client_assertion: await clientAssertion({ ...client, privateKey }, t.clock.now()),
    });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('invalid_client');
  });

  it('a replayed assertion (same jti) is refused the second time', async () => {
    const assertion = await clientAssertion(client, t.clock.now(), { jti: 'replay-me' });
    expect((await requestToken(t, await form({ client_assertion: assertion }))).status).toBe(200);
    const again = await requestToken(t, await form({ client_assertion: assertion }));
    expect(again.status).toBe(401);
    expect(again.body.error_description).toMatch(/already used/);
  });

  it('a JSON body is refused with invalid_request (the endpoint takes a form)', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'client_credentials' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('invalid_request');
  });
});

describe('scopes and the access token at the FHIR edge', () => {
  it('a token with system/Questionnaire.r may call $questionnaire-package but not Claim/$submit (403 naming the scope)', async () => {
    const bearer = await smartToken(t, client, 'system/Questionnaire.r');
    const ok = await bearer.post(PACKAGE, {
      resourceType: 'Parameters',
      parameter: [{ name: 'coverage', resource: { resourceType: 'Coverage', status: 'active' } }],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const no = await bearer.post('/fhir/Claim/$submit', { resourceType: 'Bundle' });
    expect(no.status).toBe(403);
    expect(no.body.issue[0].details.text).toMatch(/system\/Claim\.c/);
  });

  it('a disabled client’s token stops working at once, and it gets no new one', async () => {
    const c = await registerSmartClient(t, admin, { scopes: ['system/Questionnaire.r'] });
    const bearer = await smartToken(t, c, 'system/Questionnaire.r');
    expect((await admin.post(`ehr-clients/${c.rowId}/disable`)).status).toBe(200);
    const r = await bearer.post(PACKAGE, { resourceType: 'Parameters', parameter: [] });
    expect(r.status).toBe(401);
    expect((await requestToken(t, await form({}, c))).status).toBe(401);
  });

  it('a tampered token is 401', async () => {
    const bearer = await smartToken(t, client, 'system/Questionnaire.r');
    const token = (bearer as unknown as { bearer: string }).bearer;
    const r = await new ApiClient(t.app, `${token.slice(0, -3)}AAA`).post(PACKAGE, {});
    expect(r.status).toBe(401);
    expect(r.body.resourceType).toBe('OperationOutcome');
  });

  it('a person’s portal token is not a client token (403 on client routes)', async () => {
    const prescriber = await signIn(t, 'prescriber', { npi: DEMO_EHR_CLIENT.prescriberNpis[0] });
    expect((await prescriber.post(PACKAGE, {})).status).toBe(403);
  });
});

describe('API keys on FHIR routes', () => {
  it('outside production the demo EHR client’s API key is accepted', async () => {
    const r = await new ApiClient(t.app).withKey(DEMO_EHR_CLIENT.apiKey).post(PACKAGE, {
      resourceType: 'Parameters',
      parameter: [{ name: 'coverage', resource: { resourceType: 'Coverage', status: 'active' } }],
    });
    expect(r.status).toBe(200);
  });

  it('with FHIR_API_KEYS=refuse (the production default) an API key is 401, pointing at SMART Backend Services', async () => {
    const strict = await createTestApp({ env: { FHIR_API_KEYS: 'refuse' } });
    try {
      const r = await new ApiClient(strict.app).withKey(DEMO_EHR_CLIENT.apiKey).post(PACKAGE, {});
      expect(r.status).toBe(401);
      expect(r.body.issue[0].details.text).toMatch(/SMART Backend Services/);
    } finally {
      await strict.close();
    }
  });
});

describe('EHR client registry (admin API)', () => {
  it('lists clients with their keys and scopes, never key material or API keys', async () => {
    const r = await admin.get('ehr-clients');
    const demo = r.body.items.find((c: any) => c.clientId === 'demo-ehr');
    expect(demo).toMatchObject({ hasApiKey: true, scopes: expect.arrayContaining(['system/Claim.c', 'cds-hooks']) });
    expect(JSON.stringify(r.body)).not.toContain(DEMO_EHR_CLIENT.apiKey);
    expect(r.body.scopes.map((s: any) => s.scope)).toContain('system/Claim.c');
  });

  it('refuses a private key, an unknown scope, a bad NPI; non-admins get 403', async () => {
    const { privateKey } = await generateKeyPair('RS384', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: 'p' };
    const bad = await admin.post('ehr-clients', {
      name: 'x',
      scopes: ['system/Claim.c', 'patient/*.*'],
      prescriberNpis: ['1234567890'],
      keys: [jwk],
    });
    const p = expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(p.errors.map((e) => e.path).sort()).toEqual(['keys.0', 'prescriberNpis.0', 'scopes.1']);
    const reviewer = await signIn(t, 'reviewer-pharmacist');
    expectProblem(await reviewer.get('ehr-clients'), 403, 'FORBIDDEN');
  });

  it('key rotation: add a key, remove the old one; the old key stops working', async () => {
    const c = await registerSmartClient(t, admin, { scopes: ['system/Questionnaire.r'] });
    const { publicKey, privateKey } = await generateKeyPair('RS384', { extractable: true });
    const added = await admin.post(`ehr-clients/${c.rowId}/keys`, {
      jwk: { ...(await exportJWK(publicKey)), kid: 'new-key' },
    });
    expect(added.body.keys.map((k: any) => k.kid)).toEqual([c.kid, 'new-key']);
    expect((await admin.request('DELETE', `ehr-clients/${c.rowId}/keys/${c.kid}`)).status).toBe(200);
    expect((await requestToken(t, await form({}, c))).status).toBe(401);
    const rotated = { ...c, privateKey, kid: 'new-key' };
    expect((await requestToken(t, await form({}, rotated))).status).toBe(200);
  });
});
