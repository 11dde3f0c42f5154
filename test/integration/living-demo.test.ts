import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBanner } from '../../src/composition/banner.js';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { demoPeople } from '../../src/demo/demo-people.js';
import { loadLivingDemo, type LivingDemoResult } from '../../src/demo/living-demo.js';
import { addDays } from '../../src/platform/dates.js';
import { fromProjectRoot } from '../../src/platform/project-root.js';
import { ApiClient } from '../support/http.js';
import { TEST_TODAY } from '../support/constants.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// docs/design.md#demo: the demo data set shows a plan in the middle of its year. The test template
// has the demo set without it (global-setup.ts); this file loads it as `npm start` does, at the
// manual clock's now (Friday 2026-11-20, 09:00 in California), and reads it back as users do.

const HOUR = 3_600_000;
let t: TestApp;
let first: LivingDemoResult;
const login = (username: string) =>
  ApiClient.login(t.app, username, allAccounts().find((a) => a.username === username)!.password);
const allAccounts = () => [
  ...DEMO_ACCOUNTS.members,
  ...DEMO_ACCOUNTS.prescribers,
  DEMO_ACCOUNTS.intake,
  DEMO_ACCOUNTS.reviewerPharmacist,
  DEMO_ACCOUNTS.reviewerPhysician2,
];
const memberOf = (username: string) => DEMO_ACCOUNTS.members.find((m) => m.username === username)!.memberId!;

beforeAll(async () => {
  t = await createTestApp();
  first = await loadLivingDemo(t.ctx);
}, 180_000);
afterAll(() => t?.close());

describe('the living demo', () => {
  it('bills a year of claims through the claims use case: mostly paid, with the rejects pharmacies meet', async () => {
    expect(first.loaded).toBe(true);
    expect(first.claims.paid).toBeGreaterThan(400);
    // 41 (bill Medi-Cal Rx), 75 (PA required before the Ozempic request), 79 (refill too soon).
    expect(Object.keys(first.claims.rejectCodes).sort()).toEqual(['41', '75', '79']);
    const jennifer = await login('jennifer.lewis');
    const claims = (await jennifer.get(`claims?memberId=${memberOf('jennifer.lewis')}&limit=500`)).body.items as Array<{
      dateOfService: string;
      transactionStatus: string;
      drugName: string;
      authorizationNumber: string | null;
    }>;
    const paid = claims.filter((c) => c.transactionStatus === 'P');
    const dates = paid.map((c) => c.dateOfService).sort();
    expect(dates[0] <= addDays(TEST_TODAY, -340)).toBe(true);
    expect(dates.at(-1)! >= addDays(TEST_TODAY, -35)).toBe(true);
    // Two maintenance generics monthly and Ozempic every 28 days on her authorization.
    expect(paid.length).toBeGreaterThanOrEqual(30);
    const onAuthorization = paid.filter((c) => c.authorizationNumber);
    expect(onAuthorization.length).toBeGreaterThanOrEqual(10);
    expect(claims.filter((c) => c.transactionStatus === 'R')).toHaveLength(1);
  });

  it('gives jennifer.lewis an authorization inside its 60-day renewal window', async () => {
    const jennifer = await login('jennifer.lewis');
    const cases = (await jennifer.get(`pa-requests?memberId=${memberOf('jennifer.lewis')}`)).body.items;
    expect(cases).toHaveLength(1);
    const auth = cases[0].standing.authorization;
    expect(cases[0].status).toBe('approved');
    expect(auth.effectiveFrom <= addDays(TEST_TODAY, -300)).toBe(true);
    expect(auth.effectiveTo > TEST_TODAY && auth.effectiveTo <= addDays(TEST_TODAY, 60)).toBe(true);
    // … and the primary-care prescriber (dr.park), who asked for it, finds it among the renewals due.
    const due = (await (await login(DEMO_ACCOUNTS.prescribers[0].username)).get('renewals-due')).body.items;
    expect(due).toContainEqual(
      expect.objectContaining({
        paRequestId: cases[0].id,
        memberId: memberOf('jennifer.lewis'),
        authorization: expect.objectContaining({ number: auth.number, effectiveTo: auth.effectiveTo }),
        renewalCaseId: null,
      }),
    );
  });

  it("leaves james.clark's denial inside its appeal window: he can still appeal", async () => {
    const james = await login('james.clark');
    const [denied] = (await james.get(`pa-requests?memberId=${memberOf('james.clark')}`)).body.items;
    expect(denied).toMatchObject({ status: 'denied', standing: { appeal: null } });
    const filed = await james.post('appeals', {
      paRequestId: denied.id,
      urgency: 'standard',
      statement: 'My doctor will send a newer HbA1c.',
      filedBy: 'member',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  });

  it("shows rebecca.miller's open appeal to her and to a second reviewer", async () => {
    const rebecca = await login('rebecca.miller');
    const [appealed] = (await rebecca.get(`pa-requests?memberId=${memberOf('rebecca.miller')}`)).body.items;
    expect(appealed).toMatchObject({ status: 'denied', standing: { appeal: 'open' } });
    const reviewer = await login('physician2');
    const appeals = (await reviewer.get('appeals')).body.items as Array<{ paRequestId: string; status: string }>;
    expect(appeals.filter((a) => a.paRequestId === appealed.id)).toHaveLength(1);
  });

  it('fills the reviewer queue at three points of its clocks, the first two hours from due', async () => {
    const pharmacist = await login('pharmacist');
    const queue = (await pharmacist.get('review-queue')).body;
    const now = new Date(queue.now).getTime();
    const left = queue.items.map((c: { dueAt: string }) => (new Date(c.dueAt).getTime() - now) / HOUR);
    expect(left).toHaveLength(3);
    expect(left[0]).toBeCloseTo(2, 1); // the receipt is found to the minute
    expect(left[1]).toBeCloseTo(36, 0);
    expect(left[2]).toBeGreaterThan(60);
    expect(queue.items.map((c: { assignedTo: string | null }) => c.assignedTo)).toEqual([null, 'pharmacist', null]);
    expect(
      queue.items.every((c: { prescriberNpi: string }) => c.prescriberNpi === DEMO_ACCOUNTS.prescribers[1].npi),
    ).toBe(true);
  });

  it('leaves a faxed request waiting in intake', async () => {
    const intake = await login('intake');
    const items = (await intake.get('fax/inbound?status=new')).body.items;
    expect(items).toHaveLength(1);
    const age = t.clock.now().getTime() - new Date(items[0].receivedAt).getTime();
    expect(age).toBe(50 * 60_000);
    const pdf = await intake.getBytes(`fax/inbound/${items[0].id}/document`);
    expect(pdf.contentType).toBe('application/pdf');
  });

  it('loads once: a second load adds nothing', async () => {
    const count = async () => (await t.ctx.database.query<{ n: number }>('select count(*)::int as n from claims'))[0].n;
    const before = await count();
    expect((await loadLivingDemo(t.ctx)).loaded).toBe(false);
    expect(await count()).toBe(before);
  });

  it("gives each demo member's date of birth in the start banner and the README", () => {
    const banner = startBanner(t.ctx.config, { port: 3000, demo: true });
    const readme = readFileSync(fromProjectRoot('README.md'), 'utf8');
    const people = demoPeople();
    for (const account of DEMO_ACCOUNTS.members) {
      const m = people.members.find((p) => p.memberId === account.memberId)!;
      expect(banner).toContain(`member ${m.memberId}, born ${m.dateOfBirth}`);
      expect(readme).toMatch(new RegExp(`\`${account.username}\` \\(${m.memberId},[^)]*born ${m.dateOfBirth}\\)`));
    }
  });
});
