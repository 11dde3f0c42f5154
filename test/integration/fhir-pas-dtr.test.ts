import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_EHR_CLIENT } from '../../src/demo/demo-accounts.js';
import { runSweeps } from '../../src/composition/run-sweeps.js';
import { demoEhr, FHIR_JSON } from '../support/fhir-clients.js';
import { glp1Answers } from '../support/fhir.js';
import { ApiClient } from '../support/http.js';
import { signIn } from '../support/scenario.js';
import { hasSharedExamples, listExamples, readExample } from '../support/shared-examples.js';

import { createTestApp, type TestApp } from '../support/test-app.js';

/** The public PAS and DTR example files (../shared/examples): in CI their absence fails the run, locally these tests skip. */
const hasPas = hasSharedExamples('pas');
const hasDtr = hasSharedExamples('dtr');

const IHSS = DEMO_ACCOUNTS.members.find((m) => m.note?.includes('IHSS01'))!;
const COMMERCIAL = DEMO_ACCOUNTS.members.find((m) => m.note?.includes('CACOM1'))!;
const PRESCRIBER = DEMO_EHR_CLIENT.prescriberNpis[0];
const OZEMPIC_NDC = '00169413211';
const LISINOPRIL_NDC = '76282041901';
const GLP1_Q = 'https://openpbm.org/Questionnaire/glp1-t2dm';
const X12_306 = 'https://codesystem.x12.org/005010/306';
const PA_REQUEST = 'https://openpbm.org/fhir/sid/pa-request';

let t: TestApp;
const dob: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  for (const m of [IHSS, COMMERCIAL]) {
    const [row] = await t.ctx.database.query<{ d: string }>(
      'select date_of_birth::text as d from members where id = $1',
      [m.memberId],
    );
    dob[m.memberId!] = row.d;
  }
});
afterAll(() => t.close());

let freshOffset = 0;
/** An IHSS member none of the other tests use (no authorization yet). */
async function freshMember(): Promise<string> {
  const [m] = await t.ctx.database.query<{ id: string; d: string }>(
    "select id, date_of_birth::text as d from members where plan_id = 'IHSS01' and termination_date is null and id <> $1 order by id offset $2 limit 1",
    [IHSS.memberId, freshOffset++],
  );
  dob[m.id] = m.d;
  return m.id;
}

let trace = 0;
/** A PAS request Bundle for a drug: Claim (NDC item) + Patient + Coverage + prescriber + optional DTR answers. */
function pasBundle(o: {
  memberId: string;
  ndc: string;
  answers?: unknown;
  urgent?: boolean;
  traceNumber?: string;
  npi?: string;
}) {
  const traceNumber = o.traceNumber ?? `T${Date.now()}${++trace}`;
  const entries: any[] = [
    {
      fullUrl: 'urn:uuid:claim-1',
      resource: {
        resourceType: 'Claim',
        id: 'claim-1',
        meta: { profile: ['http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-claim'] },
        ...(o.urgent
          ? {
              extension: [
                {
                  url: 'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-levelOfServiceCode',
                  valueCodeableConcept: { coding: [{ system: 'http://codesystem.x12.org/005010/1338', code: 'U' }] },
                },
              ],
            }
          : {}),
        identifier: [{ system: 'https://ehr.example/PATIENT_EVENT_TRACE_NUMBER', value: traceNumber }],
        status: 'active',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'pharmacy' }] },
        use: 'preauthorization',
        patient: { reference: 'urn:uuid:patient-1' },
        created: '2026-11-20T09:00:00-08:00',
        insurer: { reference: 'urn:uuid:insurer-1' },
        provider: { reference: 'urn:uuid:prescriber-1' },
        priority: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/processpriority', code: 'normal' }] },
        careTeam: [{ sequence: 1, provider: { reference: 'urn:uuid:prescriber-1' } }],
        insurance: [{ sequence: 1, focal: true, coverage: { reference: 'urn:uuid:coverage-1' } }],
        item: [
          {
            sequence: 1,
            productOrService: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: o.ndc }] },
            quantity: { value: 3 },
          },
        ],
      },
    },
    {
      fullUrl: 'urn:uuid:patient-1',
      resource: {
        resourceType: 'Patient',
        id: 'patient-1',
        birthDate: dob[o.memberId],
        identifier: [{ value: o.memberId }],
      },
    },
    {
      fullUrl: 'urn:uuid:insurer-1',
      resource: { resourceType: 'Organization', id: 'insurer-1', name: 'Poppy Health Plan' },
    },
    {
      fullUrl: 'urn:uuid:coverage-1',
      resource: {
        resourceType: 'Coverage',
        id: 'coverage-1',
        status: 'active',
        subscriberId: o.memberId,
        beneficiary: { reference: 'urn:uuid:patient-1' },
        payor: [{ reference: 'urn:uuid:insurer-1' }],
      },
    },
    {
      fullUrl: 'urn:uuid:prescriber-1',
      resource: {
        resourceType: 'Practitioner',
        id: 'prescriber-1',
        identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: o.npi ?? PRESCRIBER }],
      },
    },
  ];
  if (o.answers) entries.push({ fullUrl: 'urn:uuid:qr-1', resource: o.answers });
  return {
    resourceType: 'Bundle',
    meta: { profile: ['http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-request-bundle'] },
    identifier: { system: 'https://ehr.example/SUBMITTER_TRANSACTION_IDENTIFIER', value: traceNumber },
    type: 'collection',
    timestamp: '2026-11-20T09:00:00-08:00',
    entry: entries,
  };
}

const answers = (a1c: number, status: 'completed' | 'in-progress' = 'completed') => ({
  ...glp1Answers({ a1c, contraindication: 'eGFR 25' }),
  status,
  questionnaire: GLP1_Q,
});

function itemAction(bundle: any) {
  const cr = bundle.entry[0].resource;
  const review = cr.item[0].adjudication[0].extension.find((e: any) => e.url.endsWith('extension-reviewAction'));
  const code = review.extension.find((e: any) => e.url.endsWith('reviewActionCode')).valueCodeableConcept.coding[0];
  const number = review.extension.find((e: any) => e.url === 'number')?.valueString;
  const caseId = cr.identifier.find((i: any) => i.system === PA_REQUEST)?.value;
  return {
    cr,
    code: code.code as string,
    system: code.system as string,
    number: number as string | undefined,
    caseId: caseId as string | undefined,
  };
}

describe('PAS Claim/$submit for drugs: one pipeline with the portals', () => {
  it('a drug Claim with complete DTR answers that meet the criteria is approved in the response (A1 with the authorization number)', async () => {
    const r = await demoEhr(t).post(
      '/fhir/Claim/$submit',
      pasBundle({ memberId: IHSS.memberId!, ndc: OZEMPIC_NDC, answers: answers(8.4) }),
      FHIR_JSON,
    );
    expect(r.status, JSON.stringify(r.body).slice(0, 2000)).toBe(200);
    expect(r.body.meta.profile).toEqual([
      'http://hl7.org/fhir/us/davinci-pas/StructureDefinition/profile-pas-response-bundle',
    ]);
    const { cr, code, system, number, caseId } = itemAction(r.body);
    expect(cr.resourceType).toBe('ClaimResponse');
    expect([system, code]).toEqual([X12_306, 'A1']);
    expect(number).toMatch(/^PA/);
    expect(cr.preAuthRef).toBe(number);
    // The same case the prescriber portal shows, on the ePA channel, with the same authorization number.
    const prescriber = await signIn(t, 'prescriber', { npi: PRESCRIBER });
    const view = await prescriber.get(`pa-requests/${caseId}`);
    expect(view.body).toMatchObject({
      status: 'approved',
      memberId: IHSS.memberId,
      determination: { authorizationNumber: number },
    });
    expect(view.body.history[0].actor).toBe('ehr:demo-ehr');
    // Every reference in the response resolves inside it.
    const urls = new Set(r.body.entry.map((e: any) => e.fullUrl));
    for (const ref of [cr.patient.reference, cr.insurer.reference, cr.requestor.reference]) expect(urls).toContain(ref);
  });

  it('without answers the item is pended (A4) with the case id; a QuestionnaireResponse based on it completes the case; $inquire then says A1', async () => {
    const bundle = pasBundle({ memberId: COMMERCIAL.memberId!, ndc: OZEMPIC_NDC });
    const pended = await demoEhr(t).post('/fhir/Claim/$submit', bundle);
    const first = itemAction(pended.body);
    expect(first.code).toBe('A4');
    expect(pended.body.entry[0].resource.outcome).toBe('queued');
    expect(first.caseId).toMatch(/^par_/);
    const resubmitted = itemAction((await demoEhr(t).post('/fhir/Claim/$submit', bundle)).body);
    expect(resubmitted.caseId).toBe(first.caseId); // the same case, not a second one
    const qr = { ...answers(8.4), basedOn: [{ identifier: { system: PA_REQUEST, value: first.caseId } }] };
    const created = await demoEhr(t).post('/fhir/QuestionnaireResponse', qr, FHIR_JSON);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers['x-openpbm-pa-status']).toBe('approved');
    const inquiry = await demoEhr(t).post('/fhir/Claim/$inquire', bundle);
    expect(inquiry.body.meta.profile[0]).toMatch(/inquiry-response-bundle/);
    expect(itemAction(inquiry.body).code).toBe('A1');
  });

  it('a drug that needs no PA is "no action required" (NA); a reviewer’s denial in the portal is A3 with the reasons on $inquire', async () => {
    const na = itemAction(
      (await demoEhr(t).post('/fhir/Claim/$submit', pasBundle({ memberId: IHSS.memberId!, ndc: LISINOPRIL_NDC }))).body,
    );
    expect(na.code).toBe('NA');
    expect(na.caseId).toBeUndefined();

    const bundle = pasBundle({
      memberId: DEMO_ACCOUNTS.members.find((m) => m.note?.includes('PARTD1'))!.memberId!,
      ndc: OZEMPIC_NDC,
    });
    // Part D member: not in the dob map yet.
    const partD = bundle.entry[1].resource;
    const [row] = await t.ctx.database.query<{ d: string }>(
      'select date_of_birth::text as d from members where id = $1',
      [partD.identifier[0].value],
    );
    partD.birthDate = row.d;
    bundle.entry.push({ fullUrl: 'urn:uuid:qr-1', resource: answers(6.1) });
    const review = itemAction((await demoEhr(t).post('/fhir/Claim/$submit', bundle)).body);
    expect(review.code).toBe('A4'); // HbA1c below 7: clinical review
    const physician = await signIn(t, 'reviewer-physician');
    await physician.post(`pa-requests/${review.caseId}/assign`, {});
    const decided = await physician.post(`pa-requests/${review.caseId}/determination`, {
      decision: 'denied',
      reasons: ['HbA1c is below 7 %.'],
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const inquiry = await demoEhr(t).post('/fhir/Claim/$inquire', bundle);
    const denied = itemAction(inquiry.body);
    expect(denied.code).toBe('A3');
    expect(denied.cr.processNote[0].text).toContain('HbA1c is below 7 %.');
  });

  it('a member who is not OpenPBM’s gets a ClaimResponse with outcome error and X12 reject reason 75', async () => {
    const b = pasBundle({ memberId: IHSS.memberId!, ndc: OZEMPIC_NDC });
    b.entry[1].resource.birthDate = '1901-01-01';
    const r = await demoEhr(t).post('/fhir/Claim/$submit', b);
    expect(r.status).toBe(200);
    expect(r.body.entry[0].resource).toMatchObject({
      outcome: 'error',
      error: [{ code: { coding: [{ code: '75' }] } }],
    });
  });

  it('a Claim naming a prescriber the client is not registered for is 403', async () => {
    const r = await demoEhr(t).post(
      '/fhir/Claim/$submit',
      pasBundle({ memberId: IHSS.memberId!, ndc: OZEMPIC_NDC, npi: '1234567893' }),
    );
    expect(r.status).toBe(403);
    expect(r.body.resourceType).toBe('OperationOutcome');
  });

  it('answers that do not fit the questionnaire are a 400 naming the item, and the case stays open for corrected answers', async () => {
    const bad = { ...answers(8.4), item: [{ linkId: 'a1c', answer: [{ valueString: 'high' }] }] };
    const r = await demoEhr(t).post(
      '/fhir/Claim/$submit',
      pasBundle({ memberId: await freshMember(), ndc: '00169413611', answers: bad }),
    );
    expect(r.status, JSON.stringify(r.body).slice(0, 1500)).toBe(400);
    expect(r.body.issue.some((i: any) => (i.expression ?? []).some((e: string) => e.includes('a1c')))).toBe(true);
  });
});

describe('PAS subscriptions: rest-hook notification of a pended decision', () => {
  it.skipIf(!hasPas)(
    'a decision on a pended request is POSTed to the subscriber as a backport notification with the PAS response',
    async () => {
      const received: any[] = [];
      const server: Server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push({ headers: req.headers, body: JSON.parse(body) });
          res.writeHead(200).end();
        });
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      try {
        const good = readExample('pas/test-kit-fixtures/PAS_Subscription_example_v221_good.json');
        good._criteria.extension[0].valueString = `org-identifier=${DEMO_EHR_CLIENT.organizationIdentifier}`;
        good.channel.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
        good.channel.header = ['Authorization: Bearer receiver-secret'];
        const sub = await demoEhr(t).post('/fhir/Subscription', good, FHIR_JSON);
        expect(sub.status, JSON.stringify(sub.body)).toBe(201);
        expect(sub.body.status).toBe('active');

        const bundle = pasBundle({
          memberId: await freshMember(),
          ndc: '00169413611',
          answers: answers(6.0),
          urgent: true,
        });
        const pended = itemAction((await demoEhr(t).post('/fhir/Claim/$submit', bundle)).body);
        expect(pended.code).toBe('A4');
        const pharmacist = await signIn(t, 'reviewer-pharmacist');
        await pharmacist.post(`pa-requests/${pended.caseId}/assign`, {});
        expect(
          (
            await pharmacist.post(`pa-requests/${pended.caseId}/determination`, {
              decision: 'approved',
              reasons: ['Reviewed: continue therapy.'],
            })
          ).status,
        ).toBe(200);

        const result = await runSweeps(t.ctx, t.clock.now());
        expect(result.pasNotifications.failed).toBe(0);
        expect(received.length).toBe(result.pasNotifications.delivered);
        // Every pended request decided by now is notified; ours is among them.
        const ours = received.filter((x) => itemAction(x.body.entry[1].resource).caseId === pended.caseId);
        expect(ours).toHaveLength(1);
        const n = ours[0];
        expect(n.headers.authorization).toBe('Bearer receiver-secret');
        const example = readExample('pas/ig-2.2.1-examples/Bundle-PASSubscriptionNotification.json');
        expect(n.body.type).toBe(example.type);
        const params = n.body.entry[0].resource;
        expect(params.resourceType).toBe('Parameters');
        const names = (p: any) => p.parameter.map((x: any) => x.name);
        for (const name of names(example.entry[0].resource)) expect(names(params)).toContain(name);
        expect(params.parameter.find((p: any) => p.name === 'topic').valueCanonical).toBe(
          'http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic',
        );
        expect(itemAction(n.body.entry[1].resource).code).toBe('A1');
        const delivered = received.length;
        // Delivered once: a second sweep sends nothing.
        expect((await runSweeps(t.ctx, t.clock.now())).pasNotifications).toMatchObject({ queued: 0, delivered: 0 });
        expect(received).toHaveLength(delivered);
      } finally {
        server.close();
      }
    },
  );

  it.skipIf(!hasPas).each([
    ['PAS_Subscription_example_bad_topic_and_criteria.json', 'Subscription.criteria'],
    ['PAS_Subscription_example_v221_bad.json', 'Subscription.channel.type'],
  ])('the test kit’s %s is a 400 naming %s', async (file, element) => {
    const r = await demoEhr(t).post('/fhir/Subscription', readExample(`pas/test-kit-fixtures/${file}`), FHIR_JSON);
    expect(r.status).toBe(400);
    expect(r.body.issue.flatMap((i: any) => i.expression ?? [])).toContain(element);
  });
});

describe.skipIf(!hasPas)('PAS example bundles (../shared/examples/pas)', () => {
  const requests = [
    ...(hasPas
      ? listExamples('pas/ig-2.2.1-examples', /^Bundle-.*(Authorization|Request)BundleExample\.json$/)
      : []
    ).map((f) => `pas/ig-2.2.1-examples/${f}`),
    ...(hasPas ? listExamples('pas/test-kit-fixtures', /^conformant_pas_bundle/) : []).map(
      (f) => `pas/test-kit-fixtures/${f}`,
    ),
  ];
  it.each(requests)('%s is accepted and answered with a ClaimResponse', async (file) => {
    const r = await demoEhr(t).post('/fhir/Claim/$submit', readExample(file), FHIR_JSON);
    expect(r.status, JSON.stringify(r.body).slice(0, 1000)).toBe(200);
    expect(r.body.resourceType).toBe('Bundle');
    expect(r.body.entry[0].resource.resourceType).toBe('ClaimResponse');
    // The example patients are not OpenPBM members: a clear subscriber-not-found outcome.
    expect(r.body.entry[0].resource.error[0].code.coding[0].code).toBe('75');
  });

  it.each([
    'pas/ig-2.2.1-examples/Bundle-PASClaimInquiryBundleExample.json',
    'pas/test-kit-fixtures/conformant_pas_inquire_bundle_v110.json',
  ])('%s is accepted by $inquire and answered with a ClaimResponse', async (file) => {
    const r = await demoEhr(t).post('/fhir/Claim/$inquire', readExample(file), FHIR_JSON);
    expect(r.status).toBe(200);
    expect(r.body.entry[0].resource.resourceType).toBe('ClaimResponse');
  });

  it.each([
    ['pas/test-kit-fixtures/nonconformant_pas_bundle_v110.json', 'Bundle.entry[0].resource'],
    [
      'pas/test-kit-fixtures/missing_referenced_resource_request_bundle.json',
      'Bundle.entry[0].resource.careTeam[0].provider',
    ],
    ['pas/test-kit-fixtures/valid_pa_response_bundle.json', 'Bundle.entry[0].resource'],
    ['pas/test-kit-fixtures/pas_claim.json', 'Bundle'],
  ])('the invalid request %s is a 400 OperationOutcome naming %s', async (file, element) => {
    const r = await demoEhr(t).post('/fhir/Claim/$submit', readExample(file), FHIR_JSON);
    expect(r.status).toBe(400);
    expect(r.body.resourceType).toBe('OperationOutcome');
    expect(r.body.issue.flatMap((i: any) => i.expression ?? [])).toContain(element);
  });
});

describe('DTR $questionnaire-package', () => {
  const input = (memberId: string, ndc: string) => ({
    resourceType: 'Parameters',
    meta: { profile: ['http://hl7.org/fhir/us/davinci-dtr/StructureDefinition/dtr-qpackage-input-parameters'] },
    parameter: [
      {
        name: 'coverage',
        resource: {
          resourceType: 'Coverage',
          id: 'c1',
          status: 'active',
          subscriberId: memberId,
          beneficiary: { reference: 'Patient/p1' },
          payor: [{ display: 'Poppy' }],
        },
      },
      {
        name: 'order',
        resource: {
          resourceType: 'MedicationRequest',
          id: 'm1',
          status: 'draft',
          intent: 'order',
          subject: { reference: 'Patient/p1' },
          medicationCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: ndc }] },
        },
      },
    ],
  });

  it.skipIf(!hasDtr)(
    'a drug order needing PA gets the criteria Questionnaire in a package shaped like the DTR test kit’s conformant output',
    async () => {
      const example = readExample('dtr/questionnaire_package_output_params_conformant.json');
      const r = await demoEhr(t).post(
        '/fhir/Questionnaire/$questionnaire-package',
        input(IHSS.memberId!, OZEMPIC_NDC),
        FHIR_JSON,
      );
      expect(r.status).toBe(200);
      expect(r.body.resourceType).toBe('Parameters');
      expect(r.body.meta.profile).toEqual(example.meta.profile);
      const [pkg] = r.body.parameter;
      expect(pkg.name).toBe(example.parameter[0].name);
      expect(pkg.resource.meta.profile).toEqual(example.parameter[0].resource.meta.profile);
      expect(pkg.resource.type).toBe(example.parameter[0].resource.type);
      const q = pkg.resource.entry[0].resource;
      expect(q).toMatchObject({ resourceType: 'Questionnaire', url: GLP1_Q });
    },
  );

  it('the Questionnaire prefills diagnosis and HbA1c with SDC FHIRPath from the EHR’s data (x-fhir-query variables)', async () => {
    const r = await demoEhr(t).post('/fhir/Questionnaire/$questionnaire-package', input(IHSS.memberId!, OZEMPIC_NDC));
    const q = r.body.parameter[0].resource.entry[0].resource;
    const variables = q.extension
      .filter((e: any) => e.url === 'http://hl7.org/fhir/StructureDefinition/variable')
      .map((e: any) => e.valueExpression);
    expect(variables.map((v: any) => v.language)).toEqual(['application/x-fhir-query', 'application/x-fhir-query']);
    expect(variables.find((v: any) => v.name === 'a1cObs').expression).toContain('http://loinc.org|4548-4');
    const init = (linkId: string) =>
      q.item
        .find((i: any) => i.linkId === linkId)
        .extension.find((e: any) => e.url.endsWith('sdc-questionnaire-initialExpression')).valueExpression;
    // What an SDC engine would do: the variables' query results in scope, then each initialExpression.
    const env = {
      conditions: {
        resourceType: 'Bundle',
        entry: [
          {
            resource: {
              resourceType: 'Condition',
              code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.65' }] },
            },
          },
        ],
      },
      a1cObs: {
        resourceType: 'Bundle',
        entry: [
          {
            resource: {
              resourceType: 'Observation',
              status: 'final',
              code: { coding: [{ system: 'http://loinc.org', code: '4548-4' }] },
              effectiveDateTime: '2026-10-01T10:00:00Z',
              valueQuantity: { value: 8.2, unit: '%' },
            },
          },
        ],
      },
    };
    const evalInit = (linkId: string) => {
      const e = init(linkId);
      expect(e.language).toBe('text/fhirpath');
      return fhirpath.evaluate({}, e.expression, env, r4) as unknown[];
    };
    expect(evalInit('dx')).toEqual([{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'E11.65' }]);
    expect(evalInit('a1c')).toEqual([8.2]);
    expect(String(evalInit('a1c-date')[0])).toBe('2026-10-01');
  });

  it.skipIf(!hasDtr)(
    'the DTR test kit’s conformant input (a ServiceRequest for a non-member) is accepted; the outcome says why no package applies',
    async () => {
      const example = readExample('dtr/questionnaire_package_input_params_conformant.json');
      const r = await demoEhr(t).post('/fhir/Questionnaire/$questionnaire-package', example, FHIR_JSON);
      expect(r.status).toBe(200);
      expect(r.body.meta.profile).toEqual(
        readExample('dtr/questionnaire_package_output_params_conformant.json').meta.profile,
      );
      const outcome = r.body.parameter.find((p: any) => p.name === 'outcome').resource;
      expect(outcome.issue[0].details.text).toMatch(
        /ServiceRequest\/ServiceRequestExample is not an outpatient drug order/,
      );
    },
  );

  it('a request without Coverage is a 400 naming the parameter', async () => {
    const r = await demoEhr(t).post('/fhir/Questionnaire/$questionnaire-package', {
      resourceType: 'Parameters',
      parameter: [],
    });
    expect(r.status).toBe(400);
    expect(r.body.issue[0].expression[0]).toContain('coverage');
  });

  it('a QuestionnaireResponse for another practice’s case is 404; without basedOn it is a 400', async () => {
    const other = await new ApiClient(t.app).withKey(DEMO_EHR_CLIENT.apiKey).post('/fhir/QuestionnaireResponse', {
      ...answers(8),
      basedOn: [{ identifier: { system: PA_REQUEST, value: 'par_nope' } }],
    });
    expect(other.status).toBe(404);
    const missing = await demoEhr(t).post('/fhir/QuestionnaireResponse', answers(8));
    expect(missing.status).toBe(400);
    expect(missing.body.issue[0].expression).toEqual(['QuestionnaireResponse.basedOn']);
  });
});
