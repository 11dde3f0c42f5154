import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { glp1Answers } from '../support/fhir.js';
import { ApiClient } from '../support/http.js';
import { claimFor } from '../support/scenario.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Every portal page, opened as its role would, leaves nothing in the browser console: no script
// error, no failed request (a missing favicon included), no React warning.

interface Visit {
  username: string;
  password: string;
  /** Paths to open; `{x}` is filled from the demo data below. */
  paths: string[];
}

/** Records console errors, uncaught exceptions and failed requests on a page. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} @ ${page.url()}`);
  });
  page.on('pageerror', (e) => errors.push(`exception: ${e.message} @ ${page.url()}`));
  page.on('requestfailed', (r) => {
    // A navigation away aborts requests still in flight: that is not an error on a page.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()}`);
  });
  return errors;
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await expect.poll(() => page.getByText(/^Loading/).count()).toBe(0);
}

describe.skipIf(!hasChromium)('no console errors on any portal page', () => {
  let rig: BrowserRig;
  let ids: Record<string, string>;
  beforeAll(async () => {
    rig = await startBrowserRig();
    // Something behind every detail page, made through the API as the people would: a claim at the
    // counter, a PA that fails its criteria, denied by a physician, and the member's appeal.
    const login = (u: string, p: string) => ApiClient.login(rig.t.app, u, p);
    const prescriber = await login('dr.park', 'demo-prescriber');
    const physician = await login('physician', 'demo-reviewer');
    const member = await login('jennifer.lewis', 'demo-member');
    const pharmacy = new ApiClient(rig.t.app).withKey(DEMO.pharmacies.retail.apiKey);
    const [m] = await rig.t.ctx.database.query<{ id: string; date_of_birth: string }>(
      `select id, date_of_birth::text from members where id = $1`,
      [DEMO.members.ihss],
    );
    const today = new Date(rig.t.clock.now().getTime() - 8 * 3_600_000).toISOString().slice(0, 10);
    const claim = await pharmacy.post('claims', {
      ...claimFor(
        { ...m, plan_id: 'IHSS01', sex: 'F', language: 'en', termination_date: null },
        DEMO.pharmacies.retail.npi,
        DEMO.prescribers.primaryCare,
      ),
      dateOfService: today,
      productId: DEMO.ndcs.coveredGeneric,
    });
    expect(claim.status, JSON.stringify(claim.body)).toBe(200);
    const c = await prescriber.post('pa-requests', {
      memberId: m.id,
      prescriberNpi: DEMO.prescribers.primaryCare,
      productId: DEMO.ndcs.semaglutidePenLow,
      quantity: 3,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(
      (await prescriber.post(`pa-requests/${c.body.id}/submit`, { answers: glp1Answers({ a1c: 6.1 }) })).body.status,
    ).toBe('in-review');
    await physician.post(`pa-requests/${c.body.id}/assign`);
    const denied = await physician.post(`pa-requests/${c.body.id}/determination`, {
      decision: 'denied',
      reasons: ['HbA1c is below 7 %.'],
    });
    expect(denied.body.status, JSON.stringify(denied.body)).toBe('denied');
    const appeal = await member.post('appeals', {
      paRequestId: c.body.id,
      urgency: 'standard',
      statement: 'Metformin made me ill.',
      filedBy: 'member',
    });
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
    const q = async (sql: string) => (await rig.t.ctx.database.query<{ id: string }>(sql))[0]?.id ?? '';
    ids = {
      pa: c.body.id,
      member: m.id,
      claim: claim.body.claimId,
      appeal: appeal.body.id,
      criteria: await q(`select id from criteria_sets order by id limit 1`),
      plan: await q(`select id from plans order by id limit 1`),
    };
  });
  afterAll(async () => {
    await rig?.close();
  });

  const visits = (): Visit[] => [
    {
      username: 'jennifer.lewis',
      password: 'demo-member',
      paths: ['/member', '/member/claims', '/member/prior-authorizations', `/member/prior-authorizations/{pa}`],
    },
    {
      username: 'dr.park',
      password: 'demo-prescriber',
      paths: [
        '/prescriber',
        '/prescriber/patients',
        '/prescriber/patients/{member}',
        '/prescriber/new',
        '/prescriber/requests/{pa}',
      ],
    },
    {
      username: 'pharmacy.lakeshore',
      password: 'demo-pharmacy',
      paths: ['/pharmacy', '/pharmacy/claims', '/pharmacy/claims/{claim}', '/pharmacy/pa-requests'],
    },
    {
      username: 'physician',
      password: 'demo-reviewer',
      paths: ['/review', '/review/cases/{pa}', '/review/appeals/{appeal}'],
    },
    { username: 'intake', password: 'demo-intake', paths: ['/intake', '/intake?status=all'] },
    {
      username: 'memberservices',
      password: 'demo-services',
      paths: ['/services', '/services/members/{member}', '/services/pa/{pa}'],
    },
    {
      username: 'admin',
      password: 'demo-admin',
      paths: [
        '/admin',
        '/admin/plans',
        '/admin/plans/{plan}',
        '/admin/criteria',
        '/admin/criteria/{criteria}',
        '/admin/users',
        '/admin/imports',
        '/admin/ehr-clients',
      ],
    },
  ];

  it('the sign-in page asks for nothing that is not there (favicon included)', async () => {
    const context = await rig.browser.newContext({ baseURL: rig.baseUrl });
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto('/');
    await page.getByLabel('Username').waitFor();
    await page.waitForLoadState('networkidle');
    const icon = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel~="icon"]')?.href ?? null);
    expect(icon, 'the page names its icon').not.toBeNull();
    const res = await page.request.get(icon!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/image\//);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each(visits().map((v) => [v.username, v] as const))(
    '%s: every page opens without a console error',
    async (_, v) => {
      const page = await rig.signedIn(v.username, v.password);
      const errors = collectErrors(page);
      for (const template of v.paths) {
        const path = template.replace(/\{(\w+)\}/g, (_m, k: string) => {
          expect(ids[k], `demo data has a ${k}`).toBeTruthy();
          return encodeURIComponent(ids[k]);
        });
        await page.goto(path);
        await settle(page);
        expect(await page.getByRole('alert').count(), `no error shown on ${path}`).toBe(0);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
