import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { glp1Answers } from '../support/fhir.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import { pdfPages } from '../support/pdf-pages.js';
import { members, ndcsWhere, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// HbA1c 6.1 % and no metformin contraindication: the glp1-t2dm criteria are not met, so the
// request goes to a clinician, who denies it.
const failsGlp1 = glp1Answers({ a1c: 6.1 });
const REVIEWER_REASON = 'HbA1c is 6.1% (2026-10-15), below the 7% threshold; no metformin trial documented.';

let t: TestApp;
let prescriber: ApiClient;
let physician: ApiClient;
let member: ApiClient;
let prescriberNpi: string;
let caseId: string;
let notices: Array<{
  id: string;
  kind: string;
  recipient: string;
  channel: string;
  language: string;
  status: string;
  attempts: number;
}>;

const spanishMember = DEMO.members.spanishSpeaking;

beforeAll(async () => {
  t = await createTestApp();
  // The Spanish-speaking member is in Medi-Cal managed care; the pharmacy benefit is carved out
  // to Medi-Cal Rx (MCRX-FFS), which decides the PA and writes letters in Spanish.
  const [m] = await members(t, 'id = $1', [spanishMember]);
  expect(m).toMatchObject({ plan_id: DEMO.plans.mediCalManagedCare, language: 'es' });
  const paDrugs = await ndcsWhere(t, DEMO.plans.mediCalRx, (e) =>
    Boolean(e?.covered && e.priorAuthorization && e.criteriaId === 'glp1-t2dm'),
  );
  expect(paDrugs.map((d) => d.ndc)).toContain(DEMO.ndcs.semaglutidePenLow);

  prescriberNpi = DEMO.prescribers.endocrinology;
  const [withFax] = await t.ctx.database.query<{ fax: string | null }>('select fax from prescribers where npi = $1', [
    prescriberNpi,
  ]);
  expect(withFax.fax).toBeTruthy();
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi });
  physician = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
  member = await signIn(t, 'member', { memberId: spanishMember });

  const started = await prescriber.post('pa-requests', {
    memberId: spanishMember,
    prescriberNpi,
    productId: DEMO.ndcs.semaglutidePenLow,
    quantity: 3,
    daysSupply: 28,
    urgency: 'standard',
    channel: 'portal',
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  expect(started.body.planId).toBe(DEMO.plans.mediCalRx);
  caseId = started.body.id;
  const submitted = await prescriber.post(`pa-requests/${caseId}/submit`, { answers: failsGlp1 });
  expect(submitted.body.status).toBe('in-review');
  await physician.post(`pa-requests/${caseId}/assign`);
  const denied = await physician.post(`pa-requests/${caseId}/determination`, {
    decision: 'denied',
    reasons: [REVIEWER_REASON],
  });
  expect(denied.status, JSON.stringify(denied.body)).toBe(200);
  expect(denied.body.determination.criteriaNotMet).toContain('glycemic');

  const list = await prescriber.get(`notices?paRequestId=${caseId}`);
  expect(list.status).toBe(200);
  notices = list.body.items;
});
afterAll(() => t?.close());

const noticeTo = (recipient: string) => notices.find((n) => n.kind === 'denial' && n.recipient === recipient)!;

describe('notices API: a denied case for a Spanish-speaking Medi-Cal member', () => {
  it('lists the letters with recipient, channel, language and delivery status', () => {
    expect(notices.map((n) => `${n.kind}:${n.recipient}:${n.language}`).sort()).toEqual([
      'denial:member:es',
      'denial:prescriber:en',
    ]);
    expect(noticeTo('prescriber')).toMatchObject({ channel: 'fax', status: 'queued', attempts: 0 });
    expect(noticeTo('member').channel).toMatch(/^(mail|email|portal)$/);
  });

  it("the member's letter is in Spanish with the reasons, the appeal deadline date, the appeal form and the taglines", async () => {
    const pdf = await member.getBytes(`notices/${noticeTo('member').id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toContain('application/pdf');
    // Spanish is not yet reviewed by a qualified translator (src/notices/letters/i18n/messages/es.json):
    // the Spanish letter comes first, then the same letter in English.
    const both = pdfPages(pdf.bytes);
    const english = both.findIndex((p) => p.includes('This is the English copy of your letter in Spanish.'));
    expect(english).toBeGreaterThan(0);
    expect(both[english]).toContain('We denied your request for drug coverage');
    const pages = both.slice(0, english);
    const all = pages.join(' ');
    expect(pages[0]).toContain('Medi-Cal Rx (fee-for-service)');
    expect(pages[0]).toContain('Después de esta carta va una copia de la carta en inglés.');
    expect(pages[0]).toContain('20 de noviembre de 2026');
    expect(pages[0]).toContain('Negamos su solicitud de cobertura de un medicamento');
    // The reasons: the criteria set's Spanish wording, and the reviewer's own words.
    expect(all).toContain('Su prueba de sangre HbA1c reciente es menor de 7%');
    expect(all).toContain(REVIEWER_REASON);
    expect(all).toContain('Un médico revisó su solicitud: Dana Doctor, MD.');
    // Medi-Cal: 60 days from the notice of Friday 2026-11-20 (42 CFR 438.402(c)(2)(ii)).
    const plan = (await t.ctx.reference.get()).plans.get(DEMO.plans.mediCalRx)!;
    expect(plan.policy.appeals.filingWindowDays).toBe(60);
    expect(all).toContain('Debe pedir la apelación a más tardar el 19 de enero de 2027.');
    expect(all).toContain('Audiencia Estatal Imparcial');
    const form = pages.find((p) => p.startsWith('Formulario de solicitud de apelación'));
    expect(form).toBeDefined();
    for (const v of [spanishMember, caseId, '19 de enero de 2027', 'APELACIÓN RÁPIDA', 'Firma'])
      expect(form).toContain(v);
    // The taglines in their own scripts: Chinese characters (compared without spaces: a line may break anywhere in them), Vietnamese with its diacritics.
    expect(pages[pages.length - 1].replace(/\s/g, '')).toContain(
      '中文(Chinese):注意：如果您使用简体中文，您可以免费获得语言援助服务。请致电',
    );
    expect(pages[pages.length - 1]).toContain('Tiếng Việt (Vietnamese): CHÚ Ý:');
    expect(pages[pages.length - 1]).toContain('Sección 1557');
  });

  it("the prescriber's fax is in English with the patient, the criteria not met and the reviewer", async () => {
    const pdf = await prescriber.getBytes(`notices/${noticeTo('prescriber').id}/pdf`);
    expect(pdf.status).toBe(200);
    const all = pdfPages(pdf.bytes).join(' ');
    for (const v of [
      'Prior authorization denied',
      spanishMember,
      `NPI: ${prescriberNpi}`,
      REVIEWER_REASON,
      'HbA1c at or above 7% within the last 6 months',
      'Reviewed by Dana Doctor, MD (physician).',
      'may appeal by January 19, 2027',
      'Appeal request form',
    ])
      expect(all).toContain(v);
    expect(all).not.toContain('注意');
  });

  it("a Vietnamese-speaking member's letter is in Vietnamese with the English letter after it, their name with its diacritics, and the taglines in their own scripts", async () => {
    const [vi] = await t.ctx.database.query<{ id: string; first_name: string; last_name: string }>(
      "select id, first_name, last_name from members where language = 'vi' and plan_id = $1 and termination_date is null order by id limit 1",
      [DEMO.plans.mediCalManagedCare],
    );
    const name = `${vi.first_name} ${vi.last_name}`;
    expect(name).toMatch(/[^\p{ASCII}]/u);
    const started = await prescriber.post('pa-requests', {
      memberId: vi.id,
      prescriberNpi,
      productId: DEMO.ndcs.semaglutidePenLow,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect((await prescriber.post(`pa-requests/${started.body.id}/submit`, { answers: failsGlp1 })).body.status).toBe(
      'in-review',
    );
    await physician.post(`pa-requests/${started.body.id}/assign`);
    expect(
      (
        await physician.post(`pa-requests/${started.body.id}/determination`, {
          decision: 'denied',
          reasons: [REVIEWER_REASON],
        })
      ).status,
    ).toBe(200);
    const letters: typeof notices = (await prescriber.get(`notices?paRequestId=${started.body.id}`)).body.items;
    const letter = letters.find((n) => n.kind === 'denial' && n.recipient === 'member')!;
    const pdf = await (await signIn(t, 'member', { memberId: vi.id })).getBytes(`notices/${letter.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(letter.language).toBe('vi');
    const pages = pdfPages(pdf.bytes);
    // A Vietnamese letter (the member's stored language; the translation is not yet reviewed, so
    // the English letter follows it in the same PDF), the name printed with its diacritics.
    expect(pages[0]).toContain('Chúng tôi đã từ chối yêu cầu bao trả thuốc của quý vị');
    expect(pages[0]).toContain('Bản tiếng Anh của thư này được đính kèm sau thư này.');
    expect(pages[0]).toContain(`Kính gửi ${name}:`);
    const english = pages.findIndex((p) => p.includes('This is the English copy of your letter in Vietnamese.'));
    expect(english).toBeGreaterThan(0);
    expect(pages[english]).toContain(`Dear ${name}:`);
    expect(pages[english - 1].replace(/\s/g, '')).toContain('注意：如果您使用简体中文');
    expect(pages[pages.length - 1].replace(/\s/g, '')).toContain('注意：如果您使用简体中文');
  });

  it('another member cannot list or fetch the letters; an unknown id is 404', async () => {
    const [other] = await members(t, 'plan_id = $1 and id <> $2 and termination_date is null', [
      DEMO.plans.mediCalManagedCare,
      spanishMember,
    ]);
    const stranger = await signIn(t, 'member', { memberId: other.id });
    expectProblem(await stranger.get(`notices/${noticeTo('member').id}/pdf`), 404, 'NOT_FOUND');
    expect((await stranger.get(`notices?paRequestId=${caseId}`)).body.items).toEqual([]);
    // The member sees their own letter only, not the prescriber's fax.
    expect((await member.get('notices')).body.items.map((n: { id: string }) => n.id)).toEqual([noticeTo('member').id]);
    expectProblem(await member.get(`notices/${noticeTo('prescriber').id}/pdf`), 404, 'NOT_FOUND');
    // Another prescriber neither.
    const otherPrescriber = await signIn(t, 'prescriber', { npi: DEMO.prescribers.primaryCare });
    expectProblem(await otherPrescriber.get(`notices/${noticeTo('member').id}/pdf`), 404, 'NOT_FOUND');
    expectProblem(await member.get('notices/ntc_does_not_exist/pdf'), 404, 'NOT_FOUND');
  });

  it('staff read every letter, and the read is audited', async () => {
    const staff = await signIn(t, 'member-services');
    const id = noticeTo('member').id;
    expect((await staff.getBytes(`notices/${id}/pdf`)).status).toBe(200);
    const audit = await t.ctx.database.query<{ action: string }>(
      "select action from audit_events where entity_type = 'notice' and entity_id = $1",
      [id],
    );
    expect(audit.map((a) => a.action)).toContain('phi.read');
  });

  it('the routes are in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/api/v1/notices'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['paRequestId', 'appealId']),
    );
    expect(Object.keys(doc.paths['/api/v1/notices/{id}/pdf'].get.responses['200'].content)).toEqual([
      'application/pdf',
    ]);
  });
});
