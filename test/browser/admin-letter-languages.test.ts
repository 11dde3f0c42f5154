import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { ApiClient } from '../support/http.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

/**
 * docs/design.md#notices (letters in the threshold languages): the admin portal shows each member-letter
 * resource file's review status and what it means for sending — an unreviewed language goes out
 * with the English letter attached.
 */
describe.skipIf(!hasChromium)('admin: letter languages and their review status (docs/design.md#notices)', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('lists every letter language with its review status; unreviewed ones say English is attached', async () => {
    const page = await rig.signedIn('admin', 'demo-admin');
    await page.getByRole('link', { name: 'Letter languages' }).click();
    const table = page.getByRole('table', { name: 'Member-letter languages and their review status' });
    await table.waitFor();
    const row = (language: string) => table.locator(`tr[data-language="${language}"]`);
    // English is the source text and goes alone.
    expect(await row('en').getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining(['Source text', 'On its own']),
    );
    // The four threshold languages added for Medi-Cal, written in their own scripts, not yet reviewed.
    for (const [language, name] of [
      ['zh-Hant', '中文'],
      ['vi', 'Tiếng Việt'],
      ['ko', '한국어'],
      ['tl', 'Tagalog'],
    ] as const) {
      await expect.poll(() => row(language).getByRole('rowheader').innerText()).toContain(name);
      expect(await row(language).getByRole('cell').allInnerTexts()).toEqual(
        expect.arrayContaining(['Not reviewed', 'With the English letter attached']),
      );
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rig.screenshot(page, 'admin-letter-languages');
    await page.context().close();
  });

  it('is for administrators only: a member services agent is refused the list', async () => {
    const agent = await ApiClient.login(rig.t.app, DEMO.accounts.memberServices.username, 'demo-services');
    const r = await agent.get('letter-languages');
    expect(r.status).toBe(403);
    expect(r.headers['content-type']).toContain('application/problem+json');
  });
});
