import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

describe.skipIf(!hasChromium)('admin: password reset from the Users screen (docs/design.md#administration)', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('an admin sets a temporary password; the person must choose a new one at sign-in, and the old session ends', async () => {
    const admin = await ApiClient.login(rig.t.app, 'admin', 'demo-admin');
    const created = await admin.post('users', {
      username: 'intake.reset',
      password: 'original-password-1',
      role: 'intake',
      displayName: 'Reset Intake',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const before = await ApiClient.login(rig.t.app, 'intake.reset', 'original-password-1');

    const page = await rig.signedIn('admin', 'demo-admin');
    await page.getByRole('link', { name: 'Users' }).click();
    const row = page.getByRole('row').filter({ hasText: 'intake.reset' });
    await row.getByRole('button', { name: 'Reset password of intake.reset' }).click();
    await row.getByLabel('I will type one').check();
    // Our own validation, not the browser's bubble: too short is refused before anything is sent.
    await row.getByLabel('Temporary password', { exact: true }).fill('short');
    await row.getByRole('button', { name: 'Reset the password of intake.reset' }).click();
    await row.getByText('Type at least 8 characters.').waitFor();
    expect((await before.get('me')).status).toBe(200);
    await row.getByLabel('Temporary password', { exact: true }).fill('temporary-pass-9');
    await row.getByRole('button', { name: 'Reset the password of intake.reset' }).click();
    await page.getByText('The password of intake.reset is reset to the one you typed.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rig.screenshot(page, 'admin-password-reset');
    expect((await before.get('me')).status).toBe(401);
    await page.context().close();

    // The person signs in with the temporary password and is asked for a new one.
    const context = await rig.browser.newContext({ baseURL: rig.baseUrl, bypassCSP: true });
    const person = await context.newPage();
    await person.goto('/');
    await person.getByLabel('Username').fill('intake.reset');
    await person.getByLabel('Password').fill('temporary-pass-9');
    await person.getByRole('button', { name: 'Sign in' }).click();
    await person.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await person.getByLabel('New password', { exact: true }).fill('my-own-password-7');
    await person.getByLabel('New password again').fill('my-own-password-8');
    await person.getByRole('button', { name: 'Save and sign in' }).click();
    await person.getByText('The two passwords are not the same.').waitFor();
    await person.getByLabel('New password again').fill('my-own-password-7');
    await person.getByRole('button', { name: 'Save and sign in' }).click();
    await person.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await seriousAccessibilityViolations(person)).toEqual([]);
    await context.close();
    expect(
      (await new ApiClient(rig.t.app).post('auth/token', { username: 'intake.reset', password: 'my-own-password-7' }))
        .status,
    ).toBe(200);
  });
});
