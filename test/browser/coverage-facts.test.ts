import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { glp1Answers } from '../support/fhir.js';
import { ApiClient } from '../support/http.js';
import { claimFor, members, type MemberRow } from '../support/scenario.js';
import { TEST_TODAY } from '../support/constants.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

/**
 * docs/design.md#words-from-facts: the member's coverage words come from the facts the rules read. Jennifer has
 * never filled metformin; her Ozempic is approved, so step therapy does not stand in the way —
 * but the screen must say it is her approval, never "our records show you have tried metformin".
 */
describe.skipIf(!hasChromium)('coverage words from the facts the rules used', () => {
  let rig: BrowserRig;
  let jennifer: MemberRow;

  beforeAll(async () => {
    rig = await startBrowserRig();
    const t = rig.t;
    [jennifer] = await members(t, "id = 'M000101'");
    const drPark = await ApiClient.login(t.app, 'dr.park', 'demo-prescriber');
    const started = await drPark.post('pa-requests', {
      memberId: jennifer.id,
      prescriberNpi: DEMO.prescribers.primaryCare,
      productId: DEMO.ndcs.semaglutidePenLow,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const submitted = await drPark.post(`pa-requests/${started.body.id}/submit`, {
      answers: glp1Answers({ a1c: 8.4, contraindication: 'Lactic acidosis on metformin in 2024' }),
    });
    if (submitted.body.status !== 'approved') {
      const physician = await ApiClient.login(t.app, 'physician', 'demo-reviewer');
      await physician.post(`pa-requests/${started.body.id}/assign`);
      const approved = await physician.post(`pa-requests/${started.body.id}/determination`, {
        decision: 'approved',
      });
      expect(approved.body.status, JSON.stringify(approved.body)).toBe('approved');
    }
  });
  afterAll(async () => {
    await rig?.close();
  });

  async function coverageFor(search: string, pick: RegExp) {
    const page = await rig.signedIn('jennifer.lewis', 'demo-member');
    await page.getByLabel('Drug name').fill(search);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: pick }).first().click();
    const rules = page.getByRole('heading', { name: 'What the plan needs first' });
    await rules.waitFor();
    const list = page.locator('h3:has-text("What the plan needs first") + ul');
    await expect.poll(() => list.textContent()).toContain('Step therapy');
    return { page, text: (await list.textContent()) ?? '' };
  }

  it('an approved Ozempic: the approval covers the step; no claim of metformin she never filled', async () => {
    const { page, text } = await coverageFor('ozempic', /Check my coverage for Ozempic 0\.25 or 0\.5/);
    expect(text).toContain('Your approval covers this step');
    expect(text).not.toMatch(/records show/i);
    await rig.screenshot(page, 'coverage-facts-authorization');
    await page.context().close();
  });

  it('dapagliflozin with no metformin on record says none was found; after a fill it names the days and date', async () => {
    let { page, text } = await coverageFor('dapagliflozin', /Check my coverage for dapagliflozin 10 mg/);
    expect(text).toContain('We found no fill of it in the last 365 days');
    expect(text).not.toMatch(/records show/i);
    await page.context().close();

    const pharmacy = await ApiClient.login(rig.t.app, 'pharmacy.lakeshore', 'demo-pharmacy');
    const npi = (await pharmacy.get('me')).body.npi as string;
    const fill = await pharmacy.post(
      'claims',
      claimFor(jennifer, npi, DEMO.prescribers.primaryCare, {
        groupId: 'IHSS01',
        productId: DEMO.ndcs.metformin,
        quantityDispensed: 60,
        daysSupply: 30,
        dateOfService: TEST_TODAY,
      }),
    );
    expect(fill.body.transactionStatus, JSON.stringify(fill.body)).toBe('P');
    ({ page, text } = await coverageFor('dapagliflozin', /Check my coverage for dapagliflozin 10 mg/));
    expect(text).toContain('Our records show 30 days of it in the last 365 days (last filled');
    expect(text).toContain('this step is met');
    await rig.screenshot(page, 'coverage-facts-history');
    await page.context().close();
  });
});
