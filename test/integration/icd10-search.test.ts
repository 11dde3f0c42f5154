import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type ApiClient } from '../support/http.js';
import { signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// docs/design.md#diagnoses: the prescriber looks a diagnosis up by code or words. The list is the
// ICD-10-CM codes the current criteria sets ask about, with their descriptions.

let t: TestApp;
let prescriber: ApiClient;
let member: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  prescriber = await signIn(t, 'prescriber', { npi: '1234567893' });
  member = await signIn(t, 'member', { memberId: 'M000101' });
});
afterAll(() => t?.close());

describe('GET /reference/icd10', () => {
  it('finds type 2 diabetes codes by the start of the code, with their descriptions', async () => {
    const r = await prescriber.get('reference/icd10?q=E11');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items).toContainEqual({
      code: 'E11.9',
      description: 'Type 2 diabetes mellitus without complications',
    });
    expect(r.body.items).toContainEqual({ code: 'E11.65', description: 'Type 2 diabetes mellitus with hyperglycemia' });
    expect(r.body.items.every((c: { code: string }) => c.code.startsWith('E11'))).toBe(true);
  });

  it('finds by words in the description, and keeps to the limit', async () => {
    const r = await prescriber.get('reference/icd10?q=atrial%20fibrillation');
    expect(r.status).toBe(200);
    expect(r.body.items.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['I48.0', 'I48.91']));
    const one = await prescriber.get('reference/icd10?q=diabetes&limit=1');
    expect(one.body.items).toHaveLength(1);
    const none = await prescriber.get('reference/icd10?q=zzzz');
    expect(none.body.items).toEqual([]);
  });

  it('bad input is a 400 problem, not a list or a 500', async () => {
    expectProblem(await prescriber.get('reference/icd10'), 400, 'VALIDATION_FAILED');
    expectProblem(await prescriber.get('reference/icd10?q='), 400, 'VALIDATION_FAILED');
    expectProblem(await prescriber.get(`reference/icd10?q=${'a'.repeat(61)}`), 400, 'VALIDATION_FAILED');
    expectProblem(await prescriber.get('reference/icd10?q=E11&limit=0'), 400, 'VALIDATION_FAILED');
  });

  it('a member is refused (403 problem); without sign-in, 401', async () => {
    expectProblem(await member.get('reference/icd10?q=E11'), 403, 'FORBIDDEN');
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/reference/icd10?q=E11' });
    expect(anon.statusCode).toBe(401);
  });
});
