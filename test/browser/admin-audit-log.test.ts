import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { signIn } from '../support/scenario.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

/**
 * docs/design.md#records: the administrator finds who read a member's records — by member, by user and
 * by period — and downloads the export.
 */
describe.skipIf(!hasChromium)('administrator audit log screen', () => {
  let rig: BrowserRig;
  let reader: string;
  const memberId = DEMO.members.spanishSpeaking;

  beforeAll(async () => {
    rig = await startBrowserRig();
    const ms = await signIn(rig.t, 'member-services');
    reader = (await ms.get('me')).body.username;
    expect((await ms.get(`members/${memberId}`)).status).toBe(200);
    expect((await ms.get(`members/${memberId}/accumulators`)).status).toBe(200);
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('filters by member and by user, refuses a backwards period, and downloads the CSV', async () => {
    const page = await rig.signedIn('admin', 'demo-admin');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();

    await page.getByLabel('Member ID').fill(memberId);
    await page.getByRole('button', { name: 'Show' }).click();
    const readRow = page.locator('tbody tr', { hasText: reader }).filter({ hasText: 'member-accumulators' });
    await readRow.waitFor();
    await expect.poll(() => readRow.textContent()).toMatch(/phi\.read.*member-inquiry/);
    const rows = page.locator('tbody tr');
    for (const text of await rows.allTextContents()) expect(text).toContain(memberId);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rig.screenshot(page, 'admin-audit-log');

    await page.getByLabel('Member ID').fill('');
    await page.getByLabel('User (ID or username)').fill(reader);
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(async () => (await rows.allTextContents()).every((r) => r.includes(reader))).toBe(true);
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3); // signed in, two reads

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('audit-events.csv');
    const csv = await readFile((await file.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,at,actor,actor_id,actor_role,action,entity_type,entity_id,member_ids,reason,details');
    expect(lines.slice(1).every((l) => l.includes(reader))).toBe(true);
    expect(lines.some((l) => l.includes('member-accumulators'))).toBe(true);

    await page.getByLabel('From', { exact: true }).fill('2026-02-01');
    await page.getByLabel('To', { exact: true }).fill('2026-01-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/to: must be after from/);
    await page.context().close();
  });
});
