import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { STAFF_ROLES, type Role } from '../../src/platform/roles.js';
import { multipart, TINY_PDF } from '../support/multipart.js';
import { claimFor, glp1CaseInReview, members, ndcsWhere, pharmacyWithKey, signIn } from '../support/scenario.js';
import { ApiClient } from '../support/http.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { deniedCase, type DeniedCase } from './support/denied-case.js';

/**
 * docs/design.md#records: every staff read of PHI writes one audit row — who, what (resource, id, the
 * member), when, why — in one place (the route's `phiRead` declaration, src/adapters/http/phi-read-audit.ts).
 * The GET operations come from the OpenAPI document: each is either declared a PHI read or listed
 * below as carrying no PHI, so a new GET route fails this test until someone decides which it is.
 */
const NOT_PHI: Record<string, string> = {
  'GET /api/v1/me': "the caller's own account",
  'GET /api/v1/users': 'staff and partner accounts, no members',
  'GET /api/v1/plans': 'reference data',
  'GET /api/v1/letter-languages': "the letter resource files' review status",
  'GET /api/v1/plans/{planId}/formulary': 'reference data',
  'GET /api/v1/criteria': 'clinical criteria (reference data)',
  'GET /api/v1/reference/icd10': 'ICD-10-CM codes and descriptions (reference data)',
  'GET /api/v1/criteria/export': 'clinical criteria (reference data)',
  'GET /api/v1/criteria/{id}': 'clinical criteria (reference data)',
  'GET /api/v1/criteria/{id}/draft': 'a criteria draft (reference data being authored)',
  'GET /api/v1/criteria/{id}/diff': 'differences between criteria versions',
  'GET /api/v1/ehr-clients': 'registered EHR systems and their keys',
  'GET /api/v1/test/clock': 'the test clock',
  'GET /api/v1/reports/turnaround': 'counts and medians, no person',
  'GET /api/v1/reports/claims': 'claim counts by day and reject code, no person',
  'GET /api/v1/imports': 'import runs: file kinds and counts',
  'GET /api/v1/work-items': 'operational items naming cases and notices by id, no names or clinical facts',
  'GET /api/v1/fax/inbound': "the intake queue's envelope data (sending fax number, size, status), not the pages",
  'GET /api/v1/fax/inbound/{id}': "one fax's envelope data, not the pages",
};

/**
 * Declared reads no staff role may open (the loop below checks staff get no answer and leave no
 * row); the reader's own audit row is checked where the route is tested.
 */
const OUTSIDERS_ONLY: Record<string, string> = {
  'GET /api/v1/renewals-due': "a prescriber's own patients (test/integration/renewals-due.test.ts)",
};

let t: TestApp;
let denied: DeniedCase;
let claimId: string;
let claimMemberId: string;
let faxId: string;
let faxCaseId: string;
let faxAttachmentId: string;
let appealId: string;
let appealAttachmentId: string;
let queueMemberId: string;
let caseMember: { lastName: string; dob: string };
const staff = new Map<Role, ApiClient>();
const usernames = new Map<Role, string>();
let getOperations: string[] = [];

/** The URL a staff member opens for each declared read, and the member it concerns. */
function readOf(key: string): { url: string; memberId: string } {
  const m = denied.memberId;
  const table: Record<string, { url: string; memberId: string }> = {
    'GET /api/v1/members/search': {
      url: `members/search?lastName=${encodeURIComponent(caseMember.lastName)}&dateOfBirth=${caseMember.dob}`,
      memberId: m,
    },
    'GET /api/v1/members/{id}': { url: `members/${m}`, memberId: m },
    'GET /api/v1/members/{id}/call-notes': { url: `members/${m}/call-notes`, memberId: m },
    'GET /api/v1/members/{id}/notification-preferences': { url: `members/${m}/notification-preferences`, memberId: m },
    'GET /api/v1/members/{id}/alerts': { url: `members/${m}/alerts`, memberId: m },
    'GET /api/v1/members/{id}/accumulators': { url: `members/${m}/accumulators`, memberId: m },
    'GET /api/v1/claims': { url: `claims?memberId=${claimMemberId}`, memberId: claimMemberId },
    'GET /api/v1/claims/{claimId}': { url: `claims/${claimId}`, memberId: claimMemberId },
    'GET /api/v1/claims/{claimId}/ncpdp': { url: `claims/${claimId}/ncpdp`, memberId: claimMemberId },
    'GET /api/v1/coverage': {
      url: `coverage?memberId=${m}&productId=${DEMO.ndcs.semaglutidePenLow}`,
      memberId: m,
    },
    'GET /api/v1/members/{id}/formulary': { url: `members/${m}/formulary?q=semaglutide`, memberId: m },
    'GET /api/v1/pa-requests': { url: `pa-requests?memberId=${m}`, memberId: m },
    'GET /api/v1/pa-requests/{id}': { url: `pa-requests/${denied.caseId}`, memberId: m },
    'GET /api/v1/pa-requests/{id}/claim-history': { url: `pa-requests/${denied.caseId}/claim-history`, memberId: m },
    'GET /api/v1/pa-requests/{id}/medication-history': {
      url: `pa-requests/${denied.caseId}/medication-history`,
      memberId: m,
    },
    'GET /api/v1/pa-requests/{id}/attachments/{attachmentId}': {
      url: `pa-requests/${faxCaseId}/attachments/${faxAttachmentId}`,
      memberId: m,
    },
    'GET /api/v1/review-queue': { url: 'review-queue', memberId: queueMemberId },
    'GET /api/v1/renewals-due': { url: 'renewals-due', memberId: m },
    'GET /api/v1/appeals': { url: `appeals?memberId=${m}`, memberId: m },
    'GET /api/v1/appeals/{id}': { url: `appeals/${appealId}`, memberId: m },
    'GET /api/v1/appeals/{id}/attachments/{attachmentId}': {
      url: `appeals/${appealId}/attachments/${appealAttachmentId}`,
      memberId: m,
    },
    'GET /api/v1/notices': { url: `notices?paRequestId=${denied.caseId}`, memberId: m },
    'GET /api/v1/notices/{id}/pdf': { url: `notices/${denied.noticeIds[0]}/pdf`, memberId: m },
    'GET /api/v1/fax/inbound/{id}/document': { url: `fax/inbound/${faxId}/document`, memberId: m },
    'GET /api/v1/audit-events': { url: `audit-events?memberId=${m}`, memberId: m },
    'GET /api/v1/audit-events.csv': { url: `audit-events.csv?memberId=${m}`, memberId: m },
  };
  const read = table[key];
  if (!read) throw new Error(`No fixture for the declared PHI read ${key}: add one to readOf()`);
  return read;
}

beforeAll(async () => {
  t = await createTestApp();
  denied = await deniedCase(t);
  const [cm] = await t.ctx.database.query<{ last_name: string; dob: string }>(
    'select last_name, date_of_birth::text as dob from members where id = $1',
    [denied.memberId],
  );
  caseMember = { lastName: cm.last_name, dob: cm.dob };
  for (const role of STAFF_ROLES) {
    staff.set(role, await signIn(t, role));
    usernames.set(role, (await staff.get(role)!.get('me')).body.username);
  }

  // A paid claim for another member at the retail pharmacy.
  const [m] = await members(t, 'id = $1', [DEMO.members.commercial]);
  claimMemberId = m.id;
  const retail = await pharmacyWithKey(t, DEMO.pharmacies.retail.npi);
  const [ndc] = await ndcsWhere(t, m.plan_id, (e) => Boolean(e?.covered && !e.priorAuthorization));
  const claim = await retail.post(
    'claims',
    claimFor(m, DEMO.pharmacies.retail.npi, DEMO.prescribers.endocrinology, { productId: ndc.ndc }),
  );
  expect(claim.status, JSON.stringify(claim.body)).toBeLessThan(300);
  claimId = claim.body.claimId;

  // A faxed request filed as a new case for the denied case's member: the fax is the case's attachment.
  const intake = staff.get('intake')!;
  const fax = multipart(
    { senderFax: '1-510-555-0142', receivedAt: t.clock.now().toISOString() },
    { name: 'pa.pdf', bytes: TINY_PDF, contentType: 'application/pdf' },
  );
  faxId = (await intake.post('fax/inbound', fax.body, fax.headers)).body.id;
  const filed = await intake.post(`fax/inbound/${faxId}/case`, {
    memberId: denied.memberId,
    prescriberNpi: DEMO.prescribers.primaryCare,
    productId: DEMO.ndcs.semaglutidePenLow,
    quantity: 3,
    daysSupply: 28,
    urgency: 'standard',
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  faxCaseId = filed.body.paRequestId;
  faxAttachmentId = (await intake.get(`pa-requests/${faxCaseId}`)).body.attachments[0].id;

  // A case waiting in the review queue.
  const [queued] = await members(t, "plan_id = 'IHSS01' and termination_date is null and date_of_birth < '2000-01-01'");
  queueMemberId = queued.id;
  await glp1CaseInReview(await ApiClient.login(t.app, 'dr.park', 'demo-prescriber'), queueMemberId);

  // The member appeals the denial with a document.
  const member = await signIn(t, 'member', { memberId: denied.memberId });
  const appeal = await member.post('appeals', {
    paRequestId: denied.caseId,
    urgency: 'standard',
    statement: 'Metformin gave me severe diarrhea; my doctor says this is the right medicine.',
    filedBy: 'member',
  });
  expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
  appealId = appeal.body.id;
  const doc = multipart({}, { name: 'letter.pdf', bytes: TINY_PDF, contentType: 'application/pdf' });
  appealAttachmentId = (await member.post(`appeals/${appealId}/attachments`, doc.body, doc.headers)).body.attachmentId;

  const openapi = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  getOperations = Object.entries<Record<string, unknown>>(openapi.paths)
    .filter(([, item]) => 'get' in item)
    .map(([path]) => `GET ${path}`);
});
afterAll(() => t?.close());

/** "/api/v1/members/:id" (Fastify) → "/api/v1/members/{id}" (OpenAPI). */
const declared = () => new Map([...t.app.phiReads].map(([k, v]) => [k.replace(/:(\w+)/g, '{$1}'), v] as const));

interface AuditRow {
  actor: string;
  actor_role: string;
  action: string;
  entity_type: string;
  entity_id: string;
  member_ids: string[] | null;
  reason: string | null;
  at: Date;
}

async function rowsSince(id: number, actor: string): Promise<AuditRow[]> {
  return t.ctx.database.query<AuditRow>(
    `select actor, actor_role, action, entity_type, entity_id, member_ids, reason, at
       from audit_events where id > $1 and actor = $2 order by id`,
    [id, actor],
  );
}
async function lastAuditId(): Promise<number> {
  const [r] = await t.ctx.database.query<{ id: string | null }>('select max(id)::text as id from audit_events');
  return Number(r.id ?? 0);
}

describe('staff reads of PHI are audited by the route declaration (docs/design.md#records)', () => {
  it('every GET operation of the OpenAPI document is either a declared PHI read or listed as carrying none', () => {
    expect(getOperations.length).toBeGreaterThan(25);
    const phi = declared();
    const undecided = getOperations.filter((op) => !phi.has(op) && !(op in NOT_PHI));
    expect(undecided).toEqual([]);
    expect(getOperations.filter((op) => phi.has(op) && op in NOT_PHI)).toEqual([]);
    expect(phi.size).toBeGreaterThanOrEqual(18);
  });

  it('each declared read by each staff role that may open it writes exactly one row: who, what, member, when, why', async () => {
    const wrong: string[] = [];
    for (const [key, declaration] of declared()) {
      const { url, memberId } = readOf(key);
      let readers = 0;
      for (const role of STAFF_ROLES) {
        const before = await lastAuditId();
        const r = await staff.get(role)!.request('GET', url);
        const rows = await rowsSince(before, usernames.get(role)!);
        if (r.status >= 300) {
          if (rows.length !== 0) wrong.push(`${role} ${key} → ${r.status} yet ${rows.length} audit rows`);
          continue;
        }
        readers++;
        if (rows.length !== 1) {
          wrong.push(`${role} ${key} → ${r.status} with ${rows.length} audit rows`);
          continue;
        }
        const [row] = rows;
        const expected = {
          actor_role: role,
          action: declaration.action ?? 'phi.read',
          entity_type: declaration.resource,
          reason: declaration.reason,
        };
        const seen = {
          actor_role: row.actor_role,
          action: row.action,
          entity_type: row.entity_type,
          reason: row.reason,
        };
        if (JSON.stringify(seen) !== JSON.stringify(expected))
          wrong.push(`${role} ${key}: ${JSON.stringify(seen)} ≠ ${JSON.stringify(expected)}`);
        if (!row.member_ids?.includes(memberId))
          wrong.push(`${role} ${key}: member_ids ${JSON.stringify(row.member_ids)} lacks ${memberId}`);
        if (new Date(row.at).getTime() !== t.clock.now().getTime())
          wrong.push(`${role} ${key}: at ${String(row.at)} is not the clock's now`);
      }
      if (readers === 0 && !(key in OUTSIDERS_ONLY)) wrong.push(`${key}: no staff role could read it (fixture?)`);
      if (readers > 0 && key in OUTSIDERS_ONLY) wrong.push(`${key}: listed as outsiders only, yet staff read it`);
    }
    expect(wrong).toEqual([]);
  });

  it('the row names the record read: the case id for a case, the attachment id for a document', async () => {
    const reviewer = staff.get('reviewer-pharmacist')!;
    const before = await lastAuditId();
    await reviewer.get(`pa-requests/${denied.caseId}`);
    await reviewer.getBytes(`pa-requests/${faxCaseId}/attachments/${faxAttachmentId}`);
    const rows = await rowsSince(before, usernames.get('reviewer-pharmacist')!);
    expect(rows.map((r) => [r.entity_type, r.entity_id])).toEqual([
      ['case', denied.caseId],
      ['case-attachment', faxAttachmentId],
    ]);
  });

  it('a refused or failed read writes no row; a member reading their own record writes none', async () => {
    const before = await lastAuditId();
    const ms = staff.get('member-services')!;
    expect((await ms.get('pa-requests/PA-NOPE')).status).toBe(404);
    expect((await ms.get('members/M-NOPE')).status).toBe(404);
    expect((await staff.get('intake')!.get(`members/${denied.memberId}/call-notes?limit=0`)).status).toBe(400);
    const member = await signIn(t, 'member', { memberId: denied.memberId });
    const afterSignIn = await lastAuditId();
    expect((await member.get(`members/${denied.memberId}`)).status).toBe(200);
    expect((await member.get(`pa-requests/${denied.caseId}`)).status).toBe(200);
    const phiRows = await t.ctx.database.query<{ n: number }>(
      "select count(*)::int as n from audit_events where id > $1 and action like 'phi.%'",
      [before],
    );
    expect(phiRows[0].n).toBe(0);
    expect(await lastAuditId()).toBe(afterSignIn);
  });

  it('a prescriber reading a member record is audited too (a disclosure outside the plan), their own case list is not', async () => {
    const before = await lastAuditId();
    expect((await denied.prescriber.get(`members/${denied.memberId}`)).status).toBe(200);
    expect((await denied.prescriber.get('pa-requests')).status).toBe(200);
    const rows = await t.ctx.database.query<AuditRow>(
      "select * from audit_events where id > $1 and action like 'phi.%' order by id",
      [before],
    );
    expect(rows.map((r) => [r.actor_role, r.entity_type, r.member_ids])).toEqual([
      ['prescriber', 'member', [denied.memberId]],
    ]);
  });
});
