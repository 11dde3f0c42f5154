import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { glp1Answers } from '../support/fhir.js';
import { ApiClient } from '../support/http.js';
import { glp1Draft, members, pharmacyWithKey } from '../support/scenario.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

/**
 * A pharmacy with no fax number on file gets its letters in its portal (notice channel `portal`): the
 * pharmacy portal lists the letters addressed to that pharmacy, and only those (issue #14 item 8).
 */
describe.skipIf(!hasChromium)("a pharmacy's letters", () => {
  let rig: BrowserRig;
  let caseId: string;
  const npi = DEMO.pharmacies.retail.npi;

  beforeAll(async () => {
    rig = await startBrowserRig();
    const t = rig.t;
    await t.ctx.database.query('update pharmacies set fax = null where npi = $1', [npi]);
    const [member] = await members(
      t,
      "plan_id = 'IHSS01' and termination_date is null and date_of_birth < '2000-01-01'",
    );
    const drPark = await ApiClient.login(t.app, 'dr.park', 'demo-prescriber');
    // A request the pharmacy is on (as after a 75 reject), approved: the pharmacy gets the approval letter.
    caseId = await glp1Draft(drPark, member.id, { pharmacyNpi: npi });
    const submitted = await drPark.post(`pa-requests/${caseId}/submit`, {
      answers: glp1Answers({ a1c: 8.4, contraindication: 'Lactic acidosis on metformin in 2024' }),
    });
    if (submitted.body.status !== 'approved') {
      const physician = await ApiClient.login(t.app, 'physician', 'demo-reviewer');
      await physician.post(`pa-requests/${caseId}/assign`);
      const approved = await physician.post(`pa-requests/${caseId}/determination`, { decision: 'approved' });
      expect(approved.body.status, JSON.stringify(approved.body)).toBe('approved');
    }
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('the API lists a pharmacy its own letters without a filter, and no one else’s', async () => {
    type Item = { id: string; recipient: string; channel: string; paRequestId: string | null };
    const own = await pharmacyWithKey(rig.t, npi);
    const mine = await own.get('notices');
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    const items = mine.body.items as Item[];
    const letter = items.find((n) => n.paRequestId === caseId);
    expect(letter, JSON.stringify(items)).toMatchObject({ recipient: 'pharmacy', channel: 'portal' });
    expect(items.every((n) => n.recipient === 'pharmacy')).toBe(true);
    expect((await own.getBytes(`notices/${letter!.id}/pdf`)).status).toBe(200);

    const other = await pharmacyWithKey(rig.t, DEMO.pharmacies.retail2.npi);
    const theirs = (await other.get('notices')).body.items as Item[];
    expect(theirs.some((n) => n.paRequestId === caseId)).toBe(false);
    expect((await other.getBytes(`notices/${letter!.id}/pdf`)).status).toBe(404);
  });

  it('the pharmacy portal lists them under Letters, with how each was sent, in English and Spanish', async () => {
    const page = await rig.signedIn('pharmacy.lakeshore', 'demo-pharmacy');
    await page.getByRole('link', { name: 'Letters', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/pharmacy/letters');
    const table = page.getByRole('region', { name: 'Letters to this pharmacy' });
    const row = table.getByRole('row').filter({ hasText: caseId });
    await expect.poll(() => row.getByRole('cell').allInnerTexts()).toContain('Pharmacy portal');
    expect(await row.innerText()).toContain('Approval letter');
    expect(await seriousAccessibilityViolations(page), 'pharmacy letters').toEqual([]);
    await rig.screenshot(page, 'pharmacy-letters');
    await page.getByLabel('Language').selectOption('es');
    const cartas = page.getByRole('region', { name: 'Cartas a esta farmacia' });
    const fila = cartas.getByRole('row').filter({ hasText: caseId });
    await expect.poll(() => fila.getByRole('cell').allInnerTexts()).toContain('Portal de farmacias');
    expect(await fila.innerText()).toContain('Carta de aprobación');
    await page.context().close();
  });
});
