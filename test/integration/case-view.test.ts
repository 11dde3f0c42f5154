import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { findDisplayNames } from '../../src/identity/index.js';
import { listNoticesForRequest } from '../../src/notices/index.js';
import { listAttachments, listHistory, listInformationRequests } from '../../src/priorauth/priorauth.repo.js';
import { glp1Answers } from '../support/fhir.js';
import { glp1Draft, importMembers, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The case view reads its history, documents, information requests, notices and people's names in
 * one statement (priorauth/case-details.repo.ts): what it shows must be what each table's own
 * read gives — same rows, order, timestamps and names.
 */
let t: TestApp;
let memberId: string;
beforeAll(async () => {
  t = await createTestApp();
  [memberId] = await importMembers(t, { planId: 'IHSS01', prefix: 'VIEW', count: 1 });
});
afterAll(() => t.close());

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('the case view', () => {
  it('shows what the per-table reads give: history with names, documents, information requests, notices', async () => {
    const prescriber = await signIn(t, 'prescriber', {
      npi: DEMO.prescribers.primaryCare,
      displayName: 'Dr. Ada View',
    });
    const pharmacist = await signIn(t, 'reviewer-pharmacist', { displayName: 'Pat Reviewer', credential: 'PharmD' });
    const id = await glp1Draft(prescriber, memberId);
    const boundary = 'case-view';
    const upload = await prescriber.post(
      `pa-requests/${id}/attachments`,
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notes.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        Buffer.from('%PDF-1.4\n%%EOF\n'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      { 'content-type': `multipart/form-data; boundary=${boundary}` },
    );
    expect(upload.status).toBe(201);
    // HbA1c 6.2 % does not meet the criteria: to a reviewer, who asks for more.
    const submitted = await prescriber.post(`pa-requests/${id}/submit`, {
      answers: glp1Answers({ a1c: 6.2, contraindication: 'eGFR 25' }),
    });
    expect(submitted.body.status, JSON.stringify(submitted.body)).toBe('in-review');
    expect((await pharmacist.post(`pa-requests/${id}/assign`)).status).toBe(200);
    const asked = await pharmacist.post(`pa-requests/${id}/information-requests`, {
      items: [{ question: 'Attach the most recent HbA1c' }],
    });
    expect(asked.body.status).toBe('awaiting-information');

    const view = (await prescriber.get(`pa-requests/${id}`)).body;
    const db = t.ctx.database.db;
    const history = await listHistory(db, id);
    const names = await findDisplayNames(db, [view.assignedTo, ...history.map((h) => h.actor)]);
    expect(view.assignedToName).toBe('Pat Reviewer');
    expect(view.history).toEqual(
      history.map((h) => ({
        at: h.at.toISOString(),
        actor: h.actor,
        actorName: names.get(h.actor) ?? null,
        actorRole: h.actorRole,
        action: h.action,
        from: h.fromStatus,
        to: h.toStatus,
        reason: h.reason,
        details: h.details ?? null,
      })),
    );
    const actorNames = (view.history as Array<{ action: string; actorName: string | null }>).map((h) => [
      h.action,
      h.actorName,
    ]);
    expect(actorNames).toContainEqual(['submitted', 'Dr. Ada View']);
    expect(actorNames).toContainEqual(['information-requested', 'Pat Reviewer']);
    expect(view.attachments).toEqual(
      (await listAttachments(db, id)).map((a) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() })),
    );
    expect(view.attachments).toHaveLength(1);
    const requests = await listInformationRequests(db, id);
    expect(requests).toHaveLength(1);
    expect(view.informationRequests).toEqual(
      requests.map((r) => ({
        id: r.id,
        sequence: r.sequence,
        items: r.items,
        note: r.note,
        status: r.status,
        requestedAt: r.requestedAt.toISOString(),
        requestedBy: r.requestedBy,
        dueAt: r.dueAt.toISOString(),
        respondedAt: iso(r.respondedAt),
        response: r.response ?? null,
      })),
    );
    const notices = await listNoticesForRequest(db, id);
    expect(notices.length).toBeGreaterThan(0);
    expect(view.notices).toEqual(
      notices.map((n) => ({
        id: n.id,
        kind: n.kind,
        recipient: n.recipient,
        channel: n.channel,
        language: n.language,
        status: n.status,
        attempts: n.attempts,
        createdAt: n.createdAt.toISOString(),
      })),
    );
  });
});
