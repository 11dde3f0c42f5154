import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { ApiClient } from '../support/http.js';
import { claimFor, glp1Draft, members } from '../support/scenario.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { testToday } from '../support/constants.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Issue #14 item 14: answering a case's questions, the prescriber sees the patient's medication
// history from paid claims of the last year — drug, fill date, days supply, pharmacy.

describe.skipIf(!hasChromium)('prescriber: medication history beside the questions', () => {
  let rig: BrowserRig;
  let caseId: string;
  let pharmacyName: string;
  beforeAll(async () => {
    rig = await startBrowserRig();
    const [m] = await members(rig.t, 'id = $1', [DEMO.members.ihss]);
    const pharmacy = new ApiClient(rig.t.app).withKey(DEMO.pharmacies.retail.apiKey);
    const today = testToday(rig.t);
    const claim = await pharmacy.post('claims', {
      ...claimFor(m, DEMO.pharmacies.retail.npi, DEMO.prescribers.primaryCare),
      dateOfService: today,
      productId: DEMO.ndcs.coveredGeneric,
    });
    expect(claim.body.transactionStatus, JSON.stringify(claim.body)).toBe('P');
    [{ name: pharmacyName }] = await rig.t.ctx.database.query<{ name: string }>(
      'select name from pharmacies where npi = $1',
      [DEMO.pharmacies.retail.npi],
    );
    const park = await ApiClient.login(rig.t.app, 'dr.park', 'demo-prescriber');
    caseId = await glp1Draft(park, m.id);
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('the draft case lists the paid fill: human drug name, date, days supply, pharmacy name', async () => {
    const page = await rig.signedIn('dr.park', 'demo-prescriber');
    await page.goto(`/prescriber/requests/${caseId}`);
    const section = page.getByRole('region', { name: 'Medication history (paid claims, last 12 months)' }).first();
    const row = section
      .getByRole('row')
      .filter({ hasText: /lisinopril/i })
      .first();
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[0]).toMatch(/lisinopril 10 mg/i);
    expect(cells[1]).toMatch(/2026/);
    expect(cells[2]).toBe('30');
    expect(cells[3]).toBe(pharmacyName);
    await section.getByText('Fills of your prescriptions for this patient').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rig.screenshot(page, 'prescriber-medication-history');
    await page.context().close();
  });
});
