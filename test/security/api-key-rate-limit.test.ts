import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { expectProblem } from '../support/http.js';
import { claimFor, members, ndcsWhere, pharmacyWithKey, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * docs/security.md#rate-limits: API keys are rate-limited per key, the limit from config
 * (API_KEY_REQUESTS_PER_MINUTE; 5 here). Over it: 429 problem+json with Retry-After, nothing
 * done; another key and people signed in with tokens are not affected.
 */
const LIMIT = 5;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { API_KEY_REQUESTS_PER_MINUTE: String(LIMIT) } });
});
afterAll(() => t?.close());

const claimCount = async () =>
  Number((await t.ctx.database.query<{ n: number }>('select count(*)::int as n from claims'))[0].n);

describe('API key rate limit', () => {
  it('the sixth request in a minute from one key is 429 problem+json with Retry-After, and the claim is not taken', async () => {
    const key = await pharmacyWithKey(t, DEMO.pharmacies.retail.npi);
    for (let i = 0; i < LIMIT; i++) {
      const r = await key.get('claims?limit=1');
      expect(r.status).toBe(200);
      expect(Number(r.headers['x-ratelimit-remaining'])).toBe(LIMIT - i - 1);
    }
    const [m] = await members(t, 'id = $1', [DEMO.members.commercial]);
    const [ndc] = await ndcsWhere(t, m.plan_id, (e) => Boolean(e?.covered && !e.priorAuthorization));
    const before = await claimCount();
    const refused = await key.post(
      'claims',
      claimFor(m, DEMO.pharmacies.retail.npi, DEMO.prescribers.endocrinology, { productId: ndc.ndc }),
    );
    const problem = expectProblem(refused, 429, 'RATE_LIMITED');
    expect(problem.detail).toContain(`${LIMIT} requests a minute`);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await claimCount()).toBe(before);
  });

  it('another key has its own allowance; a person with a token is not limited by it', async () => {
    const first = await pharmacyWithKey(t, DEMO.pharmacies.retail.npi);
    for (let i = 0; i < LIMIT; i++) await first.get('claims?limit=1');
    expect((await first.get('claims?limit=1')).status).toBe(429);
    const second = await pharmacyWithKey(t, DEMO.pharmacies.retail.npi);
    expect((await second.get('claims?limit=1')).status).toBe(200);
    const person = await signIn(t, 'member-services');
    for (let i = 0; i < LIMIT * 2; i++) expect((await person.get('me')).status).toBe(200);
  });
});
