import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnaireResponse } from '../support/fhir.js';
import { ApiClient } from '../support/http.js';
import { multipart, TINY_PDF } from '../support/multipart.js';
import { members, signIn, type MemberRow } from '../support/scenario.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// A clinical reviewer's day: the queue with time left, a case taken, information asked for and
// answered, a denial with reasons, the 409 when a colleague has the case, an appeal the original
// reviewer may not take, and an overdue case highlighted once the clock passes its due time.

const OZEMPIC = '00169413211'; // semaglutide pen: PA on every demo plan
const DR_PARK_NPI = '2260010006';
const DAY = 86_400_000;

const fails = questionnaireResponse({
  dx: { code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
  a1c: { decimal: 6.4 },
  'a1c-date': '2026-10-15',
  'metformin-contra': false,
  'weight-only': false,
});

let rig: BrowserRig;
let prescriber: ApiClient;
let ihss: MemberRow[];

async function clinicalCase(m: MemberRow, attach = false): Promise<{ id: string; drug: { name: string } }> {
  const started = await prescriber.post('pa-requests', {
    memberId: m.id,
    prescriberNpi: DR_PARK_NPI,
    productId: OZEMPIC,
    quantity: 3,
    daysSupply: 28,
    urgency: 'standard',
    channel: 'portal',
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  if (attach) {
    const doc = multipart({}, { name: 'hba1c-lab-report.png', bytes: await labReportPng(), contentType: 'image/png' });
    const att = await prescriber.post(`pa-requests/${started.body.id}/attachments`, doc.body, doc.headers);
    expect(att.status, JSON.stringify(att.body)).toBe(201);
  }
  const submitted = await prescriber.post(`pa-requests/${started.body.id}/submit`, { answers: fails });
  expect(submitted.body.status, JSON.stringify(submitted.body)).toBe('in-review');
  return submitted.body;
}

/** A small lab report image, drawn by the browser itself. */
async function labReportPng(): Promise<Buffer> {
  const page = await rig.browser.newPage({ viewport: { width: 420, height: 160 } });
  await page.setContent(
    '<body style="font:16px sans-serif;margin:16px"><h3>Lakeshore Lab — HbA1c</h3><p>Collected 2026-10-15 · Result <b>6.4 %</b></p></body>',
  );
  const png = await page.screenshot();
  await page.close();
  return png;
}

function caseRow(page: Page, id: string) {
  return page.locator(`[data-case-id="${id}"]`);
}

describe.skipIf(!hasChromium)('reviewer portal', () => {
  beforeAll(async () => {
    rig = await startBrowserRig();
    prescriber = await ApiClient.login(rig.t.app, 'dr.park', 'demo-prescriber');
    ihss = await members(rig.t, "plan_id = 'IHSS01' and termination_date is null and date_of_birth < '2000-01-01'");
    expect(ihss.length).toBeGreaterThanOrEqual(5);
  });
  afterAll(async () => {
    await rig?.close();
  });

  let deniedCaseId = '';

  it('queue → case → assign → request information → answer → deny with reasons', async () => {
    const c = await clinicalCase(ihss[0], true);
    const page = await rig.signedIn('pharmacist', 'demo-reviewer');
    await page.waitForURL((u) => u.pathname === '/review');

    // The queue lists the case with its time left.
    const row = caseRow(page, c.id);
    await row.waitFor();
    await expect.poll(() => row.textContent()).toMatch(/left/);
    expect(await row.getAttribute('class')).toBeNull();
    await rig.screenshot(page, 'reviewer-queue');

    await row.getByRole('link', { name: c.drug.name }).click();
    await page.getByRole('heading', { level: 1, name: `Case ${c.id}` }).waitFor();
    // What the reviewer weighs: the criteria trace, the answers by question text, the document inline.
    const trace = page.locator('.criteria-trace');
    await expect.poll(() => trace.locator('[data-result="not-met"]').count()).toBeGreaterThan(0);
    await expect.poll(() => trace.textContent()).toContain('HbA1c at or above 7% within the last 6 months');
    const answers = page.locator('dl.answers');
    await expect.poll(() => answers.textContent()).toContain('Most recent HbA1c (%)');
    await expect.poll(() => answers.textContent()).toContain('Type 2 diabetes mellitus without complications (E11.9)');
    // Documents are inline in their own tab of the evidence (docs/design.md#reviewer-screen).
    await page.getByRole('tab', { name: 'Documents (1)' }).click();
    await page.getByRole('img', { name: 'hba1c-lab-report.png' }).waitFor();
    await page.getByRole('tab', { name: 'Criteria, answers, requests' }).click();

    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByText('This case is assigned to you.').waitFor();

    await page.getByLabel('Questions for the prescriber').fill('Has the patient tried metformin? For how long?');
    await page.getByLabel('Documents to send').fill('HbA1c lab report from the last 3 months');
    await page.getByLabel('Note to the prescriber (optional)').fill('The HbA1c on file is below 7 %.');
    await page.getByRole('button', { name: 'Send information request' }).click();
    await page.getByText(/The information request was sent/).waitFor();
    await page.getByText('Waiting for information').first().waitFor();
    await expect.poll(() => page.getByText('Question: Has the patient tried metformin? For how long?').count()).toBe(1);
    await rig.screenshot(page, 'reviewer-case-information-requested');

    // The prescriber answers through the API; the reviewer reloads and sees the answer.
    const answered = await prescriber.post(`pa-requests/${c.id}/information-responses`, {
      answers: questionnaireResponse({ 'metformin-contra': false }),
      note: 'Metformin 1000 mg twice daily since March; HbA1c repeat pending.',
    });
    expect(answered.body.status, JSON.stringify(answered.body)).toBe('in-review');
    await page.reload();
    await page.getByText('Metformin 1000 mg twice daily since March; HbA1c repeat pending.').waitFor();

    // A denial needs reasons: refused in words before anything is sent, then recorded.
    await page.getByLabel('Deny').check();
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Give at least one reason.').waitFor();
    await page
      .getByLabel('Reasons')
      .fill(
        'HbA1c is 6.4 %, below the 7 % the plan requires.\nMetformin has not been tried for 90 days and there is no contraindication.',
      );
    await page.getByRole('button', { name: 'Record decision' }).click();
    // Nothing is sent until the reviewer has read the reasons as the letter will give them.
    const confirm = page.getByRole('group', { name: 'Check what the member and prescriber will read' });
    await expect
      .poll(() => confirm.locator('ul.letter-reasons').last().getByRole('listitem').allTextContents())
      .toEqual([
        'HbA1c is 6.4 %, below the 7 % the plan requires.',
        'Metformin has not been tried for 90 days and there is no contraindication.',
      ]);
    await confirm.getByRole('button', { name: 'Confirm: deny the request' }).click();
    await page.getByText('Decision recorded: Denied.').waitFor();
    const summary = page.getByRole('region', { name: 'Request', exact: true });
    await expect.poll(() => summary.getByText('Denied').count()).toBe(1);
    const decision = page.getByRole('region', { name: 'Decision', exact: true });
    await expect.poll(() => decision.textContent()).toContain('HbA1c is 6.4 %, below the 7 % the plan requires.');
    await expect.poll(() => decision.textContent()).toContain('Metformin has not been tried for 90 days');
    // The denial letters are listed, each with its PDF, beside the history.
    await page.getByRole('tab', { name: 'Letters and history' }).click();
    const record = page.getByRole('tabpanel', { name: 'Letters and history' });
    await record
      .getByRole('button', { name: /Open PDF/ })
      .first()
      .waitFor();
    // The step is named as every staff screen names it: by the status it led to.
    await expect.poll(() => record.locator('ol.timeline strong').allTextContents()).toContain('Denied');
    await rig.screenshot(page, 'reviewer-case-denied');
    expect((await prescriber.get(`pa-requests/${c.id}`)).body.determination.reasons).toHaveLength(2);
    deniedCaseId = c.id;
    await page.context().close();
  });

  it('a case a colleague has taken answers 409 in words', async () => {
    const c = await clinicalCase(ihss[1]);
    const colleague = await ApiClient.login(rig.t.app, 'pharmacist2', 'demo-reviewer');
    expect((await colleague.post(`pa-requests/${c.id}/assign`)).status).toBe(200);
    const page = await rig.signedIn('pharmacist', 'demo-reviewer');
    await page.goto(`/review/cases/${c.id}`);
    await page.getByText('This case is assigned to Morgan Diaz, PharmD.').waitFor();
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/assigned to Morgan Diaz, PharmD/);
    await page.context().close();
  });

  it('an urgent request reclassified as standard, then partly approved', async () => {
    const started = await prescriber.post('pa-requests', {
      memberId: ihss[3].id,
      prescriberNpi: DR_PARK_NPI,
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'urgent',
      urgencyReason: 'Patient asked for it quickly.',
      channel: 'portal',
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const submitted = await prescriber.post(`pa-requests/${started.body.id}/submit`, { answers: fails });
    expect(submitted.body.status).toBe('in-review');
    const id = submitted.body.id as string;

    const page = await rig.signedIn('physician', 'demo-reviewer');
    await page.goto(`/review/cases/${id}`);
    const summary = page.getByRole('region', { name: 'Request', exact: true });
    await summary.getByText('Urgent (expedited)').waitFor();
    await summary.getByText('Patient asked for it quickly.').waitFor();
    await page.getByRole('button', { name: 'Reclassify as standard' }).click();
    await page.getByText('Say why the request is not urgent.').waitFor();
    await page
      .getByLabel('Why it is not urgent')
      .fill('No serious jeopardy to life, health or function; the patient is stable on current therapy.');
    await page.getByRole('button', { name: 'Reclassify as standard' }).click();
    await page.getByText('The request is now standard; the due time was recomputed.').waitFor();
    await summary.getByText('Standard', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByText('This case is assigned to you.').waitFor();
    await page.getByLabel('Partially approve').check();
    await page.getByLabel('Reasons').fill('Approved at the starting dose only: 2 pens per 28 days.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Give a lower quantity or an end date.').waitFor();
    await page.getByLabel('Approved quantity').fill('2');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByRole('button', { name: 'Confirm: approve in part' }).click();
    await page.getByText('Decision recorded: Partly approved.').waitFor();
    const decision = page.getByRole('region', { name: 'Decision', exact: true });
    await expect.poll(() => decision.textContent()).toMatch(/Approved quantity\s*2/);
    await expect.poll(() => decision.textContent()).toMatch(/Authorization number\s*PA/);
    await rig.screenshot(page, 'reviewer-case-partly-approved');
    await page.context().close();
  });

  it('the original reviewer cannot take the appeal; another clinician overturns it', async () => {
    expect(deniedCaseId).not.toBe('');
    const member = await signIn(rig.t, 'member', { memberId: ihss[0].id });
    const filed = await member.post('appeals', {
      paRequestId: deniedCaseId,
      urgency: 'standard',
      statement: 'Metformin gave me severe stomach problems; my doctor says this is the right medicine.',
      filedBy: 'member',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const appealId = filed.body.id as string;
    const letter = multipart({}, { name: 'letter-from-dr-park.pdf', bytes: TINY_PDF, contentType: 'application/pdf' });
    expect((await member.post(`appeals/${appealId}/attachments`, letter.body, letter.headers)).status).toBe(201);

    const page = await rig.signedIn('pharmacist', 'demo-reviewer');
    const appealRow = page.locator(`tr[data-appeal-id="${appealId}"]`);
    await appealRow.waitFor();
    await expect.poll(() => appealRow.textContent()).toMatch(/left/);
    await appealRow.getByRole('link', { name: appealId }).click();
    await page.getByRole('heading', { level: 1, name: `Appeal ${appealId}` }).waitFor();
    await page.getByText('Metformin gave me severe stomach problems').waitFor();
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/took part in the original determination/);
    await rig.screenshot(page, 'reviewer-appeal-original-reviewer-refused');
    await page.context().close();

    const other = await rig.signedIn('physician', 'demo-reviewer');
    await other.goto(`/review/appeals/${appealId}`);
    await other.getByRole('link', { name: deniedCaseId }).waitFor();
    // Focus entering a frame shows in the page as the window's blur.
    await other.evaluate(() => {
      const w = window as unknown as { framesFocused: number };
      w.framesFocused = 0;
      window.addEventListener('blur', () => w.framesFocused++);
    });
    await other.getByRole('button', { name: /Show.*letter-from-dr-park\.pdf/ }).click();
    await other.locator('iframe[title="letter-from-dr-park.pdf"]').waitFor();
    // The reviewer starts on the reasons while the letter opens. Chromium's PDF viewer focuses itself
    // once it has drawn the letter, which scrolled the page to it and took the caret: the page hands
    // focus back (useHandBackFocus), so the reviewer stays where they were.
    const reasons = other.getByLabel('Reasons');
    await reasons.focus();
    const place = await other.evaluate(() => window.scrollY);
    await expect
      .poll(() => other.evaluate(() => (window as unknown as { framesFocused: number }).framesFocused))
      .toBeGreaterThan(0);
    await expect.poll(() => reasons.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await other.evaluate(() => window.scrollY)).toBe(place);
    await other.getByRole('button', { name: 'Assign to me' }).click();
    await other.getByText('This appeal is assigned to you.').waitFor();
    await other.getByLabel('Overturn (approve)').check();
    await other.getByLabel('Reasons').fill('Documented metformin intolerance meets the step requirement.');
    await other.getByRole('button', { name: 'Record decision' }).click();
    await other.getByText('Appeal decision recorded: Overturned.').waitFor();
    const outcome = other.getByRole('region', { name: 'Appeal decision', exact: true });
    await expect.poll(() => outcome.textContent()).toMatch(/Authorization number\s*PA/);
    await rig.screenshot(other, 'reviewer-appeal-overturned');
    await other.context().close();
  });

  it('an overdue case is highlighted and says so in words, on a desk and on a phone', async () => {
    const c = await clinicalCase(ihss[4]);
    const phone = await rig.signedIn('pharmacist', 'demo-reviewer', { mobile: true });
    await caseRow(phone, c.id).waitFor();
    await rig.screenshot(phone, 'reviewer-queue-mobile');

    // Past the 72-hour standard clock; the page reads the server's time again on reload.
    rig.t.clock.advance(4 * DAY);
    await phone.reload();
    const card = caseRow(phone, c.id);
    await card.waitFor();
    await expect(card.getAttribute('class')).resolves.toContain('overdue');
    await expect.poll(() => card.textContent()).toMatch(/Overdue.*overdue/);
    await rig.screenshot(phone, 'reviewer-queue-overdue-mobile');
    await phone.context().close();

    const page = await rig.signedIn('pharmacist', 'demo-reviewer');
    const row = page.locator(`tr[data-case-id="${c.id}"]`);
    await row.waitFor();
    await expect(row.getAttribute('class')).resolves.toBe('overdue');
    await expect.poll(() => row.textContent()).toMatch(/Overdue/);
    await expect.poll(() => row.textContent()).toMatch(/\d+ h \d+ min overdue|\d+ d \d+ h overdue/);
    await rig.screenshot(page, 'reviewer-queue-overdue');

    await row.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: `Case ${c.id}` }).waitFor();
    await expect
      .poll(() => page.getByRole('region', { name: 'Request', exact: true }).textContent())
      .toMatch(/Overdue/);
    await page.context().close();
  });
});
