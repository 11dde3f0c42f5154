import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glp1Answers, questionnaireResponse } from '../support/fhir.js';
import { firstNpi, members, signIn } from '../support/scenario.js';
import { makeNpi } from '../../src/shared/npi.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Ozempic pens: the GLP-1 criteria apply; one answer set meets them, the other goes to a clinician.
const OZEMPIC = '00169413211';
const meets = questionnaireResponse({
  dx: { code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
  a1c: { decimal: 8.2 },
  'a1c-date': '2026-10-15',
  'metformin-contra': true,
  'metformin-contra-detail': 'eGFR 28',
  'weight-only': false,
});
const fails = glp1Answers({ a1c: 6.4 });

/** Two decided cases through the API (as the integration test does): one approved automatically, one denied 5 hours later. */
async function seedDecisions(rig: BrowserRig) {
  const t = rig.t;
  const admin = await signIn(t, 'admin');
  const header =
    'member_id,plan_id,first_name,last_name,date_of_birth,sex,language,contact_preference,email,phone,address_line1,city,state,zip,effective_date,termination_date';
  const rows = [
    'B000001,IHSS01,Browser,One,1970-01-11,F,en,mail,,,1 Main St,Oakland,CA,94612,2026-01-01,',
    'B000002,IHSS01,Browser,Two,1971-02-12,M,en,mail,,,1 Main St,Oakland,CA,94612,2026-01-01,',
  ];
  expect(
    (await admin.post('imports/members', [header, ...rows].join('\n') + '\n', { 'content-type': 'text/csv' })).status,
  ).toBe(200);
  const [a, b] = await members(t, "id like 'B00000%'");
  const npi = await firstNpi(t, 'prescribers');
  const prescriber = await signIn(t, 'prescriber', { npi });
  const physician = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
  const submit = async (memberId: string, answers: unknown) => {
    const c = await prescriber.post('pa-requests', {
      memberId,
      prescriberNpi: npi,
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    return (await prescriber.post(`pa-requests/${c.body.id}/submit`, { answers })).body as {
      id: string;
      status: string;
    };
  };
  expect((await submit(a.id, meets)).status).toBe('approved');
  const review = await submit(b.id, fails);
  expect(review.status).toBe('in-review');
  await admin.post('test/clock', { advanceBy: 'PT5H' });
  await physician.post(`pa-requests/${review.id}/assign`);
  const denied = await physician.post(`pa-requests/${review.id}/determination`, {
    decision: 'denied',
    reasons: ['HbA1c is below 7 %.'],
  });
  expect(denied.body.status).toBe('denied');
}

describe.skipIf(!hasChromium)('administrator portal', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
    await seedDecisions(rig);
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('the dashboard shows the turnaround figures, charts with their values in words, and an empty range', async () => {
    const page = await rig.signedIn('admin', 'demo-admin');
    await page.waitForURL((u) => u.pathname === '/admin');
    await page.getByRole('heading', { level: 1, name: 'Turnaround dashboard' }).waitFor();
    const decided = page.locator('[data-metric="decided"]');
    await decided.waitFor();
    await expect.poll(() => decided.locator('dd').first().textContent()).toBe('2');
    await expect.poll(() => page.locator('[data-metric="approved"] dd').first().textContent()).toContain('50%');
    await expect.poll(() => page.locator('[data-metric="automatic"] dd').first().textContent()).toContain('50%');
    await expect.poll(() => page.locator('[data-metric="median"] dd').first().textContent()).toBe('2.5 h');
    const stack = page.getByRole('img', { name: /^Standard: 2 decided; approved 1 \(50%\), denied 1 \(50%\)/ });
    await expect.poll(() => stack.count()).toBe(1);
    const trend = page.getByRole('img', { name: /^Decisions per week\./ });
    expect(await trend.getAttribute('aria-label')).toMatch(/Nov 16, 2026: 2/);
    expect(await page.getByRole('alert').count()).toBe(0);
    await rig.screenshot(page, 'admin-dashboard');

    await page.getByLabel('From', { exact: true }).fill('2026-01-01');
    await page.getByLabel('To', { exact: true }).fill('2026-01-31');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('No prior authorization was decided, appealed or open in this range').waitFor();
    await rig.screenshot(page, 'admin-dashboard-empty');

    await page.getByLabel('From', { exact: true }).fill('2026-02-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/from: must be on or before to/);
    await page.context().close();
  });

  it('works at 390 px', async () => {
    const page = await rig.signedIn('admin', 'demo-admin', { mobile: true });
    await page.locator('[data-metric="decided"]').waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await rig.screenshot(page, 'admin-dashboard-mobile');
    await page.context().close();
  });

  it('browses plans and a formulary with tier and PA / step / QL flags', async () => {
    const page = await rig.signedIn('admin', 'demo-admin');
    await page.getByRole('link', { name: 'Plans & formularies' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plans' }).waitFor();
    const rows = page.locator('tbody tr');
    await rows.first().waitFor();
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await rig.screenshot(page, 'admin-plans');
    await page.locator('a[href="/admin/plans/IHSS01"]').click();
    await page.getByRole('heading', { level: 1, name: /^Formulary of / }).waitFor();
    await page.getByLabel('Drug name, ingredient, class, NDC or RxCUI').fill('semaglutide');
    await page.getByRole('button', { name: 'Search' }).click();
    const ozempic = page.locator('tbody tr', { hasText: 'Pen Injector' }).first();
    await ozempic.waitFor();
    await expect.poll(() => ozempic.textContent()).toMatch(/PA: GLP-1/);
    await rig.screenshot(page, 'admin-formulary');
    await page.context().close();
  });

  it('shows criteria sets with their versions, drugs, questions and rules', async () => {
    const page = await rig.signedIn('admin', 'demo-admin');
    await page.getByRole('link', { name: 'Criteria', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Coverage criteria' }).waitFor();
    await page.locator('a[href="/admin/criteria/glp1-t2dm"]').click();
    await page.getByRole('heading', { level: 2, name: 'Questions' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Drugs covered' }).waitFor();
    await page
      .getByText(/semaglutide/i)
      .first()
      .waitFor();
    await expect.poll(() => page.locator('.kv').textContent()).toMatch(/v1/);
    await expect.poll(() => page.locator('.admin-questions li').count()).toBeGreaterThan(2);
    expect(await page.getByRole('alert').count()).toBe(0);
    await rig.screenshot(page, 'admin-criteria');
    await page.context().close();
  });

  it('loads a changed criteria set as a new version; a broken file is refused in words', async () => {
    const token = (
      await rig.t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/token',
        payload: { username: 'admin', password: 'demo-admin' },
      })
    ).json().accessToken;
    const current = (
      await rig.t.app.inject({
        method: 'GET',
        url: '/api/v1/criteria/sglt2',
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    const changed = { ...current, title: `${current.title} (2027 update)` };
    const page = await rig.signedIn('admin', 'demo-admin');
    await page.getByRole('link', { name: 'Criteria', exact: true }).click();
    const file = page.getByLabel('Criteria file (JSON)');
    await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "id": ') });
    await page.getByRole('button', { name: 'Load criteria' }).click();
    await page.getByText(/This file is not valid JSON/).waitFor();
    await file.setInputFiles({
      name: 'sglt2.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(changed)),
    });
    await page.getByRole('button', { name: 'Load criteria' }).click();
    await page.getByText('Loaded: 1 new versions. Every row loaded.').waitFor();
    await page.getByText(`${current.title} (2027 update)`).first().waitFor();
    const versions = await rig.t.ctx.database.query<{ version: number }>(
      "select version from criteria_sets where id = 'sglt2' order by version",
    );
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    await page.context().close();
  });

  it('lists users and creates one', async () => {
    const page = await rig.signedIn('admin', 'demo-admin');
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('rowheader', { name: 'pharmacist', exact: true }).waitFor();
    await page.getByLabel('Username').fill('ui-intake-clerk');
    await page.getByLabel('Name shown on screens and letters').fill('Ivy Intake');
    await page.getByLabel('Role').selectOption('intake');
    await page.getByLabel('Password', { exact: true }).fill('a-long-password');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.getByText('Account ui-intake-clerk was created.').waitFor();
    await page.getByRole('rowheader', { name: 'ui-intake-clerk' }).waitFor();
    await page.getByLabel('Username').fill('ui-intake-clerk');
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/already exists/);
    await rig.screenshot(page, 'admin-users');
    await page.context().close();
  });

  it('imports a prescribers file: the good row loads, the bad one is listed with its reason', async () => {
    const good = makeNpi('226099011');
    const bad = `${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}`;
    const csv = [
      'npi,first_name,last_name,credential,specialty',
      `${good},Rosa,Alvarez,MD,Endocrinology`,
      `${bad},Bad,Digit,MD,`,
    ].join('\n');
    const page = await rig.signedIn('admin', 'demo-admin');
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Choose a file to import.').waitFor();
    await page.getByLabel('What the file holds').selectOption('prescribers');
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'prescribers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Loaded: 1 prescribers. Rows not loaded: 1.').waitFor();
    await page
      .getByRole('table', { name: 'Rows not loaded' })
      .getByText(`npi ${bad} has a wrong check digit`)
      .waitFor();
    await page.getByRole('table', { name: 'Import runs, newest first' }).getByText('prescribers').first().waitFor();
    const [row] = await rig.t.ctx.database.query<{ last_name: string }>(
      'select last_name from prescribers where npi = $1',
      [good],
    );
    expect(row?.last_name).toBe('Alvarez');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rig.screenshot(page, 'admin-imports');
    await page.context().close();
  });
});
