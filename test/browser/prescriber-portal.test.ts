import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../../src/demo/demo-data.js';
import { demoPeople } from '../../src/demo/demo-people.js';
import { glp1Answers } from '../support/fhir.js';
import { ApiClient } from '../support/http.js';
import { TINY_PDF } from '../support/multipart.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Adult IHSS members: Ozempic needs PA (glp1-t2dm) on that plan; any prescriber may search any member.
const patient = demoPeople().members.find((m) => m.memberId === DEMO.members.ihss)!;
const [, secondPatient, thirdPatient] = demoPeople().members.filter(
  (m) => m.planId === patient.planId && !m.terminationDate && (m.band === 'adult' || m.band === 'senior'),
);
const OZEMPIC_RXCUI = '1991311';

describe.skipIf(!hasChromium)('prescriber portal: insurance search → coverage → PA request → answers → submit', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  async function search(page: Page, lastName: string, dateOfBirth: string) {
    await page.getByLabel('Last name').fill(lastName);
    await page.getByLabel('Date of birth').fill(dateOfBirth);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
  }

  const radioGroup = (page: Page, name: RegExp) => page.getByRole('radiogroup', { name });

  /** The same JSON API, for the other side of a case (a reviewer) and for setting a case up. */
  async function apiAs(username: string, password: string) {
    const client = await ApiClient.login(rig.t.app, username, password);
    return async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const r = method === 'GET' ? await client.get(url) : await client.post(url, payload);
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      return r.body;
    };
  }

  async function startCase(memberId: string) {
    const park = await apiAs('dr.park', 'demo-prescriber');
    return park('POST', 'pa-requests', {
      memberId,
      prescriberNpi: DEMO.prescribers.primaryCare,
      rxcui: OZEMPIC_RXCUI,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
  }

  it('dr.park finds the patient, checks coverage, starts a PA, drafts, attaches, submits and sees the decision', async () => {
    const page = await rig.signedIn('dr.park', 'demo-prescriber');
    await page.waitForURL((u) => u.pathname === '/prescriber');
    await page.getByRole('heading', { level: 1, name: 'My prior authorization requests' }).waitFor();
    await rig.screenshot(page, 'prescriber-dashboard-empty');

    // Patient insurance search: required fields, then a search that finds nobody.
    await page.getByRole('link', { name: 'New request' }).click();
    await page.waitForURL((u) => u.pathname === '/prescriber/patients');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.getByText('Required', { exact: true }).count()).toBe(2);
    await search(page, 'Nobodyhere', '1950-01-01');
    await page.getByText(/No member found with that last name and date of birth/).waitFor();
    await rig.screenshot(page, 'prescriber-search-not-found');

    await search(page, patient.lastName, patient.dateOfBirth);
    const card = page.getByRole('article').filter({ hasText: patient.memberId });
    await card.getByRole('heading', { name: `${patient.firstName} ${patient.lastName}` }).waitFor();
    await expect.poll(() => card.textContent()).toMatch(/BIN/);
    await expect.poll(() => card.textContent()).toMatch(/Eligible today/);
    await rig.screenshot(page, 'prescriber-search-found');

    // Coverage check of a PA drug through the plan's formulary search.
    await card.getByRole('link', { name: 'Check coverage and start a request' }).click();
    await page.getByLabel('Drug name').fill('Ozempic');
    await page.getByRole('button', { name: 'Search the formulary' }).click();
    const row = page
      .getByRole('listitem')
      .filter({ hasText: '0.25 MG, 0.5 MG Dose 1.5 ML semaglutide 1.34 MG/ML Pen Injector [Ozempic]' });
    await row.getByRole('button', { name: /Check coverage/ }).click();
    await page.getByRole('heading', { level: 3, name: /Ozempic.*Covered/ }).waitFor();
    await page.getByText('Prior authorization').first().waitFor();
    await rig.screenshot(page, 'prescriber-coverage');

    // New request: urgent needs a reason; standard goes through.
    await page.getByRole('link', { name: 'Start a prior authorization' }).click();
    await page.waitForURL((u) => u.pathname === '/prescriber/new');
    await page.getByLabel('Quantity').fill('3');
    await page.getByLabel('Days supply').fill('28');
    await page.getByLabel(/^Urgent/).check();
    await page.getByRole('button', { name: 'Start the request' }).click();
    await page.getByText('An urgent request needs the reason').waitFor();
    await page.getByLabel(/^Standard/).check();
    await rig.screenshot(page, 'prescriber-new-request');
    await page.getByRole('button', { name: 'Start the request' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/prescriber/requests/'));
    const caseUrl = new URL(page.url()).pathname;
    await page.getByText('Draft — answers needed').first().waitFor();

    // Submitting with required answers missing lists them and sends nothing.
    await page.getByRole('button', { name: 'Submit the request' }).click();
    const missing = page.getByRole('alert').filter({ hasText: 'Answer these required questions' });
    await missing.waitFor();
    await expect.poll(() => missing.textContent()).toMatch(/Diagnosis \(ICD-10-CM\)/);

    // Fill the question set; the draft saves itself.
    await radioGroup(page, /Diagnosis/)
      .getByLabel('Type 2 diabetes mellitus without complications')
      .check();
    await page.getByLabel(/Most recent HbA1c/).fill('8.2');
    await page.getByLabel(/Date of that HbA1c/).fill('2026-10-15');
    await radioGroup(page, /contraindication or intolerance to metformin/)
      .getByLabel('Yes')
      .check();
    await page.getByLabel(/Describe the contraindication/).fill('Lactic acidosis risk: eGFR 28');
    await radioGroup(page, /weight loss only/)
      .getByLabel('No')
      .check();
    await page.getByText(/^Draft saved at /).waitFor();

    // Reload: the answers come back from the server.
    await page.reload();
    await page.getByText(/^Draft saved at /).waitFor();
    await expect.poll(() => page.getByLabel(/Most recent HbA1c/).inputValue()).toBe('8.2');
    await expect.poll(() => page.getByLabel(/Date of that HbA1c/).inputValue()).toBe('2026-10-15');
    expect(
      await radioGroup(page, /Diagnosis/)
        .getByLabel('Type 2 diabetes mellitus without complications')
        .isChecked(),
    ).toBe(true);
    expect(
      await radioGroup(page, /contraindication or intolerance to metformin/)
        .getByLabel('Yes')
        .isChecked(),
    ).toBe(true);
    await expect
      .poll(() => page.getByLabel(/Describe the contraindication/).inputValue())
      .toBe('Lactic acidosis risk: eGFR 28');

    // Attach chart notes (a PDF) to the attachment question.
    await page
      .getByLabel(/Chart notes/)
      .setInputFiles({ name: 'chart-notes.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await page.getByText('Attached: chart-notes.pdf').first().waitFor();
    await page
      .getByRole('link', { name: 'chart-notes.pdf' })
      .or(page.getByRole('button', { name: 'chart-notes.pdf' }))
      .first()
      .waitFor();
    await page.getByText(/^Draft saved at /).waitFor();
    await rig.screenshot(page, 'prescriber-draft');

    // Submit: every criterion is met, so the plan approves at once.
    await page.getByRole('button', { name: 'Submit the request' }).click();
    await page.getByRole('heading', { name: 'Decision', exact: true }).waitFor();
    await page.getByText('Approved').first().waitFor();
    const authNumber = (await page.locator('.auth-number').textContent())?.trim();
    expect(authNumber).toMatch(/^PA\d+/);
    await page.getByRole('button', { name: /^Renewal opens / }).waitFor();
    expect(await page.getByRole('button', { name: /^Renewal opens / }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Approval letter' }).first().waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Answers sent' }).count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    await rig.screenshot(page, 'prescriber-case-approved');

    // The dashboard lists it as decided.
    await page.getByRole('link', { name: 'All my requests' }).click();
    await page.waitForURL((u) => u.pathname === '/prescriber');
    const listed = page
      .getByRole('region', { name: /Decided/ })
      .getByRole('row')
      .filter({ hasText: `${patient.firstName} ${patient.lastName}` });
    await listed.getByRole('link', { name: /Ozempic/ }).waitFor();
    await rig.screenshot(page, 'prescriber-dashboard');

    // A second request for the same drug says an authorization already exists.
    await page.goto(`/prescriber/new?memberId=${patient.memberId}&rxcui=1991311`);
    await page.getByLabel('Quantity').fill('3');
    await page.getByRole('button', { name: 'Start the request' }).click();
    await page.getByText(new RegExp(`Authorization ${authNumber} already covers this drug through`)).waitFor();
    await page.context().close();

    // At phone width the case page still reads top to bottom.
    const phone = await rig.signedIn('dr.park', 'demo-prescriber', { mobile: true });
    await phone.goto(caseUrl);
    await phone.getByRole('heading', { name: 'Decision', exact: true }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await rig.screenshot(phone, 'prescriber-case-mobile');
    await phone.context().close();
  });

  it('dr.park answers what the reviewer asked, with a document, and can withdraw an open request', async () => {
    const park = await apiAs('dr.park', 'demo-prescriber');
    const pharmacist = await apiAs('pharmacist', 'demo-reviewer');
    const c = await startCase(secondPatient.memberId);
    expect((await park('POST', `pa-requests/${c.id}/submit`, { answers: glp1Answers({ a1c: 6.4 }) })).status).toBe(
      'in-review',
    );
    await pharmacist('POST', `pa-requests/${c.id}/assign`);
    await pharmacist('POST', `pa-requests/${c.id}/information-requests`, {
      items: [
        { question: 'Has the patient tried metformin? For how long?' },
        { document: 'The most recent HbA1c lab report' },
      ],
    });

    const page = await rig.signedIn('dr.park', 'demo-prescriber');
    const action = page.getByRole('region', { name: /Needs your action/ });
    await action.getByRole('row').filter({ hasText: secondPatient.lastName }).getByRole('link').click();
    await page.getByRole('heading', { name: 'The plan needs more information' }).waitFor();
    await page.getByText('Has the patient tried metformin? For how long?').waitFor();
    await page.getByText('The most recent HbA1c lab report').waitFor();
    await page.getByText(/^Answer by /).waitFor();

    await page.getByRole('button', { name: 'Send the information' }).click();
    await page.getByText('Write a note, change an answer, or attach a document before sending.').waitFor();
    await page
      .getByLabel(/^File \(PDF/)
      .setInputFiles({ name: 'hba1c.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await page.getByRole('button', { name: 'Attach file' }).click();
    await page.getByText('Will be sent with this answer: hba1c.pdf').waitFor();
    await page
      .getByLabel('Note to the reviewer')
      .fill('Metformin 1000 mg twice daily for 8 months; stopped for GI intolerance. Lab report attached.');
    await rig.screenshot(page, 'prescriber-information-request');
    await page.getByRole('button', { name: 'Send the information' }).click();
    await page.getByText(/The plan is reviewing this request/).waitFor();
    const earlier = page.getByRole('region', { name: 'Earlier requests for information' });
    await earlier.getByText(/stopped for GI intolerance/).waitFor();
    await earlier.getByText('1 document(s) sent').waitFor();
    const view = await park('GET', `pa-requests/${c.id}`);
    expect(view.status).toBe('in-review');
    expect(view.informationRequests[0].response).toMatchObject({
      attachmentIds: [expect.any(String)],
      note: expect.stringMatching(/^Metformin/),
    });

    await page.getByRole('button', { name: 'Withdraw this request' }).click();
    await page.getByLabel('Reason (optional)').fill('Patient chose another therapy');
    await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await page.getByRole('heading', { name: 'Decision', exact: true }).waitFor();
    await page.getByText('Withdrawn').first().waitFor();
    expect(await page.getByRole('button', { name: 'Withdraw this request' }).count()).toBe(0);
    await rig.screenshot(page, 'prescriber-withdrawn');
    await page.context().close();
  });

  it('once the renewal window opens, Renew starts a renewal of the authorization', async () => {
    const park = await apiAs('dr.park', 'demo-prescriber');
    const c = await startCase(thirdPatient.memberId);
    const approved = await park('POST', `pa-requests/${c.id}/submit`, {
      answers: glp1Answers({ a1c: 8.2, contraindication: 'eGFR 28' }),
    });
    expect(approved.renewal.open).toBe(false);
    const admin = await apiAs('admin', 'demo-admin');
    await admin('POST', 'test/clock', { set: `${approved.renewal.opensOn}T17:00:00.000Z` });

    const page = await rig.signedIn('dr.park', 'demo-prescriber');
    await page.goto(`/prescriber/requests/${c.id}`);
    await page
      .getByText(`The renewal window is open: authorization ${approved.determination.authorizationNumber} ends`)
      .waitFor();
    await page.getByRole('link', { name: 'Renew this authorization' }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: `Renew prior authorization ${approved.determination.authorizationNumber}`,
      })
      .waitFor();
    await page.getByLabel('Quantity').fill('3');
    await page.getByLabel('Days supply').fill('28');
    await page.getByRole('button', { name: 'Start the request' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/prescriber/requests/') && !u.pathname.endsWith(c.id));
    await page.getByText('Renews authorization').waitFor();
    await page.getByText(approved.determination.authorizationNumber).first().waitFor();
    await rig.screenshot(page, 'prescriber-renewal-started');
    await page.context().close();
  });
});
