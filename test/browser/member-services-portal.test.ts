import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glp1Answers } from '../support/fhir.js';
import { ApiClient } from '../support/http.js';
import { firstNpi, members, ozempicClaimFor, pharmacyWithKey, type MemberRow } from '../support/scenario.js';
import { TEST_TODAY } from '../support/constants.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Ozempic pens: PA on every demo plan. The high dose is billed (reject 75); the request is for the pens.
const OZEMPIC = '00169413211';
const OZEMPIC_HIGH = '00169413611';
const fails = glp1Answers({ a1c: 6.4 });

describe.skipIf(!hasChromium)('member services portal', () => {
  let rig: BrowserRig;
  let jennifer: MemberRow;
  let paId: string;
  let deniedId: string;

  beforeAll(async () => {
    rig = await startBrowserRig();
    const t = rig.t;
    [jennifer] = await members(t, "id = 'M000101'");
    // Her pharmacy visit: the claim needs PA; her doctor (dr.park) asks for it and it goes to review.
    const pharmacy = await pharmacyWithKey(t, await firstNpi(t, 'pharmacies', "pharmacy_type = 'retail'"));
    const claim = await pharmacy.post(
      'claims',
      ozempicClaimFor(jennifer, await firstNpi(t, 'pharmacies', "pharmacy_type = 'retail'"), '2260010006', {
        productId: OZEMPIC_HIGH,
        groupId: 'IHSS01',
        dateOfService: TEST_TODAY,
      }),
    );
    expect(claim.body.transactionStatus, JSON.stringify(claim.body)).toBe('R');
    const drPark = await ApiClient.login(t.app, 'dr.park', 'demo-prescriber');
    // An earlier request, denied by a physician: its decision, reasons and letters.
    const first = await drPark.post('pa-requests', {
      memberId: jennifer.id,
      prescriberNpi: '2260010006',
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    deniedId = first.body.id;
    expect((await drPark.post(`pa-requests/${deniedId}/submit`, { answers: fails })).body.status).toBe('in-review');
    // She reads her letters in the member portal: the denial letter to her is posted there.
    await t.ctx.database.query("update members set contact_preference = 'portal' where id = $1", [jennifer.id]);
    const physician = await ApiClient.login(t.app, 'physician', 'demo-reviewer');
    await physician.post(`pa-requests/${deniedId}/assign`);
    const denied = await physician.post(`pa-requests/${deniedId}/determination`, {
      decision: 'denied',
      reasons: ['HbA1c is below 7 % and metformin has not been tried.'],
    });
    expect(denied.body.status, JSON.stringify(denied.body)).toBe('denied');
    const pa = await drPark.post('pa-requests', {
      memberId: jennifer.id,
      prescriberNpi: '2260010006',
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    expect(pa.status, JSON.stringify(pa.body)).toBe(201);
    paId = pa.body.id;
    const submitted = await drPark.post(`pa-requests/${paId}/submit`, { answers: fails });
    expect(submitted.body.status).toBe('in-review');
  });

  afterAll(async () => {
    await rig?.close();
  });

  it('finds Jennifer Lewis by name and date of birth, explains her claim and PA, and records a verified call', async () => {
    const page = await rig.signedIn('memberservices', 'demo-services');
    await page.waitForURL((u) => u.pathname === '/services');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Lewis');
    await page.getByRole('textbox', { name: 'Date of birth' }).fill(jennifer.date_of_birth);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Jennifer Lewis' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jennifer Lewis' }).waitFor();
    await page.waitForLoadState('networkidle');

    const claims = page.locator('#claims');
    await claims.getByText('Not paid', { exact: true }).waitFor();
    await expect.poll(() => claims.textContent()).toMatch(/Code 75.*must approve this drug first/s);
    // The record is in tabs (docs/design.md#forms-and-answers): claims first, then prior authorizations.
    await page.getByRole('tab', { name: 'Prior authorizations' }).click();
    const pas = page.locator('#prior-authorizations');
    await pas.getByText('In review', { exact: true }).waitFor();
    await expect.poll(() => pas.textContent()).toMatch(/left/);
    expect(await page.getByRole('alert').count()).toBe(0);
    await rig.screenshot(page, 'services-member');

    // The denied case, read-only: decision, reasons, letters (the PDF opens), history.
    await pas.getByRole('row').filter({ hasText: deniedId }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: `PA request ${deniedId}` }).waitFor();
    await page.getByText('HbA1c is below 7 % and metformin has not been tried.').first().waitFor();
    await page.getByText('Denial letter').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('alert').count()).toBe(0);
    // Each letter says to whom it went and how: the member's letter is in the member portal, not
    // "Prescriber portal" (how the request came in), in Spanish too.
    const letters = page.getByRole('region', { name: 'Letters about this case' });
    const toMember = letters
      .getByRole('row')
      .filter({ hasText: 'Denial letter' })
      .filter({
        has: page.getByRole('cell', { name: 'Member', exact: true }),
      });
    await expect.poll(() => toMember.getByRole('cell').allInnerTexts()).toContain('Member portal');
    expect(await letters.getByRole('columnheader').allInnerTexts()).toContain('How it was sent');
    await page.getByLabel('Language').selectOption('es');
    const cartas = page.getByRole('region', { name: 'Cartas sobre este caso' });
    const alAfiliado = cartas
      .getByRole('row')
      .filter({ hasText: 'Carta de denegación' })
      .filter({
        has: page.getByRole('cell', { name: 'Afiliado', exact: true }),
      });
    await expect.poll(() => alAfiliado.getByRole('cell').allInnerTexts()).toContain('Portal para afiliados');
    await page.getByLabel('Idioma').selectOption('en');
    await letters.waitFor();
    await rig.screenshot(page, 'services-pa-case');
    const [pdf] = await Promise.all([
      page.waitForEvent('popup'),
      page
        .getByRole('button', { name: /Open PDF/ })
        .first()
        .click(),
    ]);
    await pdf.waitForURL(/^blob:/);
    await pdf.close();
    await page.getByRole('link', { name: 'Back to the member' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jennifer Lewis' }).waitFor();

    // Record a call: not verified warns about PHI; then verified, saved and listed.
    const form = page.getByRole('form', { name: 'Record a call' });
    await form.getByLabel('Caller’s name').fill('Jennifer Lewis');
    await form.getByLabel('Caller is').selectOption('member');
    await form.getByLabel('No, not verified').check();
    await form.getByText('do not discuss claims').waitFor();
    await form.getByLabel('Yes, identity verified').check();
    await form.getByLabel('How was it verified?').selectOption('member-id+date-of-birth');
    await form.getByLabel('Topic', { exact: true }).selectOption('claim-reject');
    await form.getByLabel('Related PA request (optional)').selectOption(paId);
    await form
      .getByLabel('Note', { exact: true })
      .fill(
        'Asked why Ozempic was not filled. Explained prior authorization; Dr. Park has sent the request and it is in review.',
      );
    await form.getByRole('button', { name: 'Save call note' }).click();
    await page.getByText('Call note saved').waitFor();
    const notes = page.getByRole('list', { name: 'Call notes, newest first' });
    await notes.getByText('Asked why Ozempic was not filled').waitFor();
    await expect
      .poll(() => notes.textContent())
      .toMatch(/Identity verified.*Jennifer Lewis.*Member ID and date of birth/s);
    const stored = await rig.t.ctx.database.query<{
      identity_verified: boolean;
      recorded_by: string;
      pa_request_id: string;
    }>('select identity_verified, recorded_by, pa_request_id from call_notes where member_id = $1', [jennifer.id]);
    expect(stored).toEqual([{ identity_verified: true, recorded_by: 'memberservices', pa_request_id: paId }]);
    await rig.screenshot(page, 'services-call-note');
    await page.context().close();
  });

  it('an unknown member ID says "not found"', async () => {
    const page = await rig.signedIn('memberservices', 'demo-services');
    await page.getByRole('textbox', { name: 'Member ID' }).fill('M999999');
    await page.getByRole('button', { name: 'Open member' }).click();
    await page.getByText('No member has ID M999999').waitFor();
    expect(page.url()).toMatch(/\/services$/);
    await rig.screenshot(page, 'services-not-found');
    await page.context().close();
  });

  it('works at 390 px: opening a member by ID, nothing wider than the screen', async () => {
    const page = await rig.signedIn('memberservices', 'demo-services', { mobile: true });
    await page.getByRole('textbox', { name: 'Member ID' }).fill('m000101');
    await page.getByRole('button', { name: 'Open member' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jennifer Lewis' }).waitFor();
    await page.locator('#claims').getByText('Not paid', { exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await rig.screenshot(page, 'services-member-mobile');
    await page.context().close();
  });
});
