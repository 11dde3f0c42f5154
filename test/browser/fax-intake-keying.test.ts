import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { multipart } from '../support/multipart.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// A faxed PA request does not stop at a draft: intake finds the member by the member ID on the
// form, keys the question-set answers with the fax beside them, and submits. The case's clock
// runs from the fax's receipt, it is in the reviewers' queue, and the prescriber is faxed an
// acknowledgment.

const SENDER = '1-510-555-0177';

async function faxPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 720 - i * 22, size: 12, font }));
  return Buffer.from(await doc.save());
}

const radioGroup = (page: Page, name: RegExp) => page.getByRole('radiogroup', { name });

describe.skipIf(!hasChromium)('fax intake finishes the job', () => {
  let rig: BrowserRig;
  let token: string;
  let member: { id: string; first_name: string; last_name: string; date_of_birth: string };
  beforeAll(async () => {
    rig = await startBrowserRig();
    const login = await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { username: 'intake', password: 'demo-intake' },
    });
    token = login.json().accessToken;
    [member] = await rig.t.ctx.database.query<typeof member>(
      `select m.id, m.first_name, m.last_name, m.date_of_birth::text from members m
       where m.plan_id = 'IHSS01' and m.termination_date is null and m.date_of_birth < '2000-01-01'
         and not exists (select 1 from pa_requests p where p.member_id = m.id)
       order by m.id desc offset 5 limit 1`,
    );
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('member by ID, answers keyed beside the fax, submitted: clock from receipt, in the queue, prescriber told', async () => {
    const receivedAt = new Date(rig.t.clock.now().getTime() - 3 * 3_600_000).toISOString();
    const pdf = await faxPdf([
      'Prior authorization request — Ozempic 0.25/0.5 mg pen, 3 pens / 28 days',
      `Member ID ${member.id}`,
      'Dx E11.9 type 2 diabetes; HbA1c 6.4 % on 2026-10-15; metformin: no contraindication',
      `Prescriber NPI ${DEMO.prescribers.primaryCare}`,
    ]);
    const { body, headers } = multipart({ senderFax: SENDER, receivedAt }, { name: 'fax.pdf', bytes: pdf });
    const r = await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/fax/inbound',
      headers: { ...headers, authorization: `Bearer ${token}` },
      payload: body,
    });
    expect(r.statusCode, r.body).toBe(201);
    const faxId = r.json().id as string;

    const page = await rig.signedIn('intake', 'demo-intake');
    await page.goto(`/intake/faxes/${faxId}`);
    const file = page.getByRole('region', { name: 'File this fax' });
    await file.getByLabel('A new PA request: create a case').check();
    // The form gives the member ID: search by it.
    await file.getByLabel('Member ID', { exact: true }).check();
    await file.getByLabel('Member ID on the card').fill(member.id.toLowerCase());
    await file.getByRole('button', { name: 'Search', exact: true }).click();
    await file
      .getByRole('button', { name: `Use this member: ${member.first_name} ${member.last_name} (${member.id})` })
      .click();
    await file.getByLabel(/Drug NDC/).fill(DEMO.ndcs.semaglutidePenLow);
    await file.getByLabel('Prescriber NPI').fill(DEMO.prescribers.primaryCare);
    await file.getByLabel('Quantity').fill('3');
    await file.getByLabel('Days supply').fill('28');
    await file.getByRole('button', { name: 'Create the PA case' }).click();
    await page.getByText(/^Case par\S+ was created from this fax/).waitFor();

    // Two panes at 1280 px: the fax on the left stays beside the questions on the right.
    const fax = page.getByRole('region', { name: 'The fax' });
    const questions = page.getByRole('region', { name: 'Questions from the plan' });
    await questions.waitFor();
    const [fb, qb] = [await fax.boundingBox(), await questions.boundingBox()];
    expect(fb && qb && fb.x + fb.width <= qb.x, 'the fax is beside the questions').toBe(true);

    await radioGroup(page, /Diagnosis/)
      .getByLabel('Type 2 diabetes mellitus without complications')
      .check();
    await page.getByLabel(/Most recent HbA1c/).fill('6.4');
    await page.getByLabel(/Date of that HbA1c/).fill('2026-10-15');
    await radioGroup(page, /contraindication or intolerance to metformin/)
      .getByLabel('No')
      .check();
    await radioGroup(page, /weight loss only/)
      .getByLabel('No')
      .check();
    await rig.screenshot(page, 'intake-key-answers-beside-fax');
    await page.getByRole('button', { name: 'Submit the request' }).click();
    await page.getByText(/complete and in the reviewers’ queue/).waitFor();

    const [c] = await rig.t.ctx.database.query<{
      id: string;
      status: string;
      completed_at: string;
      due_at: string | null;
    }>('select id, status, completed_at, due_at from pa_requests where member_id = $1', [member.id]);
    expect(c.status).toBe('in-review');
    expect(new Date(c.completed_at).toISOString(), 'the clock runs from the fax').toBe(receivedAt);
    expect(c.due_at).not.toBeNull();
    const acks = await rig.t.ctx.database.query<{ recipient: string; recipient_id: string }>(
      `select recipient, recipient_id from notices where pa_request_id = $1 and kind = 'request-acknowledgment'`,
      [c.id],
    );
    expect(acks).toEqual([{ recipient: 'prescriber', recipient_id: DEMO.prescribers.primaryCare }]);
    await page.context().close();

    // The reviewers see it in their queue.
    const reviewer = await rig.signedIn('pharmacist', 'demo-reviewer');
    await reviewer.locator(`[data-case-id="${c.id}"]`).waitFor();
    await reviewer.context().close();
  });

  it('at phone width the fax and the form stack; nothing sticks out', async () => {
    const form = multipart(
      { senderFax: SENDER, receivedAt: rig.t.clock.now().toISOString() },
      { name: 'f.pdf', bytes: await faxPdf(['PA']) },
    );
    const r = await rig.t.app.inject({
      method: 'POST',
      url: '/api/v1/fax/inbound',
      headers: { ...form.headers, authorization: `Bearer ${token}` },
      payload: form.body,
    });
    expect(r.statusCode, r.body).toBe(201);
    const page = await rig.signedIn('intake', 'demo-intake', { mobile: true });
    await page.goto(`/intake/faxes/${r.json().id}`);
    await page.getByRole('region', { name: 'File this fax' }).getByLabel('Member ID', { exact: true }).check();
    await page.getByLabel('Member ID on the card').waitFor();
    await rig.screenshot(page, 'intake-fax-member-id-search-mobile');
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > 391 && !e.closest('.table-wrap'))
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
    );
    expect(wide).toEqual([]);
    await page.context().close();
  });
});
