import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { members, type MemberRow } from '../support/scenario.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

const region = (page: Page, name: string) => page.getByRole('region', { name });

/** The message tied to a control by aria-describedby (what a screen reader reads with it). */
const describedBy = (page: Page, label: string | RegExp) =>
  page.getByLabel(label).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );

/**
 * docs/design.md#forms-and-answers: the portals' own validation, in the portal's language, instead of the browser's
 * bubbles; errors clear as the field is corrected; an NDC with or without dashes; the last answer
 * gone when a new search starts; "Start a new claim" keeps the patient.
 */
describe.skipIf(!hasChromium)('our own validation', () => {
  let rig: BrowserRig;
  let jennifer: MemberRow & { last_name?: string };

  beforeAll(async () => {
    rig = await startBrowserRig();
    [jennifer] = await members(rig.t, "id = 'M000101'");
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('an empty claim names each missing field in English, then in Spanish; each error clears as it is typed', async () => {
    const page = await rig.signedIn(DEMO.pharmacies.retail.username, DEMO.pharmacies.retail.password);
    const claim = region(page, 'Claim');
    // Anything the browser would show as its own bubble is cancelled by us; count what is left.
    await page.evaluate(() => {
      (window as unknown as { bubbles: number }).bubbles = 0;
      document.addEventListener('invalid', (e) => {
        if (!e.defaultPrevented) (window as unknown as { bubbles: number }).bubbles++;
      });
    });
    await claim.getByRole('button', { name: 'Submit claim' }).click();
    await expect.poll(() => describedBy(page, 'Member ID (cardholder ID)')).toContain('Fill in this field.');
    expect(await describedBy(page, 'Prescription number')).toContain('Fill in this field.');
    expect(await page.evaluate(() => (window as unknown as { bubbles: number }).bubbles)).toBe(0);
    // The first field in error has the focus, as the bubble would have given it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');

    await claim.getByLabel('Member ID (cardholder ID)').fill('M000101');
    await expect.poll(() => describedBy(page, 'Member ID (cardholder ID)')).not.toContain('Fill in this field.');
    expect(await claim.getByLabel('Member ID (cardholder ID)').getAttribute('aria-invalid')).toBeNull();
    // A malformed NDC says what form it takes, and the message goes once it is right.
    await claim.getByLabel(/Product NDC/).fill('1234-56-7');
    await claim.getByRole('button', { name: 'Submit claim' }).click();
    await expect.poll(() => describedBy(page, /Product NDC/)).toContain('4-4-2, 5-3-2, 5-4-1 or 5-4-2');
    await claim.getByLabel(/Product NDC/).fill('0169-4132-11');
    await expect.poll(() => describedBy(page, /Product NDC/)).not.toContain('4-4-2, 5-3-2');
    await rig.screenshot(page, 'validation-claim-en');

    await page.getByLabel('Language').selectOption('es');
    const reclamacion = region(page, 'Reclamación');
    await reclamacion.getByRole('button', { name: 'Enviar reclamación' }).click();
    await expect.poll(() => describedBy(page, 'Número de receta')).toContain('Complete este campo.');
    await rig.screenshot(page, 'validation-claim-es');
    await page.context().close();
  });

  it('a 10-digit NDC with dashes pays as its 11-digit form; "Start a new claim" keeps the patient; a new patient search clears the answer', async () => {
    const page = await rig.signedIn(DEMO.pharmacies.retail.username, DEMO.pharmacies.retail.password);
    const patient = region(page, 'Find the patient (optional)');
    const find = async () => {
      await patient.getByLabel('Last name').fill('Lewis');
      await patient.getByLabel('Date of birth', { exact: true }).fill(jennifer.date_of_birth);
      await patient.getByRole('button', { name: 'Search' }).click();
      await patient.getByRole('button', { name: /Use this member: .*\(M000101\)/ }).click();
    };
    await find();
    const claim = region(page, 'Claim');
    await expect.poll(() => claim.getByLabel('Member ID (cardholder ID)').inputValue()).toBe('M000101');
    // lisinopril 10 mg, NDC 76282-0419-01, typed in its 5-3-2 ten-digit form.
    await claim.getByLabel(/Product NDC/).fill('76282-419-01');
    await claim.getByLabel('Prescription number').fill('RX930001');
    await claim.getByLabel('Prescriber NPI').fill(DEMO.prescribers.primaryCare);
    await claim.getByLabel('Quantity dispensed').fill('30');
    await claim.getByLabel('Days supply').fill('30');
    await claim.getByLabel(/ingredient cost/).fill('25');
    await claim.getByLabel(/Usual and customary/).fill('40');
    await claim.getByRole('button', { name: 'Submit claim' }).click();
    const answer = region(page, 'Answer');
    await answer.getByText('Paid', { exact: true }).waitFor();
    const [row] = await rig.t.ctx.database.query<{ product_id: string }>(
      "select product_id from claims where prescription_number = 'RX930001'",
    );
    expect(row.product_id).toBe(DEMO.ndcs.coveredGeneric);

    await answer.getByRole('button', { name: 'Start a new claim' }).click();
    await expect.poll(() => answer.count()).toBe(0);
    expect(await claim.getByLabel('Member ID (cardholder ID)').inputValue()).toBe('M000101');
    expect(await claim.getByLabel('Patient date of birth').inputValue()).toBe(jennifer.date_of_birth);
    expect(await claim.getByLabel('BIN').inputValue()).toBe('610011');
    expect(await claim.getByLabel('Prescription number').inputValue()).toBe('');
    expect(await claim.getByLabel(/Product NDC/).inputValue()).toBe('');

    // Send another, then start a new patient search: the old answer is not left on screen.
    await claim.getByLabel(/Product NDC/).fill(DEMO.ndcs.coveredGeneric);
    await claim.getByLabel('Prescription number').fill('RX930002');
    await claim.getByLabel('Prescriber NPI').fill(DEMO.prescribers.primaryCare);
    await claim.getByLabel('Quantity dispensed').fill('30');
    await claim.getByLabel('Days supply').fill('30');
    await claim.getByLabel(/ingredient cost/).fill('25');
    await claim.getByLabel(/Usual and customary/).fill('40');
    await claim.getByRole('button', { name: 'Submit claim' }).click();
    await answer.waitFor();
    await patient.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => answer.count()).toBe(0);
    await page.context().close();
  });

  it("the member's coverage answer goes when she starts a new search", async () => {
    const page = await rig.signedIn('jennifer.lewis', 'demo-member');
    await page.getByLabel('Drug name').fill('lisinopril');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page
      .getByRole('button', { name: /Check my coverage for lisinopril 10 mg/ })
      .first()
      .click();
    const answer = page.getByRole('heading', { name: /My coverage for/ });
    await answer.waitFor();
    await page.getByLabel('Drug name').fill('metformin');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => answer.count()).toBe(0);
    await page.context().close();
  });
});
