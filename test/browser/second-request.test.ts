import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { glp1Answers } from '../support/fhir.js';
import { ApiClient } from '../support/http.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Jennifer Lewis (M000101, IHSS01, born 1991-12-23); Ozempic pens need PA (drug-form group 1991305).
const JENNIFER = { memberId: 'M000101', dateOfBirth: '1991-12-23' };
const OZEMPIC = '00169413211';
const OZEMPIC_PENS_RXCUI = '1991311';

/**
 * docs/design.md#prior-authorization: while a request for the same drug is in review or its decision is under
 * appeal, neither the pharmacy nor the prescriber opens a second one; both are warned and pointed
 * at the existing case.
 */
describe.skipIf(!hasChromium)('one request per drug at a time', () => {
  let rig: BrowserRig;
  let caseId: string;

  const casesForOzempic = async () =>
    (
      await rig.t.ctx.database.query<{ id: string }>(
        "select id from pa_requests where member_id = $1 and group_id = '1991305'",
        [JENNIFER.memberId],
      )
    ).map((r) => r.id);

  beforeAll(async () => {
    rig = await startBrowserRig();
    const drPark = await ApiClient.login(rig.t.app, 'dr.park', 'demo-prescriber');
    const request = {
      memberId: JENNIFER.memberId,
      prescriberNpi: '2260010006',
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    };
    const started = { ...(await drPark.post('pa-requests', request)), request };
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    caseId = started.body.id;
    const submitted = await drPark.post(`pa-requests/${caseId}/submit`, { answers: glp1Answers({ a1c: 6.4 }) });
    expect(submitted.body.status).toBe('in-review');
    // The API refuses a second one with a pointer to the first.
    const again = await drPark.post('pa-requests', { ...started.request, memberId: JENNIFER.memberId });
    expect(again.status, JSON.stringify(again.body)).toBe(409);
    expect(again.body).toMatchObject({ code: 'REQUEST_ALREADY_OPEN', paRequestId: caseId, caseStatus: 'in-review' });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('the pharmacy, after a 75, is told a request is already in review instead of opening another', async () => {
    const page = await rig.signedIn(DEMO.pharmacies.retail.username, DEMO.pharmacies.retail.password);
    const claim = page.getByRole('region', { name: 'Claim' });
    await claim.getByLabel(/Member ID/).fill(JENNIFER.memberId);
    await claim.getByLabel('Patient date of birth').fill(JENNIFER.dateOfBirth);
    await claim.getByLabel('BIN').fill('610011');
    await claim.getByLabel('PCN').fill('BAYRX');
    await claim.getByLabel('Prescription number').fill('RX830001');
    await claim.getByLabel('Prescriber NPI').fill('2260010006');
    await claim.getByLabel(/Product NDC/).fill(OZEMPIC);
    await claim.getByLabel('Quantity dispensed').fill('3');
    await claim.getByLabel('Days supply').fill('28');
    await claim.getByLabel(/ingredient cost/).fill('910.00');
    await claim.getByLabel(/Usual and customary/).fill('980.00');
    await claim.getByRole('button', { name: 'Submit claim' }).click();
    const answer = page.getByRole('region', { name: 'Answer' });
    await answer.getByText('75 — Prior Authorization Required').waitFor();
    const notify = answer.getByRole('form', { name: 'Notify the prescriber that PA is needed' });
    await notify.getByRole('button', { name: 'Notify the prescriber' }).click();
    const warning = answer.getByRole('status').filter({ hasText: 'already open' });
    await expect
      .poll(() => warning.textContent())
      .toContain('A request for this drug is already open (In review). No second request was started');
    expect(await warning.textContent()).toContain(`Request ${caseId}`);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await casesForOzempic()).toEqual([caseId]);
    await rig.screenshot(page, 'second-request-pharmacy');
    await page.context().close();
  });

  for (const mobile of [false, true]) {
    it(`the prescriber is warned and taken to the open case (${mobile ? '390' : '1280'} px)`, async () => {
      const page = await rig.signedIn('dr.park', 'demo-prescriber', { mobile });
      await page.goto(`/prescriber/new?memberId=${JENNIFER.memberId}&rxcui=${OZEMPIC_PENS_RXCUI}`);
      await page.getByLabel('Quantity').fill('3');
      await page.getByRole('button', { name: 'Start the request' }).click();
      const warning = page.getByRole('status').filter({ hasText: 'already open' });
      await expect.poll(() => warning.textContent()).toContain('A request for this drug is already open (In review).');
      await rig.screenshot(page, `second-request-prescriber${mobile ? '-mobile' : ''}`);
      await warning.getByRole('link', { name: `Open request ${caseId}` }).click();
      await page.waitForURL((u) => u.pathname === `/prescriber/requests/${caseId}`);
      expect(await casesForOzempic()).toEqual([caseId]);
      await page.context().close();
    });
  }

  it('while the denial is under appeal the prescriber is pointed at the appealed case', async () => {
    const physician = await ApiClient.login(rig.t.app, 'physician', 'demo-reviewer');
    await physician.post(`pa-requests/${caseId}/assign`); // a denial needs the case assigned to its decider
    const denied = await physician.post(`pa-requests/${caseId}/determination`, {
      decision: 'denied',
      reasons: ['HbA1c is below 7 % and metformin has not been tried.'],
    });
    expect(denied.body.status, JSON.stringify(denied.body)).toBe('denied');
    const member = await ApiClient.login(rig.t.app, 'jennifer.lewis', 'demo-member');
    const appeal = await member.post('appeals', {
      paRequestId: caseId,
      urgency: 'standard',
      statement: 'Metformin made me very sick.',
      filedBy: 'member',
    });
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);

    const page = await rig.signedIn('dr.park', 'demo-prescriber');
    await page.goto(`/prescriber/new?memberId=${JENNIFER.memberId}&rxcui=${OZEMPIC_PENS_RXCUI}`);
    await page.getByLabel('Quantity').fill('3');
    await page.getByRole('button', { name: 'Start the request' }).click();
    const warning = page.getByRole('status').filter({ hasText: 'under appeal' });
    await expect
      .poll(() => warning.textContent())
      .toContain('The decision on an earlier request for this drug is under appeal.');
    await warning.getByRole('link', { name: `Open request ${caseId}` }).waitFor();
    // Its dashboard row says the same: denied, appeal in review.
    await page.goto('/prescriber');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: /Ozempic/ }) });
    await expect.poll(() => row.first().textContent()).toContain('appeal in review');
    expect(await casesForOzempic()).toEqual([caseId]);
    await page.context().close();
  });
});
