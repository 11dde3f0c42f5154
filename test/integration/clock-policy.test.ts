import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glp1Answers, questionnaireResponse } from '../support/fhir.js';
import type { ApiClient } from '../support/http.js';
import { firstNpi, importMembers, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// docs/design.md#clocks: what a reviewer's information request does to the review clock is plan
// policy (docs/clocks.md), and a missed clock that is not deemed approved reaches people.
const OZEMPIC = '00169413211';
const HOUR = 3_600_000;
const fails = glp1Answers({ a1c: 6.4 });

let t: TestApp;
let prescriberNpi: string;
let prescriber: ApiClient;
let reviewer: ApiClient;
let supervisor: ApiClient;
let admin: ApiClient;
const fresh: Record<string, string[]> = {};

beforeAll(async () => {
  t = await createTestApp();
  prescriberNpi = await firstNpi(t, 'prescribers', "fax is not null and fax <> ''");
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi });
  reviewer = await signIn(t, 'reviewer-pharmacist', { displayName: 'Pat Reviewer', credential: 'PharmD' });
  supervisor = await signIn(t, 'member-services');
  admin = await signIn(t, 'admin');
  fresh.PARTD1 = await importMembers(t, { planId: 'PARTD1', prefix: 'CP', count: 3 });
  fresh.CACOM1 = await importMembers(t, { planId: 'CACOM1', prefix: 'CC', count: 2 });
  fresh['MCRX-FFS'] = await importMembers(t, { planId: 'MCRX-FFS', prefix: 'CM', count: 3 });
});
afterAll(() => t?.close());

async function advance(hours: number) {
  const r = await admin.post('test/clock', { advanceBy: `PT${hours}H` });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

/** A case on `planId` routed to a clinician (HbA1c below the criteria's threshold). */
async function caseInReview(planId: string) {
  const memberId = fresh[planId].shift()!;
  const c = await prescriber.post('pa-requests', {
    memberId,
    prescriberNpi,
    productId: OZEMPIC,
    quantity: 3,
    daysSupply: 28,
    urgency: 'standard',
    channel: 'portal',
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  const s = await prescriber.post(`pa-requests/${c.body.id}/submit`, { answers: fails });
  expect(s.body.status).toBe('in-review');
  return { id: c.body.id as string, memberId, dueAt: s.body.dueAt as string };
}

async function askForInformation(id: string) {
  const r = await reviewer.post(`pa-requests/${id}/information-requests`, {
    items: [{ question: 'Attach the most recent HbA1c and any metformin trial' }],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.status).toBe('awaiting-information');
  return r.body;
}

const view = async (id: string) => (await reviewer.get(`pa-requests/${id}`)).body;
const actions = (v: { history: Array<{ action: string }> }) => v.history.map((h) => h.action);
const escalationNotices = (id: string) =>
  t.ctx.database.query<{
    recipient: string;
    recipient_id: string | null;
    channel: string;
    content: Record<string, unknown>;
  }>(
    "select recipient, recipient_id, channel, content from notices where pa_request_id = $1 and kind = 'escalation' order by recipient",
    [id],
  );

describe('Medicare Part D: an information request does not move the due time (42 CFR 423.568/423.570)', () => {
  it('the case goes overdue at the original due time, is forwarded to the IRE with a work item and letters, and the answer keeps the due time', async () => {
    const c = await caseInReview('PARTD1');
    expect(new Date(c.dueAt).getTime() - t.clock.now().getTime()).toBe(72 * HOUR);
    await advance(2);
    const asked = await askForInformation(c.id);
    expect(asked.dueAt).toBe(c.dueAt);

    await advance(69); // 71 h after receipt: not due yet
    let v = await view(c.id);
    expect(v).toMatchObject({ status: 'awaiting-information', escalated: false, dueAt: c.dueAt });

    await advance(2); // 73 h: past the original due time; the information request (74 h) is still open
    v = await view(c.id);
    expect(v).toMatchObject({ status: 'awaiting-information', escalated: true, dueAt: c.dueAt });
    expect(actions(v)).toEqual(expect.arrayContaining(['escalated', 'auto-forwarded-to-ire']));
    const forward = v.history.find((h: { action: string }) => h.action === 'auto-forwarded-to-ire');
    expect(forward.details).toMatchObject({ to: 'the Part D Independent Review Entity (IRE)', dueAt: c.dueAt });

    const queue = await supervisor.get('work-items?queue=supervisors');
    const item = queue.body.items.find((i: { entityId: string }) => i.entityId === c.id);
    expect(item).toMatchObject({ kind: 'pa-forwarded-to-ire', queue: 'supervisors', entityType: 'pa-request' });
    expect(item.summary).toContain('42 CFR 423.568(h)');

    const notices = await escalationNotices(c.id);
    expect(notices.map((n) => n.recipient)).toEqual(['member', 'prescriber']);
    expect(notices.find((n) => n.recipient === 'member')!.recipient_id).toBe(c.memberId);
    expect(notices.find((n) => n.recipient === 'prescriber')).toMatchObject({
      recipient_id: prescriberNpi,
      channel: 'fax',
    });
    for (const n of notices) expect(n.content.forwardedTo).toBe('the Part D Independent Review Entity (IRE)');

    const answered = await prescriber.post(`pa-requests/${c.id}/information-responses`, {
      answers: questionnaireResponse({ a1c: { decimal: 7.9 }, 'a1c-date': '2026-11-10' }),
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toMatchObject({ status: 'in-review', dueAt: c.dueAt, escalated: true });
    const inQueue = (await reviewer.get('review-queue')).body.items.find((i: { id: string }) => i.id === c.id);
    expect(inQueue).toMatchObject({ overdue: true, dueAt: c.dueAt });
    expect(inQueue.timeLeftSeconds).toBeLessThan(0);
    // The escalation happened once.
    expect(actions(await view(c.id)).filter((a: string) => a === 'escalated')).toHaveLength(1);
  });

  it('the reviewer may still decide on the record while the request is open; the request is then withdrawn', async () => {
    const c = await caseInReview('PARTD1');
    await askForInformation(c.id);
    await advance(12);
    const withAnswer = await view(c.id);
    expect(withAnswer.dueAt).toBe(c.dueAt);
    // The reviewer can still decide on the record while the request is open; it is withdrawn.
    expect((await reviewer.post(`pa-requests/${c.id}/assign`)).status).toBe(200);
    const decided = await reviewer.post(`pa-requests/${c.id}/determination`, {
      decision: 'approved',
      reasons: ['The chart already on file documents metformin intolerance.'],
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.informationRequests.map((r: { status: string }) => r.status)).toEqual(['withdrawn']);
  });
});

describe('an incomplete request caught at submit keeps restart-on-completion, whatever the plan policy', () => {
  it('Part D: no clock while incomplete; the clock starts at completion', async () => {
    const memberId = fresh.PARTD1.shift()!;
    const c = await prescriber.post('pa-requests', {
      memberId,
      prescriberNpi,
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    const incomplete = questionnaireResponse({
      dx: { code: 'E11.9' },
      'metformin-contra': false,
      'weight-only': false,
    });
    const s = await prescriber.post(`pa-requests/${c.body.id}/submit`, { answers: incomplete });
    expect(s.body).toMatchObject({ status: 'awaiting-information', dueAt: null });
    await advance(5);
    const done = await prescriber.post(`pa-requests/${c.body.id}/information-responses`, {
      answers: questionnaireResponse({ a1c: { decimal: 6.4 }, 'a1c-date': '2026-10-15' }),
    });
    expect(done.body.status).toBe('in-review');
    expect(new Date(done.body.dueAt).getTime() - t.clock.now().getTime()).toBe(72 * HOUR);
  });
});

describe('California commercial: an information request cannot defeat deemed approval (H&S Code §1367.241(b))', () => {
  it('a case waiting on an information request is deemed approved at the original due time', async () => {
    const c = await caseInReview('CACOM1');
    await advance(2);
    await askForInformation(c.id);
    await advance(71);
    const v = await view(c.id);
    expect(v.status).toBe('deemed-approved');
    expect(v.determination.authorizationNumber).toMatch(/^PA/);
    expect(v.informationRequests.map((r: { status: string }) => r.status)).toEqual(['withdrawn']);
    const late = await prescriber.post(`pa-requests/${c.id}/information-responses`, { note: 'Labs attached' });
    expect(late.status).toBe(409);
  });
});

describe('Medi-Cal Rx: the clock restarts on the answer', () => {
  it('the request stops the 24-hour clock and the answer starts a new 24 hours', async () => {
    const c = await caseInReview('MCRX-FFS');
    expect(new Date(c.dueAt).getTime() - t.clock.now().getTime()).toBe(24 * HOUR);
    const asked = await askForInformation(c.id);
    expect(asked.dueAt).toBeNull();
    await advance(30);
    let v = await view(c.id);
    expect(v).toMatchObject({ status: 'awaiting-information', escalated: false });
    const answered = await prescriber.post(`pa-requests/${c.id}/information-responses`, {
      answers: questionnaireResponse({ a1c: { decimal: 7.9 }, 'a1c-date': '2026-11-10' }),
    });
    expect(answered.body.status).toBe('in-review');
    expect(new Date(answered.body.dueAt).getTime() - t.clock.now().getTime()).toBe(24 * HOUR);
    v = await view(c.id);
    expect(v.escalated).toBe(false);
  });

  it('a missed Medi-Cal clock opens a supervisors’ work item and tells member and prescriber; no IRE', async () => {
    const c = await caseInReview('MCRX-FFS');
    await advance(25);
    const v = await view(c.id);
    expect(v).toMatchObject({ status: 'in-review', escalated: true });
    expect(actions(v)).toContain('escalated');
    expect(actions(v)).not.toContain('auto-forwarded-to-ire');
    const items = (await supervisor.get('work-items?queue=supervisors')).body.items.filter(
      (i: { entityId: string }) => i.entityId === c.id,
    );
    expect(items.map((i: { kind: string }) => i.kind)).toEqual(['pa-overdue']);
    const notices = await escalationNotices(c.id);
    expect(notices.map((n) => n.recipient)).toEqual(['member', 'prescriber']);
    for (const n of notices) expect(n.content.forwardedTo ?? null).toBeNull();
  });
});
