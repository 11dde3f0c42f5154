import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO } from '../../../src/demo/demo-data.js';
import { ApiClient } from '../../support/http.js';
import { multipart, TINY_PDF } from '../../support/multipart.js';
import { claimFor, glp1CaseInReview, members } from '../../support/scenario.js';
import { testToday } from '../../support/constants.js';
import type { BrowserRig } from './browser.js';

/** One role's pages; `{x}` in a path is filled from the ids `somethingBehindEveryPage` returns. */
export interface PortalVisit {
  username: string;
  password: string;
  paths: string[];
}

/**
 * Something behind every detail page, made through the API as the people would: a claim at the
 * counter, a PA that fails its criteria, denied by a physician, the member's appeal, and a fax waiting in intake.
 */
export async function somethingBehindEveryPage(rig: BrowserRig): Promise<Record<string, string>> {
  const login = (u: string, p: string) => ApiClient.login(rig.t.app, u, p);
  const prescriber = await login('dr.park', 'demo-prescriber');
  const physician = await login('physician', 'demo-reviewer');
  const member = await login('jennifer.lewis', 'demo-member');
  const pharmacy = new ApiClient(rig.t.app).withKey(DEMO.pharmacies.retail.apiKey);
  const [m] = await members(rig.t, 'id = $1', [DEMO.members.ihss]);
  const today = testToday(rig.t);
  const claim = await pharmacy.post('claims', {
    ...claimFor(m, DEMO.pharmacies.retail.npi, DEMO.prescribers.primaryCare),
    dateOfService: today,
    productId: DEMO.ndcs.coveredGeneric,
  });
  expect(claim.status, JSON.stringify(claim.body)).toBe(200);
  const paId = await glp1CaseInReview(prescriber, m.id);
  await physician.post(`pa-requests/${paId}/assign`);
  const denied = await physician.post(`pa-requests/${paId}/determination`, {
    decision: 'denied',
    reasons: ['HbA1c is below 7 %.'],
  });
  expect(denied.body.status, JSON.stringify(denied.body)).toBe('denied');
  const appeal = await member.post('appeals', {
    paRequestId: paId,
    urgency: 'standard',
    statement: 'Metformin made me ill.',
    filedBy: 'member',
  });
  expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
  const intake = await login('intake', 'demo-intake');
  const fax = multipart(
    { senderFax: '1-510-555-0163', receivedAt: rig.t.clock.now().toISOString() },
    { name: 'fax.pdf', bytes: TINY_PDF },
  );
  const inbound = await intake.post('fax/inbound', fax.body, fax.headers);
  expect(inbound.status, JSON.stringify(inbound.body)).toBe(201);
  const q = async (sql: string) => (await rig.t.ctx.database.query<{ id: string }>(sql))[0]?.id ?? '';
  return {
    pa: paId,
    member: m.id,
    claim: claim.body.claimId,
    appeal: appeal.body.id,
    criteria: await q(`select id from criteria_sets order by id limit 1`),
    plan: await q(`select id from plans order by id limit 1`),
    fax: inbound.body.id,
  };
}

/** Waits until a page has loaded its data: network quiet, its heading shown, no "Loading…" left. */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await expect.poll(() => page.getByText(/^Loading/).count()).toBe(0);
}

/** Every portal's pages, by the role that uses them. */
export const PORTAL_VISITS: PortalVisit[] = [
  {
    username: 'jennifer.lewis',
    password: 'demo-member',
    paths: [
      '/member',
      '/member/claims',
      '/member/prior-authorizations',
      `/member/prior-authorizations/{pa}`,
      '/member/notifications',
    ],
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
    paths: ['/pharmacy', '/pharmacy/claims', '/pharmacy/claims/{claim}', '/pharmacy/pa-requests', '/pharmacy/letters'],
  },
  {
    username: 'physician',
    password: 'demo-reviewer',
    paths: ['/review', '/review/cases/{pa}', '/review/appeals/{appeal}'],
  },
  { username: 'intake', password: 'demo-intake', paths: ['/intake', '/intake?status=all', '/intake/faxes/{fax}'] },
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
      '/admin/letter-languages',
      '/admin/audit',
    ],
  },
];

/** A path template with its `{x}` filled from `ids`. */
export function fillPath(template: string, ids: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => {
    expect(ids[k], `demo data has a ${k}`).toBeTruthy();
    return encodeURIComponent(ids[k]);
  });
}
