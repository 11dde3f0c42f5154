import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { available } from '../../../src/shared/test-needs.test-support.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots for people to look at (git-ignored). */
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

// The flags the project runs Chromium with (headless, no sandbox as root in CI, nothing phoning home).
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserRig {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /**
   * A fresh browser context (own session storage) signed in as `username`. The portal language the user
   * chose in an earlier test (stored by PUT /me/language) is forgotten first, unless `keepLanguage`.
   */
  signedIn(username: string, password: string, options?: { mobile?: boolean; keepLanguage?: boolean }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export const hasChromium = available(
  CHROMIUM,
  'Chromium, which the browser journeys drive',
  'Install it (apt-get install chromium, as .ci/run does) or point CHROMIUM_PATH at one.',
);

export async function startBrowserRig(): Promise<BrowserRig> {
  const t = await createTestApp({ env: { WEB_DIR: inject('webDir') } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const rig: BrowserRig = {
    t,
    baseUrl,
    browser,
    async signedIn(username, password, options = {}) {
      if (!options.keepLanguage)
        await t.ctx.database.query('update users set language = null where username = $1', [username]);
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: options.mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 },
        locale: 'en-US',
        timezoneId: 'America/Los_Angeles',
        // axe-core is injected as a script tag to check accessibility; the portals' CSP (script-src
        // 'self') rightly refuses inline scripts, so the test tool bypasses it, not the product.
        bypassCSP: true,
      });
      const page = await context.newPage();
      await page.goto('/');
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // A Spanish-speaking member's portal opens in Spanish (docs/design.md#portal-language).
      await page.getByRole('button', { name: /^(Sign out|Cerrar sesión)$/ }).waitFor();
      return page;
    },
    async screenshot(page, name) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
  return rig;
}
