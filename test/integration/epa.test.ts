import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_EHR_CLIENT, DEMO_EPA_HUB } from '../../src/demo/demo-accounts.js';
import { registerEhrClient } from '../../src/ehr-clients/register-ehr-client.js';
import { MAX_ATTEMPTS } from '../../src/epa/deliver-epa-notifications.js';
import { runSweeps } from '../../src/composition/run-sweeps.js';
import {
  envelope,
  GLP1_MEETS,
  GLP1_NEEDS_REVIEW,
  initiationBody,
  nextMessageId,
  paRequestBody,
  readScript,
  sendScript,
} from '../support/epa.js';
import { claimFor, firstNpi, importMembers, members, pharmacyWithKey, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const OZEMPIC = '00169413211';
const LISINOPRIL = '76282041901';
const ZESTRIL = '52427044090';
const NPI = DEMO_EPA_HUB.prescriberNpis[0];
const HUB_KEY = DEMO_EPA_HUB.apiKey;
const DOB = '1970-01-15'; // importMembers' date of birth

let t: TestApp;
let ids: string[];
let next = 0;
const freshMember = () => ids[next++];

beforeAll(async () => {
  t = await createTestApp();
  ids = await importMembers(t, { planId: 'IHSS01', prefix: 'EPA', count: 20 });
});
afterAll(() => t.close());

/** A local PANotification receiver (the hub's endpoint); `fail` makes it answer 503. */
async function receiver(o: { fail?: boolean } = {}) {
  const received: Array<{ contentType: string; body: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ contentType: String(req.headers['content-type']), body });
      res.writeHead(o.fail ? 503 : 200).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    received,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/epa`,
    close: () => server.close(),
  };
}

/** A hub of its own (so its endpoint does not receive other tests' cases). */
async function hubWithEndpoint(endpoint: string) {
  const { apiKey } = await registerEhrClient(
    t.ctx,
    { username: 'test', role: 'admin' },
    {
      name: 'Test hub',
      scopes: ['epa'],
      prescriberNpis: [NPI],
      withApiKey: true,
      epaEndpoint: endpoint,
    },
  );
  return apiKey!;
}

async function initiate(key: string, memberId: string, ndc = OZEMPIC, messageId = nextMessageId()) {
  const r = await sendScript(
    t.app,
    key,
    envelope(initiationBody({ memberId, dateOfBirth: DOB, npi: NPI, ndc }), messageId),
  );
  expect(r.status, r.raw).toBe(200);
  return r.script!;
}

async function answer(key: string, caseId: string, answers = GLP1_MEETS, messageId = nextMessageId()) {
  const r = await sendScript(t.app, key, envelope(paRequestBody({ caseId, npi: NPI, answers }), messageId));
  expect(r.status, r.raw).toBe(200);
  return { ...r.script!, raw: r.raw };
}

describe('ePA same-visit loop', () => {
  it('claim rejected 75 → PAInitiationRequest → question set → PARequest meeting the criteria → approved in the PAResponse → the claim pays', async () => {
    const memberId = freshMember();
    const [m] = await members(t, 'id = $1', [memberId]);
    const pharmacy = await pharmacyWithKey(t, await firstNpi(t, 'pharmacies', "pharmacy_type = 'retail'"));
    const claim = claimFor(m, await firstNpi(t, 'pharmacies', "pharmacy_type = 'retail'"), NPI, {
      productId: OZEMPIC,
      quantityDispensed: 3,
      daysSupply: 28,
    });
    const rejected = await pharmacy.post('claims', claim);
    expect(rejected.body.transactionStatus, JSON.stringify(rejected.body)).toBe('R');
    expect(rejected.body.rejects.map((r: { code: string }) => r.code)).toContain('75');

    const init = await initiate(HUB_KEY, memberId);
    expect(init.transaction).toBe('PAInitiationResponse');
    const open = init.body.Response.Open;
    expect(open.PAReferenceID).toMatch(/^par_/);
    expect(Date.parse(open.DeadlineForReply.DateTime)).toBeGreaterThan(t.clock.now().getTime());
    const questions = open.QuestionSet.Question;
    expect(questions.map((q: any) => q.QuestionID)).toEqual([
      'dx',
      'a1c',
      'a1c-date',
      'metformin-contra',
      'metformin-contra-detail',
      'weight-only',
    ]);
    const contra = questions.find((q: any) => q.QuestionID === 'metformin-contra');
    expect(contra.QuestionType.Select.Choice.map((c: any) => [c.ChoiceID, c.NextQuestionID])).toEqual([
      ['Y', 'metformin-contra-detail'],
      ['N', 'weight-only'],
    ]);
    expect(open.QuestionSet.AttachmentRequest[0].AttachmentID).toBe('chart-notes');

    const decided = await answer(HUB_KEY, open.PAReferenceID);
    expect(decided.transaction).toBe('PAResponse');
    const approved = decided.body.Response.Approved;
    expect(approved.AuthorizationNumber).toMatch(/^PA\d+/);
    expect(approved.AuthorizationPeriod.EffectiveDate.Date).toBe('2026-11-20');

    const paid = await pharmacy.post('claims', claim);
    expect(paid.body.transactionStatus, JSON.stringify(paid.body)).toBe('P');
    expect(paid.body.authorizationNumber).toBe(approved.AuthorizationNumber);

    // The same case the prescriber portal shows, on the ePA channel, with the hub named in its history.
    const prescriber = await signIn(t, 'prescriber', { npi: NPI });
    const view = await prescriber.get(`pa-requests/${open.PAReferenceID}`);
    expect(view.body).toMatchObject({ channel: 'epa', status: 'approved', memberId });
    expect(view.body.history[0].actor).toBe(`ehr:${DEMO_EPA_HUB.clientId}`);

    // A second initiation finds the authorization on file.
    const again = await initiate(HUB_KEY, memberId);
    expect(again.body.Response.Closed).toMatchObject({
      ReasonCode: 'AuthorizationOnFile',
      AuthorizationNumber: approved.AuthorizationNumber,
    });
  });

  it('a resend with the same MessageID gets the original answer and changes nothing', async () => {
    const memberId = freshMember();
    const initId = nextMessageId();
    const first = await initiate(HUB_KEY, memberId, OZEMPIC, initId);
    const caseId = first.body.Response.Open.PAReferenceID;
    const again = await initiate(HUB_KEY, memberId, OZEMPIC, initId);
    expect(again.body.Response.Open.PAReferenceID).toBe(caseId);
    const msgId = nextMessageId();
    const a = await answer(HUB_KEY, caseId, GLP1_MEETS, msgId);
    const b = await answer(HUB_KEY, caseId, GLP1_MEETS, msgId);
    expect(b.raw).toBe(a.raw);
    const [{ n }] = await t.ctx.database.query<{ n: string }>(
      "select count(*)::text as n from pa_requests where member_id = $1 and channel = 'epa'",
      [memberId],
    );
    expect(n).toBe('1');
  });

  it('no PA needed closes the initiation; a drug not on the formulary opens an exception with its question set', async () => {
    const memberId = freshMember();
    const none = await initiate(HUB_KEY, memberId, LISINOPRIL);
    expect(none.body.Response.Closed.ReasonCode).toBe('PANotRequired');
    // Zestril is not covered but its generic is: a brand-medically-necessary exception (docs/design.md#exceptions).
    const notCovered = await initiate(HUB_KEY, memberId, ZESTRIL);
    const open = notCovered.body.Response.Open;
    expect(open.PAReferenceID).toBeTruthy();
    expect(open.QuestionSet.Question.map((q: any) => q.QuestionID)).toContain('generic-failed');
  });

  it('incomplete answers are kept and answered with the questions still needed; the case waits for them', async () => {
    const memberId = freshMember();
    const caseId = (await initiate(HUB_KEY, memberId)).body.Response.Open.PAReferenceID;
    const { a1c: _a1c, ...partial } = GLP1_MEETS;
    const r = await answer(HUB_KEY, caseId, partial);
    const open = r.body.Response.Open;
    expect(open.Note).toContain('incomplete');
    expect(open.QuestionSet.Question.map((q: any) => q.QuestionID)).toEqual(['a1c']);
    const prescriber = await signIn(t, 'prescriber', { npi: NPI });
    const view = await prescriber.get(`pa-requests/${caseId}`);
    expect(view.body.status).toBe('awaiting-answers');
    expect(view.body.answers.item.map((i: any) => i.linkId)).toContain('dx');
    // The missing answer completes it.
    const done = await answer(HUB_KEY, caseId, { a1c: 8.4 } as never);
    expect(done.body.Response.Approved.AuthorizationNumber).toMatch(/^PA/);
  });
});

describe('ePA pended path and PANotification', () => {
  it('pended with the due time; the reviewer decides in the portal; the PANotification reaches the hub endpoint once', async () => {
    const hook = await receiver();
    try {
      const key = await hubWithEndpoint(hook.url);
      const initId = nextMessageId();
      const caseId = (await initiate(key, freshMember(), OZEMPIC, initId)).body.Response.Open.PAReferenceID;
      const pended = await answer(key, caseId, GLP1_NEEDS_REVIEW);
      expect(pended.body.Response.Pended.DueTime.DateTime).toMatch(/^2026-11-2/);

      const pharmacist = await signIn(t, 'reviewer-pharmacist');
      await pharmacist.post(`pa-requests/${caseId}/assign`, {});
      const decided = await pharmacist.post(`pa-requests/${caseId}/determination`, {
        decision: 'denied',
        reasons: ['HbA1c is below 7% and metformin was not tried.'],
      });
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);

      const sweep = await runSweeps(t.ctx, t.clock.now());
      expect(sweep.epaNotifications).toMatchObject({ queued: 1, delivered: 1, failed: 0 });
      expect(hook.received).toHaveLength(1);
      expect(hook.received[0].contentType).toContain('application/xml');
      const n = readScript(hook.received[0].body);
      expect(n.transaction).toBe('PANotification');
      expect(n.Header.RelatesToMessageID).toBe(initId);
      expect(n.body.PAReferenceID).toBe(caseId);
      expect(n.body.Response.Denied.DenialReason).toEqual(['HbA1c is below 7% and metformin was not tried.']);
      // The appeal deadline is the one the portals show (the plan's filing window from the notice date).
      const view = await pharmacist.get(`pa-requests/${caseId}`);
      expect(n.body.Response.Denied.AppealDeadline.Date).toBe(view.body.appealFiling.deadline);
      // Delivered once; the log records the attempt.
      expect((await runSweeps(t.ctx, t.clock.now())).epaNotifications).toMatchObject({ queued: 0, delivered: 0 });
      const [log] = await t.ctx.database.query<{ log: Array<{ result: string }> }>(
        'select log from epa_notifications where pa_request_id = $1',
        [caseId],
      );
      expect(log.log.map((l) => l.result)).toEqual(['delivered']);
    } finally {
      hook.close();
    }
  });

  it('an information request reaches the hub as a question set; the PARequest answering it returns the case to review', async () => {
    const hook = await receiver();
    try {
      const key = await hubWithEndpoint(hook.url);
      const caseId = (await initiate(key, freshMember())).body.Response.Open.PAReferenceID;
      await answer(key, caseId, GLP1_NEEDS_REVIEW);
      const pharmacist = await signIn(t, 'reviewer-pharmacist');
      await pharmacist.post(`pa-requests/${caseId}/assign`, {});
      const asked = await pharmacist.post(`pa-requests/${caseId}/information-requests`, {
        items: [{ question: 'Has the patient tried metformin extended-release?' }],
      });
      expect(asked.status, JSON.stringify(asked.body)).toBe(200);
      await runSweeps(t.ctx, t.clock.now());
      expect(hook.received).toHaveLength(1);
      const open = readScript(hook.received[0].body).body.Response.Open;
      expect(open.QuestionSet.Question).toEqual([
        expect.objectContaining({
          QuestionID: 'item-1',
          QuestionText: 'Has the patient tried metformin extended-release?',
        }),
      ]);
      const r = await sendScript(
        t.app,
        key,
        envelope(paRequestBody({ caseId, npi: NPI, answers: { 'item-1': 'Yes, stopped for GI intolerance' } })),
      );
      expect(r.script!.body.Response.Pended, r.raw).toBeDefined();
      const view = await pharmacist.get(`pa-requests/${caseId}`);
      expect(view.body.status).toBe('in-review');
      expect(view.body.informationRequests[0].response.note).toContain('GI intolerance');
    } finally {
      hook.close();
    }
  });

  it('an endpoint that keeps failing is retried with backoff, then a work item says the notification was not delivered', async () => {
    const hook = await receiver({ fail: true });
    try {
      const key = await hubWithEndpoint(hook.url);
      const caseId = (await initiate(key, freshMember())).body.Response.Open.PAReferenceID;
      await answer(key, caseId, GLP1_NEEDS_REVIEW);
      const pharmacist = await signIn(t, 'reviewer-pharmacist');
      await pharmacist.post(`pa-requests/${caseId}/assign`, {});
      await pharmacist.post(`pa-requests/${caseId}/determination`, { decision: 'approved', reasons: ['Reviewed.'] });
      let at = t.clock.now().getTime();
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        await runSweeps(t.ctx, new Date(at));
        at += 2 * 3_600_000;
      }
      const ours = hook.received.filter((r) => r.body.includes(caseId));
      expect(ours).toHaveLength(MAX_ATTEMPTS);
      const [row] = await t.ctx.database.query<{ attempts: number; failed_at: Date | null; log: unknown[] }>(
        'select attempts, failed_at, log from epa_notifications where pa_request_id = $1',
        [caseId],
      );
      expect(row.attempts).toBe(MAX_ATTEMPTS);
      expect(row.failed_at).not.toBeNull();
      expect(row.log).toHaveLength(MAX_ATTEMPTS);
      const items = await t.ctx.database.query<{ summary: string }>(
        "select summary from work_items where kind = 'epa-notification-undeliverable' and entity_id = $1",
        [caseId],
      );
      expect(items).toHaveLength(1);
      expect(items[0].summary).toContain('could not be delivered');
    } finally {
      hook.close();
    }
  });
});

describe('ePA authentication', () => {
  const body = () => envelope(initiationBody({ memberId: 'M000101', dateOfBirth: DOB, npi: NPI, ndc: OZEMPIC }));

  it('no credentials, a bad key, or a client without the epa scope are refused before the message is read', async () => {
    expect((await sendScript(t.app, null, body())).status).toBe(401);
    expect((await sendScript(t.app, 'opbm_not_a_key', body())).status).toBe(401);
    const noScope = await sendScript(t.app, DEMO_EHR_CLIENT.apiKey, body());
    expect(noScope.status).toBe(403);
    expect(noScope.problem.detail).toContain('epa');
  });

  it('an administrator sets a hub endpoint (an http(s) URL) in the EHR client registry', async () => {
    const admin = await signIn(t, 'admin');
    const list = await admin.get('ehr-clients');
    const hub = list.body.items.find((c: any) => c.clientId === DEMO_EPA_HUB.clientId);
    expect(hub).toMatchObject({ scopes: ['epa', 'rtpb'], hasApiKey: true, epaEndpoint: null });
    const bad = await admin.post(`ehr-clients/${hub.id}/epa-endpoint`, { epaEndpoint: 'ftp://hub.example/epa' });
    expect(bad.status).toBe(400);
    const set = await admin.post(`ehr-clients/${hub.id}/epa-endpoint`, { epaEndpoint: 'https://hub.example/epa' });
    expect(set.body.epaEndpoint).toBe('https://hub.example/epa');
    expect((await admin.post(`ehr-clients/${hub.id}/epa-endpoint`, { epaEndpoint: null })).body.epaEndpoint).toBeNull();
  });

  it('a pharmacy user key is not a hub credential', async () => {
    const pharmacy = DEMO_ACCOUNTS.pharmacies[0].apiKey!;
    expect((await sendScript(t.app, pharmacy, body())).status).toBe(401);
  });
});
