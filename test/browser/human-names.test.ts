import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

/**
 * Issue #14 item 8: drugs by the names people use (brand or generic, strength, form; RxNorm's name
 * only as secondary text) and the pharmacy by name, address and phone — not its NPI.
 */
describe.skipIf(!hasChromium)('human drug and pharmacy names', () => {
  let rig: BrowserRig;
  let pharmacy: { name: string; phone: string | null; npi: string };

  beforeAll(async () => {
    rig = await startBrowserRig();
    const lakeshore = await ApiClient.login(rig.t.app, 'pharmacy.lakeshore', 'demo-pharmacy');
    const npi = (await lakeshore.get('me')).body.npi as string;
    [pharmacy] = await rig.t.ctx.database.query<{ name: string; phone: string | null; npi: string }>(
      'select name, phone, npi from pharmacies where npi = $1',
      [npi],
    );
    const paid = await lakeshore.post('claims', {
      bin: '610011',
      pcn: 'BAYRX',
      groupId: 'IHSS01',
      cardholderId: 'M000101',
      patient: { dateOfBirth: '1991-12-23' },
      pharmacyNpi: npi,
      prescriptionNumber: 'RX8801',
      fillNumber: 0,
      dateOfService: '2026-11-20',
      productId: '76282041901',
      quantityDispensed: 30,
      daysSupply: 30,
      prescriberNpi: '2260010006',
      submittedIngredientCost: '25.00',
      usualAndCustomaryCharge: '40.00',
    });
    expect(paid.body.transactionStatus, JSON.stringify(paid.body)).toBe('P');
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('the member reads Ozempic as a pen with its doses, and her claim names the pharmacy, not its NPI', async () => {
    const page = await rig.signedIn('jennifer.lewis', 'demo-member');
    await page.getByLabel('Drug name').fill('ozempic');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('list', { name: /Drugs matching/ });
    await results.getByText('Ozempic 0.25 or 0.5 mg/dose pen', { exact: false }).first().waitFor();
    await rig.screenshot(page, 'names-member-search');

    await page.getByRole('link', { name: 'My claims' }).click();
    const claim = page
      .getByRole('list', { name: 'My pharmacy claims' })
      .locator(':scope > li')
      .filter({ hasText: 'RX8801' });
    await expect.poll(() => claim.textContent()).toContain('lisinopril 10 mg tablet');
    const text = (await claim.textContent()) ?? '';
    expect(text).toContain(pharmacy.name);
    if (pharmacy.phone) expect(text).toContain(pharmacy.phone);
    expect(text).not.toContain(pharmacy.npi);
    await rig.screenshot(page, 'names-member-claims');
    await page.context().close();
  });

  it('in Spanish the drug name is Spanish too (390 px)', async () => {
    const page = await rig.signedIn('jennifer.lewis', 'demo-member', { mobile: true });
    await page.getByLabel('Language').selectOption('es');
    await page.getByLabel('Nombre del medicamento').fill('ozempic');
    await page.getByRole('button', { name: 'Buscar', exact: true }).click();
    await page.getByText('Ozempic, pluma de 0.25 o 0.5 mg/dosis').first().waitFor();
    await rig.screenshot(page, 'names-member-search-es-mobile');
    await page.context().close();
  });
});
