import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// RxNorm concepts from ../shared/data/drugs.csv.
const ZESTRIL_10 = '104377'; // lisinopril 10 MG Oral Tablet [Zestril]; its generic equivalent is 314076
const OZEMPIC_PENS = '1991311'; // 0.25 MG, 0.5 MG Dose … semaglutide Pen Injector [Ozempic], group 1991305

/**
 * docs/design.md#words-from-facts: covered alternatives are different products of the same therapeutic class, at
 * the requested strength where the product has it — never another strength of the same product —
 * each with tier, the member's cost and whether PA is needed.
 */
describe.skipIf(!hasChromium)('covered alternatives', () => {
  let rig: BrowserRig;
  let member: ApiClient;

  beforeAll(async () => {
    rig = await startBrowserRig();
    member = await ApiClient.login(rig.t.app, 'jennifer.lewis', 'demo-member');
  });
  afterAll(async () => {
    await rig?.close();
  });

  const alternativesOf = async (rxcui: string) => {
    const r = await member.get(`coverage?memberId=M000101&rxcui=${rxcui}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.alternatives as Array<{
      rxcui: string;
      name: string;
      tier: string;
      priorAuthorizationRequired: boolean;
    }>;
  };

  it('the API offers Zestril 10 mg its generic at 10 mg first, and no other lisinopril strength', async () => {
    const alternatives = await alternativesOf(ZESTRIL_10);
    expect(alternatives[0]).toMatchObject({ rxcui: '314076', name: 'lisinopril 10 MG Oral Tablet' });
    expect(alternatives.filter((a) => a.name.startsWith('lisinopril'))).toHaveLength(1);
  });

  it('the API never offers Ozempic another Ozempic pen (or an unsold generic of it)', async () => {
    const alternatives = await alternativesOf(OZEMPIC_PENS);
    expect(alternatives.length).toBeGreaterThan(0);
    const concepts = (
      await rig.t.ctx.database.query<{ rxcui: string }>("select rxcui from drug_concepts where group_id = '1991305'")
    ).map((c) => c.rxcui);
    expect(alternatives.filter((a) => concepts.includes(a.rxcui))).toEqual([]);
    for (const a of alternatives) {
      expect(a.tier).toBeTruthy();
      expect(typeof a.priorAuthorizationRequired).toBe('boolean');
    }
  });

  const coverageFor = async (page: Page, search: string, drug: RegExp) => {
    await page.getByLabel('Drug name').fill(search);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('list', { name: /Drugs matching/ }).waitFor();
    await page.getByRole('button', { name: drug }).first().click();
    const table = page.getByRole('table', { name: 'Covered alternatives' });
    await table.waitFor();
    return table;
  };

  for (const mobile of [false, true]) {
    it(`the member sees lisinopril 10 mg for Zestril 10 mg, with tier, cost and PA (${mobile ? '390' : '1280'} px)`, async () => {
      const page = await rig.signedIn('jennifer.lewis', 'demo-member', { mobile });
      const table = await coverageFor(page, 'zestril', /Check my coverage for .*(10 MG.*Zestril|Zestril.*10 mg)/i);
      const first = table.getByRole('row').nth(1);
      await expect.poll(() => first.textContent()).toMatch(/lisinopril 10 mg/i);
      expect(await first.textContent()).toMatch(/\$\d+\.\d{2}/);
      expect(await first.textContent()).toMatch(/Yes|No/);
      expect(await table.textContent()).not.toMatch(/2\.5 mg/i);
      await rig.screenshot(page, `alternatives-zestril${mobile ? '-mobile' : ''}`);
      await page.context().close();
    });
  }

  it('the member sees no other Ozempic pen among Ozempic’s alternatives', async () => {
    const page = await rig.signedIn('jennifer.lewis', 'demo-member');
    const table = await coverageFor(page, 'ozempic', /Check my coverage for .*Ozempic/);
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(1);
    expect(await table.textContent()).not.toMatch(/Ozempic|semaglutide [\d.]+ MG\/ML Pen Injector/i);
    await rig.screenshot(page, 'alternatives-ozempic');
    await page.context().close();
  });
});
