import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EHR_CLIENT } from '../../src/demo/demo-accounts.js';
import { clientAssertion, demoEhr, registerSmartClient, requestToken } from '../support/fhir-clients.js';
import { signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Races only show on PostgreSQL (PGlite is one connection): run with DATABASE_URL set.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('concurrent twins at the FHIR edge', () => {
  it('the same PAS Claim submitted twice at once opens one case: the twin answers with it or is a 409, never a 500', async () => {
    const [m] = await t.ctx.database.query<{ id: string; d: string }>(
      "select id, date_of_birth::text as d from members where plan_id = 'CACOM1' and termination_date is null order by id desc limit 1",
    );
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:c',
          resource: {
            resourceType: 'Claim',
            identifier: [{ system: 'https://ehr.example/trace', value: `twin-${Date.now()}` }],
            status: 'active',
            type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'pharmacy' }] },
            use: 'preauthorization',
            patient: { reference: 'urn:uuid:p' },
            created: '2026-11-20',
            provider: { reference: 'urn:uuid:dr' },
            priority: { coding: [{ code: 'normal' }] },
            insurance: [{ sequence: 1, focal: true, coverage: { reference: 'urn:uuid:cov' } }],
            item: [
              {
                sequence: 1,
                productOrService: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '00169413211' }] },
              },
            ],
          },
        },
        { fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', birthDate: m.d } },
        {
          fullUrl: 'urn:uuid:cov',
          resource: {
            resourceType: 'Coverage',
            status: 'active',
            subscriberId: m.id,
            beneficiary: { reference: 'urn:uuid:p' },
            payor: [{ display: 'x' }],
          },
        },
        {
          fullUrl: 'urn:uuid:dr',
          resource: {
            resourceType: 'Practitioner',
            identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: DEMO_EHR_CLIENT.prescriberNpis[0] }],
          },
        },
      ],
    };
    const replies = await Promise.all(Array.from({ length: 4 }, () => demoEhr(t).post('/fhir/Claim/$submit', bundle)));
    expect(
      replies.every((r) => r.status === 200 || r.status === 409),
      JSON.stringify(replies.map((r) => r.status)),
    ).toBe(true);
    const cases = await t.ctx.database.query<{ n: string }>(
      "select count(*)::text as n from pa_requests where member_id = $1 and channel = 'epa'",
      [m.id],
    );
    expect(cases[0].n).toBe('1');
  });

  it('one client assertion used twice at once gets exactly one token', async () => {
    const admin = await signIn(t, 'admin');
    const c = await registerSmartClient(t, admin, { scopes: ['system/Claim.c'] });
    const assertion = await clientAssertion(c, t.clock.now());
    const form = {
      grant_type: 'client_credentials',
      scope: 'system/Claim.c',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    };
    const replies = await Promise.all([requestToken(t, form), requestToken(t, form), requestToken(t, form)]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });
});
