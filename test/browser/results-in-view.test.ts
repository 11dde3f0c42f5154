import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.js';
import { glp1CaseInReview, members, type MemberRow } from '../support/scenario.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Results in view (docs/design.md#forms-and-answers): after Submit the answer is scrolled into view and takes
// focus (the prescriber's coverage check, the reviewer's decision), and the long member services
// page is keyboard-operable tabs, one part of the record at a time.

/** Where the element is in the viewport, and whether it (or something in it) has the focus. */
async function inViewAndFocused(page: Page, target: Locator) {
  const handle = await target.elementHandle();
  return page.evaluate((el) => {
    const r = el!.getBoundingClientRect();
    return {
      // Some of it on screen (a sticky header may sit over its first pixels).
      inView: r.bottom > 0 && r.top < window.innerHeight,
      focused: el!.contains(document.activeElement),
    };
  }, handle);
}

describe.skipIf(!hasChromium)('results in view', () => {
  let rig: BrowserRig;
  let ihss: MemberRow[];

  beforeAll(async () => {
    rig = await startBrowserRig();
    ihss = await members(rig.t, "plan_id = 'IHSS01' and termination_date is null and date_of_birth < '2000-01-01'");
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('the coverage answer is in view and focused after "Check coverage" (390 px: it is below the drug list)', async () => {
    const [p] = await rig.t.ctx.database.query<{ last_name: string; dob: string }>(
      'select last_name, date_of_birth::text as dob from members where id = $1',
      [ihss[0].id],
    );
    const page = await rig.signedIn('dr.park', 'demo-prescriber', { mobile: true });
    await page.goto('/prescriber/patients');
    await page.getByLabel('Last name').fill(p.last_name);
    await page.getByLabel('Date of birth').fill(p.dob);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page
      .getByRole('article')
      .filter({ hasText: ihss[0].id })
      .getByRole('link', { name: 'Check coverage and start a request' })
      .click();
    await page.getByLabel('Drug name').fill('Ozempic');
    await page.getByRole('button', { name: 'Search the formulary' }).click();
    await page
      .getByRole('button', { name: /Check coverage/ })
      .first()
      .click();
    const answer = page.locator('section.coverage');
    await answer.waitFor();
    await expect.poll(() => inViewAndFocused(page, answer)).toEqual({ inView: true, focused: true });
    await rig.screenshot(page, 'results-in-view-coverage-mobile');
    await page.context().close();
  });

  it("the reviewer's decision result is in view and focused once recorded", async () => {
    const prescriber = await ApiClient.login(rig.t.app, 'dr.park', 'demo-prescriber');
    const id = await glp1CaseInReview(prescriber, ihss[1].id);
    const page = await rig.signedIn('pharmacist', 'demo-reviewer', { mobile: true });
    await page.goto(`/review/cases/${id}`);
    await page.getByLabel('Approve', { exact: true }).check();
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByRole('status').filter({ hasText: 'Decision recorded: Approved.' }).waitFor();
    // The result's box (it holds whatever the last action said) has the focus and is on screen.
    const result = page.locator('.action-result');
    await rig.screenshot(page, 'results-in-view-decision-mobile');
    await expect.poll(() => inViewAndFocused(page, result)).toEqual({ inView: true, focused: true });
    await page.context().close();
  });

  it('member services: the record is in tabs (arrow keys move between them), axe clean', async () => {
    const page = await rig.signedIn('memberservices', 'demo-services');
    await page.goto('/services/members/M000101');
    await page.getByRole('heading', { level: 1, name: 'Jennifer Lewis' }).waitFor();
    const tabs = page.getByRole('tablist', { name: 'The member’s record' });
    await tabs.waitFor();
    expect(await tabs.getByRole('tab').allTextContents()).toEqual(['Claims', 'Prior authorizations', 'Appeals']);
    await tabs.getByRole('tab', { name: 'Claims' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => tabs.getByRole('tab', { name: 'Prior authorizations' }).getAttribute('aria-selected'))
      .toBe('true');
    // One panel shown at a time.
    await expect.poll(() => page.locator('[role="tabpanel"]:visible').count()).toBe(1);
    await page.keyboard.press('End');
    await expect.poll(() => tabs.getByRole('tab', { name: 'Appeals' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    await expect.poll(() => tabs.getByRole('tab', { name: 'Claims' }).getAttribute('aria-selected')).toBe('true');
    await page.waitForLoadState('networkidle');
    expect(await seriousAccessibilityViolations(page), 'member services member page').toEqual([]);
    await rig.screenshot(page, 'results-in-view-services-tabs');
    await page.context().close();
  });
});
