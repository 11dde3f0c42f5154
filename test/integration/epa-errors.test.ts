import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EPA_HUB } from '../../src/demo/demo-accounts.js';
import { registerEhrClient } from '../../src/ehr-clients/register-ehr-client.js';
import { signClientToken } from '../../src/fhir/smart/client-tokens.js';
import {
  appealBody,
  cancelBody,
  envelope,
  GLP1_MEETS,
  GLP1_NEEDS_REVIEW,
  initiationBody,
  paRequestBody,
  sendScript,
} from '../support/epa.js';
import { importMembers, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const OZEMPIC = '00169413211';
const NPI = DEMO_EPA_HUB.prescriberNpis[0];
const OTHER_NPI = DEMO_EPA_HUB.prescriberNpis[1];
const KEY = DEMO_EPA_HUB.apiKey;
const DOB = '1970-01-15';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

let t: TestApp;
let ids: string[];
let next = 0;
beforeAll(async () => {
  t = await createTestApp();
  ids = await importMembers(t, { planId: 'IHSS01', prefix: 'EPB', count: 40 });
});
afterAll(() => t.close());

const init = (o: Partial<Parameters<typeof initiationBody>[0]> = {}) =>
  envelope(initiationBody({ memberId: ids[next++], dateOfBirth: DOB, npi: NPI, ndc: OZEMPIC, ...o }));

async function send(xml: string, key = KEY) {
  const r = await sendScript(t.app, key, xml);
  expect(r.status, r.raw).toBe(200);
  return r.script!;
}

async function errorOf(xml: string, key = KEY) {
  const s = await send(xml, key);
  expect(s.transaction, JSON.stringify(s.body)).toBe('Error');
  return s.body as { Code: string; DescriptionCode: string; Description: string };
}

async function openCase(answers = GLP1_NEEDS_REVIEW) {
  const caseId = (await send(init())).body.Response.Open.PAReferenceID as string;
  await send(envelope(paRequestBody({ caseId, npi: NPI, answers })));
  return caseId;
}

describe('SCRIPT Error answers (never a 500)', () => {
  it('the database out of reach for a moment is Error 601 UNAVAILABLE (resend), and the resend is answered afresh', async () => {
    const real = t.ctx.reference.get.bind(t.ctx.reference);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    t.ctx.reference.get = () => Promise.reject(refused);
    const xml = init();
    let e: Awaited<ReturnType<typeof errorOf>>;
    try {
      e = await errorOf(xml);
    } finally {
      t.ctx.reference.get = real;
    }
    expect(e).toMatchObject({ Code: '601', DescriptionCode: 'UNAVAILABLE' });
    expect(e.Description).not.toContain('ECONNREFUSED');
    // The message was given back: the same message, sent again, opens the case.
    expect((await send(xml)).body.Response.Open.PAReferenceID).toBeTruthy();
  });

  it('malformed XML and a schema-invalid message are an Error naming the element, related to the message', async () => {
    const e1 = await errorOf('<Message><Header>');
    expect(e1).toMatchObject({ Code: '900', DescriptionCode: 'SCHEMA' });
    expect(e1.Description).toMatch(/^Message: is not well-formed XML/);
    const xml = init().replace(/<DaysSupply>28<\/DaysSupply>/, '');
    const s = await send(xml);
    expect(s.transaction).toBe('Error');
    expect(s.body.Description).toContain(
      'Message/Body/PAInitiationRequest/MedicationPrescribed/DaysSupply: is required',
    );
    expect(s.Header.RelatesToMessageID).toBe(/<MessageID>([^<]+)</.exec(xml)![1]);
  });

  it('a body that is not XML at all is an Error too; a JSON body is 415', async () => {
    expect((await errorOf('{"not":"xml"}')).DescriptionCode).toBe('SCHEMA');
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/epa',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      payload: { a: 1 },
    });
    expect(r.statusCode).toBe(415);
  });

  it('an unknown patient, a wrong date of birth, or another plan\'s BIN is "not found"', async () => {
    expect((await errorOf(init({ memberId: 'NOPE0001' }))).DescriptionCode).toBe('PATIENT_NOT_FOUND');
    const wrongDob = await errorOf(init({ dateOfBirth: '1980-02-02' }));
    expect(wrongDob.DescriptionCode).toBe('PATIENT_NOT_FOUND');
    expect(wrongDob.Description).toContain('CardholderID');
    const otherBin = init().replace(
      '<CardholderID>',
      '<PayerIdentification><ProcessorIdentificationNumber>999999</ProcessorIdentificationNumber></PayerIdentification><CardholderID>',
    );
    const e = await errorOf(otherBin);
    expect(e.DescriptionCode).toBe('PLAN_NOT_FOUND');
    expect(e.Description).toContain('ProcessorIdentificationNumber');
  });

  it('an NDC not in the catalog names the product code', async () => {
    const e = await errorOf(init({ ndc: '00000000000' }));
    expect(e.DescriptionCode).toBe('DRUG_NOT_FOUND');
    expect(e.Description).toContain('DrugCoded/ProductCode/Code');
  });

  it('a hub not registered for the prescriber is refused; another hub cannot touch the case', async () => {
    const { apiKey } = await registerEhrClient(
      t.ctx,
      { username: 'test', role: 'admin' },
      {
        name: 'Narrow hub',
        scopes: ['epa'],
        prescriberNpis: [OTHER_NPI],
        withApiKey: true,
      },
    );
    const e = await errorOf(init(), apiKey);
    expect(e.DescriptionCode).toBe('PRESCRIBER_NOT_ALLOWED');
    expect(e.Description).toContain('Prescriber/NonVeterinarian/Identification/NPI');
    const caseId = (await send(init())).body.Response.Open.PAReferenceID;
    const wide = await registerEhrClient(
      t.ctx,
      { username: 'test', role: 'admin' },
      {
        name: 'Wide hub',
        scopes: ['epa'],
        prescriberNpis: [NPI],
        withApiKey: true,
      },
    );
    const other = await errorOf(envelope(paRequestBody({ caseId, npi: NPI, answers: GLP1_MEETS })), wide.apiKey);
    expect(other.DescriptionCode).toBe('CASE_NOT_FOUND');
  });

  it('answers that do not fit the question set name the element; the case stays open', async () => {
    const caseId = (await send(init())).body.Response.Open.PAReferenceID;
    const e = await errorOf(envelope(paRequestBody({ caseId, npi: NPI, answers: { ...GLP1_MEETS, dx: ['Z99'] } })));
    expect(e.DescriptionCode).toBe('SCHEMA');
    expect(e.Description).toContain('QuestionSet/Question[1]/QuestionResponse/SelectedChoice/ChoiceID');
    const ok = await send(envelope(paRequestBody({ caseId, npi: NPI, answers: GLP1_MEETS })));
    expect(ok.body.Response.Approved).toBeDefined();
  });

  it('OAuth client credentials: a valid access token with the epa scope is accepted, an expired one is 401', async () => {
    const [hub] = await t.ctx.database.query<{ id: string }>("select id from ehr_clients where client_id = 'demo-hub'");
    const claims = { clientRowId: hub.id, clientId: 'demo-hub', scopes: ['epa'] };
    const fresh = await signClientToken(claims, t.ctx.config.jwtSecret, t.clock.now());
    expect((await sendScript(t.app, fresh, init())).script!.transaction).toBe('PAInitiationResponse');
    const old = await signClientToken(claims, t.ctx.config.jwtSecret, new Date(t.clock.now().getTime() - 3_600_000));
    const r = await sendScript(t.app, old, init());
    expect(r.status).toBe(401);
    const rtpbOnly = await signClientToken({ ...claims, scopes: ['rtpb'] }, t.ctx.config.jwtSecret, t.clock.now());
    expect((await sendScript(t.app, rtpbOnly, init())).status).toBe(403);
  });
});

describe('PACancelRequest and PAAppealRequest', () => {
  it('cancel withdraws an open case (the portals show it cancelled); a second cancel is an Error', async () => {
    const caseId = await openCase();
    const r = await send(envelope(cancelBody(caseId, NPI)));
    expect(r.transaction).toBe('PACancelResponse');
    expect(r.body.Response.Cancelled).toBeDefined();
    const prescriber = await signIn(t, 'prescriber', { npi: NPI });
    expect((await prescriber.get(`pa-requests/${caseId}`)).body).toMatchObject({ status: 'cancelled', channel: 'epa' });
    expect((await errorOf(envelope(cancelBody(caseId, NPI)))).DescriptionCode).toBe('INVALID_STATE');
  });

  it('an appeal of a denial is filed with its documents (the portal lists it); an appeal of an open case is an Error', async () => {
    const caseId = await openCase();
    expect((await errorOf(envelope(appealBody(caseId, NPI, 'Please reconsider')))).DescriptionCode).toBe(
      'INVALID_STATE',
    );
    const pharmacist = await signIn(t, 'reviewer-pharmacist');
    await pharmacist.post(`pa-requests/${caseId}/assign`, {});
    await pharmacist.post(`pa-requests/${caseId}/determination`, { decision: 'denied', reasons: ['HbA1c below 7%.'] });
    const attachment = `<Attachment><MIMEType>application/pdf</MIMEType><Description>labs.pdf</Description><AttachmentData>${PDF}</AttachmentData></Attachment>`;
    const r = await send(
      envelope(appealBody(caseId, NPI, 'HbA1c was 8.1% on repeat testing; lab report attached.', attachment)),
    );
    expect(r.transaction, JSON.stringify(r.body)).toBe('PAAppealResponse');
    const appealId = r.body.Response.Received.AppealID;
    expect(appealId).toMatch(/^apl_/);
    expect(Date.parse(r.body.Response.Received.DueTime.DateTime)).toBeGreaterThan(t.clock.now().getTime());
    const prescriber = await signIn(t, 'prescriber', { npi: NPI });
    const appeal = await prescriber.get(`appeals/${appealId}`);
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(200);
    expect(appeal.body).toMatchObject({ paRequestId: caseId, filedBy: 'prescriber' });
    expect(appeal.body.attachments).toHaveLength(1);
  });

  it('a document that is not a PDF or image is refused naming the attachment, before anything changes', async () => {
    const caseId = (await send(init())).body.Response.Open.PAReferenceID;
    const bad = `<Attachment><MIMEType>application/pdf</MIMEType><AttachmentData>${Buffer.from('hello').toString('base64')}</AttachmentData></Attachment>`;
    const e = await errorOf(envelope(paRequestBody({ caseId, npi: NPI, answers: GLP1_MEETS, attachments: bad })));
    expect(e.Description).toContain('PARequest/Attachment/AttachmentData');
    const prescriber = await signIn(t, 'prescriber', { npi: NPI });
    expect((await prescriber.get(`pa-requests/${caseId}`)).body.status).toBe('awaiting-answers');
  });
});

describe('RTPB', () => {
  const rtpb = (memberId: string) =>
    envelope(
      initiationBody({ memberId, dateOfBirth: DOB, npi: NPI, ndc: OZEMPIC }).replace(
        /PAInitiationRequest>/g,
        'RTPBRequest>',
      ),
    );

  it('answers the coverage dry run: retail pay as GET /coverage says, mail pay, and the authorization on file after an approval', async () => {
    const memberId = ids[next++];
    const before = await sendScript(t.app, KEY, rtpb(memberId), '/api/v1/rtpb');
    expect(before.script!.transaction, before.raw).toBe('RTPBResponse');
    const med = before.script!.body.MedicationRequested;
    const staff = await signIn(t, 'member-services');
    const coverage = await staff.get(`coverage?memberId=${memberId}&productId=${OZEMPIC}&quantity=3&daysSupply=28`);
    const pay = Object.fromEntries(
      ([] as any[]).concat(med.PricingAndCoverage).map((p: any) => [p.PharmacyType, p.EstimatedPatientPay]),
    );
    expect(pay.Retail).toBe(coverage.body.estimatedPatientPay);
    expect(pay.MailOrder).toMatch(/^\d+\.\d{2}$/);
    expect(med.CoverageRestrictions.PriorAuthorizationRequired).toBe('true');
    expect(med.CoverageRestrictions.AuthorizationOnFile).toBeUndefined();
    expect(before.script!.body.Alternatives.Alternative.length).toBeLessThanOrEqual(5);

    const caseId = (await send(envelope(initiationBody({ memberId, dateOfBirth: DOB, npi: NPI, ndc: OZEMPIC })))).body
      .Response.Open.PAReferenceID;
    const approved = await send(envelope(paRequestBody({ caseId, npi: NPI, answers: GLP1_MEETS })));
    const number = approved.body.Response.Approved.AuthorizationNumber;
    const after = await sendScript(t.app, KEY, rtpb(memberId), '/api/v1/rtpb');
    expect(after.script!.body.MedicationRequested.CoverageRestrictions.AuthorizationOnFile.AuthorizationNumber).toBe(
      number,
    );
  });

  it('an unknown patient is an Error; a client without the rtpb scope is 403; ePA messages are refused on /rtpb', async () => {
    const e = await sendScript(t.app, KEY, rtpb('NOPE0002'), '/api/v1/rtpb');
    expect(e.script!.body.DescriptionCode).toBe('PATIENT_NOT_FOUND');
    const { apiKey } = await registerEhrClient(
      t.ctx,
      { username: 'test', role: 'admin' },
      {
        name: 'ePA only',
        scopes: ['epa'],
        prescriberNpis: [NPI],
        withApiKey: true,
      },
    );
    expect((await sendScript(t.app, apiKey!, rtpb(ids[0]), '/api/v1/rtpb')).status).toBe(403);
    const wrong = await sendScript(t.app, KEY, init(), '/api/v1/rtpb');
    expect(wrong.script!.body.Description).toContain('POST /api/v1/epa');
  });
});
