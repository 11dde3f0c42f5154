import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { writeBillingRequest } from '../../src/ncpdp/write-request.js';
import { TEST_TODAY } from '../support/constants.js';
import { readGroup, sendD0 } from '../support/d0.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// A claim that came over the wire: the pharmacy portal's claim page shows the decoded D.0
// request and response; a claim sent as JSON shows no such section.
describe.skipIf(!hasChromium)('pharmacy portal: the decoded D.0 view of a claim', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('shows the request and response fields by name, with the amounts read', async () => {
    const [m] = await rig.t.ctx.database.query<{ id: string; date_of_birth: string }>(
      `select id, date_of_birth::text from members where plan_id = 'IHSS01' and termination_date is null
         and not exists (select 1 from claims c where c.member_id = members.id) order by id desc limit 1`,
    );
    const bytes = writeBillingRequest([
      {
        bin: '610011',
        pcn: 'BAYRX',
        groupId: 'IHSS01',
        cardholderId: m.id,
        patient: { dateOfBirth: m.date_of_birth },
        pharmacyNpi: DEMO.pharmacies.retail.npi,
        prescriptionNumber: 'WEBD0',
        fillNumber: 0,
        dateOfService: TEST_TODAY,
        productId: DEMO.ndcs.coveredGeneric,
        quantityDispensed: 30,
        daysSupply: 30,
        prescriberNpi: DEMO.prescribers.primaryCare,
        submittedIngredientCost: '25.00',
        usualAndCustomaryCharge: '40.00',
      },
    ]);
    const r = await sendD0(rig.t, DEMO.pharmacies.retail.apiKey, bytes);
    const claimId = readGroup(r.d0!).claimId!;

    const page = await rig.signedIn(DEMO.pharmacies.retail.username, DEMO.pharmacies.retail.password);
    await page.goto(`/pharmacy/claims/${claimId}`);
    const section = page.getByRole('region', { name: 'Sent over NCPDP D.0' });
    await expect.poll(() => section.getByRole('heading', { level: 3 }).textContent()).toMatch(/^B1 · P · /);
    await section.getByText('Request', { exact: true }).click();
    const claimTable = section.getByRole('table', { name: 'Transaction 1 · AM07 Claim' }).first();
    await expect.poll(() => claimTable.getByRole('row').filter({ hasText: '402-D2' }).textContent()).toContain('WEBD0');
    await section.getByText('Response', { exact: true }).click();
    const pricing = section.getByRole('table', { name: 'Transaction 1 · AM23 Response Pricing' });
    await expect
      .poll(() => pricing.getByRole('row').filter({ hasText: '509-F9' }).textContent())
      .toMatch(/\d+\.\d{2}$/);
    await page.screenshot({ path: 'test-results/screenshots/pharmacy-d0-view.png', fullPage: true });
  });
});
