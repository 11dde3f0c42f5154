import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { translationOf } from '../../src/shared/fhir-translation.js';
import { glp1Answers } from '../support/fhir.js';
import type { ApiClient, Reply } from '../support/http.js';
import { glp1Draft, members, ndcsWhere, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * docs/design.md#portal-language, issue #14 item 11: the case view carries what a screen in Spanish
 * needs to say everything in Spanish — the criteria set's translations of its own words, and the
 * decision's reasons in both languages — and whom it is about by name. Partners keep every field
 * they had: `reasons` as written, the English texts canonical.
 */
const REVIEWER_REASON = 'HbA1c is 6.1% (2026-10-15), below the 7% threshold; no metformin trial documented.';

let t: TestApp;
let prescriber: ApiClient;
let caseId: string;
let denied: Reply['body'];
const lucia = DEMO.members.spanishSpeaking;

beforeAll(async () => {
  t = await createTestApp();
  prescriber = await signIn(t, 'prescriber', { npi: DEMO.prescribers.endocrinology });
  const physician = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
  caseId = await glp1Draft(prescriber, lucia, { prescriberNpi: DEMO.prescribers.endocrinology });
  const submitted = await prescriber.post(`pa-requests/${caseId}/submit`, { answers: glp1Answers({ a1c: 6.1 }) });
  expect(submitted.body.status).toBe('in-review');
  await physician.post(`pa-requests/${caseId}/assign`);
  const r = await physician.post(`pa-requests/${caseId}/determination`, {
    decision: 'denied',
    reasons: [REVIEWER_REASON],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  denied = (await prescriber.get(`pa-requests/${caseId}`)).body;
});
afterAll(() => t?.close());

describe('GET /pa-requests/{id} for screens in Spanish', () => {
  it('names the member and the prescriber', async () => {
    const [m] = await members(t, 'id = $1', [lucia]);
    const [n] = await t.ctx.database.query<{ first_name: string; last_name: string }>(
      'select first_name, last_name from members where id = $1',
      [m.id],
    );
    expect(denied.memberName).toBe(`${n.first_name} ${n.last_name}`);
    const [p] = await t.ctx.database.query<{ name: string }>(
      "select first_name || ' ' || last_name as name from prescribers where npi = $1",
      [DEMO.prescribers.endocrinology],
    );
    expect(denied.prescriberName).toBe(p.name);
  });

  it('a denial keeps the reviewer’s words and adds the plain reasons in English and Spanish', () => {
    const d = denied.determination;
    expect(d.reasons).toEqual([REVIEWER_REASON]);
    expect(d.criteriaNotMet).toEqual(['glycemic', 'step']);
    expect(d.reasonsByLanguage.es).toEqual([
      'Su prueba de sangre HbA1c reciente es menor de 7% o tiene más de 6 meses. El plan necesita un resultado reciente de 7% o más.',
      'Primero debe probar metformina durante al menos 90 días, a menos que no pueda tomarla.',
    ]);
    expect(d.reasonsByLanguage.en[1]).toBe(
      'You need to try metformin for at least 90 days first, unless you cannot take it.',
    );
  });

  it('passes the criteria set’s translations: title, rules, questions and options (English stays canonical)', () => {
    expect(denied.criteria.title).toBe('GLP-1 and GIP/GLP-1 receptor agonists for type 2 diabetes');
    expect(translationOf(denied.criteria._title, 'es')).toBe(
      'Agonistas del receptor de GLP-1 y de GIP/GLP-1 para la diabetes tipo 2',
    );
    const glycemic = denied.criteria.rules.find((r: { id: string }) => r.id === 'glycemic');
    expect(glycemic.text).toBe('HbA1c at or above 7% within the last 6 months');
    expect(translationOf(glycemic._text, 'es')).toBe('HbA1c de 7% o más en los últimos 6 meses');
    const a1c = denied.questionnaire.item.find((i: { linkId: string }) => i.linkId === 'a1c');
    expect(a1c.text).toBe('Most recent HbA1c (%)');
    expect(translationOf(a1c._text, 'es')).toBe('HbA1c más reciente (%)');
    const dx = denied.questionnaire.item.find((i: { linkId: string }) => i.linkId === 'dx');
    expect(translationOf(dx.answerOption[0].valueCoding._display, 'es')).toBe(
      'Diabetes mellitus tipo 2 sin complicaciones',
    );
  });

  it('a required document carries its translation (the view passes `_text`)', async () => {
    const [pcsk9] = await ndcsWhere(t, DEMO.plans.mediCalRx, (e) =>
      Boolean(e?.covered && e.priorAuthorization && e.criteriaId === 'pcsk9'),
    );
    expect(pcsk9).toBeDefined();
    const started = await prescriber.post('pa-requests', {
      memberId: lucia,
      prescriberNpi: DEMO.prescribers.endocrinology,
      productId: pcsk9.ndc,
      quantity: 2,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const [doc] = started.body.requiredDocuments;
    expect(doc.text).toBe('Lipid panel from the last 90 days');
    expect(translationOf(doc._text, 'es')).toBe('Perfil de lípidos de los últimos 90 días');
  });
});

describe('an appeal decided in English, for screens in Spanish', () => {
  const APPEAL_REASON = 'HbA1c is still 6.1%; the statement documents no metformin trial.';

  it('keeps the reviewer’s words and adds the plain sentence in both languages, on the appeal and the case’s history', async () => {
    const member = await signIn(t, 'member', { memberId: lucia });
    const filed = await member.post('appeals', {
      paRequestId: caseId,
      urgency: 'standard',
      statement: 'Mi médico dice que este es el medicamento correcto.',
      filedBy: 'member',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    // A clinician who took no part in the denial decides the appeal.
    const second = await signIn(t, 'reviewer-physician', { displayName: 'Sam Rivera', credential: 'MD' });
    expect((await second.post(`appeals/${filed.body.id}/assign`)).status).toBe(200);
    const decided = await second.post(`appeals/${filed.body.id}/decision`, {
      decision: 'upheld',
      reasons: [APPEAL_REASON],
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    const appeal = (await member.get(`appeals/${filed.body.id}`)).body;
    expect(appeal.reasons).toEqual([APPEAL_REASON]);
    expect(appeal.reasonsByLanguage).toEqual({
      en: ['On appeal, a clinical reviewer upheld the decision. The letter explains why.'],
      es: ['En la apelación, un revisor clínico mantuvo la decisión. La carta explica por qué.'],
    });
    // The appealed determination's own wording comes along for the appeal's screens.
    expect(appeal.originalDetermination.reasonsByLanguage).toEqual(denied.determination.reasonsByLanguage);

    const step = (await prescriber.get(`pa-requests/${caseId}`)).body.history.find(
      (h: { action: string }) => h.action === 'appeal-upheld',
    );
    expect(step.reason).toBe(APPEAL_REASON);
    expect(step.details.reasonsByLanguage).toEqual(appeal.reasonsByLanguage);
  });
});
