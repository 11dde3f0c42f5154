import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { ApiClient } from '../support/http.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Issue #14 item 14: where the prescriber gives the diagnosis, an ICD-10-CM search by code or
// words (a combobox) picks the answer; a code the question does not list is answered as its
// "Other diagnosis" choice, and the form says so.

const OZEMPIC_RXCUI = '1991311';

describe.skipIf(!hasChromium)('prescriber: ICD-10-CM code search on the diagnosis question', () => {
  let rig: BrowserRig;
  let caseId: string;
  beforeAll(async () => {
    rig = await startBrowserRig();
    const park = await ApiClient.login(rig.t.app, 'dr.park', 'demo-prescriber');
    const started = await park.post('pa-requests', {
      memberId: DEMO.members.ihss,
      prescriberNpi: DEMO.prescribers.primaryCare,
      rxcui: OZEMPIC_RXCUI,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    caseId = started.body.id;
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('words find the code; arrow keys and Enter pick it; a code the criteria do not list becomes "Other diagnosis"', async () => {
    const page = await rig.signedIn('dr.park', 'demo-prescriber');
    await page.goto(`/prescriber/requests/${caseId}`);
    const search = page.getByRole('combobox', { name: 'Search ICD-10-CM diagnosis codes' });
    await search.fill('hyperglycemia');
    const options = page.getByRole('listbox', { name: 'Search ICD-10-CM diagnosis codes' }).getByRole('option');
    await expect.poll(() => options.allTextContents()).toEqual(['E11.65 Type 2 diabetes mellitus with hyperglycemia']);
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    await search.press('ArrowDown');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');
    await search.press('Enter');
    const diagnosis = page.getByRole('radiogroup', { name: /Diagnosis/ });
    await expect.poll(() => diagnosis.getByLabel('Type 2 diabetes mellitus with hyperglycemia').isChecked()).toBe(true);
    await page
      .getByRole('status')
      .filter({ hasText: 'Chosen: E11.65 Type 2 diabetes mellitus with hyperglycemia.' })
      .waitFor();
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A code by its start, one these GLP-1 criteria do not list (atrial fibrillation, from the DOAC set).
    await search.fill('I48.0');
    await expect.poll(() => options.allTextContents()).toEqual(['I48.0 Paroxysmal atrial fibrillation']);
    await options.first().click();
    await expect.poll(() => diagnosis.getByLabel('Other diagnosis').isChecked()).toBe(true);
    await page
      .getByRole('status')
      .filter({ hasText: 'I48.0 Paroxysmal atrial fibrillation is not one of the diagnoses these criteria list' })
      .waitFor();

    // Nothing matches: said in words, no list.
    await search.fill('zzzz');
    await page.getByRole('status').filter({ hasText: 'No code matches' }).waitFor();
    expect(await options.count()).toBe(0);
    await rig.screenshot(page, 'prescriber-icd-search');
    await page.context().close();
  });
});
