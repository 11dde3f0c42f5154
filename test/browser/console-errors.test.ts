import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';
import { fillPath, PORTAL_VISITS, somethingBehindEveryPage, settle } from './support/portal-pages.js';

// Every portal page, opened as its role would, leaves nothing in the browser console: no script
// error, no failed request (a missing favicon included), no React warning.

/** Records console errors, uncaught exceptions and failed requests on a page. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} @ ${page.url()}`);
  });
  page.on('pageerror', (e) => errors.push(`exception: ${e.message} @ ${page.url()}`));
  page.on('requestfailed', (r) => {
    // A navigation away aborts requests still in flight: that is not an error on a page.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()}`);
  });
  return errors;
}

describe.skipIf(!hasChromium)('no console errors on any portal page', () => {
  let rig: BrowserRig;
  let ids: Record<string, string>;
  beforeAll(async () => {
    rig = await startBrowserRig();
    ids = await somethingBehindEveryPage(rig);
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('the sign-in page asks for nothing that is not there (favicon included)', async () => {
    const context = await rig.browser.newContext({ baseURL: rig.baseUrl });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto('/');
    await page.getByLabel('Username').waitFor();
    await page.waitForLoadState('networkidle');
    const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href ?? null);
    expect(icon, 'the page names its icon').not.toBeNull();
    const res = await page.request.get(icon!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/image\//);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(PORTAL_VISITS.map((v) => [v.username, v] as const))(
    '%s: every page opens without a console error',
    async (_, v) => {
      const page = await rig.signedIn(v.username, v.password);
      const errors = collectErrors(page);
      for (const template of v.paths) {
        const path = fillPath(template, ids);
        await page.goto(path);
        await settle(page);
        expect(await page.getByRole('alert').count(), `no error shown on ${path}`).toBe(0);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
