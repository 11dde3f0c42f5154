import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glp1Answers } from '../support/fhir.js';
import { firstNpi, members, signIn } from '../support/scenario.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Ozempic pen: the glp1-t2dm criteria set.
const OZEMPIC = '00169413211';

/** Two cases approved automatically on glp1-t2dm v1 (HbA1c 7.4 and 9.1), through the API. */
async function seedApprovals(rig: BrowserRig) {
  const t = rig.t;
  const admin = await signIn(t, 'admin');
  const header =
    'member_id,plan_id,first_name,last_name,date_of_birth,sex,language,contact_preference,email,phone,address_line1,city,state,zip,effective_date,termination_date';
  const rows = [
    'E000001,IHSS01,Editor,One,1970-01-11,F,en,mail,,,1 Main St,Oakland,CA,94612,2026-01-01,',
    'E000002,IHSS01,Editor,Two,1971-02-12,M,en,mail,,,1 Main St,Oakland,CA,94612,2026-01-01,',
  ];
  expect(
    (await admin.post('imports/members', [header, ...rows].join('\n') + '\n', { 'content-type': 'text/csv' })).status,
  ).toBe(200);
  const npi = await firstNpi(t, 'prescribers');
  const prescriber = await signIn(t, 'prescriber', { npi });
  const [a, b] = await members(t, "id like 'E00000%'");
  for (const [m, a1c] of [
    [a, 7.4],
    [b, 9.1],
  ] as const) {
    const c = await prescriber.post('pa-requests', {
      memberId: m.id,
      prescriberNpi: npi,
      productId: OZEMPIC,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    const s = await prescriber.post(`pa-requests/${c.body.id}/submit`, {
      answers: glp1Answers({ a1c, contraindication: 'eGFR 28' }),
    });
    expect(s.body.status).toBe('approved');
  }
}

describe.skipIf(!hasChromium)('criteria editor', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
    await seedApprovals(rig);
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('an invalid FHIRPath is named as it is typed; fixed, simulated on past cases, published as version 2', async () => {
    const page = await rig.signedIn('admin', 'demo-admin');
    await page.getByRole('link', { name: 'Criteria', exact: true }).click();
    await page.locator('a[href="/admin/criteria/glp1-t2dm"]').click();
    await page.getByRole('link', { name: 'Edit (draft)' }).click();
    await page.getByRole('button', { name: 'Start a draft' }).click();
    await page.getByText('Draft of version 1, revision 1').waitFor();
    await page.getByText('The draft is valid.').waitFor();
    // The preview is the prescribers' own form renderer.
    await page.getByRole('heading', { level: 2, name: 'Preview of the form prescribers see' }).waitFor();
    await page.getByLabel('Most recent HbA1c (%)').first().waitFor();

    const glycemic = page.locator('fieldset[data-rule="glycemic"]').getByLabel('FHIRPath expression');
    const original = await glycemic.inputValue();
    await glycemic.fill(original.replace('>= 7', '>= (8'));
    const error = page.locator('fieldset[data-rule="glycemic"] .field-error');
    await expect.poll(() => error.textContent()).toMatch(/does not parse/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/problems to fix/);
    expect(await page.getByRole('button', { name: 'Simulate' }).isDisabled()).toBe(true);

    await glycemic.fill(original.replace('>= 7', '>= 8'));
    await expect.poll(() => error.count()).toBe(0);
    await page.getByText('The draft is valid.').waitFor();
    const diff = page.getByTestId('criteria-diff');
    await expect.poll(() => diff.textContent()).toMatch(/glycemic: changed/);

    const publish = page.getByRole('button', { name: 'Publish as version 2' });
    expect(await publish.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Simulate' }).click();
    const report = page.getByTestId('simulation-report');
    await report.waitFor();
    await expect.poll(() => report.locator('[data-count="approvals-to-denials"]').textContent()).toBe('1');
    await expect.poll(() => report.textContent()).toMatch(/Replayed 2 cases decided with version 1/);
    await expect.poll(() => report.locator('tbody tr').first().textContent()).toMatch(/glycemic/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await rig.screenshot(page, 'admin-criteria-editor');

    await expect.poll(() => publish.isDisabled()).toBe(false);
    await publish.click();
    await page.getByText('Version 2 is published.', { exact: false }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Changes from version 1' }).waitFor();
    await expect.poll(() => page.getByTestId('criteria-diff').textContent()).toMatch(/glycemic: changed/);
    const versions = await rig.t.ctx.database.query<{
      version: number;
      body: { rules: Array<{ expression: string }> };
    }>("select version, body from criteria_sets where id = 'glp1-t2dm' order by version");
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1].body.rules[1].expression).toContain('>= 8');
    expect(versions[0].body.rules[1].expression).toContain('>= 7');
    await page.context().close();
  });
});
