import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { glp1Answers } from '../support/fhir.js';
import { multipart } from '../support/multipart.js';
import { signIn } from '../support/scenario.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// The intake portal against the real API: faxes arrive from the gateway (POST /fax/inbound, as
// the gateway does it), intake reads one, finds the member and makes it a PA case, then files a
// second fax with that case.
interface Person {
  id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
}

const SENDER = '1-510-555-0142';

/** A one-page faxed form, so the document shows inline like a real fax. */
async function faxPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 720 - i * 22, size: i === 0 ? 18 : 12, font }));
  return Buffer.from(await doc.save());
}

async function receiveFax(rig: BrowserRig, token: string, pdf: Buffer, receivedAt: string): Promise<{ id: string }> {
  const { body, headers } = multipart({ senderFax: SENDER, receivedAt }, { name: 'fax.pdf', bytes: pdf });
  const r = await rig.t.app.inject({
    method: 'POST',
    url: '/api/v1/fax/inbound',
    headers: { ...headers, authorization: `Bearer ${token}` },
    payload: body,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json();
}

/** Elements that stick out past a 390 px screen (the page must not scroll sideways). */
const wider = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > 391 && !e.closest('.table-wrap'))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
      .slice(0, 10),
  );

const region = (page: Page, name: string) => page.getByRole('region', { name });

describe.skipIf(!hasChromium)('intake portal', () => {
  let rig: BrowserRig;
  let token: string;
  let m: Person;
  let other: Person;
  beforeAll(async () => {
    rig = await startBrowserRig();
    const login = await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { username: 'intake', password: 'demo-intake' },
    });
    token = login.json().accessToken;
    [m, other] = await rig.t.ctx.database.query<Person>(
      `select m.id, m.first_name, m.last_name, m.date_of_birth::text from members m
       where m.plan_id = 'IHSS01' and m.termination_date is null and m.date_of_birth < '2000-01-01'
         and not exists (select 1 from pa_requests p where p.member_id = m.id)
         and not exists (select 1 from authorizations a where a.member_id = m.id)
       order by m.id desc limit 2`,
    );
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('opens a faxed PA request, finds the member by search and creates the case; a second fax is filed with that case', async () => {
    const receivedAt = new Date(rig.t.clock.now().getTime() - 2 * 3_600_000).toISOString();
    const first = await receiveFax(
      rig,
      token,
      await faxPdf([
        'Prior authorization request',
        `Patient: ${m.first_name} ${m.last_name}, DOB ${m.date_of_birth}`,
        'Drug: Ozempic 0.25/0.5 mg pen, 3 pens / 28 days',
        `Prescriber NPI ${DEMO.prescribers.endocrinology}`,
      ]),
      receivedAt,
    );

    const page = await rig.signedIn('intake', 'demo-intake');
    await page.waitForURL((u) => u.pathname === '/intake');
    const open = page.getByRole('link', { name: new RegExp(`^Open fax from ${SENDER}`) });
    await open.first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await rig.screenshot(page, 'intake-queue');
    await open.first().click();
    await page.waitForURL((u) => u.pathname === `/intake/faxes/${first.id}`);
    await page.getByRole('heading', { level: 1, name: `Fax from ${SENDER}` }).waitFor();
    await region(page, 'The fax').locator('iframe').waitFor();

    // Create a PA case: member by search, drug from the plan's formulary.
    const file = region(page, 'File this fax');
    await file.getByLabel('A new PA request: create a case').check();
    await file.getByLabel('Last name').fill(m.last_name);
    await file.getByLabel('Date of birth').fill(m.date_of_birth);
    await file.getByRole('button', { name: 'Search', exact: true }).click();
    await file.getByRole('button', { name: `Use this member: ${m.first_name} ${m.last_name} (${m.id})` }).click();
    await file.getByText(`Member: ${m.first_name} ${m.last_name} (${m.id})`).waitFor();
    const ndc = DEMO.ndcs.semaglutidePenLow;
    await expect.poll(() => file.getByLabel('Plan formulary').inputValue()).toBe('IHSS01');
    await file.getByLabel(/Drug name/).fill('semaglutide');
    await file.getByRole('button', { name: 'Search the formulary' }).click();
    const row = file.getByRole('listitem').filter({ has: page.locator(`option[value="${ndc}"]`) });
    await row.getByRole('combobox').selectOption(ndc);
    await row.getByRole('button', { name: new RegExp(`^Use ${ndc}`) }).click();
    await expect.poll(() => file.getByLabel(/Drug NDC/).inputValue()).toBe(ndc);
    await file.getByLabel('Prescriber NPI').fill(DEMO.prescribers.endocrinology);
    await file.getByLabel('Quantity').fill('3');
    await file.getByLabel('Days supply').fill('28');
    await rig.screenshot(page, 'intake-create-case-form');
    await file.getByRole('button', { name: 'Create the PA case' }).click();

    await page.getByText(/^Case par\S+ was created from this fax/).waitFor();
    const [c] = await rig.t.ctx.database.query<{ id: string; channel: string; received_at: string; status: string }>(
      'select id, channel, received_at, status from pa_requests where member_id = $1',
      [m.id],
    );
    expect(c).toMatchObject({ channel: 'fax', status: 'awaiting-answers' });
    expect(new Date(c.received_at).toISOString()).toBe(receivedAt);
    const theCase = region(page, 'The case');
    await theCase.getByText(c.id, { exact: true }).waitFor();
    await theCase.getByText('Draft — answers needed').waitFor();
    expect(await page.getByRole('region', { name: 'File this fax' }).count()).toBe(0);
    await rig.screenshot(page, 'intake-case-created');

    // A second fax: the chart notes for the same request.
    const second = await receiveFax(
      rig,
      token,
      await faxPdf([
        'Chart notes',
        `${m.first_name} ${m.last_name}`,
        'HbA1c 8.1 % (2026-10-15); metformin not tolerated',
      ]),
      new Date(rig.t.clock.now().getTime() - 60_000).toISOString(),
    );
    await page.getByRole('link', { name: 'Back to inbound faxes' }).click();
    await page.waitForURL((u) => u.pathname === '/intake');
    await page
      .getByRole('link', { name: new RegExp(`^Open fax from ${SENDER}`) })
      .first()
      .waitFor();
    expect(await page.locator(`a[href="/intake/faxes/${first.id}"]`).count()).toBe(0);
    await page.locator(`a[href="/intake/faxes/${second.id}"]`).click();
    const file2 = region(page, 'File this fax');

    // An appeal ID that does not exist is refused in words.
    await file2.getByLabel('Documents for an open appeal').check();
    await file2.getByLabel('Appeal ID').fill('apl_does_not_exist');
    await file2.getByRole('button', { name: 'Attach the fax to this appeal' }).click();
    await expect.poll(() => file2.getByRole('alert').textContent()).toMatch(/not found|apl_does_not_exist/i);

    await file2.getByLabel('Documents for an existing case').check();
    await file2.getByText('Or find it by member').click();
    await file2.getByLabel('Last name').fill(m.last_name);
    await file2.getByLabel('Date of birth').fill(m.date_of_birth);
    await file2.getByRole('button', { name: 'Search', exact: true }).click();
    await file2.getByRole('button', { name: `Use this member: ${m.first_name} ${m.last_name} (${m.id})` }).click();
    await file2.getByRole('button', { name: `Choose ${c.id}` }).click();
    await expect.poll(() => file2.getByLabel('Case ID (PA request)').inputValue()).toBe(c.id);
    await file2.getByLabel('Note (optional)').fill('Chart notes for the Ozempic request');
    await file2.getByRole('button', { name: 'Attach the fax to this case' }).click();
    await page.getByText(`The fax was attached to case ${c.id}.`).waitFor();

    const faxes = await rig.t.ctx.database.query<{ id: string; status: string; pa_request_id: string }>(
      'select id, status, pa_request_id from fax_intake_items where id in ($1, $2) order by received_at',
      [first.id, second.id],
    );
    expect(faxes).toEqual([
      { id: first.id, status: 'case-created', pa_request_id: c.id },
      { id: second.id, status: 'attached', pa_request_id: c.id },
    ]);
    const attachments = await rig.t.ctx.database.query<{ n: number }>(
      'select count(*)::int as n from pa_attachments where pa_request_id = $1',
      [c.id],
    );
    expect(attachments[0].n).toBe(2);
    await rig.screenshot(page, 'intake-fax-attached');

    // Everything filed: the list of all faxes says where each went.
    await page.goto('/intake?status=all');
    await page
      .getByRole('row')
      .filter({ hasText: `Case ${c.id}` })
      .first()
      .waitFor();
    await rig.screenshot(page, 'intake-all-faxes');
    await page.context().close();
  });

  it('files a faxed appeal of a denied case, then attaches a faxed letter of support to that appeal', async () => {
    // A denied case to appeal (made through the API as the prescriber and a physician reviewer would).
    const prescriber = await signIn(rig.t, 'prescriber', { npi: DEMO.prescribers.endocrinology });
    const physician = await signIn(rig.t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
    const c = (
      await prescriber.post('pa-requests', {
        memberId: other.id,
        prescriberNpi: DEMO.prescribers.endocrinology,
        productId: DEMO.ndcs.semaglutidePenLow,
        quantity: 3,
        daysSupply: 28,
        urgency: 'standard',
        channel: 'portal',
      })
    ).body;
    const fails = glp1Answers({ a1c: 6.1 });
    await prescriber.post(`pa-requests/${c.id}/submit`, { answers: fails });
    await physician.post(`pa-requests/${c.id}/assign`);
    expect(
      (
        await physician.post(`pa-requests/${c.id}/determination`, {
          decision: 'denied',
          reasons: ['HbA1c is below 7 %.'],
        })
      ).body.status,
    ).toBe('denied');

    const appealFax = await receiveFax(
      rig,
      token,
      await faxPdf([
        'Request for redetermination',
        `${other.first_name} ${other.last_name}`,
        'Please reconsider: metformin caused lactic acidosis.',
      ]),
      rig.t.clock.now().toISOString(),
    );
    const page = await rig.signedIn('intake', 'demo-intake');
    await page.locator(`a[href="/intake/faxes/${appealFax.id}"]`).click();
    const file = region(page, 'File this fax');
    await file.getByLabel('A new appeal of a denied request: file the appeal').check();
    await file.getByLabel('Case ID of the denied request').fill(c.id);
    await file.getByLabel('The prescriber').check();
    await file
      .getByLabel(/Why the decision should change/)
      .fill('Metformin caused lactic acidosis in 2025; it cannot be used.');
    await file.getByRole('button', { name: 'File the appeal' }).click();
    await page.getByText(/^Appeal \S+ of case \S+ was filed from this fax/).waitFor();
    const [appeal] = await rig.t.ctx.database.query<{ id: string; filed_by: string }>(
      'select id, filed_by from appeals where pa_request_id = $1',
      [c.id],
    );
    expect(appeal.filed_by).toBe('prescriber');
    await rig.screenshot(page, 'intake-appeal-filed');

    // The letter of support arrives later: find the member's appeal and attach it.
    const letter = await receiveFax(
      rig,
      token,
      await faxPdf(['Letter of medical necessity', `${other.first_name} ${other.last_name}`]),
      rig.t.clock.now().toISOString(),
    );
    await page.goto(`/intake/faxes/${letter.id}`);
    const file2 = region(page, 'File this fax');
    await file2.getByLabel('Documents for an open appeal').check();
    await file2.getByText('Or find it by member').click();
    await file2.getByLabel('Last name').fill(other.last_name);
    await file2.getByLabel('Date of birth').fill(other.date_of_birth);
    await file2.getByRole('button', { name: 'Search', exact: true }).click();
    await file2
      .getByRole('button', { name: `Use this member: ${other.first_name} ${other.last_name} (${other.id})` })
      .click();
    await file2.getByRole('button', { name: `Choose ${appeal.id}` }).click();
    await file2.getByRole('button', { name: 'Attach the fax to this appeal' }).click();
    await page.getByText(`The fax was attached to appeal ${appeal.id}.`).waitFor();
    const docs = await rig.t.ctx.database.query<{ n: number }>(
      'select count(*)::int as n from appeal_attachments where appeal_id = $1',
      [appeal.id],
    );
    expect(docs[0].n).toBe(2);
    await rig.screenshot(page, 'intake-appeal-attached');
    await page.context().close();
  });

  it('works at phone width', async () => {
    const fax = await receiveFax(
      rig,
      token,
      await faxPdf(['Prior authorization request']),
      rig.t.clock.now().toISOString(),
    );
    const page = await rig.signedIn('intake', 'demo-intake', { mobile: true });
    await page.locator(`a[href="/intake/faxes/${fax.id}"]`).click();
    await page.getByRole('heading', { level: 1, name: `Fax from ${SENDER}` }).waitFor();
    await region(page, 'File this fax').getByRole('button', { name: 'Create the PA case' }).waitFor();
    await rig.screenshot(page, 'intake-fax-mobile');
    expect(await wider(page), 'elements wider than the phone').toEqual([]);
    await page.context().close();
  });
});
