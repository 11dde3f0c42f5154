import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPrintBatch, printAllMail } from '../../src/notices/delivery/build-print-batch.js';
import type { FaxGateway } from '../../src/notices/delivery/gateways.js';
import { glp1Answers } from '../support/fhir.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import { pdfText } from '../support/pdf-text.js';
import { firstNpi, members, signIn, type MemberRow } from '../support/scenario.js';
import { multipart, TINY_PDF } from '../support/multipart.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const OZEMPIC = '00169413211';
const fails = glp1Answers({ a1c: 6.1 });
const meets = glp1Answers({ a1c: 8.1, contraindication: 'eGFR 25' });

let t: TestApp;
let outbox: string;
let prescriberNpi: string;
let prescriber: ApiClient;
let physician: ApiClient;
let intake: ApiClient;
let adult: MemberRow[];

async function advance(by: string) {
  const admin = await signIn(t, 'admin');
  return (await admin.post('test/clock', { advanceBy: by })).body;
}

async function deniedCase(m: MemberRow) {
  const c = (
    await prescriber.post('pa-requests', {
      memberId: m.id,
      prescriberNpi,
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    })
  ).body;
  await prescriber.post(`pa-requests/${c.id}/submit`, { answers: fails });
  await physician.post(`pa-requests/${c.id}/assign`);
  const d = await physician.post(`pa-requests/${c.id}/determination`, {
    decision: 'denied',
    reasons: ['HbA1c is below 7 %.'],
  });
  expect(d.body.status).toBe('denied');
  return d.body;
}

beforeAll(async () => {
  outbox = mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
  t = await createTestApp({ env: { OUTBOX_DIR: outbox } });
  prescriberNpi = await firstNpi(t, 'prescribers', "fax is not null and fax <> ''");
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi });
  physician = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
  intake = await signIn(t, 'intake');
  adult = await members(t, "plan_id = 'IHSS01' and termination_date is null and date_of_birth < '2000-01-01'");
});
afterAll(() => t?.close());

describe('delivery', () => {
  it('faxes the prescriber (cover sheet + letter) and tracks status and attempts', async () => {
    const c = await deniedCase(adult[0]);
    const fax = c.notices.find((n: { recipient: string }) => n.recipient === 'prescriber');
    expect(fax).toMatchObject({ channel: 'fax', status: 'queued', attempts: 0 });
    await advance('PT1M');
    const after = (await prescriber.get(`pa-requests/${c.id}`)).body.notices.find(
      (n: { id: string }) => n.id === fax.id,
    );
    expect(after).toMatchObject({ status: 'sent', attempts: 1 });
    const file = path.join(outbox, 'fax', `${fax.id}.pdf`);
    expect(existsSync(file)).toBe(true);
    const text = pdfText(readFileSync(file));
    expect(text).toMatch(/FAX/);
    expect(text).toMatch(/CONFIDENTIALITY NOTICE/);
    expect(text).toMatch(/HbA1c is below 7/);
  });

  it('retries a failing fax with backoff, then gives it to staff as a work item', async () => {
    const real = t.ctx.delivery.fax;
    const failing: FaxGateway = {
      name: 'down',
      send: async () => {
        throw new Error('line busy');
      },
    };
    t.ctx.delivery.fax = failing;
    try {
      const c = await deniedCase(adult[1]);
      const id = c.notices.find((n: { recipient: string }) => n.recipient === 'prescriber').id;
      const notice = async () =>
        (await prescriber.get(`pa-requests/${c.id}`)).body.notices.find((n: { id: string }) => n.id === id);
      await advance('PT1M');
      expect(await notice()).toMatchObject({ status: 'retrying', attempts: 1 });
      await advance('PT4M'); // the first retry waits 5 minutes
      expect((await notice()).attempts).toBe(1);
      await advance('PT2M');
      expect((await notice()).attempts).toBe(2);
      for (const step of ['PT16M', 'PT61M', 'PT241M']) await advance(step);
      expect(await notice()).toMatchObject({ status: 'failed', attempts: 5 });
      const staff = await signIn(t, 'member-services');
      const items = (await staff.get('work-items?kind=notice-delivery-failed')).body.items;
      expect(items.map((i: { entityId: string }) => i.entityId)).toContain(id);
      expect(items.find((i: { entityId: string }) => i.entityId === id).summary).toMatch(/line busy/);
    } finally {
      t.ctx.delivery.fax = real;
    }
  });

  it('mails member letters in a daily print batch with an address page before each letter', async () => {
    const mailed = (
      await members(t, "plan_id = 'IHSS01' and termination_date is null and date_of_birth < '2000-01-01'")
    ).slice(2);
    const pick = [];
    for (const m of mailed) {
      const pref = await t.ctx.database.query<{ contact_preference: string }>(
        'select contact_preference from members where id = $1',
        [m.id],
      );
      if (pref[0].contact_preference === 'mail') pick.push(m);
      if (pick.length) break;
    }
    await deniedCase(pick[0]);
    const batch = await buildPrintBatch(t.ctx, t.clock.now());
    expect(batch.letters).toBeGreaterThan(0);
    expect(batch.file && existsSync(batch.file)).toBe(true);
    const text = pdfText(readFileSync(batch.file!));
    expect(text).toMatch(/Return service requested/);
    const again = await buildPrintBatch(t.ctx, t.clock.now());
    expect(again.letters).toBe(0);
  });

  it("prints a day's mail as several files when it is more than one file holds, each letter once", async () => {
    const mailed = [];
    for (const m of await members(
      t,
      "plan_id = 'IHSS01' and termination_date is null and date_of_birth < '2000-01-01'",
    )) {
      const pref = await t.ctx.database.query<{ contact_preference: string }>(
        'select contact_preference from members where id = $1',
        [m.id],
      );
      if (pref[0].contact_preference === 'mail') mailed.push(m);
    }
    // The first was used by the test above; two more letters to print.
    await deniedCase(mailed.at(-1)!);
    await deniedCase(mailed.at(-2)!);
    const run = await printAllMail(t.ctx, t.clock.now(), 1);
    expect(run.letters).toBe(2);
    expect(run.files).toHaveLength(2);
    expect(new Set(run.files).size).toBe(2);
    for (const f of run.files) expect(pdfText(readFileSync(f))).toMatch(/Return service requested/);
    expect((await printAllMail(t.ctx, t.clock.now(), 1)).letters).toBe(0);
  });
});

describe('notices API', () => {
  it("lists a case's letters with delivery status and serves each as a PDF to whoever may see it", async () => {
    const m = adult[3];
    const c = await deniedCase(m);
    const list = await prescriber.get(`notices?paRequestId=${c.id}`);
    expect(list.body.items.map((n: { kind: string; recipient: string }) => `${n.kind}:${n.recipient}`).sort()).toEqual([
      'denial:member',
      'denial:prescriber',
    ]);
    const forPrescriber = list.body.items.find((n: { recipient: string }) => n.recipient === 'prescriber');
    const pdf = await prescriber.getBytes(`notices/${forPrescriber.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toContain('application/pdf');
    expect(pdfText(pdf.bytes)).toMatch(/HbA1c is below 7/);
    const member = await signIn(t, 'member', { memberId: m.id });
    const mine = await member.get('notices');
    expect(new Set(mine.body.items.map((n: { recipient: string }) => n.recipient))).toEqual(new Set(['member']));
    expect(mine.body.items.map((n: { paRequestId: string }) => n.paRequestId)).toContain(c.id);
    const stranger = await signIn(t, 'member', { memberId: adult[4].id });
    expectProblem(await stranger.get(`notices/${forPrescriber.id}/pdf`), 404, 'NOT_FOUND');
    expectProblem(await member.get(`notices/${forPrescriber.id}/pdf`), 404, 'NOT_FOUND');
  });
});

describe('inbound fax intake', () => {
  it('turns a fax into a case whose clock starts at receipt, and decides it like any other', async () => {
    const receivedAt = new Date(t.clock.now().getTime() - 2 * 3_600_000).toISOString();
    const { body, headers } = multipart(
      { senderFax: '1-510-555-0142', receivedAt },
      { name: 'pa.pdf', bytes: TINY_PDF },
    );
    const received = await intake.post('fax/inbound', body, headers);
    expect(received.status).toBe(201);
    expect(received.body).toMatchObject({ status: 'new', contentType: 'application/pdf', receivedAt });
    const queue = await intake.get('fax/inbound?status=new');
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(received.body.id);

    const m = adult[5];
    const created = await intake.post(`fax/inbound/${received.body.id}/case`, {
      memberId: m.id,
      prescriberNpi,
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
    });
    expect(created.status).toBe(201);
    const c = (await intake.get(`pa-requests/${created.body.paRequestId}`)).body;
    expect(c).toMatchObject({ channel: 'fax', receivedAt });
    expect(c.attachments).toHaveLength(1);
    const submitted = await intake.post(`pa-requests/${c.id}/submit`, { answers: fails });
    expect(submitted.body.status).toBe('in-review');
    // 72 hours from the fax's arrival, not from when intake keyed it in.
    expect(new Date(submitted.body.dueAt).getTime()).toBe(new Date(receivedAt).getTime() + 72 * 3_600_000);
    expectProblem(
      await intake.post(`fax/inbound/${received.body.id}/case`, {
        memberId: m.id,
        prescriberNpi,
        productId: OZEMPIC,
        quantity: 3,
        daysSupply: 28,
        urgency: 'standard',
      }),
      409,
      'CONFLICT',
    );
  });

  it('files a faxed answer to an open information request', async () => {
    const m = adult[6];
    const c = (
      await prescriber.post('pa-requests', {
        memberId: m.id,
        prescriberNpi,
        productId: OZEMPIC,
        quantity: 3,
        daysSupply: 28,
        urgency: 'standard',
        channel: 'portal',
      })
    ).body;
    await prescriber.post(`pa-requests/${c.id}/submit`, { answers: fails });
    await physician.post(`pa-requests/${c.id}/information-requests`, {
      items: [{ document: 'Latest HbA1c lab report' }],
    });
    const { body, headers } = multipart({ senderFax: '15105550142' }, { name: 'labs.pdf', bytes: TINY_PDF });
    const fax = (await intake.post('fax/inbound', body, headers)).body;
    const filed = await intake.post(`fax/inbound/${fax.id}/attach`, { paRequestId: c.id });
    expect(filed.body).toMatchObject({ answeredInformationRequest: true });
    const after = (await physician.get(`pa-requests/${c.id}`)).body;
    expect(after.status).toBe('in-review');
    expect(after.informationRequests[0].status).toBe('answered');
  });

  it('refuses what is not a PDF or TIFF, an oversized fax, and callers who are not intake', async () => {
    const text = multipart({ senderFax: '15105550142' }, { name: 'x.pdf', bytes: Buffer.from('not a fax at all') });
    expectProblem(await intake.post('fax/inbound', text.body, text.headers), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const big = multipart(
      { senderFax: '15105550142' },
      { name: 'big.pdf', bytes: Buffer.concat([TINY_PDF, Buffer.alloc(21 * 1024 * 1024, 0x20)]) },
    );
    expectProblem(await intake.post('fax/inbound', big.body, big.headers), 413, 'PAYLOAD_TOO_LARGE');
    const ok = multipart({ senderFax: '15105550142' }, { name: 'x.pdf', bytes: TINY_PDF });
    expectProblem(await prescriber.post('fax/inbound', ok.body, ok.headers), 403, 'FORBIDDEN');
    const count = (await intake.get('fax/inbound')).body.items.length;
    expect(count).toBe(2);
  });
});

describe('meets criteria by fax too', () => {
  it('auto-approves a complete faxed request', async () => {
    const { body, headers } = multipart({ senderFax: '15105550142' }, { name: 'pa.pdf', bytes: TINY_PDF });
    const fax = (await intake.post('fax/inbound', body, headers)).body;
    const created = (
      await intake.post(`fax/inbound/${fax.id}/case`, {
        memberId: adult[7].id,
        prescriberNpi,
        productId: OZEMPIC,
        quantity: 3,
        daysSupply: 28,
        urgency: 'standard',
      })
    ).body;
    const r = await intake.post(`pa-requests/${created.paRequestId}/submit`, { answers: meets });
    expect(r.body.status).toBe('approved');
    expect(r.body.channel).toBe('fax');
  });
});
