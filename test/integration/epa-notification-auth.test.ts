import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EPA_HUB } from '../../src/demo/demo-accounts.js';
import { registerEhrClient } from '../../src/ehr-clients/register-ehr-client.js';
import { backoffMs } from '../../src/epa/deliver-epa-notifications.js';
import { runSweeps } from '../../src/composition/run-sweeps.js';
import { envelope, GLP1_NEEDS_REVIEW, initiationBody, paRequestBody, readScript, sendScript } from '../support/epa.js';
import type { ApiClient } from '../support/http.js';
import { importMembers, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const OZEMPIC = '00169413211';
const NPI = DEMO_EPA_HUB.prescriberNpis[0];
const DOB = '1970-01-15'; // importMembers' date of birth
const TOKEN_A = 'hub-token-aaaaaaaaaaaaaaaaaaaa';
const TOKEN_B = 'hub-token-bbbbbbbbbbbbbbbbbbbb';

let t: TestApp;
let ids: string[];
let next = 0;
let admin: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  ids = await importMembers(t, { planId: 'IHSS01', prefix: 'EPN', count: 6 });
  admin = await signIn(t, 'admin');
});
afterAll(() => t.close());

/** A hub's PANotification receiver that accepts only the expected Authorization header (401 otherwise). */
async function guardedReceiver(expected: () => string) {
  const received: Array<{ authorization: string | undefined; accepted: boolean; body: string }> = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const accepted = req.headers.authorization === expected();
      received.push({ authorization: req.headers.authorization, accepted, body });
      res.writeHead(accepted ? 200 : 401, { 'www-authenticate': 'Bearer' }).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/epa`,
    close: () => server.close(),
  };
}

async function newHub() {
  const { client, apiKey } = await registerEhrClient(
    t.ctx,
    { username: 'test', role: 'admin' },
    { name: 'Auth test hub', scopes: ['epa'], prescriberNpis: [NPI], withApiKey: true },
  );
  return { id: client.id, key: apiKey! };
}

/** A case pended over ePA and denied in the portal: one PANotification to deliver. */
async function pendedThenDenied(key: string) {
  const memberId = ids[next++];
  const init = await sendScript(
    t.app,
    key,
    envelope(initiationBody({ memberId, dateOfBirth: DOB, npi: NPI, ndc: OZEMPIC })),
  );
  const caseId = init.script!.body.Response.Open.PAReferenceID as string;
  const pended = await sendScript(
    t.app,
    key,
    envelope(paRequestBody({ caseId, npi: NPI, answers: GLP1_NEEDS_REVIEW })),
  );
  expect(pended.script!.body.Response.Pended, pended.raw).toBeDefined();
  const pharmacist = await signIn(t, 'reviewer-pharmacist');
  await pharmacist.post(`pa-requests/${caseId}/assign`, {});
  const decided = await pharmacist.post(`pa-requests/${caseId}/determination`, {
    decision: 'denied',
    reasons: ['HbA1c is below 7% and metformin was not tried.'],
  });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  return caseId;
}

const notification = (caseId: string) =>
  t.ctx.database.query<{ attempts: number; delivered_at: Date | null; log: Array<{ result: string }> }>(
    'select attempts, delivered_at, log from epa_notifications where pa_request_id = $1',
    [caseId],
  );

describe('PANotification authenticates to the hub', () => {
  it('the administrator stores a bearer token that is never echoed back; a refused delivery is retried and succeeds once the token is right', async () => {
    const hook = await guardedReceiver(() => `Bearer ${TOKEN_B}`);
    try {
      const hub = await newHub();
      const set = await admin.post(`ehr-clients/${hub.id}/epa-endpoint`, {
        epaEndpoint: hook.url,
        epaAuth: { scheme: 'bearer', token: TOKEN_A },
      });
      expect(set.status, JSON.stringify(set.body)).toBe(200);
      expect(set.body.epaAuth).toEqual({ scheme: 'bearer', username: null, secretSet: true });
      const listed = await admin.get('ehr-clients');
      expect(JSON.stringify(set.body) + JSON.stringify(listed.body)).not.toContain(TOKEN_A);
      const audit = await t.ctx.database.query<{ details: unknown }>(
        "select details from audit_events where action = 'ehr-client.epa-endpoint-set'",
      );
      expect(JSON.stringify(audit)).not.toContain(TOKEN_A);

      // The hub expects token B: the first delivery is refused (401), logged, and retried later.
      const caseId = await pendedThenDenied(hub.key);
      const now = t.clock.now();
      expect((await runSweeps(t.ctx, now)).epaNotifications).toMatchObject({ queued: 1, delivered: 0, failed: 1 });
      expect(hook.received.map((r) => [r.authorization, r.accepted])).toEqual([[`Bearer ${TOKEN_A}`, false]]);
      let [row] = await notification(caseId);
      expect(row.delivered_at).toBeNull();
      expect(row.log[0].result).toContain('refused our credentials (401)');

      // Not before its backoff.
      await runSweeps(t.ctx, new Date(now.getTime() + backoffMs(1) - 1_000));
      expect(hook.received).toHaveLength(1);

      // The administrator rotates the token (only the credentials change: the endpoint is the same).
      const rotated = await admin.post(`ehr-clients/${hub.id}/epa-endpoint`, {
        epaEndpoint: hook.url,
        epaAuth: { scheme: 'bearer', token: TOKEN_B },
      });
      expect(rotated.status).toBe(200);
      expect((await runSweeps(t.ctx, new Date(now.getTime() + backoffMs(1)))).epaNotifications).toMatchObject({
        delivered: 1,
      });
      expect(hook.received.map((r) => r.accepted)).toEqual([false, true]);
      const n = readScript(hook.received[1].body);
      expect(n.transaction).toBe('PANotification');
      expect(n.body.Response.Denied).toBeDefined();
      [row] = await notification(caseId);
      expect(row.delivered_at).not.toBeNull();
      expect(row.log.map((l) => l.result)).toEqual([expect.stringContaining('401'), 'delivered']);

      // Changing only the endpoint keeps the stored credentials.
      const kept = await admin.post(`ehr-clients/${hub.id}/epa-endpoint`, {
        epaEndpoint: hook.url.replace('/epa', '/v2'),
      });
      expect(kept.body.epaAuth).toEqual({ scheme: 'bearer', username: null, secretSet: true });
    } finally {
      hook.close();
    }
  });

  it('HTTP Basic credentials are sent as RFC 7617 Basic and the hub accepts the first delivery', async () => {
    const expected = `Basic ${Buffer.from('openpbm:s3cret pass!').toString('base64')}`;
    const hook = await guardedReceiver(() => expected);
    try {
      const hub = await newHub();
      const set = await admin.post(`ehr-clients/${hub.id}/epa-endpoint`, {
        epaEndpoint: hook.url,
        epaAuth: { scheme: 'basic', username: 'openpbm', password: 's3cret pass!' },
      });
      expect(set.body.epaAuth).toEqual({ scheme: 'basic', username: 'openpbm', secretSet: true });
      expect(JSON.stringify(set.body)).not.toContain('s3cret');
      const caseId = await pendedThenDenied(hub.key);
      expect((await runSweeps(t.ctx, t.clock.now())).epaNotifications).toMatchObject({ delivered: 1, failed: 0 });
      expect(hook.received.map((r) => r.accepted)).toEqual([true]);
      expect((await notification(caseId))[0].log.map((l) => l.result)).toEqual(['delivered']);
    } finally {
      hook.close();
    }
  });

  it('bad credentials or a clear-text endpoint are refused with the field named, and nothing changes', async () => {
    const hub = await newHub();
    const ok = await admin.post(`ehr-clients/${hub.id}/epa-endpoint`, {
      epaEndpoint: 'https://hub.example/epa',
      epaAuth: { scheme: 'bearer', token: TOKEN_A },
    });
    expect(ok.status).toBe(200);
    const cases: Array<[unknown, string]> = [
      [{ epaEndpoint: 'https://hub.example/epa', epaAuth: { scheme: 'bearer', token: 'short' } }, 'epaAuth.token'],
      [
        { epaEndpoint: 'https://hub.example/epa', epaAuth: { scheme: 'bearer', token: `${'x'.repeat(20)} y` } },
        'epaAuth.token',
      ],
      [
        { epaEndpoint: 'https://hub.example/epa', epaAuth: { scheme: 'basic', username: 'a:b', password: 'p' } },
        'epaAuth.username',
      ],
      [{ epaEndpoint: 'http://hub.example/epa', epaAuth: { scheme: 'bearer', token: TOKEN_B } }, 'epaEndpoint'],
      // The stored token must not move to a clear-text endpoint either.
      [{ epaEndpoint: 'http://hub.example/epa' }, 'epaEndpoint'],
      [{ epaEndpoint: null, epaAuth: { scheme: 'bearer', token: TOKEN_B } }, 'epaEndpoint'],
    ];
    for (const [body, path] of cases) {
      const r = await admin.post(`ehr-clients/${hub.id}/epa-endpoint`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(
        r.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(r.body),
      ).toContain(path);
    }
    const bad = await admin.post(`ehr-clients/${hub.id}/epa-endpoint`, {
      epaEndpoint: 'https://hub.example/epa',
      epaAuth: { scheme: 'digest', token: TOKEN_B },
    });
    expect(bad.status).toBe(400);
    const [row] = await t.ctx.database.query<{ epa_endpoint: string; epa_auth_secret: string }>(
      'select epa_endpoint, epa_auth_secret from ehr_clients where id = $1',
      [hub.id],
    );
    expect(row).toEqual({ epa_endpoint: 'https://hub.example/epa', epa_auth_secret: TOKEN_A });
    // Clearing the endpoint clears its credentials; a non-administrator cannot touch them.
    const cleared = await admin.post(`ehr-clients/${hub.id}/epa-endpoint`, { epaEndpoint: null });
    expect(cleared.body.epaAuth).toEqual({ scheme: 'none', username: null, secretSet: false });
    const reviewer = await signIn(t, 'reviewer-pharmacist');
    expect(
      (
        await reviewer.post(`ehr-clients/${hub.id}/epa-endpoint`, {
          epaEndpoint: 'https://evil.example/epa',
          epaAuth: { scheme: 'none' },
        })
      ).status,
    ).toBe(403);
  });
});
