import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLivingDemo } from '../../src/demo/living-demo.js';
import { addDays } from '../../src/platform/dates.js';
import { ApiClient } from '../support/http.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Issue #14 item 15: the admin dashboard's claims volume (an SVG bar chart with the same figures
// as a table) and the reject codes in plain words, for the dashboard's dates and plan — here over
// the living demo's year of claims (paid fills and the rejects 41, 75 and 79).

interface Report {
  days: Array<{ day: string; paid: number; rejected: number }>;
  rejectCodes: Array<{ code: string; count: number }>;
  total: { paid: number; reversed: number; rejected: number };
}

describe.skipIf(!hasChromium)('admin: claims volume and reject codes', () => {
  let rig: BrowserRig;
  let recent: Report;
  let all: Report;
  let ihss: Report;
  let from: string;
  beforeAll(async () => {
    rig = await startBrowserRig();
    await loadLivingDemo(rig.t.ctx);
    const admin = await ApiClient.login(rig.t.app, 'admin', 'demo-admin');
    recent = (await admin.get('reports/claims')).body; // the dashboard's default: 12 weeks to today
    const to = rig.t.clock.now().toISOString().slice(0, 10);
    from = addDays(to, -364);
    all = (await admin.get(`reports/claims?from=${from}&to=${to}`)).body;
    ihss = (await admin.get(`reports/claims?from=${from}&to=${to}&planId=IHSS01`)).body;
    // The demo's year bills across plans, with rejects (most before the last 12 weeks).
    expect(all.total.paid).toBeGreaterThan(recent.total.paid);
    expect(all.total.paid).toBeGreaterThan(ihss.total.paid);
    expect(all.total.rejected).toBeGreaterThan(0);
  }, 240_000);
  afterAll(async () => {
    await rig?.close();
  });

  const totals = (r: Report, words: 'en' | 'es') =>
    words === 'en'
      ? `${r.total.paid} paid (${r.total.reversed} reversed since) and ${r.total.rejected} rejected claims.`
      : `${r.total.paid} reclamaciones pagadas (${r.total.reversed} anuladas después) y ${r.total.rejected} rechazadas.`;

  it('shows the chart and its table for the demo claims; the date and plan filters change the numbers', async () => {
    const page = await rig.signedIn('admin', 'demo-admin');
    const section = page.getByRole('region', { name: 'Claims volume and reject codes' });
    await section.getByText(totals(recent, 'en')).waitFor();
    await page.getByLabel('From', { exact: true }).fill(from);
    await page.getByRole('button', { name: 'Show' }).click();
    await section.getByText(totals(all, 'en')).waitFor();
    const chart = section.getByRole('img', { name: /^Claims per day of service/ });
    await chart.waitFor();
    // One bar group per day, each titled with its figures.
    expect(await chart.locator('g[data-day]').count()).toBe(all.days.length);
    const busiest = all.days.reduce((a, b) => (b.paid + b.rejected > a.paid + a.rejected ? b : a));
    expect(await chart.locator(`g[data-day="${busiest.day}"] title`).textContent()).toMatch(
      new RegExp(`: ${busiest.paid} paid, ${busiest.rejected} rejected$`),
    );
    const table = section.getByRole('table', { name: 'Claims by day of service' });
    expect(await table.getByRole('row').count()).toBe(all.days.length + 1);
    const row = table.getByRole('row').nth(all.days.indexOf(busiest) + 1);
    expect((await row.getByRole('cell').allTextContents())[0]).toBe(String(busiest.paid));
    const codes = section.getByRole('table', { name: 'Reject codes returned' });
    for (const c of all.rejectCodes) {
      const cells = await codes
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: c.code }) })
        .getByRole('cell')
        .allTextContents();
      expect(cells[1]).toBe(String(c.count));
      expect(cells[0]).not.toBe('—');
    }
    if (all.rejectCodes.some((c) => c.code === '75'))
      await codes
        .getByText(/needs prior authorization|prior authorization/i)
        .first()
        .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rig.screenshot(page, 'admin-claims-report');

    await page.getByLabel('Plan', { exact: true }).selectOption('IHSS01');
    await page.getByRole('button', { name: 'Show' }).click();
    await section.getByText(totals(ihss, 'en')).waitFor();

    await page.getByLabel('Language').selectOption('es');
    const es = page.getByRole('region', { name: 'Volumen de reclamaciones y códigos de rechazo' });
    await es.getByText(totals(ihss, 'es')).waitFor();
    await es.getByRole('img', { name: /^Reclamaciones por día de servicio/ }).waitFor();
    await es.getByRole('table', { name: 'Códigos de rechazo devueltos' }).waitFor();
    await page.context().close();
  });
});
