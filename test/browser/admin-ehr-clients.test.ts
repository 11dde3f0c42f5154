import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

describe.skipIf(!hasChromium)('administrator portal: EHR clients (SMART Backend Services registry)', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('registers a client with a public key and scopes, refuses a private key in words, and disables it', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS384', { extractable: true });
    const page = await rig.signedIn('admin', 'demo-admin');
    await page.getByRole('link', { name: 'EHR clients' }).click();
    await page.getByRole('heading', { level: 1, name: 'EHR clients' }).waitFor();
    await page.getByRole('rowheader', { name: 'demo-ehr' }).waitFor();

    const fill = async (jwk: object) => {
      await page.getByLabel('Name', { exact: true }).fill('Oak Street Clinic EHR');
      await page.getByLabel('Client ID').fill('oak-street-ehr');
      await page.getByLabel('Prescriber NPIs it submits for').fill('2260010006');
      await page.getByLabel('Public key (JWK, RS384 or EC P-384, with kid)', { exact: true }).fill(JSON.stringify(jwk));
      for (const scope of ['system/Claim.c', 'system/ClaimResponse.r'])
        await page.getByRole('checkbox', { name: new RegExp(scope.replace('.', '\\.')) }).check();
    };
    await fill({ ...(await exportJWK(privateKey)), kid: 'k1' });
    await page.getByRole('button', { name: 'Register client' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/private key material/);

    await fill({ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS384' });
    await page.getByRole('button', { name: 'Register client' }).click();
    await page.getByText('Client oak-street-ehr was registered.').waitFor();
    const row = page.getByRole('row', { name: /oak-street-ehr/ });
    await expect.poll(() => row.textContent()).toMatch(/system\/Claim\.c system\/ClaimResponse\.r/);
    await expect.poll(() => row.textContent()).toMatch(/k1 \(RS384\)/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rig.screenshot(page, 'admin-ehr-clients');

    await row.getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => row.textContent()).toMatch(/Disabled/);
    await page.context().close();
  });
});
