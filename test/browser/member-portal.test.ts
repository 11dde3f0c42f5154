import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glp1Answers } from '../support/fhir.js';
import { ApiClient } from '../support/http.js';
import { TINY_PDF } from '../support/multipart.js';
import { testToday } from '../support/constants.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Jennifer Lewis (M000101, IHSS01, born 1991-12-23) in the demo data set.
const JENNIFER = { memberId: 'M000101', dateOfBirth: '1991-12-23' };
const LISINOPRIL = '76282041901'; // pays
const OZEMPIC = '00169413211'; // needs prior authorization (GLP-1)
const DENIAL_REASON = 'HbA1c is below 7 % and metformin has not been tried.';
const failsGlp1 = glp1Answers({ a1c: 6.4 });

describe.skipIf(!hasChromium)('member portal', () => {
  let rig: BrowserRig;
  let caseId: string;

  beforeAll(async () => {
    rig = await startBrowserRig();
    const app = rig.t.app;
    const today = testToday(rig.t);

    // Two claims from a demo pharmacy: one paid, one rejected for prior authorization.
    const pharmacy = await ApiClient.login(app, 'pharmacy.lakeshore', 'demo-pharmacy');
    const pharmacyNpi = (await pharmacy.get('me')).body.npi as string;
    const claim = (productId: string, rx: string) => ({
      bin: '610011',
      pcn: 'BAYRX',
      groupId: 'IHSS01',
      cardholderId: JENNIFER.memberId,
      patient: { dateOfBirth: JENNIFER.dateOfBirth },
      pharmacyNpi,
      prescriptionNumber: rx,
      fillNumber: 0,
      dateOfService: today,
      productId,
      quantityDispensed: productId === OZEMPIC ? 3 : 30,
      daysSupply: productId === OZEMPIC ? 28 : 30,
      prescriberNpi: '2260010006',
      submittedIngredientCost: '25.00',
      usualAndCustomaryCharge: '40.00',
    });
    expect((await pharmacy.post('claims', claim(LISINOPRIL, 'RX7001'))).body.transactionStatus).toBe('P');
    expect((await pharmacy.post('claims', claim(OZEMPIC, 'RX7002'))).body.rejects[0].code).toBe('75');

    // Dr. Park asks for Ozempic; the answers do not meet the criteria and a physician denies it.
    const drPark = await ApiClient.login(app, 'dr.park', 'demo-prescriber');
    const started = await drPark.post('pa-requests', {
      memberId: JENNIFER.memberId,
      prescriberNpi: '2260010006',
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    caseId = started.body.id;
    expect((await drPark.post(`pa-requests/${caseId}/submit`, { answers: failsGlp1 })).body.status).toBe('in-review');
    const physician = await ApiClient.login(app, 'physician', 'demo-reviewer');
    await physician.post(`pa-requests/${caseId}/assign`);
    const denied = await physician.post(`pa-requests/${caseId}/determination`, {
      decision: 'denied',
      reasons: [DENIAL_REASON],
    });
    expect(denied.body.status, JSON.stringify(denied.body)).toBe('denied');
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('jennifer.lewis sees her plan, searches a drug and sees its coverage', async () => {
    const page = await rig.signedIn('jennifer.lewis', 'demo-member');
    await page.waitForURL((u) => u.pathname === '/member');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My coverage');
    await page.getByText('Poppy Health Plan — IHSS').first().waitFor();
    await page.getByLabel('Drug name').fill('ozempic');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('list', { name: /Drugs matching/ }).waitFor();
    await page
      .getByRole('button', { name: /Check my coverage for .*Ozempic/ })
      .first()
      .click();
    const answer = page.getByRole('region', { name: /My coverage for .*Ozempic/ });
    await answer.getByRole('table', { name: 'Covered alternatives' }).waitFor();
    const text = await answer.textContent();
    expect(text).toContain('Preferred brand');
    expect(text).toContain('$30.00');
    expect(text).toContain('prior authorization');
    expect(text).toContain('Step therapy');
    expect(text).toContain('Quantity limit: up to 3 every 28 days');
    await expect
      .poll(() => answer.getByRole('table', { name: 'Covered alternatives' }).getByRole('row').count())
      .toBeGreaterThan(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    await rig.screenshot(page, 'member-coverage');
    await page.context().close();
  });

  it('jennifer.lewis sees her claims with the reason and next step of a reject, also in Spanish', async () => {
    const page = await rig.signedIn('jennifer.lewis', 'demo-member');
    await page.getByRole('link', { name: 'My claims' }).click();
    const claims = page.getByRole('list', { name: 'My pharmacy claims' });
    await claims.waitFor();
    const ozempicRow = claims.locator(':scope > li').filter({ hasText: 'Ozempic' });
    const lisinoprilRow = claims.locator(':scope > li').filter({ hasText: 'lisinopril' });
    await expect.poll(() => lisinoprilRow.textContent()).toContain('Paid');
    await expect.poll(() => ozempicRow.textContent()).toContain('Not paid');
    await expect
      .poll(() => ozempicRow.textContent())
      .toContain('The plan must approve this drug first (prior authorization).');
    await expect.poll(() => ozempicRow.textContent()).toContain('Your prescriber sends the request');
    await expect.poll(() => lisinoprilRow.textContent()).toContain('$5.00');
    await rig.screenshot(page, 'member-claims');

    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Mis reclamaciones' }).waitFor();
    const row = page
      .getByRole('list', { name: 'Mis reclamaciones de farmacia' })
      .locator(':scope > li')
      .filter({ hasText: 'Ozempic' });
    await expect.poll(() => row.textContent()).toContain('El plan debe aprobar primero este medicamento');
    await expect.poll(() => page.getByRole('link', { name: 'Autorizaciones previas' }).count()).toBe(1);
    await rig.screenshot(page, 'member-claims-es');
    await page.context().close();
  });

  it('jennifer.lewis follows her denied request, reads the decision and files an appeal', async () => {
    const page = await rig.signedIn('jennifer.lewis', 'demo-member', { mobile: true });
    await page.getByRole('link', { name: 'Prior Authorizations' }).click();
    await page
      .getByRole('table', { name: 'My prior authorization requests' })
      .getByRole('link', { name: /Ozempic/ })
      .click();
    await page.waitForURL((u) => u.pathname === `/member/prior-authorizations/${caseId}`);
    const decision = page.getByRole('region', { name: 'Decision' });
    await decision.getByText(DENIAL_REASON).waitFor();
    await expect.poll(() => decision.textContent()).toContain('Denied');
    // The denial letter opens as a PDF in a new tab.
    const [letterTab] = await Promise.all([
      page.context().waitForEvent('page'),
      page
        .getByRole('region', { name: 'My letters' })
        .getByRole('button', { name: /Denial letter/ })
        .click(),
    ]);
    await letterTab.waitForURL(/^blob:/);
    await letterTab.close();
    await expect
      .poll(() => page.getByRole('region', { name: 'What happened' }).textContent())
      .toContain('The request was sent to the plan');

    // The case says until when an appeal can be filed (IHSS: 180 days from the notice).
    await page.getByText('You can ask the plan to look at this decision again. Appeal by May 19, 2027.').waitFor();
    await page.getByRole('button', { name: 'File an appeal' }).click();
    await page.getByLabel('Urgent (expedited)', { exact: false }).check();
    await page.getByLabel('Why is this urgent?').fill('I have two days of medicine left.');
    await page
      .getByLabel('Why should the decision change?')
      .fill('Metformin made me very sick; my doctor says this is the right medicine.');
    await page
      .getByLabel('Documents (optional)')
      .setInputFiles({ name: 'doctor-note.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await rig.screenshot(page, 'member-appeal-form');
    await page.getByRole('button', { name: 'Send my appeal' }).click();
    await page.getByText('Your appeal was received.').waitFor();
    const appeals = page.getByRole('region', { name: 'Appeals' });
    await appeals.getByText('doctor-note.pdf').waitFor();
    const appealText = await appeals.textContent();
    expect(appealText).toContain('Submitted');
    expect(appealText).toContain('Urgent (expedited)');
    expect(appealText).toContain('I have two days of medicine left.');
    expect(await page.getByRole('button', { name: 'File an appeal' }).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await rig.screenshot(page, 'member-appeal-filed');

    // The API agrees: one open appeal filed by the member, with the document.
    const jennifer = await ApiClient.login(rig.t.app, 'jennifer.lewis', 'demo-member');
    const list = (await jennifer.get(`appeals?paRequestId=${caseId}`)).body.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'submitted', urgency: 'urgent', filedBy: 'member' });

    // She withdraws it (a reason is required); the appeal shows as withdrawn and she may file again.
    await appeals.getByRole('button', { name: 'Withdraw my appeal' }).click();
    await appeals.getByRole('button', { name: 'Yes, withdraw my appeal' }).click();
    await appeals.getByText('Tell us why, in a few words.').waitFor();
    await appeals.getByLabel('Why are you withdrawing it?').fill('My doctor found another medicine for me.');
    await appeals.getByRole('button', { name: 'Yes, withdraw my appeal' }).click();
    await appeals.getByText('Withdrawn', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'File an appeal' }).waitFor();
    expect((await jennifer.get(`appeals?paRequestId=${caseId}`)).body.items[0].status).toBe('withdrawn');
    await page.context().close();
  });

  it('lucia.perez, in Spanish on a phone, sees that Medi-Cal Rx pays her drugs and checks metformin', async () => {
    // Her stored language (es) opens the portal in Spanish without touching the switch.
    const page = await rig.signedIn('lucia.perez', 'demo-member', { mobile: true });
    await page.getByRole('heading', { level: 1, name: 'Mi cobertura' }).waitFor();
    await page.getByText('Sus medicamentos los paga Medi-Cal Rx, no su plan de salud.').waitFor();
    await page.getByLabel('Nombre del medicamento').fill('metformin');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page
      .getByRole('button', { name: /Ver mi cobertura de .*metformin/ })
      .first()
      .click();
    const answer = page.getByRole('region', { name: /Mi cobertura de .*metformin/ });
    await answer.getByText('Genérico').first().waitFor();
    const text = await answer.textContent();
    expect(text).toContain('Cubierto');
    expect(text).toContain('$0.00');
    expect(text).toContain('Medi-Cal Rx');
    expect(await page.getByRole('alert').count()).toBe(0);
    await rig.screenshot(page, 'member-coverage-es-mobile');
    await page.context().close();
  });

  it("lucia.perez opening jennifer's case by its address sees the refusal and none of the case", async () => {
    const page = await rig.signedIn('lucia.perez', 'demo-member');
    await page.goto(`/member/prior-authorizations/${caseId}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect.poll(() => alert.textContent()).toMatch(/not found|no se encontr/i);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toContain('Ozempic');
    expect(body).not.toContain(DENIAL_REASON);
    expect(body).not.toContain('semaglutide');
    await rig.screenshot(page, 'member-other-members-case');
    await page.context().close();
  });
});
