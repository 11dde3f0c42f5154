import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

describe.skipIf(!hasChromium)(
  'admin: disable, enable and revoke API keys from the Users screen (docs/design.md#administration)',
  () => {
    let rig: BrowserRig;
    beforeAll(async () => {
      rig = await startBrowserRig();
    });
    afterAll(async () => {
      await rig?.close();
    });

    it('an admin disables an account (after confirming), enables it again, and revokes its API keys', async () => {
      const admin = await ApiClient.login(rig.t.app, 'admin', 'demo-admin');
      const created = await admin.post('users', {
        username: 'intake.temp',
        password: 'a-long-enough-password-1',
        role: 'intake',
        displayName: 'Temporary Intake',
        withApiKey: true,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const key = created.body.apiKey as string;
      const withKey = (k: string) =>
        rig.t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${k}` } });
      expect((await withKey(key)).statusCode).toBe(200);

      const page = await rig.signedIn('admin', 'demo-admin');
      await page.getByRole('link', { name: 'Users' }).click();
      const row = page.getByRole('row').filter({ hasText: 'intake.temp' });
      await row.getByText('Active', { exact: true }).waitFor();
      await row.getByRole('button', { name: 'Disable intake.temp' }).click();
      // Nothing happens before the confirmation.
      expect(
        (await admin.get('users')).body.items.find((u: { username: string }) => u.username === 'intake.temp').disabled,
      ).toBe(false);
      await row.getByRole('button', { name: 'Yes, disable intake.temp' }).click();
      await row.getByText('Disabled', { exact: true }).waitFor();
      await page.getByText('intake.temp is disabled.').waitFor();
      const signInStatus = async () =>
        (
          await rig.t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/token',
            payload: { username: 'intake.temp', password: 'a-long-enough-password-1' },
          })
        ).statusCode;
      expect(await signInStatus()).toBe(401);
      expect((await withKey(key)).statusCode).toBe(401);

      await row.getByRole('button', { name: 'Enable intake.temp' }).click();
      await row.getByText('Active', { exact: true }).waitFor();
      expect(await signInStatus()).toBe(200);

      await row.getByRole('button', { name: 'Revoke API keys of intake.temp' }).click();
      await page.getByText('1 API key(s) of intake.temp revoked.').waitFor();
      expect((await withKey(key)).statusCode).toBe(401);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await rig.screenshot(page, 'admin-user-status');

      // An unknown account is a clear 404.
      expect((await admin.post('users/no.such.user/disable')).status).toBe(404);
      await page.context().close();
    });
  },
);
