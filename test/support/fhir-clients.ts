import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import { DEMO_EHR_CLIENT } from '../../src/demo/demo-accounts.js';
import { ApiClient } from './http.js';
import type { TestApp } from './test-app.js';

export const FHIR_JSON = { 'content-type': 'application/fhir+json' };

/** The demo EHR client with its published API key (accepted outside production). */
export function demoEhr(t: TestApp): ApiClient {
  return new ApiClient(t.app).withKey(DEMO_EHR_CLIENT.apiKey);
}

export interface SmartClient {
  clientId: string;
  rowId: string;
  privateKey: CryptoKey;
  kid: string;
}

let seq = 0;

/** Registers a SMART Backend Services client through the admin API with a fresh RS384 key. */
export async function registerSmartClient(
  t: TestApp,
  admin: ApiClient,
  options: { scopes: string[]; prescriberNpis?: string[]; organizationIdentifier?: string; alg?: 'RS384' | 'ES384' },
): Promise<SmartClient> {
  const alg = options.alg ?? 'RS384';
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const kid = `key-${++seq}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, alg };
  const clientId = `test-ehr-${seq}-${Math.random().toString(36).slice(2, 8)}`;
  const r = await admin.post('ehr-clients', {
    clientId,
    name: `Test EHR ${seq}`,
    scopes: options.scopes,
    prescriberNpis: options.prescriberNpis ?? DEMO_EHR_CLIENT.prescriberNpis,
    ...(options.organizationIdentifier ? { organizationIdentifier: options.organizationIdentifier } : {}),
    keys: [jwk],
  });
  if (r.status !== 201) throw new Error(`registration failed: ${JSON.stringify(r.body)}`);
  return { clientId, rowId: r.body.client.id, privateKey, kid };
}

export const TOKEN_URL = 'http://localhost:80/oauth/token';

/** A client assertion (RFC 7523) as SMART Backend Services asks for it. */
export function clientAssertion(
  c: SmartClient,
  now: Date,
  over: { aud?: string; exp?: number; jti?: string; iss?: string; alg?: string } = {},
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: over.alg ?? 'RS384', kid: c.kid, typ: 'JWT' })
    .setIssuer(over.iss ?? c.clientId)
    .setSubject(c.clientId)
    .setAudience(over.aud ?? TOKEN_URL)
    .setExpirationTime(over.exp ?? iat + 240)
    .setIssuedAt(iat)
    .setJti(over.jti ?? randomUUID())
    .sign(c.privateKey);
}

export async function requestToken(t: TestApp, form: Record<string, string>) {
  const r = await t.app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(form).toString(),
  });
  return { status: r.statusCode, body: r.json(), headers: r.headers };
}

/** client_credentials with a fresh assertion → a bearer client for /fhir and /cds-services. */
export async function smartToken(t: TestApp, c: SmartClient, scope: string): Promise<ApiClient> {
  const r = await requestToken(t, {
    grant_type: 'client_credentials',
    scope,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: await clientAssertion(c, t.clock.now()),
  });
  if (r.status !== 200) throw new Error(`token failed: ${JSON.stringify(r.body)}`);
  return new ApiClient(t.app, r.body.access_token);
}
