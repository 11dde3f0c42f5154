import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/platform/dates.js';
import { DEMO } from '../../src/demo/demo-data.js';
import { questionnaireResponse } from '../support/fhir.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import { signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Ozempic 0.25/0.5 mg pen: PA glp1-t2dm, approved for 365 days when every criterion is met.
const OZEMPIC = DEMO.ndcs.semaglutidePenLow;
const meetsGlp1 = questionnaireResponse({
  dx: { code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
  a1c: { decimal: 8.2 },
  'a1c-date': '2026-10-15',
  'metformin-contra': true,
  'metformin-contra-detail': 'Lactic acidosis risk: eGFR 28',
  'weight-only': false,
});

let t: TestApp;
let prescriber: ApiClient;
let admin: ApiClient;
const prescriberNpi = DEMO.prescribers.primaryCare;
const memberId = DEMO.members.ihss;

async function setClock(instant: string) {
  const r = await admin.post('test/clock', { set: instant });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi, displayName: 'Dr. Renewal' });
  admin = await signIn(t, 'admin');
});
afterAll(() => t?.close());

describe('the case view tells when a renewal can be sent', () => {
  it('an approved case shows its authorization and the renewal window; renewals are accepted from that day', async () => {
    const started = await prescriber.post('pa-requests', {
      memberId,
      prescriberNpi,
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.renewal).toBeNull();

    const approved = await prescriber.post(`pa-requests/${started.body.id}/submit`, { answers: meetsGlp1 });
    expect(approved.body.status).toBe('approved');
    const { authorizationNumber, effectiveTo } = approved.body.determination;
    const opensOn = addDays(effectiveTo, -60); // the demo plans' renewalWindowDays
    expect(approved.body.renewal).toEqual({ authorizationNumber, effectiveTo, opensOn, open: false });

    const early = await prescriber.post('pa-requests', {
      memberId,
      prescriberNpi,
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
      renewalOf: authorizationNumber,
    });
    expect(expectProblem(early, 409, 'RENEWAL_WINDOW_NOT_OPEN').firstAllowedDate).toBe(opensOn);

    // The day before the window opens (09:00 in California), still closed …
    await setClock(`${addDays(opensOn, -1)}T17:00:00.000Z`);
    expect((await prescriber.get(`pa-requests/${started.body.id}`)).body.renewal).toMatchObject({
      opensOn,
      open: false,
    });
    // … and open on opensOn, when a renewal is accepted.
    await setClock(`${opensOn}T17:00:00.000Z`);
    expect((await prescriber.get(`pa-requests/${started.body.id}`)).body.renewal).toMatchObject({
      opensOn,
      open: true,
    });
    const renewal = await prescriber.post('pa-requests', {
      memberId,
      prescriberNpi,
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
      renewalOf: authorizationNumber,
    });
    expect(renewal.status, JSON.stringify(renewal.body)).toBe(201);
    expect(renewal.body.renewalOf).toBe(authorizationNumber);
    // The renewal starts from the renewed case's answers, as a draft the prescriber reviews.
    expect(renewal.body.status).toBe('awaiting-answers');
    expect(renewal.body.answers).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      status: 'in-progress',
      item: meetsGlp1.item,
    });
    expect(renewal.body.history[0]).toMatchObject({
      action: 'initiated',
      details: { renewalOf: authorizationNumber, answersFrom: started.body.id },
    });
    // … judged as of today: the carried HbA1c (2026-10-15) is now older than 6 months, so the
    // renewal goes to a clinician unless the prescriber updates it.
    const renewed = await prescriber.post(`pa-requests/${renewal.body.id}/submit`, {});
    expect(renewed.body.status).toBe('in-review');
    const glycemic = renewed.body.criteriaEvaluation.evaluation.rules.find((r: { id: string }) => r.id === 'glycemic');
    expect(glycemic).toMatchObject({ result: 'not-met', values: { 'a1c-date': '2026-10-15' } });
  });
});
