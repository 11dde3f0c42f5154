import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.js';
import { glp1CaseInReview, members, type MemberRow } from '../support/scenario.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// A denial on the reviewer screen is deliberate: the case must be the reviewer's own, the
// reviewer reads the reasons exactly as the member's letter will give them and confirms, and a
// Part D case tells a pharmacist that a physician must make the denial.

describe.skipIf(!hasChromium)('deliberate decisions on the reviewer screen', () => {
  let rig: BrowserRig;
  let prescriber: ApiClient;
  let ihss: MemberRow[];
  let partD: MemberRow[];

  const inReview = (m: MemberRow) => glp1CaseInReview(prescriber, m.id);

  beforeAll(async () => {
    rig = await startBrowserRig();
    prescriber = await ApiClient.login(rig.t.app, 'dr.park', 'demo-prescriber');
    const adults = "termination_date is null and date_of_birth < '2000-01-01'";
    ihss = await members(rig.t, `plan_id = 'IHSS01' and ${adults}`);
    partD = await members(rig.t, `plan_id = 'PARTD1' and ${adults}`);
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('deny: take the case first, then confirm the reasons the member will read', async () => {
    const id = await inReview(ihss[ihss.length - 1]);
    const page = await rig.signedIn('physician', 'demo-reviewer');
    await page.goto(`/review/cases/${id}`);
    await page.getByRole('heading', { level: 1, name: `Case ${id}` }).waitFor();
    await page.getByLabel('Deny').check();
    await page
      .getByLabel('Reasons')
      .fill('HbA1c is 6.2 %, below the 7 % the plan requires.\nMetformin has not been tried.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Assign the case to yourself before you deny it or approve it in part.').waitFor();

    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByText('This case is assigned to you.').waitFor();
    await page.getByRole('button', { name: 'Record decision' }).click();
    const confirm = page.getByRole('group', { name: 'Check what the member and prescriber will read' });
    await expect
      .poll(() => confirm.locator('ul.letter-reasons').last().getByRole('listitem').allTextContents())
      .toEqual(['HbA1c is 6.2 %, below the 7 % the plan requires.', 'Metformin has not been tried.']);
    // Focus moves to the confirmation, so a keyboard or screen-reader user is told what it is.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('group');
    await rig.screenshot(page, 'reviewer-deny-confirm');
    expect((await prescriber.get(`pa-requests/${id}`)).body.status, 'nothing sent before confirming').toBe('in-review');

    // Going back keeps what was written; the reviewer edits and confirms.
    await confirm.getByRole('button', { name: 'Go back and edit' }).click();
    await expect.poll(() => page.getByLabel('Reasons').inputValue()).toContain('Metformin has not been tried.');
    await page.getByLabel('Reasons').fill('HbA1c is 6.2 %, below the 7 % the plan requires.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await confirm.getByRole('button', { name: 'Confirm: deny the request' }).click();
    await page.getByText('Decision recorded: Denied.').waitFor();
    expect((await prescriber.get(`pa-requests/${id}`)).body.determination.reasons).toEqual([
      'HbA1c is 6.2 %, below the 7 % the plan requires.',
    ]);
    await page.context().close();
  });

  it('Part D: a pharmacist is told a physician must deny; the server refuses it too', async () => {
    const id = await inReview(partD[partD.length - 1]);
    const page = await rig.signedIn('pharmacist', 'demo-reviewer', { mobile: true });
    await page.goto(`/review/cases/${id}`);
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByText('This case is assigned to you.').waitFor();
    await page.getByLabel('Deny').check();
    await page.getByLabel('Reasons').fill('Not medically necessary.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('On this plan only physician reviewers may deny or approve in part.').waitFor();
    await rig.screenshot(page, 'reviewer-partd-pharmacist-may-not-deny-mobile');
    const api = await ApiClient.login(rig.t.app, 'pharmacist', 'demo-reviewer');
    const r = await api.post(`pa-requests/${id}/determination`, { decision: 'denied', reasons: ['No.'] });
    expect(r.status).toBe(403);
    expect((await api.get(`pa-requests/${id}`)).body.status).toBe('in-review');
    await page.context().close();
  });
});
