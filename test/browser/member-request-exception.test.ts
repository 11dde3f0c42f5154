import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { allDemoAccounts } from '../../src/demo/demo-accounts.js';
import { claimFor, members, pharmacyWithKey } from '../support/scenario.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// docs/design.md#exceptions: where a member sees a reject that needs an exception, the portal starts the right
// request. A Medicare Part D enrollee may ask the plan themselves (42 CFR 423.566(c), 423.578(a)):
// the button opens the exception on its question set, naming the claim's prescriber. A commercial
// member is told which request to ask the prescriber for (the plan takes it from the prescriber).
const KIND = 'Brand medically necessary (DAW 1)';
const accountOf = (memberId: string) => allDemoAccounts().find((a) => a.role === 'member' && a.memberId === memberId)!;

describe.skipIf(!hasChromium)('member portal: the request a reject needs', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
    // Zestril (brand; its generic is covered) billed for a Part D and a commercial member: 70,
    // next step the brand-medically-necessary exception.
    const pharmacy = await pharmacyWithKey(rig.t, DEMO.pharmacies.retail.npi);
    for (const id of [DEMO.members.partD, DEMO.members.commercial]) {
      const [m] = await members(rig.t, 'id = $1', [id]);
      const r = await pharmacy.post(
        'claims',
        claimFor(m, DEMO.pharmacies.retail.npi, DEMO.prescribers.primaryCare, {
          productId: DEMO.ndcs.nonFormulary,
          prescriptionNumber: `MRE${id.slice(-6)}`,
        }),
      );
      expect(r.body.rejects?.[0]?.code, JSON.stringify(r.body)).toBe('70');
      expect(r.body.nextSteps.exception.kind).toBe('brand-medically-necessary');
    }
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('a Part D member starts the exception from the rejected claim; the case names the kind and waits for the prescriber', async () => {
    const account = accountOf(DEMO.members.partD);
    const page = await rig.signedIn(account.username, account.password);
    await page.getByRole('link', { name: 'My claims' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'Zestril' }).first();
    await card.getByText('As a Medicare Part D member you can ask the plan yourself').waitFor();
    expect(await seriousAccessibilityViolations(page), 'member-request-1-partd-claims').toEqual([]);
    await card.getByRole('button', { name: `Ask the plan for this: ${KIND}` }).click();
    const started = card.getByText(/Request par_\S+ is open\. We told your prescriber/);
    await started.waitFor();
    await rig.screenshot(page, 'member-request-exception-started');

    // The case exists for her, on the exception's question set, with the prescriber from the claim.
    const [row] = await rig.t.ctx.database.query<{ id: string; kind: string; prescriber_npi: string; channel: string }>(
      `select id, kind, prescriber_npi, channel from pa_requests where member_id = $1 and kind = 'brand-medically-necessary'`,
      [DEMO.members.partD],
    );
    expect(row).toMatchObject({
      kind: 'brand-medically-necessary',
      prescriber_npi: DEMO.prescribers.primaryCare,
      channel: 'portal',
    });
    const [notice] = await rig.t.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from notices where pa_request_id = $1 and recipient = 'prescriber' and kind = 'pa-needed'`,
      [row.id],
    );
    expect(notice.n).toBeGreaterThan(0);

    await card.getByRole('link', { name: `Follow request ${row.id}` }).click();
    await page.waitForURL((u) => u.pathname === `/member/prior-authorizations/${row.id}`);
    await page.getByText(KIND).first().waitFor();
    await page
      .getByText(/the review clock starts when the prescriber’s statement arrives/)
      .first()
      .waitFor();

    // Asking again does not open a second case: the warning links the open one.
    await page.getByRole('link', { name: 'My claims' }).click();
    const again = page.getByRole('listitem').filter({ hasText: 'Zestril' }).first();
    await again.getByRole('button', { name: `Ask the plan for this: ${KIND}` }).click();
    await again.getByText(/A request for this drug is already open/).waitFor();
    await again.getByRole('link', { name: `Open request ${row.id}` }).waitFor();
    const [count] = await rig.t.ctx.database.query<{ n: number }>(
      `select count(*)::int as n from pa_requests where member_id = $1 and kind = 'brand-medically-necessary'`,
      [DEMO.members.partD],
    );
    expect(count.n).toBe(1);
    await page.context().close();
  });

  it('a commercial member is told which request to ask the prescriber for, and gets no button', async () => {
    const account = accountOf(DEMO.members.commercial);
    const page = await rig.signedIn(account.username, account.password);
    await page.getByRole('link', { name: 'My claims' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'Zestril' }).first();
    await card.getByText(`Ask your prescriber to request this from the plan: ${KIND}.`).waitFor();
    expect(await card.getByRole('button', { name: /Ask the plan for this/ }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page), 'member-request-2-commercial-claims').toEqual([]);
    await page.context().close();
  });
});
