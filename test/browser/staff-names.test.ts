import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { ApiClient } from '../support/http.js';
import { glp1Answers } from '../support/fhir.js';
import { glp1Draft, members } from '../support/scenario.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

/**
 * Issue #14 items 8 and 11 on the staff screens: the reviewer's case names the prescriber and the pharmacy
 * (the NPI beside the name, not alone), its history is in the screen's language, and the admin's formulary
 * and criteria screens name drug groups as people do ("semaglutide pen"), not by RxNorm's form name.
 */
describe.skipIf(!hasChromium)('names and words on the staff screens', () => {
  let rig: BrowserRig;
  let caseId: string;
  let prescriberName: string;
  let pharmacyName: string;

  beforeAll(async () => {
    rig = await startBrowserRig();
    const prescriber = await ApiClient.login(rig.t.app, 'dr.park', 'demo-prescriber');
    const [member] = await members(rig.t, "plan_id = 'IHSS01' and termination_date is null");
    caseId = await glp1Draft(prescriber, member.id, { pharmacyNpi: DEMO.pharmacies.retail.npi });
    const s = await prescriber.post(`pa-requests/${caseId}/submit`, { answers: glp1Answers({ a1c: 6.2 }) });
    expect(s.body.status).toBe('in-review');
    [{ name: prescriberName }] = await rig.t.ctx.database.query<{ name: string }>(
      "select first_name || ' ' || last_name as name from prescribers where npi = $1",
      [DEMO.prescribers.primaryCare],
    );
    [{ name: pharmacyName }] = await rig.t.ctx.database.query<{ name: string }>(
      'select name from pharmacies where npi = $1',
      [DEMO.pharmacies.retail.npi],
    );
  });
  afterAll(async () => {
    await rig?.close();
  });

  it("the reviewer's case names the prescriber and the pharmacy, with their NPIs beside the names", async () => {
    const view = await (await ApiClient.login(rig.t.app, 'pharmacist', 'demo-reviewer')).get(`pa-requests/${caseId}`);
    expect(view.body.pharmacyName).toBe(pharmacyName);
    const page = await rig.signedIn('pharmacist', 'demo-reviewer');
    await page.goto(`/review/cases/${caseId}`);
    const parties = page.getByRole('region', { name: 'Member and prescriber' });
    await expect.poll(() => parties.textContent()).toContain(`${prescriberName} (NPI ${DEMO.prescribers.primaryCare})`);
    expect(await parties.textContent()).toContain(`${pharmacyName} (NPI ${DEMO.pharmacies.retail.npi})`);
    await rig.screenshot(page, 'staff-names-reviewer-parties');
    await page.context().close();
  });

  it("the reviewer's case history is in Spanish on a Spanish screen, in the words member services uses", async () => {
    const page = await rig.signedIn('pharmacist', 'demo-reviewer');
    await page.goto(`/review/cases/${caseId}`);
    await page.getByRole('heading', { level: 1, name: `Case ${caseId}` }).waitFor();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('tab', { name: 'Cartas e historial' }).click();
    const timeline = page.getByRole('tabpanel', { name: 'Cartas e historial' }).locator('ol.timeline');
    await expect.poll(() => timeline.textContent()).toContain('Solicitud iniciada');
    const text = (await timeline.textContent()) ?? '';
    expect(text).toContain('Enviada al plan');
    expect(text).toContain('Enviada a revisión clínica');
    expect(text).not.toMatch(/initiated|submitted|routed|review/i);
    await rig.screenshot(page, 'staff-names-reviewer-history-es');
    await page.context().close();
  });

  it("the admin's formulary and criteria drugs name drug groups as people do, in the screen's language", async () => {
    const page = await rig.signedIn('admin', 'demo-admin');
    await page.goto('/admin/plans/IHSS01');
    await page.getByRole('heading', { level: 1, name: /^Formulary of / }).waitFor();
    await page.getByLabel('Drug name, ingredient, class, NDC or RxCUI').fill('semaglutide');
    await page.getByRole('button', { name: 'Search' }).click();
    const groupCell = page.locator('tbody tr', { hasText: 'Ozempic' }).first().locator('td').first();
    await expect.poll(() => groupCell.textContent()).toMatch(/^semaglutide pen/);
    expect(await groupCell.textContent()).not.toContain('Pen Injector');
    await page.getByLabel('Language').selectOption('es');
    await expect.poll(() => groupCell.textContent()).toMatch(/^semaglutide, pluma/);
    await rig.screenshot(page, 'staff-names-admin-formulary-es');

    await page.goto('/admin/criteria/glp1-t2dm');
    await expect.poll(() => page.locator('main').textContent()).toContain('semaglutide, pluma');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('Pen Injector');
    await page.getByLabel('Idioma').selectOption('en');
    await expect.poll(() => page.locator('main').textContent()).toContain('semaglutide pen');
    expect((await page.locator('main').textContent()) ?? '').not.toContain('Pen Injector');
    await rig.screenshot(page, 'staff-names-admin-criteria');
    await page.context().close();
  });
});
