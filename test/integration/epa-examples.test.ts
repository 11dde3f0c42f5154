import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EPA_HUB } from '../../src/demo/demo-accounts.js';
import { runSweeps } from '../../src/composition/run-sweeps.js';
import { readScript, sendScript } from '../support/epa.js';
import { signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * docs/examples/epa/<MessageName>.xml (member M000101, prescriber 2260010006, Ozempic
 * 00169413211): every request is accepted as written (only the PAReferenceID is the one this run's
 * initiation returned), and every response is what OpenPBM answers. EPA_WRITE_EXAMPLES=1 rewrites
 * the response files from this run.
 */
const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/examples/epa');
const WRITE = process.env.EPA_WRITE_EXAMPLES === '1';
const example = (name: string) => readFileSync(path.join(DIR, `${name}.xml`), 'utf8');
const withCase = (xml: string, caseId: string) =>
  xml.replace(/<PAReferenceID>[^<]*<\/PAReferenceID>/, `<PAReferenceID>${caseId}</PAReferenceID>`);
/** A new MessageID for each send (the examples share theirs; a resend would get the first answer). */
let n = 0;
const fresh = (xml: string) =>
  xml.replace(/<MessageID>([^<]*)<\/MessageID>/, (_m, id: string) => `<MessageID>${id}-${++n}</MessageID>`);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function send(name: string, xml: string, route = '/api/v1/epa') {
  const r = await sendScript(t.app, DEMO_EPA_HUB.apiKey, xml, route);
  expect(r.status, r.raw).toBe(200);
  expect(r.script!.transaction, r.raw).not.toBe('Error');
  return r;
}

/** The response's structure matches the example's (element names at every level; values differ by run). */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node && typeof node === 'object')
    return Object.fromEntries(
      Object.entries(node)
        .filter(([k]) => !k.startsWith('@_'))
        .map(([k, v]) => [k, shape(v)]),
    );
  return '';
}

function keep(name: string, raw: string) {
  if (WRITE) writeFileSync(path.join(DIR, `${name}.xml`), raw);
  else
    expect(shape(readScript(raw).Body), `${name}.xml differs from this run`).toEqual(
      shape(readScript(example(name)).Body),
    );
}

describe('docs/examples/epa', () => {
  it('each example request is accepted, and each example response is what OpenPBM answers', async () => {
    const hook: string[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        hook.push(body);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const admin = await signIn(t, 'admin');
      const hub = (await admin.get('ehr-clients')).body.items.find((c: any) => c.clientId === DEMO_EPA_HUB.clientId);
      await admin.post(`ehr-clients/${hub.id}/epa-endpoint`, {
        epaEndpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/epa`,
      });

      // RTPB before any PA: PA required, no authorization on file.
      keep('RTPBResponse', (await send('RTPBRequest', fresh(example('RTPBRequest')), '/api/v1/rtpb')).raw);

      // A case opened and withdrawn.
      const first = await send('PAInitiationRequest', fresh(example('PAInitiationRequest')));
      keep('PAInitiationResponse', first.raw);
      const cancelled = first.script!.body.Response.Open.PAReferenceID;
      keep(
        'PACancelResponse',
        (await send('PACancelRequest', fresh(withCase(example('PACancelRequest'), cancelled)))).raw,
      );

      // A case approved in the same response.
      const third = (await send('PAInitiationRequest', fresh(example('PAInitiationRequest')))).script!.body.Response
        .Open.PAReferenceID;
      const approved = await send('PARequest', fresh(withCase(example('PARequest'), third)));
      expect(approved.script!.body.Response.Approved.AuthorizationNumber).toMatch(/^PA/);
      keep('PAResponse', approved.raw);

      // An Error names the element.
      const bad = await sendScript(
        t.app,
        DEMO_EPA_HUB.apiKey,
        fresh(example('PAInitiationRequest')).replace('<DaysSupply>28</DaysSupply>', ''),
      );
      expect(bad.script!.transaction).toBe('Error');
      keep('Error', bad.raw);
    } finally {
      server.close();
    }
  });

  // A denial under appeal blocks new requests for the drug (and an approval blocks a denial path),
  // so the pended → denied → appealed path runs on a database of its own.
  it('a pended case denied in the portal is notified (PANotification) and appealed (PAAppealRequest)', async () => {
    const own = await createTestApp();
    const hook: string[] = [];
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        hook.push(body);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const main = t;
    t = own;
    try {
      const admin = await signIn(t, 'admin');
      const hub = (await admin.get('ehr-clients')).body.items.find((c: any) => c.clientId === DEMO_EPA_HUB.clientId);
      await admin.post(`ehr-clients/${hub.id}/epa-endpoint`, {
        epaEndpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/epa`,
      });
      // The case pended for review, denied in the portal (PANotification), appealed.
      const second = (await send('PAInitiationRequest', fresh(example('PAInitiationRequest')))).script!.body.Response
        .Open.PAReferenceID;
      const review = withCase(example('PARequest'), second).replace(
        '<NumericResponse>8.4</NumericResponse>',
        '<NumericResponse>6.4</NumericResponse>',
      );
      expect((await send('PARequest', fresh(review))).script!.body.Response.Pended).toBeDefined();
      const pharmacist = await signIn(t, 'reviewer-pharmacist');
      await pharmacist.post(`pa-requests/${second}/assign`, {});
      await pharmacist.post(`pa-requests/${second}/determination`, {
        decision: 'denied',
        reasons: ['The most recent HbA1c (6.4%) is below the 7% the criteria require.'],
      });
      await runSweeps(t.ctx, t.clock.now());
      const notification = hook.find((x) => x.includes(second))!;
      expect(readScript(notification).transaction).toBe('PANotification');
      keep('PANotification', notification);
      keep(
        'PAAppealResponse',
        (await send('PAAppealRequest', fresh(withCase(example('PAAppealRequest'), second)))).raw,
      );
    } finally {
      t = main;
      server.close();
      await own.close();
    }
  });
});
