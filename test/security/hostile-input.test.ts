import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type ApiClient } from '../support/http.js';
import { claimFor, firstNpi, members, ndcsWhere, pharmacyWithKey, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: ApiClient;
let services: ApiClient;
let pharmacy: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, 'admin');
  services = await signIn(t, 'member-services');
  pharmacy = await pharmacyWithKey(t, await firstNpi(t, 'pharmacies'));
});
afterAll(() => t?.close());

const NUL = 'A\u0000B';
const LONE_HIGH = 'A\uD800B';
const LONE_LOW = 'A\uDC00B';
const PHARMACY_KEY = 'opbm_demo_lakeshore_7f3a91c2e84b5d06a1f9c3e7b2d48a61';

describe('hostile strings are refused at the edge with 400 naming the field', () => {
  for (const [label, bad] of [
    ['NUL', NUL],
    ['lone high surrogate', LONE_HIGH],
    ['lone low surrogate', LONE_LOW],
  ] as const) {
    it(`${label} in claim fields (body)`, async () => {
      const [m] = await members(t);
      const prescriber = await firstNpi(t, 'prescribers');
      const npi = await firstNpi(t, 'pharmacies');
      const [ndc] = await ndcsWhere(t, m.plan_id, () => true);
      for (const field of ['cardholderId', 'pcn', 'groupId'] as const) {
        const r = await pharmacy.post('claims', claimFor(m, npi, prescriber, { productId: ndc.ndc, [field]: bad }));
        const p = expectProblem(r, 400, 'VALIDATION_FAILED');
        expect(p.errors.map((e) => e.path)).toContain(field);
      }
    });

    it(`${label} in a search name (query) and a path parameter`, async () => {
      // A URL carries UTF-8: a surrogate's bytes (CESU-8) decode to U+FFFD, not to a lone surrogate.
      const enc = label === 'NUL' ? 'A%00B' : label.includes('high') ? 'A%ED%A0%80B' : 'A%ED%B0%80B';
      const q = await services.get(`members/search?lastName=${enc}&dateOfBirth=1970-01-01`);
      if (label === 'NUL')
        expect(expectProblem(q, 400, 'VALIDATION_FAILED').errors.map((e) => e.path)).toContain('querystring.lastName');
      else expect(q.status).toBe(200);
      const p = await services.get(`members/${enc}`);
      expect(p.status).toBeGreaterThanOrEqual(400);
      expect(p.status).toBeLessThan(500);
      expect(String(p.headers['content-type'])).toContain('application/problem+json');
      if (label === 'NUL') expect(p.body.errors.map((e: { path: string }) => e.path)).toContain('params.id');
    });

    it(`${label} in a call note (nested body)`, async () => {
      const [m] = await members(t);
      const r = await services.post(`members/${m.id}/call-notes`, {
        callerName: 'Caller',
        callerRelationship: 'self',
        identityVerified: true,
        verificationMethod: 'date-of-birth+address',
        topic: 'claim-reject',
        note: `called ${bad}`,
      });
      expect(expectProblem(r, 400, 'VALIDATION_FAILED').errors.map((e) => e.path)).toContain('note');
    });

    it(`${label} in a FHIR body is an OperationOutcome 400`, async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/fhir/Claim/$submit',
        headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${PHARMACY_KEY}` },
        payload: JSON.stringify({ resourceType: 'Bundle', type: 'collection', id: bad }),
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().resourceType).toBe('OperationOutcome');
    });
  }
});

describe('other inputs that answered 5xx or the wrong shape', () => {
  it('?version=1e999 (Infinity after coercion) is 400', async () => {
    const r = await admin.get('criteria/anything?version=1e999');
    expectProblem(r, 400, 'VALIDATION_FAILED');
  });

  it('multipart without a boundary is 4xx problem+json', async () => {
    const r = await admin.request('POST', 'pa-requests/PA-1/attachments', 'x', {
      'content-type': 'multipart/form-data',
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(String(r.headers['content-type'])).toContain('application/problem+json');
  });

  it('an absurd advanceBy is 400', async () => {
    const r = await admin.post('test/clock', { advanceBy: 'P99999999999999999999D' });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect((await admin.get('test/clock')).status).toBe(200);
  });

  it('path parameters over the router limit answer problem+json', async () => {
    const r = await admin.get(`members/${'M'.repeat(150)}`);
    expect(r.status).toBe(414);
    expect(String(r.headers['content-type'])).toContain('application/problem+json');
    expect(r.body.code).toBe('URI_TOO_LONG');
  });

  it('a malformed URL escape is 400 problem+json', async () => {
    const r = await admin.get('members/%E0%A4%A');
    expect(r.status).toBe(400);
    expect(String(r.headers['content-type'])).toContain('application/problem+json');
  });
});

describe('names compare in Unicode NFC', () => {
  it('a last name typed decomposed (n + combining tilde) finds the member stored composed, and vice versa', async () => {
    const rows = await t.ctx.database.query<{ id: string; last_name: string; date_of_birth: string }>(
      `select id, last_name, date_of_birth::text from members where last_name ~ '[^ -~]' order by id limit 1`,
    );
    expect(rows.length, 'the demo data has a member with a non-ASCII last name').toBe(1);
    const [m] = rows;
    for (const form of ['NFD', 'NFC'] as const) {
      const typed = m.last_name.normalize(form);
      const r = await services.get(
        `members/search?lastName=${encodeURIComponent(typed)}&dateOfBirth=${m.date_of_birth}`,
      );
      expect(r.status).toBe(200);
      expect(r.body.items.map((i: { memberId: string }) => i.memberId)).toContain(m.id);
    }
  });
});
