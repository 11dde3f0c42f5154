import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Each role's demo login lands on a working home screen: its heading, its navigation, no error.
const HOMES = [
  { username: 'jennifer.lewis', password: 'demo-member', path: '/member', heading: 'My coverage' },
  { username: 'dr.park', password: 'demo-prescriber', path: '/prescriber', heading: 'My prior authorization requests' },
  { username: 'pharmacy.lakeshore', password: 'demo-pharmacy', path: '/pharmacy', heading: 'Submit a claim' },
  { username: 'pharmacist', password: 'demo-reviewer', path: '/review', heading: 'Review queue' },
  { username: 'physician', password: 'demo-reviewer', path: '/review', heading: 'Review queue' },
  { username: 'intake', password: 'demo-intake', path: '/intake', heading: 'Inbound faxes' },
  { username: 'memberservices', password: 'demo-services', path: '/services', heading: 'Find a member' },
  { username: 'admin', password: 'demo-admin', path: '/admin', heading: 'Turnaround dashboard' },
];

describe.skipIf(!hasChromium)('home screen of every role', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it.each(HOMES)('$username lands on $path', async ({ username, password, path, heading }) => {
    const page = await rig.signedIn(username, password);
    await page.waitForURL((u) => u.pathname === path);
    await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('alert').count()).toBe(0);
    // Keyboard and screen-reader basics, checked by axe-core (WCAG 2.1 A/AA): labels, names, contrast.
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rig.screenshot(page, `home-${username}`);
    await page.context().close();
  });

  it('a wrong password is refused in words and nobody is signed in', async () => {
    const context = await rig.browser.newContext({
      baseURL: rig.baseUrl,
      bypassCSP: true /* axe is injected inline */,
    });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/password|credentials|sign/i);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await context.close();
  });
});
