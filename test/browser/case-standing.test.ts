import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glp1Answers } from '../support/fhir.js';
import { ApiClient } from '../support/http.js';
import { members, ozempicClaimFor, type MemberRow } from '../support/scenario.js';
import { TEST_TODAY } from '../support/constants.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Ozempic pens (PA on every demo plan): the high dose is billed and rejected 75; the request is for the pens.
const OZEMPIC = '00169413211';
const OZEMPIC_HIGH = '00169413611';
const DENIAL = 'HbA1c is below 7 % and metformin has not been tried.';

/**
 * docs/design.md#forms-and-answers: after an appeal is won, every screen tells the truth — the case, the lists
 * (member, prescriber, member services) and the advice on the claim that was rejected before.
 */
describe.skipIf(!hasChromium)('a case approved on appeal', () => {
  let rig: BrowserRig;
  let jennifer: MemberRow;
  let caseId: string;
  let authorization: { number: string; effectiveFrom: string; effectiveTo: string };

  beforeAll(async () => {
    rig = await startBrowserRig();
    const t = rig.t;
    [jennifer] = await members(t, "id = 'M000101'");
    const pharmacy = await ApiClient.login(t.app, 'pharmacy.lakeshore', 'demo-pharmacy');
    const pharmacyNpi = (await pharmacy.get('me')).body.npi as string;
    const claim = await pharmacy.post(
      'claims',
      ozempicClaimFor(jennifer, pharmacyNpi, '2260010006', {
        productId: OZEMPIC_HIGH,
        groupId: 'IHSS01',
        prescriptionNumber: 'RX8101',
        dateOfService: TEST_TODAY,
      }),
    );
    expect(claim.body.rejects.map((r: { code: string }) => r.code)).toContain('75');

    // Dr. Park asks; a physician denies; Jennifer appeals; a second physician overturns.
    const drPark = await ApiClient.login(t.app, 'dr.park', 'demo-prescriber');
    const started = await drPark.post('pa-requests', {
      memberId: jennifer.id,
      prescriberNpi: '2260010006',
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    caseId = started.body.id;
    await drPark.post(`pa-requests/${caseId}/submit`, { answers: glp1Answers({ a1c: 6.4 }) });
    const physician = await ApiClient.login(t.app, 'physician', 'demo-reviewer');
    await physician.post(`pa-requests/${caseId}/assign`); // a denial needs the case assigned to its decider
    const denied = await physician.post(`pa-requests/${caseId}/determination`, {
      decision: 'denied',
      reasons: [DENIAL],
    });
    expect(denied.body.status, JSON.stringify(denied.body)).toBe('denied');
    const member = await ApiClient.login(t.app, 'jennifer.lewis', 'demo-member');
    const appeal = await member.post('appeals', {
      paRequestId: caseId,
      urgency: 'standard',
      statement: 'Metformin made me very sick; my doctor says this is the right medicine.',
      filedBy: 'member',
    });
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
    const second = await ApiClient.login(t.app, 'physician2', 'demo-reviewer');
    expect((await second.post(`appeals/${appeal.body.id}/assign`)).status).toBe(200);
    const won = await second.post(`appeals/${appeal.body.id}/decision`, {
      decision: 'overturned',
      reasons: ['Documented metformin intolerance meets the step requirement.'],
    });
    expect(won.body.status, JSON.stringify(won.body)).toBe('overturned');
    authorization = {
      number: won.body.authorizationNumber,
      effectiveFrom: won.body.effectiveFrom,
      effectiveTo: won.body.effectiveTo,
    };
    // The API says where the case stands: the case keeps its own "denied", the standing is the appeal's.
    const view = (await member.get(`pa-requests/${caseId}`)).body;
    expect(view.status).toBe('denied');
    expect(view.standing).toMatchObject({
      status: 'approved-on-appeal',
      appeal: 'overturned',
      authorization: { number: authorization.number, effectiveTo: authorization.effectiveTo },
    });
    expect(view.appealFiling).toBeNull();
  });
  afterAll(async () => {
    await rig?.close();
  });

  const longDate = (d: string) =>
    new Date(`${d}T12:00:00`).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' });
  const sentence = () =>
    `Approved on appeal — authorization ${authorization.number}, from ${longDate(authorization.effectiveFrom)} to ${longDate(authorization.effectiveTo)}.`;

  for (const mobile of [false, true]) {
    it(`the member's list, case and claim say approved on appeal (${mobile ? '390' : '1280'} px)`, async () => {
      const page = await rig.signedIn('jennifer.lewis', 'demo-member', { mobile });
      await page.getByRole('link', { name: 'Prior Authorizations' }).click();
      const row = page
        .getByRole('table', { name: 'My prior authorization requests' })
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: /Ozempic/ }) });
      await expect.poll(() => row.textContent()).toContain('Approved on appeal');
      expect(await row.textContent()).not.toContain('Denied');
      await rig.screenshot(page, `standing-member-list${mobile ? '-mobile' : ''}`);

      await page.goto(`/member/prior-authorizations/${caseId}`);
      const banner = page.getByRole('status').filter({ hasText: 'Approved on appeal' });
      await expect.poll(() => banner.textContent()).toContain(sentence());
      expect(await banner.textContent()).toContain('Ask your pharmacy to run your prescription again');
      const summary = page.getByRole('region', { name: 'Request' });
      await expect.poll(() => summary.textContent()).toContain('Approved on appeal');
      // Nothing on the case still invites an appeal of a decision that was overturned.
      expect(await page.getByRole('button', { name: 'File an appeal' }).count()).toBe(0);
      expect(await page.locator('main').textContent()).not.toContain('You or your prescriber can appeal below');
      await rig.screenshot(page, `standing-member-case${mobile ? '-mobile' : ''}`);

      await page.getByRole('link', { name: 'My claims' }).click();
      const claim = page
        .getByRole('list', { name: 'My pharmacy claims' })
        .locator(':scope > li')
        .filter({ hasText: 'RX8101' });
      await expect.poll(() => claim.textContent()).toContain(sentence());
      expect(await claim.textContent()).toContain('Ask your pharmacy to run this prescription again.');
      await rig.screenshot(page, `standing-member-claims${mobile ? '-mobile' : ''}`);
      await page.context().close();
    });
  }

  it('the prescriber dashboard and case say approved on appeal', async () => {
    const page = await rig.signedIn('dr.park', 'demo-prescriber');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: /Ozempic/ }) });
    await expect.poll(() => row.first().textContent()).toContain('Approved on appeal');
    expect(await row.first().textContent()).not.toContain('Denied');
    await row
      .first()
      .getByRole('link', { name: /Ozempic/ })
      .click();
    const banner = page.getByRole('status').filter({ hasText: 'Approved on appeal' });
    await expect.poll(() => banner.textContent()).toContain(sentence());
    expect(await banner.textContent()).toContain('The pharmacy can run the prescription again');
    await rig.screenshot(page, 'standing-prescriber-case');
    await page.context().close();
  });

  it('member services sees approved on appeal in the list, the case and the claim advice', async () => {
    const page = await rig.signedIn('memberservices', 'demo-services');
    await page.goto(`/services/members/${jennifer.id}`);
    const pas = page.locator('#prior-authorizations');
    await expect.poll(() => pas.textContent()).toContain('Approved on appeal');
    const claims = page.locator('#claims');
    await expect.poll(() => claims.textContent()).toContain(sentence());
    expect(await claims.textContent()).toContain('Tell the member to ask the pharmacy to run this prescription again.');
    await rig.screenshot(page, 'standing-services-member');
    await page.goto(`/services/pa/${caseId}`);
    const banner = page.getByRole('status').filter({ hasText: 'Approved on appeal' });
    await expect.poll(() => banner.textContent()).toContain(sentence());
    await page.context().close();
  });
});
