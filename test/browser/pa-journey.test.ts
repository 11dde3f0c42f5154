import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../../src/demo/demo-data.js';
import { demoPeople } from '../../src/demo/demo-people.js';
import { TINY_PDF } from '../support/multipart.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';
import { region, submitPharmacyClaim } from './support/pharmacy-claim.js';

// docs/design.md#portals: the whole journey through the portals, each person in their own browser
// session, on the real server and the demo data: pharmacy claim rejected 75 → prescriber finds
// the patient and submits the PA form with an attachment → reviewer requests information →
// prescriber answers → reviewer approves → member sees the approval and opens the letter →
// pharmacy claim pays.
const member = demoPeople().members.find((m) => m.memberId === DEMO.members.ihss)!;
const account = DEMO.accounts.members.find((a) => a.memberId === member.memberId)!;
const pharmacyAccount = DEMO.pharmacies.retail;
const OZEMPIC_NDC = DEMO.ndcs.semaglutidePenLow;
const OZEMPIC_NAME = '0.25 MG, 0.5 MG Dose 1.5 ML semaglutide 1.34 MG/ML Pen Injector [Ozempic]';
const RX = 'RX810001'; // each test file has its own database: a fixed number is unique

describe.skipIf(!hasChromium)('the PA journey through every portal', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  /** The pharmacy fills in the same claim each time: Ozempic for the member, today. */
  const submitClaim = (page: Page) =>
    submitPharmacyClaim(page, {
      memberId: member.memberId,
      dateOfBirth: member.dateOfBirth,
      rx: RX,
      ndc: OZEMPIC_NDC,
      quantity: '3',
      daysSupply: '28',
      ingredientCost: '900.00',
      usualAndCustomary: '950.00',
    });

  it('rejected 75 → PA with an attachment → information requested and answered → approved → member letter → claim pays', async () => {
    // 1. The pharmacy's claim is rejected: prior authorization required (75).
    const pharmacy = await rig.signedIn(pharmacyAccount.username, pharmacyAccount.password);
    let answer = await submitClaim(pharmacy);
    await answer.getByText(/^75 — /).waitFor();
    await rig.screenshot(pharmacy, 'journey-1-pharmacy-rejected-75');
    expect(await seriousAccessibilityViolations(pharmacy), 'journey-1-pharmacy-rejected-75').toEqual([]);

    // 2. The prescriber finds the patient, checks coverage and submits the PA form with a document.
    const prescriber = await rig.signedIn('dr.park', 'demo-prescriber');
    await prescriber.getByRole('link', { name: 'New request' }).click();
    await prescriber.getByLabel('Last name').fill(member.lastName);
    await prescriber.getByLabel('Date of birth').fill(member.dateOfBirth);
    await prescriber.getByRole('button', { name: 'Search', exact: true }).click();
    const card = prescriber.getByRole('article').filter({ hasText: member.memberId });
    await card.getByRole('link', { name: 'Check coverage and start a request' }).click();
    await prescriber.getByLabel('Drug name').fill('Ozempic');
    await prescriber.getByRole('button', { name: 'Search the formulary' }).click();
    await prescriber
      .getByRole('listitem')
      .filter({ hasText: OZEMPIC_NAME })
      .getByRole('button', { name: /Check coverage/ })
      .click();
    await prescriber.getByRole('link', { name: 'Start a prior authorization' }).click();
    await prescriber.getByLabel('Quantity').fill('3');
    await prescriber.getByLabel('Days supply').fill('28');
    await prescriber.getByLabel(/^Standard/).check();
    await prescriber.getByRole('button', { name: 'Start the request' }).click();
    await prescriber.waitForURL((u) => u.pathname.startsWith('/prescriber/requests/'));
    const caseId = new URL(prescriber.url()).pathname.split('/').pop()!;

    // Answers that leave the criteria unproven (HbA1c below 7 %, no metformin contraindication): a clinician decides.
    const radios = (name: RegExp) => prescriber.getByRole('radiogroup', { name });
    await radios(/Diagnosis/)
      .getByLabel('Type 2 diabetes mellitus without complications')
      .check();
    await prescriber.getByLabel(/Most recent HbA1c/).fill('6.8');
    await prescriber.getByLabel(/Date of that HbA1c/).fill('2026-10-15');
    await radios(/contraindication or intolerance to metformin/)
      .getByLabel('No')
      .check();
    await radios(/weight loss only/)
      .getByLabel('No')
      .check();
    await prescriber
      .getByLabel(/Chart notes/)
      .setInputFiles({ name: 'chart-notes.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await prescriber.getByText('Attached: chart-notes.pdf').first().waitFor();
    await prescriber.getByText(/^Draft saved at /).waitFor();
    await rig.screenshot(prescriber, 'journey-2-prescriber-pa-form');
    expect(await seriousAccessibilityViolations(prescriber), 'journey-2-prescriber-pa-form').toEqual([]);
    await prescriber.getByRole('button', { name: 'Submit the request' }).click();
    await prescriber.getByText(/The plan is reviewing this request/).waitFor();

    // 3. The pharmacist takes the case from the queue and asks for information.
    const reviewer = await rig.signedIn('pharmacist', 'demo-reviewer');
    const row = reviewer
      .getByRole('row')
      .filter({ hasText: caseId })
      .or(reviewer.getByRole('row').filter({ hasText: member.memberId }))
      .first();
    await row.getByRole('link').first().click();
    await reviewer.getByRole('heading', { level: 1, name: `Case ${caseId}` }).waitFor();
    await reviewer.getByText('chart-notes.pdf').first().waitFor();
    await reviewer.getByRole('button', { name: 'Assign to me' }).click();
    await reviewer.getByText('This case is assigned to you.').waitFor();
    await reviewer
      .getByLabel('Questions for the prescriber')
      .fill('Has the patient tried metformin? For how long, and why was it stopped?');
    await reviewer
      .getByLabel('Documents to send')
      .fill('Pharmacy fill history or chart note documenting the metformin trial');
    await reviewer.getByRole('button', { name: 'Send information request' }).click();
    await reviewer.getByText(/The information request was sent/).waitFor();
    await reviewer.getByText('Waiting for information').first().waitFor();
    await rig.screenshot(reviewer, 'journey-3-reviewer-information-requested');
    expect(await seriousAccessibilityViolations(reviewer), 'journey-3-reviewer-information-requested').toEqual([]);

    // 4. The prescriber sees exactly what was asked and answers with a note and a document.
    await prescriber.reload();
    await prescriber.getByRole('heading', { name: 'The plan needs more information' }).waitFor();
    await prescriber.getByText('Has the patient tried metformin? For how long, and why was it stopped?').waitFor();
    await prescriber
      .getByLabel(/^File \(PDF/)
      .setInputFiles({ name: 'metformin-history.pdf', mimeType: 'application/pdf', buffer: TINY_PDF });
    await prescriber.getByRole('button', { name: 'Attach file' }).click();
    await prescriber.getByText('Will be sent with this answer: metformin-history.pdf').waitFor();
    await prescriber
      .getByLabel('Note to the reviewer')
      .fill('Metformin 1000 mg twice daily for 6 months (fills attached); stopped for severe GI intolerance.');
    await prescriber.getByRole('button', { name: 'Send the information' }).click();
    await prescriber.getByText(/The plan is reviewing this request/).waitFor();
    await rig.screenshot(prescriber, 'journey-4-prescriber-answered');
    expect(await seriousAccessibilityViolations(prescriber), 'journey-4-prescriber-answered').toEqual([]);

    // 5. The reviewer reads the answer and approves.
    await reviewer.reload();
    await reviewer
      .getByText('Metformin 1000 mg twice daily for 6 months (fills attached); stopped for severe GI intolerance.')
      .waitFor();
    await reviewer.getByLabel('Approve', { exact: true }).check();
    await reviewer
      .getByLabel('Reasons')
      .fill('Documented metformin intolerance after a 6-month trial meets the step requirement.');
    await reviewer.getByRole('button', { name: 'Record decision' }).click();
    await reviewer.getByText('Decision recorded: Approved.').waitFor();
    const authorizationNumber = (
      await rig.t.ctx.database.query<{ number: string }>('select number from authorizations where pa_request_id = $1', [
        caseId,
      ])
    )[0]?.number;
    expect(authorizationNumber).toMatch(/^PA/);
    await region(reviewer, 'Decision').getByText(authorizationNumber).waitFor();
    await rig.screenshot(reviewer, 'journey-5-reviewer-approved');
    expect(await seriousAccessibilityViolations(reviewer), 'journey-5-reviewer-approved').toEqual([]);

    // 6. The member sees the approval in the Prior Authorizations tab and opens the letter.
    const memberPage = await rig.signedIn(account.username, account.password);
    await memberPage.getByRole('link', { name: 'Prior Authorizations' }).click();
    await memberPage
      .getByRole('table', { name: 'My prior authorization requests' })
      .getByRole('link', { name: /Ozempic/ })
      .first()
      .click();
    const decision = region(memberPage, 'Decision');
    await decision.getByText(authorizationNumber).waitFor();
    await expect.poll(() => decision.textContent()).toContain('Approved');
    const [letter] = await Promise.all([
      memberPage.context().waitForEvent('page'),
      region(memberPage, 'My letters')
        .getByRole('button', { name: /Approval letter/ })
        .first()
        .click(),
    ]);
    await letter.waitForURL(/^blob:/);
    await rig.screenshot(memberPage, 'journey-6-member-approved');
    expect(await seriousAccessibilityViolations(memberPage), 'journey-6-member-approved').toEqual([]);
    await letter.close();

    // 7. The pharmacy sends the claim again: it pays, under the authorization.
    await pharmacy.reload();
    answer = await submitClaim(pharmacy);
    await answer.getByText('Paid', { exact: true }).waitFor();
    await answer.getByText(authorizationNumber).first().waitFor();
    await rig.screenshot(pharmacy, 'journey-7-pharmacy-paid');
    expect(await seriousAccessibilityViolations(pharmacy), 'journey-7-pharmacy-paid').toEqual([]);
    expect(await pharmacy.getByRole('alert').count()).toBe(0);

    for (const p of [pharmacy, prescriber, reviewer, memberPage]) await p.context().close();
  });
});
