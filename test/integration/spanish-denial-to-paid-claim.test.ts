import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { glp1Answers } from '../support/fhir.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import { multipart, TINY_PDF } from '../support/multipart.js';
import { pdfPages } from '../support/pdf-pages.js';
import { pdfText } from '../support/pdf-text.js';
import { MEDI_CAL_RX, members, ozempicClaimFor, pharmacyWithKey, signIn, type MemberRow } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// docs/design.md#notices, done when: from the demo data, a denied case produces a prescriber fax and a member
// letter in Spanish for a Spanish-speaking member, with reasons and an appeal form; the member
// appeals (the prescriber's supporting letter arrives by fax and intake files it with the
// appeal), a different reviewer overturns, and the claim pays.
const fails = glp1Answers({ a1c: 6.3 });
const REASON = 'HbA1c 6.3% is below the 7% threshold and no metformin trial is documented.';

let t: TestApp;
let outbox: string;
let member: MemberRow;
let prescriber: ApiClient;
let denier: ApiClient;
let secondReviewer: ApiClient;
let intake: ApiClient;
let pharmacy: ApiClient;
const prescriberNpi = DEMO.prescribers.endocrinology;
const pharmacyNpi = DEMO.pharmacies.retail.npi;

beforeAll(async () => {
  outbox = mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
  t = await createTestApp({ env: { OUTBOX_DIR: outbox } });
  [member] = await members(t, 'id = $1', [DEMO.members.spanishSpeaking]);
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi });
  denier = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
  secondReviewer = await signIn(t, 'reviewer-pharmacist', { displayName: 'Morgan Diaz', credential: 'PharmD' });
  intake = await signIn(t, 'intake');
  pharmacy = await pharmacyWithKey(t, pharmacyNpi);
});
afterAll(() => t?.close());

const claim = () => ozempicClaimFor(member, pharmacyNpi, prescriberNpi, MEDI_CAL_RX);

describe('a Spanish-speaking member: denied, letters, appeal by the member with a faxed letter of support, overturned, paid', () => {
  it('runs end to end through the API and the delivery channels', async () => {
    expect(member.language).toBe('es');
    // The pharmacy's claim at Medi-Cal Rx needs PA (75).
    const first = await pharmacy.post('claims', claim());
    expect(first.body.transactionStatus, JSON.stringify(first.body)).toBe('R');
    expect(first.body.rejects.map((r: { code: string }) => r.code)).toContain('75');

    // Prescriber requests, the criteria are not met, a physician denies.
    const c = (
      await prescriber.post('pa-requests', {
        memberId: member.id,
        prescriberNpi,
        productId: DEMO.ndcs.semaglutidePenLow,
        quantity: 3,
        daysSupply: 28,
        urgency: 'standard',
        channel: 'portal',
      })
    ).body;
    expect((await prescriber.post(`pa-requests/${c.id}/submit`, { answers: fails })).body.status).toBe('in-review');
    await denier.post(`pa-requests/${c.id}/assign`);
    const denied = await denier.post(`pa-requests/${c.id}/determination`, { decision: 'denied', reasons: [REASON] });
    expect(denied.body.status, JSON.stringify(denied.body)).toBe('denied');

    // Delivery runs: the prescriber's fax goes out through the gateway with its cover sheet.
    const admin = await signIn(t, 'admin');
    await admin.post('test/clock', { advanceBy: 'PT1M' });
    const notices = (await prescriber.get(`notices?paRequestId=${c.id}`)).body.items as Array<{
      id: string;
      recipient: string;
      channel: string;
      language: string;
      status: string;
    }>;
    const fax = notices.find((n) => n.recipient === 'prescriber')!;
    expect(fax).toMatchObject({ channel: 'fax', language: 'en', status: 'sent' });
    const faxFile = path.join(outbox, 'fax', `${fax.id}.pdf`);
    expect(existsSync(faxFile)).toBe(true);
    const faxText = pdfText(readFileSync(faxFile));
    for (const v of ['FAX', 'CONFIDENTIALITY NOTICE', REASON, 'Appeal request form']) expect(faxText).toContain(v);

    // The member's letter is in Spanish: reasons, the reviewer, the deadline date, the appeal form.
    const memberApi = await signIn(t, 'member', { memberId: member.id });
    const letter = notices.find((n) => n.recipient === 'member')!;
    expect(letter.language).toBe('es');
    const pages = pdfPages((await memberApi.getBytes(`notices/${letter.id}/pdf`)).bytes);
    const all = pages.join(' ');
    for (const v of [
      'Negamos su solicitud de cobertura de un medicamento',
      REASON,
      'Dana Doctor, MD',
      'Debe pedir la apelación a más tardar el',
    ])
      expect(all).toContain(v);
    expect(pages.some((p) => p.startsWith('Formulario de solicitud de apelación'))).toBe(true);

    // The member appeals; the prescriber's letter of support arrives by fax and intake files it with the appeal.
    const appeal = (
      await memberApi.post('appeals', {
        paRequestId: c.id,
        urgency: 'standard',
        statement: 'La metformina me causó diarrea fuerte. Mi médico dice que este medicamento es el correcto.',
        filedBy: 'member',
      })
    ).body;
    expect(appeal.status, JSON.stringify(appeal)).toBe('submitted');
    const support = multipart({ senderFax: '15105550199' }, { name: 'support.pdf', bytes: TINY_PDF });
    const inbound = (await intake.post('fax/inbound', support.body, support.headers)).body;
    const filed = await intake.post(`fax/inbound/${inbound.id}/attach`, {
      appealId: appeal.id,
      note: 'Letter of medical necessity from Dr.',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body).toMatchObject({ faxId: inbound.id, appealId: appeal.id, attachmentId: expect.any(String) });
    expect((await secondReviewer.get(`appeals/${appeal.id}`)).body.attachments).toHaveLength(1);

    // The reviewer who denied may not decide the appeal; a different clinician overturns it.
    expectProblem(
      await denier.post(`appeals/${appeal.id}/decision`, { decision: 'overturned', reasons: ['x'] }),
      403,
      'FORBIDDEN',
    );
    const overturned = await secondReviewer.post(`appeals/${appeal.id}/decision`, {
      decision: 'overturned',
      reasons: ['The letter documents metformin intolerance; the step requirement is met.'],
    });
    expect(overturned.body).toMatchObject({ status: 'overturned', authorizationNumber: expect.stringMatching(/^PA/) });
    const decisionLetter = overturned.body.notices.find(
      (n: { kind: string; recipient: string }) => n.kind === 'appeal-decision' && n.recipient === 'member',
    );
    expect(decisionLetter.language).toBe('es');

    // The claim now pays at Medi-Cal Rx under the appeal's authorization.
    const paid = await pharmacy.post('claims', claim());
    expect(paid.body.transactionStatus, JSON.stringify(paid.body)).toBe('P');
    expect(paid.body.authorizationNumber).toBe(overturned.body.authorizationNumber);
  });
});

describe('faxes for appeals', () => {
  it("files an appeal that arrived by fax as received at the fax's time; bad targets change nothing", async () => {
    const [other] = await members(
      t,
      "plan_id = $1 and id <> $2 and termination_date is null and date_of_birth < '2000-01-01'",
      [DEMO.plans.ihss, member.id],
    );
    const c = (
      await prescriber.post('pa-requests', {
        memberId: other.id,
        prescriberNpi,
        productId: DEMO.ndcs.semaglutidePenLow,
        quantity: 3,
        daysSupply: 28,
        urgency: 'standard',
        channel: 'portal',
      })
    ).body;
    await prescriber.post(`pa-requests/${c.id}/submit`, { answers: fails });
    await denier.post(`pa-requests/${c.id}/assign`);
    await denier.post(`pa-requests/${c.id}/determination`, { decision: 'denied', reasons: [REASON] });

    // The plan's appeals unit (policy.appeals) is where the letter and its appeal form send appeals.
    const memberLetter = (await intake.get(`notices?paRequestId=${c.id}`)).body.items.find(
      (n: { recipient: string }) => n.recipient === 'member',
    );
    const letterText = pdfPages((await intake.getBytes(`notices/${memberLetter.id}/pdf`)).bytes).join(' ');
    for (const v of [
      'P.O. Box 24510',
      'Oakland, CA 94623-1510',
      'By fax: send the appeal form to 1-510-555-0105',
      '1-510-555-0106',
    ])
      expect(letterText).toContain(v);

    const receivedAt = new Date(t.clock.now().getTime() - 3_600_000).toISOString();
    const form = multipart({ senderFax: '15105550123', receivedAt }, { name: 'appeal-form.pdf', bytes: TINY_PDF });
    const fax = (await intake.post('fax/inbound', form.body, form.headers)).body;

    // Neither or both targets, unknown appeal, wrong role: 4xx and the fax stays new.
    expectProblem(await intake.post(`fax/inbound/${fax.id}/attach`, {}), 400, 'VALIDATION_FAILED');
    expectProblem(
      await intake.post(`fax/inbound/${fax.id}/attach`, { paRequestId: c.id, appealId: 'apl_nope' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await intake.post(`fax/inbound/${fax.id}/attach`, { appealId: 'apl_nope' }), 404, 'NOT_FOUND');
    expectProblem(
      await prescriber.post(`fax/inbound/${fax.id}/appeal`, {
        paRequestId: c.id,
        urgency: 'standard',
        statement: 'x',
        filedBy: 'prescriber',
      }),
      403,
      'FORBIDDEN',
    );
    expect((await intake.get('fax/inbound?status=new')).body.items.map((i: { id: string }) => i.id)).toContain(fax.id);

    const filed = await intake.post(`fax/inbound/${fax.id}/appeal`, {
      paRequestId: c.id,
      urgency: 'standard',
      statement: 'Appeal form received by fax, signed by the member.',
      filedBy: 'member',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const appeal = (await intake.get(`appeals/${filed.body.appealId}`)).body;
    expect(appeal).toMatchObject({ paRequestId: c.id, filedBy: 'member', receivedAt });
    expect(appeal.attachments).toHaveLength(1);
    const item = (await intake.get(`fax/inbound/${fax.id}`)).body;
    expect(item).toMatchObject({
      id: fax.id,
      status: 'attached',
      appealId: appeal.id,
      paRequestId: c.id,
      handledBy: expect.any(String),
    });
    expect(item.content).toBeUndefined();
    expectProblem(await intake.get('fax/inbound/fax_nope'), 404, 'NOT_FOUND');
    expectProblem(await prescriber.get(`fax/inbound/${fax.id}`), 403, 'FORBIDDEN');
    // Filed once: the same fax cannot become a second appeal.
    expectProblem(
      await intake.post(`fax/inbound/${fax.id}/appeal`, {
        paRequestId: c.id,
        urgency: 'standard',
        statement: 'again',
        filedBy: 'member',
      }),
      409,
      'CONFLICT',
    );
  });
});
