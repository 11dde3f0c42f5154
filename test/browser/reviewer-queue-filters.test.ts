import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.js';
import { glp1CaseInReview, members, type MemberRow } from '../support/scenario.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// The review queue narrows to the reviewer's own cases and to overdue ones (docs/design.md#reviewer-screen).

describe.skipIf(!hasChromium)('review queue filters', () => {
  let rig: BrowserRig;
  let prescriber: ApiClient;
  let ihss: MemberRow[];

  const inReview = (m: MemberRow) => glp1CaseInReview(prescriber, m.id);

  beforeAll(async () => {
    rig = await startBrowserRig();
    prescriber = await ApiClient.login(rig.t.app, 'dr.park', 'demo-prescriber');
    ihss = await members(rig.t, "plan_id = 'IHSS01' and termination_date is null and date_of_birth < '2000-01-01'");
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('"Only my cases" and "Only overdue" narrow the queue', async () => {
    const mine = await inReview(ihss[ihss.length - 2]);
    const others = await inReview(ihss[ihss.length - 3]);
    const pharmacist = await ApiClient.login(rig.t.app, 'pharmacist', 'demo-reviewer');
    expect((await pharmacist.post(`pa-requests/${mine}/assign`)).status).toBe(200);
    rig.t.clock.advance(4 * 86_400_000); // past the 72-hour standard clock: both overdue
    const fresh = await inReview(ihss[ihss.length - 4]);

    const page = await rig.signedIn('pharmacist', 'demo-reviewer');
    const row = (id: string) => page.locator(`tr[data-case-id="${id}"]`);
    await row(fresh).waitFor();
    await page.getByLabel('Only my cases').check();
    await row(mine).waitFor();
    await expect.poll(() => row(others).count()).toBe(0);
    await expect.poll(() => row(fresh).count()).toBe(0);
    await page.getByLabel('Only my cases').uncheck();
    await page.getByLabel('Only overdue').check();
    await row(others).waitFor();
    await row(mine).waitFor();
    await expect.poll(() => row(fresh).count()).toBe(0);
    await rig.screenshot(page, 'reviewer-queue-overdue-filter');
    await page.context().close();
  });
});
