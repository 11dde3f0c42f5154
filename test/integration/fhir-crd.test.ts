import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { demoEhr, FHIR_JSON } from '../support/fhir-clients.js';
import { ApiClient } from '../support/http.js';
import { signIn } from '../support/scenario.js';
import { hasSharedExamples, listExamples, readExample } from '../support/shared-examples.js';

/** The CRD IG's example files (../shared/examples/crd): in CI their absence fails the run, locally these tests skip. */
const hasCrd = hasSharedExamples('crd');
import { createTestApp, type TestApp } from '../support/test-app.js';

const IHSS = DEMO_ACCOUNTS.members.find((m) => m.memberId && m.note?.includes('IHSS01'))!;
const OZEMPIC_NDC = '00169413211';
const LISINOPRIL_NDC = '76282041901';
const COVERAGE_INFO = 'http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information';

let t: TestApp;
let dob: string;
beforeAll(async () => {
  t = await createTestApp();
  [{ date_of_birth: dob }] = await t.ctx.database.query<{ date_of_birth: string }>(
    'select date_of_birth::text from members where id = $1',
    [IHSS.memberId],
  );
});
afterAll(() => t.close());

function medicationRequest(id: string, ndc: string, quantity = 3, days = 28) {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: ndc }] },
    subject: { reference: 'Patient/p1' },
    dispenseRequest: {
      quantity: { value: quantity },
      expectedSupplyDuration: { value: days, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
    },
  };
}

function hookRequest(
  hook: string,
  orders: unknown[],
  prefetch: Record<string, unknown> | undefined,
  extra: Record<string, unknown> = {},
) {
  return {
    hook,
    hookInstance: crypto.randomUUID(),
    context: {
      userId: 'Practitioner/dr-park',
      patientId: 'p1',
      draftOrders: { resourceType: 'Bundle', type: 'collection', entry: orders.map((resource) => ({ resource })) },
      ...(hook === 'order-select' ? { selections: orders.map((o: any) => `MedicationRequest/${o.id}`) } : {}),
    },
    ...(prefetch ? { prefetch } : {}),
    ...extra,
  };
}

const patient = () => ({ resourceType: 'Patient', id: 'p1', birthDate: dob });
const coverage = () => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: [
    {
      resource: {
        resourceType: 'Coverage',
        id: 'cov1',
        status: 'active',
        subscriberId: IHSS.memberId,
        beneficiary: { reference: 'Patient/p1' },
        payor: [{ display: 'Poppy Health Plan' }],
      },
    },
  ],
});

const coverageInfo = (action: any) =>
  Object.fromEntries(
    action.resource.extension
      .find((e: any) => e.url === COVERAGE_INFO)
      .extension.map((e: any) => [
        e.url,
        e.valueCode ?? e.valueString ?? e.valueCanonical ?? e.valueDate ?? e.valueReference?.reference,
      ]),
  );

describe('CDS Hooks discovery', () => {
  it('GET /cds-services lists order-select and order-sign with Patient, Coverage and MedicationRequest prefetch', async () => {
    const r = await new ApiClient(t.app).get('/cds-services');
    expect(r.status).toBe(200);
    const byHook = Object.fromEntries(r.body.services.map((s: any) => [s.hook, s]));
    for (const hook of ['order-select', 'order-sign']) {
      expect(Object.keys(byHook[hook].prefetch).sort()).toEqual(['coverage', 'medicationRequests', 'patient']);
      expect(byHook[hook].prefetch.patient).toBe('Patient/{{context.patientId}}');
    }
  });

  it.skipIf(!hasCrd)(
    'the discovery response has the shape of the CRD IG’s CRDServices.json (../shared/examples/crd)',
    async () => {
      const example = readExample('crd/CRDServices.json');
      const { body } = await new ApiClient(t.app).get('/cds-services');
      const keys = (o: object) => Object.keys(o).sort();
      expect(keys(body)).toEqual(keys(example));
      const required = ['hook', 'id', 'description', 'prefetch', 'title', 'extension'];
      for (const s of [...example.services, ...body.services]) for (const k of required) expect(s, k).toHaveProperty(k);
      for (const s of body.services) {
        expect(Object.keys(s).every((k) => keys(example.services[0]).includes(k) || k === 'usageRequirements')).toBe(
          true,
        );
        expect(s.extension['davinci-crd.configuration-options'][0]).toEqual(
          expect.objectContaining({
            code: expect.any(String),
            type: expect.any(String),
            name: expect.any(String),
            description: expect.any(String),
          }),
        );
      }
    },
  );
});

describe('CRD order-sign and order-select on MedicationRequest', () => {
  it('Ozempic for the IHSS member: covered, PA needed, clinical documentation, the DTR questionnaire and an assertion id', async () => {
    const r = await demoEhr(t).post(
      '/cds-services/openpbm-crd-order-sign',
      hookRequest('order-sign', [medicationRequest('mr1', OZEMPIC_NDC)], { patient: patient(), coverage: coverage() }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.systemActions).toHaveLength(1);
    const info = coverageInfo(r.body.systemActions[0]);
    expect(info).toMatchObject({
      covered: 'covered',
      'pa-needed': 'auth-needed',
      'doc-needed': 'clinical',
      'doc-purpose': 'withpa',
      questionnaire: 'https://openpbm.org/Questionnaire/glp1-t2dm|1',
      coverage: 'Coverage/cov1',
      date: '2026-11-20',
    });
    expect(info['coverage-assertion-id']).toMatch(/^crd_/);
    const card = r.body.cards.find((c: any) => c.source.topic.code === 'coverage-info');
    expect(card).toMatchObject({
      indicator: 'warning',
      extension: { 'davinci-crd.associated-resource': [{ reference: 'MedicationRequest/mr1' }] },
    });
    expect(card.summary).toMatch(/prior authorization needed/);
    const audit = await t.ctx.database.query<{ details: any }>(
      "select details from audit_events where action = 'phi.read' and entity_id = $1 and details->>'via' = 'crd:order-sign'",
      [IHSS.memberId],
    );
    expect(audit.map((a) => a.details.assertions[0].assertionId)).toContain(info['coverage-assertion-id']);
  });

  it('the answer is the coverage API’s dry run: same covered/PA/tier as GET /api/v1/coverage for the member and drug', async () => {
    const staff = await signIn(t, 'member-services');
    const api = await staff.get(
      `coverage?memberId=${IHSS.memberId}&productId=${LISINOPRIL_NDC}&quantity=30&daysSupply=30`,
    );
    const r = await demoEhr(t).post(
      '/cds-services/openpbm-crd-order-select',
      hookRequest('order-select', [medicationRequest('mr2', LISINOPRIL_NDC, 30, 30)], {
        patient: patient(),
        coverage: coverage(),
      }),
    );
    const info = coverageInfo(r.body.systemActions[0]);
    expect(info.covered).toBe(api.body.covered ? 'covered' : 'not-covered');
    expect(info['pa-needed']).toBe(api.body.priorAuthorizationRequired ? 'auth-needed' : 'no-auth');
    expect(r.body.cards[0].detail).toContain(api.body.message);
  });

  it('missing prefetch and no fhirServer: a card saying what is missing, no coverage information', async () => {
    const r = await demoEhr(t).post(
      '/cds-services/openpbm-crd-order-sign',
      hookRequest('order-sign', [medicationRequest('mr3', OZEMPIC_NDC)], undefined),
    );
    expect(r.status).toBe(200);
    expect(r.body.systemActions).toEqual([]);
    expect(r.body.cards).toHaveLength(1);
    expect(r.body.cards[0].summary).toMatch(/need the patient and coverage/);
    expect(r.body.cards[0].detail).toMatch(/Patient.*Coverage|Coverage.*Patient/s);
  });

  it('missing prefetch with fhirServer + access token: OpenPBM reads Patient and Coverage from the EHR with the token', async () => {
    const seen: Array<{ url: string; auth: string | undefined }> = [];
    const server: Server = createServer((req, res) => {
      seen.push({ url: req.url!, auth: req.headers.authorization });
      res.setHeader('content-type', 'application/fhir+json');
      if (req.url!.startsWith('/fhir/Patient/p1')) res.end(JSON.stringify(patient()));
      else if (req.url!.startsWith('/fhir/Coverage')) res.end(JSON.stringify(coverage()));
      else res.writeHead(404).end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
    try {
      const r = await demoEhr(t).post(
        '/cds-services/openpbm-crd-order-sign',
        hookRequest('order-sign', [medicationRequest('mr4', OZEMPIC_NDC)], undefined, {
          fhirServer: base,
          fhirAuthorization: {
            access_token: 'ehr-token-123',
            token_type: 'Bearer',
            expires_in: 300,
            scope: 'system/Patient.read system/Coverage.read',
            subject: 'openpbm',
          },
        }),
      );
      expect(r.status).toBe(200);
      expect(coverageInfo(r.body.systemActions[0]).covered).toBe('covered');
      expect(seen.map((s) => s.url.split('?')[0]).sort()).toEqual(['/fhir/Coverage', '/fhir/Patient/p1']);
      expect(seen.every((s) => s.auth === 'Bearer ehr-token-123')).toBe(true);
    } finally {
      server.close();
    }
  });

  it('a patient whose date of birth does not match the member is not identified (no other person’s benefit is disclosed)', async () => {
    const r = await demoEhr(t).post(
      '/cds-services/openpbm-crd-order-sign',
      hookRequest('order-sign', [medicationRequest('mr5', OZEMPIC_NDC)], {
        patient: { ...patient(), birthDate: '1900-01-01' },
        coverage: coverage(),
      }),
    );
    expect(r.body.systemActions).toEqual([]);
    expect(r.body.cards[0].summary).toMatch(/not found/);
  });

  it.each([
    [{ hook: 'order-sign' }, 'hookInstance'],
    [{ hook: 'order-select', hookInstance: 'x', context: {} }, 'hook'],
    [{ hook: 'order-sign', hookInstance: 'x' }, 'context'],
    [
      {
        hook: 'order-sign',
        hookInstance: 'x',
        context: {},
        fhirAuthorization: { access_token: 'a', token_type: 'Bearer' },
      },
      'fhirServer',
    ],
  ])('a malformed hook request %j is a 400 OperationOutcome naming %s', async (body, element) => {
    const r = await demoEhr(t).post('/cds-services/openpbm-crd-order-sign', body);
    expect(r.status).toBe(400);
    expect(r.body.resourceType).toBe('OperationOutcome');
    expect(r.body.issue.flatMap((i: any) => i.expression ?? [])).toContain(element);
  });

  it('without credentials a hook call is 401; a member token is 403', async () => {
    const anonymous = await new ApiClient(t.app).post(
      '/cds-services/openpbm-crd-order-sign',
      hookRequest('order-sign', [], undefined),
    );
    expect(anonymous.status).toBe(401);
    const member = await signIn(t, 'member', { memberId: IHSS.memberId });
    const forbidden = await member.post(
      '/cds-services/openpbm-crd-order-sign',
      hookRequest('order-sign', [], undefined),
    );
    expect(forbidden.status).toBe(403);
  });
});

describe.skipIf(!hasCrd)(
  'the CRD IG example requests (../shared/examples/crd) are accepted and answered with cards',
  () => {
    const services: Record<string, string> = {
      'order-sign': 'openpbm-crd-order-sign',
      'order-select': 'openpbm-crd-order-select',
      'order-dispatch': 'openpbm-crd-order-dispatch',
      'appointment-book': 'openpbm-crd-appointment-book',
    };
    it.each(hasCrd ? listExamples('crd', /^CRDServiceRequest/) : [])('%s', async (file) => {
      const request = readExample(`crd/${file}`);
      const r = await demoEhr(t).post(`/cds-services/${services[request.hook]}`, request, FHIR_JSON);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(Array.isArray(r.body.cards)).toBe(true);
      expect(r.body.cards.length).toBeGreaterThan(0);
      for (const card of r.body.cards) {
        expect(card).toEqual(
          expect.objectContaining({
            uuid: expect.any(String),
            summary: expect.any(String),
            indicator: expect.stringMatching(/^(info|warning|critical)$/),
            source: expect.objectContaining({ label: expect.any(String) }),
          }),
        );
        expect(card.summary.length).toBeLessThanOrEqual(140);
      }
      // The documented response keys only (CRDServiceResponse*.json).
      const allowed = new Set(
        listExamples('crd', /^CRDServiceResponse/).flatMap((f) => Object.keys(readExample(`crd/${f}`))),
      );
      for (const k of Object.keys(r.body)) expect(allowed).toContain(k);
    });
  },
);
