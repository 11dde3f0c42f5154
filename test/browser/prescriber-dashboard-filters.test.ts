import { addDays } from '../../src/platform/dates.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { demoPeople } from '../../src/demo/demo-people.js';
import { ApiClient } from '../support/http.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { testToday } from '../support/constants.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// docs/design.md#prescriber-portal: the prescriber's dashboard finds requests by patient, drug and the dates they
// were received, on top of the status groups; a backwards date range is said in words.

const OZEMPIC_RXCUI = '1991311';
const patient = demoPeople().members.find((m) => m.memberId === DEMO.members.ihss)!;
const other = demoPeople().members.find(
  (m) => m.planId === patient.planId && !m.terminationDate && m.band === 'adult' && m.lastName !== patient.lastName,
)!;

describe.skipIf(!hasChromium)('prescriber dashboard: search and filters', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
    const park = await ApiClient.login(rig.t.app, 'dr.park', 'demo-prescriber');
    const started = await park.post('pa-requests', {
      memberId: patient.memberId,
      prescriberNpi: DEMO.prescribers.primaryCare,
      rxcui: OZEMPIC_RXCUI,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    // Another patient, another drug (Eliquis, PA doac).
    const second = await park.post('pa-requests', {
      memberId: other.memberId,
      prescriberNpi: DEMO.prescribers.primaryCare,
      productId: DEMO.ndcs.doac,
      quantity: 60,
      daysSupply: 30,
      urgency: 'standard',
      channel: 'portal',
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('patient, drug and received dates narrow the list; clearing brings every request back', async () => {
    const page = await rig.signedIn('dr.park', 'demo-prescriber');
    await page.getByRole('heading', { level: 1, name: 'My prior authorization requests' }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    const total = await rows.count();
    const others = await rows.filter({ hasNotText: patient.lastName }).count();
    expect(others, 'dr.park has requests for other patients too').toBeGreaterThan(0);

    await page.getByLabel('Patient name or member ID').fill(patient.lastName.toLowerCase());
    await expect.poll(() => rows.count()).toBe(total - others);
    for (const text of await rows.allTextContents()) expect(text).toContain(patient.lastName);
    await page
      .getByRole('status')
      .filter({ hasText: `Showing ${total - others} of ${total} requests.` })
      .waitFor();

    await page.getByLabel('Drug', { exact: true }).fill('ozempic');
    await expect.poll(() => rows.filter({ hasText: 'Ozempic' }).count()).toBeGreaterThan(0);
    expect(await rows.filter({ hasNotText: 'Ozempic' }).count()).toBe(0);
    await page.getByLabel('Patient name or member ID').fill(other.memberId);
    await page.getByLabel('Drug', { exact: true }).fill('eliquis');
    await expect.poll(() => rows.filter({ hasText: other.lastName }).count()).toBeGreaterThan(0);
    expect(await rows.filter({ hasNotText: 'Eliquis' }).count()).toBe(0);
    await page.getByLabel('Drug', { exact: true }).fill('no such drug');
    await page.getByText('No request matches these filters.').waitFor();
    expect(await rows.count()).toBe(0);
    await page.getByLabel('Drug', { exact: true }).fill('');

    // Dates: a request received today is in "from today"; a backwards range is an error, not an empty list.
    // The requests were received at the test clock's "now"; the browser is in Los Angeles (PST in November).
    const today = testToday(rig.t);
    await page.getByLabel('Received to').fill('2020-01-01');
    await page.getByLabel('Received from').fill(today);
    await page.getByText('The “from” date is after the “to” date.').waitFor();
    await page.getByLabel('Received to').fill('');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const receivedToday = await rows.count();
    // "To" includes its own day: from and to today show the same requests; from tomorrow shows none.
    await page.getByLabel('Received to').fill(today);
    await expect.poll(() => rows.count()).toBe(receivedToday);
    await page.getByLabel('Received from').fill(addDays(today, 1));
    await page.getByLabel('Received to').fill('');
    await page.getByText('No request matches these filters.').waitFor();
    await page.getByLabel('Received from').fill(today);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rig.screenshot(page, 'prescriber-dashboard-filters');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows.count()).toBe(total);
    expect(await page.getByLabel('Patient name or member ID').inputValue()).toBe('');
    await page.context().close();
  });
});
