import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { loadLivingDemo } from '../../src/demo/living-demo.js';
import { ApiClient } from '../support/http.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Issue #14 item 14 (docs/design.md#renewals): the prescriber's dashboard lists the
// authorizations of their patients that end within 60 days — here the living demo's jennifer.lewis,
// whose Ozempic authorization dr.park asked for 318 days ago — and "Request renewal" opens the new
// request prefilled from the old one, linked back to it.

const park = DEMO_ACCOUNTS.prescribers[0];
const jennifer = DEMO_ACCOUNTS.members.find((m) => m.username === 'jennifer.lewis')!;

interface Due {
  paRequestId: string;
  memberId: string;
  memberName: string;
  quantity: number;
  daysSupply: number;
  daysLeft: number;
  authorization: { number: string; effectiveTo: string };
}

describe.skipIf(!hasChromium)('prescriber: renewals due on the dashboard', () => {
  let rig: BrowserRig;
  let due: Due;
  beforeAll(async () => {
    rig = await startBrowserRig();
    await loadLivingDemo(rig.t.ctx);
    const api = await ApiClient.login(rig.t.app, park.username, park.password);
    due = (await api.get('renewals-due')).body.items.find((i: Due) => i.memberId === jennifer.memberId);
    expect(due).toBeDefined();
  }, 240_000);
  afterAll(async () => {
    await rig?.close();
  });

  /** The dashboard's renewals table: its one row for jennifer's authorization. */
  async function renewalRow(page: Page, title: string) {
    const section = page.getByRole('region', { name: title });
    const row = section.getByRole('row').filter({ hasText: due.authorization.number });
    await row.waitFor();
    return { section, row };
  }

  const noSidewaysScroll = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it('in Spanish at 390 px: the row says drug, patient, end date and days left, and offers the renewal', async () => {
    const page = await rig.signedIn(park.username, park.password, { mobile: true });
    await page.getByLabel('Language').selectOption('es');
    const { section, row } = await renewalRow(page, 'Renovaciones pendientes');
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[0]).toMatch(/^Ozempic/);
    expect(cells[0]).toContain(`Autorización ${due.authorization.number}`);
    expect(cells[1]).toBe(`${due.memberName} (${due.memberId})`);
    const [y, , d] = due.authorization.effectiveTo.split('-').map(Number);
    expect(cells[2]).toMatch(new RegExp(`^${d} .*${y}$`)); // e.g. "6 ene 2027"
    expect(cells[3]).toBe(`${due.daysLeft} días`);
    await row.getByRole('link', { name: /^Solicitar renovación de Ozempic.* para Jennifer Lewis$/ }).waitFor();
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    // A card per row (stack-on-narrow): the table's own box does not scroll sideways either.
    const box = section.locator('.table-wrap');
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(await row.evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rig.screenshot(page, 'prescriber-renewals-due-es-390');
    await page.context().close();
  });

  it('in English at 1280 px: "Request renewal" opens the request prefilled and linked back, then shows it started', async () => {
    const page = await rig.signedIn(park.username, park.password);
    const { row } = await renewalRow(page, 'Renewals due');
    expect(await row.getByRole('cell').nth(3).textContent()).toBe(`${due.daysLeft} days`);
    await rig.screenshot(page, 'prescriber-renewals-due');
    await row.getByRole('link', { name: /^Request renewal of Ozempic.* for Jennifer Lewis$/ }).click();

    await page
      .getByRole('heading', { level: 1, name: `Renew prior authorization ${due.authorization.number}` })
      .waitFor();
    await page.getByText(`Patient: ${due.memberName} (${due.memberId})`).waitFor();
    expect(await page.getByLabel('Quantity').inputValue()).toBe(String(due.quantity));
    expect(await page.getByLabel('Days supply').inputValue()).toBe(String(due.daysSupply));
    const back = page.getByRole('link', { name: 'See the request it renews' });
    expect(await back.getAttribute('href')).toBe(`/prescriber/requests/${due.paRequestId}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start the request' }).click();

    // The new case starts from the old answers (same criteria set): diagnosis and HbA1c are there.
    await page.waitForURL(
      (url) => url.pathname.startsWith('/prescriber/requests/') && !url.pathname.endsWith(due.paRequestId),
    );
    await expect.poll(() => page.getByLabel('Most recent HbA1c (%)').inputValue()).toBe('8.1');
    expect(await page.getByRole('radio', { name: 'Type 2 diabetes mellitus with hyperglycemia' }).isChecked()).toBe(
      true,
    ); // E11.65, the renewed case's diagnosis

    await page.getByRole('link', { name: 'My requests', exact: true }).click();
    const again = await renewalRow(page, 'Renewals due');
    await again.row.getByRole('link', { name: 'Renewal started' }).waitFor();
    expect(await again.row.getByRole('link', { name: /^Request renewal/ }).count()).toBe(0);
    await page.context().close();
  });
});
