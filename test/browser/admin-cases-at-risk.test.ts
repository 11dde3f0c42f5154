import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { ApiClient } from '../support/http.js';
import { glp1CaseInReview, signIn } from '../support/scenario.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

const HOUR = 3_600_000;

describe.skipIf(!hasChromium)('admin: cases at risk of missing their clock (docs/design.md#administration)', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it("lists the case past its plan's warning time, not the one just in", async () => {
    const prescriber = await signIn(rig.t, 'prescriber', { npi: DEMO.prescribers.primaryCare });
    const [early, late] = DEMO.members.byPlan.IHSS01.slice(5, 7);
    // IHSS01: 72-hour standard clock, warning 8 hours before due.
    const old = await glp1CaseInReview(prescriber, early);
    rig.t.clock.advance(66 * HOUR);
    const fresh = await glp1CaseInReview(prescriber, late);
    const queue = (await (await ApiClient.login(rig.t.app, 'admin', 'demo-admin')).get('review-queue')).body;
    const flags = Object.fromEntries(queue.items.map((c: { id: string; atRisk: boolean }) => [c.id, c.atRisk]));
    expect(flags).toMatchObject({ [old]: true, [fresh]: false });

    const page = await rig.signedIn('admin', 'demo-admin');
    const panel = page.getByRole('region', { name: 'Cases at risk of missing their clock' });
    const rows = panel.getByRole('row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2); // the header and the one case at risk
    await panel.getByRole('cell', { name: '6 h 0 min' }).waitFor();
    await panel.getByRole('cell', { name: 'Not assigned' }).waitFor();
    // The plan by its name, not its id (IHSS01).
    await panel.getByRole('cell', { name: 'Poppy Health Plan — IHSS', exact: true }).waitFor();
    expect(await panel.getByRole('cell', { name: DEMO.plans.ihss, exact: true }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rig.screenshot(page, 'admin-cases-at-risk');
    await page.context().close();
  });
});
