import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// The pharmacy portal against the real API: a claim that pays and is reversed, a 75 whose
// next step (tell the prescriber PA is needed) works from the answer.
interface Person {
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
}

/** Active members of a plan with no claims, PA requests or authorizations yet (clean histories). */
async function cleanMembers(rig: BrowserRig, planId: string): Promise<Person[]> {
  return rig.t.ctx.database.query<Person>(
    `select m.id, m.first_name, m.last_name, m.date_of_birth::text from members m
     where m.plan_id = $1 and m.termination_date is null and m.date_of_birth < '2000-01-01'
       and not exists (select 1 from claims c where c.member_id = m.id)
       and not exists (select 1 from pa_requests p where p.member_id = m.id)
       and not exists (select 1 from authorizations a where a.member_id = m.id)
     order by m.id limit 5`,
    [planId],
  );
}

/** The one claim stored for a member and product (each test uses its own). */
async function storedClaim(rig: BrowserRig, memberId: string, productId: string): Promise<string> {
  const rows = await rig.t.ctx.database.query<{ id: string }>(
    'select id from claims where member_id = $1 and product_id = $2',
    [memberId, productId],
  );
  expect(rows).toHaveLength(1);
  return rows[0].id;
}

/** Elements that stick out past a 390 px screen (tables scroll inside their own box). */
const wider = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > 391 && !e.closest('.table-wrap'))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
      .slice(0, 10),
  );

const region = (page: Page, name: string) => page.getByRole('region', { name });

describe.skipIf(!hasChromium)('pharmacy portal', () => {
  let rig: BrowserRig;
  let people: Person[];
  beforeAll(async () => {
    rig = await startBrowserRig();
    people = await cleanMembers(rig, 'IHSS01');
    expect(people.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('finds the patient and the drug, submits a claim that pays, sees a resubmission as a duplicate, and reverses it', async () => {
    const m = people[0];
    const page = await rig.signedIn(DEMO.pharmacies.retail.username, DEMO.pharmacies.retail.password);
    await page.waitForURL((u) => u.pathname === '/pharmacy');

    const patient = region(page, 'Find the patient (optional)');
    await patient.getByLabel('Last name').fill(m.last_name);
    await patient.getByLabel('Date of birth', { exact: true }).fill(m.date_of_birth);
    await patient.getByRole('button', { name: 'Search' }).click();
    await patient.getByRole('button', { name: `Use this member: ${m.first_name} ${m.last_name} (${m.id})` }).click();

    const ndc = DEMO.ndcs.coveredGeneric;
    const drug = region(page, 'Find the drug (optional)');
    await expect.poll(() => drug.getByLabel('Plan formulary').inputValue()).toBe('IHSS01');
    await drug.getByLabel(/Drug name/).fill('lisinopril');
    await drug.getByRole('button', { name: 'Search the formulary' }).click();
    const row = drug.getByRole('listitem').filter({ has: page.locator(`option[value="${ndc}"]`) });
    await row.getByRole('combobox').selectOption(ndc);
    await row.getByRole('button', { name: new RegExp(`^Use ${ndc}`) }).click();

    const claim = region(page, 'Claim');
    await expect.poll(() => claim.getByLabel(/Member ID/).inputValue()).toBe(m.id);
    await expect.poll(() => claim.getByLabel('BIN').inputValue()).toBe('610011');
    await expect.poll(() => claim.getByLabel(/Product NDC/).inputValue()).toBe(ndc);
    await claim.getByLabel('Prescription number').fill('RX820001');
    await claim.getByLabel('Prescriber NPI').fill(DEMO.prescribers.primaryCare);
    await claim.getByLabel('Quantity dispensed').fill('30');
    await claim.getByLabel('Days supply').fill('30');
    await claim.getByLabel(/ingredient cost/).fill('25');
    await claim.getByLabel(/Usual and customary/).fill('40');
    await claim.getByRole('button', { name: 'Submit claim' }).click();

    const answer = region(page, 'Answer');
    await answer.getByText('Paid', { exact: true }).waitFor();
    await answer.getByText('Plan pays').waitFor();
    expect(await answer.textContent()).toMatch(/Patient pays\$\d+\.\d{2}/);
    const claimId = await storedClaim(rig, m.id, ndc);
    await answer.getByText(`Claim ${claimId}`).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await rig.screenshot(page, 'pharmacy-claim-paid');

    // The same prescription, fill and date again: D, nothing paid twice.
    await claim.getByRole('button', { name: 'Submit claim' }).click();
    await answer.getByText('Duplicate', { exact: true }).waitFor();
    await answer.getByText(/already paid/).waitFor();
    await rig.screenshot(page, 'pharmacy-claim-duplicate');

    await answer.getByRole('button', { name: 'Reverse this claim' }).click();
    await answer.getByRole('button', { name: 'Yes, reverse it' }).click();
    await answer.getByText('Reversal accepted').waitFor();
    await rig.screenshot(page, 'pharmacy-claim-reversed');
    const stored = await rig.t.ctx.database.query<{ reversed_at: string | null }>(
      'select reversed_at::text from claims where id = $1',
      [claimId],
    );
    expect(stored[0].reversed_at).not.toBeNull();

    // My claims: the claim is there, reversed, with nothing left to reverse.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My claims' }).click();
    const listed = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Open claim ${claimId}` }) });
    await listed.getByText('Reversed', { exact: true }).waitFor();
    expect(await listed.getByRole('button', { name: 'Reverse this claim' }).count()).toBe(0);
    await rig.screenshot(page, 'pharmacy-claims-list');

    // The claim's own page: what was sent and the answer, reversed.
    await page.getByRole('link', { name: `Open claim ${claimId}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Claim' }).waitFor();
    await page.getByText(ndc, { exact: true }).waitFor();
    await region(page, 'Answer').getByText('Reversed', { exact: true }).waitFor();
    await region(page, 'Answer')
      .getByText(/was reversed on/)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Reverse this claim' }).count()).toBe(0);
    await rig.screenshot(page, 'pharmacy-claim-detail');
    await page.context().close();
  });

  it('reverses a paid claim from the claims list (phone width)', async () => {
    const m = people[0];
    const page = await rig.signedIn(DEMO.pharmacies.retail.username, DEMO.pharmacies.retail.password, { mobile: true });
    const claim = region(page, 'Claim');
    await claim.waitFor();
    expect(await wider(page), 'elements wider than the phone').toEqual([]);
    await claim.getByLabel(/Member ID/).fill(m.id);
    await claim.getByLabel('Patient date of birth').fill(m.date_of_birth);
    await claim.getByLabel('BIN').fill('610011');
    await claim.getByLabel('PCN').fill('BAYRX');
    await claim.getByLabel('Prescription number').fill('RX820002');
    await claim.getByLabel('Prescriber NPI').fill(DEMO.prescribers.primaryCare);
    await claim.getByLabel(/Product NDC/).fill(DEMO.ndcs.metformin);
    await claim.getByLabel('Quantity dispensed').fill('60');
    await claim.getByLabel('Days supply').fill('30');
    await claim.getByLabel(/ingredient cost/).fill('12.00');
    await claim.getByLabel(/Usual and customary/).fill('20.00');
    await claim.getByRole('button', { name: 'Submit claim' }).click();
    const answer = region(page, 'Answer');
    await answer.getByText('Paid', { exact: true }).waitFor();
    const claimId = await storedClaim(rig, m.id, DEMO.ndcs.metformin);

    await page.goto('/pharmacy/claims');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Open claim ${claimId}` }) });
    await row.getByRole('button', { name: 'Reverse this claim' }).click();
    await row.getByRole('button', { name: 'Yes, reverse it' }).click();
    await page.getByText(`Claim ${claimId}: Reversal accepted`).waitFor();
    await row.getByText('Reversed', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await rig.screenshot(page, 'pharmacy-claims-list-mobile');
    await page.context().close();
  });

  it('sends a carved-out member to the other processor (41) and pays there with the BIN, PCN and group it names', async () => {
    const [mc] = await rig.t.ctx.database.query<Person>(
      `select m.id, m.first_name, m.last_name, m.date_of_birth::text from members m where m.plan_id = 'MCAL-MC' and m.termination_date is null
         and not exists (select 1 from claims c where c.member_id = m.id) order by m.id limit 1`,
    );
    const page = await rig.signedIn(DEMO.pharmacies.retail.username, DEMO.pharmacies.retail.password);
    const claim = region(page, 'Claim');
    await claim.getByLabel(/Member ID/).fill(mc.id);
    await claim.getByLabel('Patient date of birth').fill(mc.date_of_birth);
    await claim.getByLabel('BIN').fill('610011');
    await claim.getByLabel('PCN').fill('BAYRX');
    await claim.getByLabel('Prescription number').fill('RX820003');
    await claim.getByLabel('Prescriber NPI').fill(DEMO.prescribers.primaryCare);
    await claim.getByLabel(/Product NDC/).fill(DEMO.ndcs.coveredGeneric);
    await claim.getByLabel('Quantity dispensed').fill('30');
    await claim.getByLabel('Days supply').fill('30');
    await claim.getByLabel(/ingredient cost/).fill('4.00');
    await claim.getByLabel(/Usual and customary/).fill('9.99');
    await claim.getByRole('button', { name: 'Submit claim' }).click();

    const answer = region(page, 'Answer');
    await answer.getByText('41 — Submit Bill To Other Processor Or Primary Payer').waitFor();
    await answer.getByRole('heading', { name: 'Bill the other processor' }).waitFor();
    await answer.getByText('022659', { exact: true }).waitFor();
    await rig.screenshot(page, 'pharmacy-claim-rejected-41');
    await answer.getByRole('button', { name: 'Put these card details in the claim' }).click();
    await expect.poll(() => claim.getByLabel('BIN').inputValue()).toBe('022659');
    await expect.poll(() => claim.getByLabel('PCN').inputValue()).toBe('6334225');
    await expect.poll(() => claim.getByLabel('Group ID').inputValue()).toBe('MediCalRx');
    await claim.getByRole('button', { name: 'Submit claim' }).click();
    await answer.getByText('Paid', { exact: true }).waitFor();
    await page.context().close();
  });

  it('shows a 75 with who handles PA and how, and notifies the prescriber that PA is needed', async () => {
    const m = people[1];
    const page = await rig.signedIn(DEMO.pharmacies.retail.username, DEMO.pharmacies.retail.password);
    const claim = region(page, 'Claim');
    await claim.getByLabel(/Member ID/).fill(m.id);
    await claim.getByLabel('Patient date of birth').fill(m.date_of_birth);
    await claim.getByLabel('BIN').fill('610011');
    await claim.getByLabel('PCN').fill('BAYRX');
    await claim.getByLabel('Prescription number').fill('RX820004');
    await claim.getByLabel('Prescriber NPI').fill(DEMO.prescribers.endocrinology);
    await claim.getByLabel(/Product NDC/).fill(DEMO.ndcs.semaglutidePenLow);
    await claim.getByLabel('Quantity dispensed').fill('3');
    await claim.getByLabel('Days supply').fill('28');
    await claim.getByLabel(/ingredient cost/).fill('910.00');
    await claim.getByLabel(/Usual and customary/).fill('980.00');
    await claim.getByRole('button', { name: 'Submit claim' }).click();

    const answer = region(page, 'Answer');
    await answer.getByText('Rejected', { exact: true }).waitFor();
    await answer.getByText('75 — Prior Authorization Required').waitFor();
    await answer.getByText(/Prior authorization is needed\. Tell the prescriber/).waitFor();
    await answer.getByRole('heading', { name: 'Prior authorization' }).waitFor();
    expect(await answer.getByRole('button', { name: 'Reverse this claim' }).count()).toBe(0);
    await rig.screenshot(page, 'pharmacy-claim-rejected-75');

    const notify = answer.getByRole('form', { name: 'Notify the prescriber that PA is needed' });
    await expect.poll(() => notify.getByLabel('Prescriber NPI').inputValue()).toBe(DEMO.prescribers.endocrinology);
    await notify.getByRole('button', { name: 'Notify the prescriber' }).click();
    await answer.getByText('The prescriber has been notified.').waitFor();
    const rows = await rig.t.ctx.database.query<{ id: string; channel: string; pharmacy_npi: string; status: string }>(
      'select id, channel, pharmacy_npi, status from pa_requests where member_id = $1',
      [m.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: 'pharmacy',
      pharmacy_npi: DEMO.pharmacies.retail.npi,
      status: 'awaiting-answers',
    });
    const requestId = rows[0].id;
    await answer.getByText(requestId, { exact: true }).waitFor();
    const notices = await rig.t.ctx.database.query<{ kind: string; recipient: string }>(
      'select kind, recipient from notices where pa_request_id = $1',
      [requestId],
    );
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'pa-needed', recipient: 'prescriber' }));
    await rig.screenshot(page, 'pharmacy-pa-needed-sent');

    // The pharmacy follows the request it started.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'PA requests' }).click();
    const paRow = page.getByRole('row').filter({ hasText: requestId });
    await paRow.getByText('Draft — answers needed').waitFor();
    await rig.screenshot(page, 'pharmacy-pa-requests');
    await page.context().close();
  });
});
