import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../../src/demo/demo-data.js';
import { demoPeople } from '../../src/demo/demo-people.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';
import { submitPharmacyClaim } from './support/pharmacy-claim.js';

// docs/design.md#exceptions: a claim rejected 70 for a brand whose generic is covered → the pharmacy
// sees which exception to ask for → the prescriber's coverage check offers that exception's
// request → its own question set → approved → the brand pays at the generic's cost sharing.
const member = demoPeople().members.find((m) => m.memberId === DEMO.members.commercial)!;
const pharmacyAccount = DEMO.pharmacies.retail;
const ZESTRIL = DEMO.ndcs.nonFormulary;
const KIND = 'Brand medically necessary (DAW 1)';

describe.skipIf(!hasChromium)('reject → request an exception → approved → the claim pays', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  const submitClaim = (page: Page, rx: string) =>
    submitPharmacyClaim(page, {
      memberId: member.memberId,
      dateOfBirth: member.dateOfBirth,
      rx,
      ndc: ZESTRIL,
      quantity: '30',
      daysSupply: '30',
      ingredientCost: '120.00',
      usualAndCustomary: '150.00',
    });

  it('the exception named by the reject is the one requested, and its approval pays the brand at the generic’s copay', async () => {
    // 1. The pharmacy's claim is rejected 70; the answer names the exception to ask for.
    const pharmacy = await rig.signedIn(pharmacyAccount.username, pharmacyAccount.password);
    let answer = await submitClaim(pharmacy, 'RX917001');
    await answer.getByText(/^70 — /).waitFor();
    await answer.getByRole('heading', { name: `Notify the prescriber: ${KIND} needed` }).waitFor();
    expect(await seriousAccessibilityViolations(pharmacy), 'exception-1-pharmacy-rejected-70').toEqual([]);

    // 2. The prescriber checks coverage; the request button opens that exception's question set.
    const prescriber = await rig.signedIn('dr.park', 'demo-prescriber');
    await prescriber.getByRole('link', { name: 'New request' }).click();
    await prescriber.getByLabel('Last name').fill(member.lastName);
    await prescriber.getByLabel('Date of birth').fill(member.dateOfBirth);
    await prescriber.getByRole('button', { name: 'Search', exact: true }).click();
    const card = prescriber.getByRole('article').filter({ hasText: member.memberId });
    await card.getByRole('link', { name: 'Check coverage and start a request' }).click();
    await prescriber.getByLabel('Drug name').fill('Zestril');
    await prescriber.getByRole('button', { name: 'Search the formulary' }).click();
    await prescriber
      .getByRole('listitem')
      .filter({ hasText: 'Zestril' })
      .first()
      .getByRole('button', { name: /Check coverage/ })
      .click();
    await prescriber.getByRole('link', { name: `Request: ${KIND}` }).click();
    await prescriber.getByRole('heading', { level: 1, name: `New request: ${KIND}` }).waitFor();
    await prescriber.getByLabel('Quantity').fill('30');
    await prescriber.getByLabel(/^Standard/).check();
    await prescriber.getByRole('button', { name: 'Start the request' }).click();
    await prescriber.waitForURL((u) => u.pathname.startsWith('/prescriber/requests/'));
    const caseId = new URL(prescriber.url()).pathname.split('/').pop()!;
    await prescriber.getByText(KIND).first().waitFor();
    // The plan answers the line of business itself; the prescriber answers the brand questions.
    await prescriber.getByText(/line of business \(filled in by the plan\).*Commercial/).waitFor();
    const radios = (name: RegExp) => prescriber.getByRole('radiogroup', { name });
    await radios(/treatment failure on, the generic/)
      .getByLabel('Yes')
      .check();
    await prescriber
      .getByLabel(/Which generic \(manufacturer\)/)
      .fill('Hives on two generic lisinopril manufacturers, 2025');
    await radios(/narrow-therapeutic-index/)
      .getByLabel('No')
      .check();
    await prescriber.getByText(/^Draft saved at /).waitFor();
    expect(await seriousAccessibilityViolations(prescriber), 'exception-2-prescriber-question-set').toEqual([]);
    await prescriber.getByRole('button', { name: 'Submit the request' }).click();

    // 3. Every criterion met: approved at once, with an authorization of the exception's kind.
    await expect
      .poll(async () =>
        (
          await rig.t.ctx.database.query<{ kind: string }>('select kind from authorizations where pa_request_id = $1', [
            caseId,
          ])
        ).map((r) => r.kind),
      )
      .toEqual(['brand-medically-necessary']);
    const [{ number }] = await rig.t.ctx.database.query<{ number: string }>(
      'select number from authorizations where pa_request_id = $1',
      [caseId],
    );
    await prescriber.reload();
    await prescriber.getByText(number).first().waitFor();

    // 4. The pharmacy sends the claim again: paid under the exception, at the generic tier's copay.
    await pharmacy.reload();
    answer = await submitClaim(pharmacy, 'RX917002');
    await answer.getByText('Paid', { exact: true }).waitFor();
    await answer.getByText(number).first().waitFor();
    const [paid] = await rig.t.ctx.database.query<{ patient_pay: string }>(
      "select patient_pay::text from claims where prescription_number = 'RX917002'",
    );
    expect(paid.patient_pay).toBe('10.00'); // CACOM1 generic retail copay, not the brand's
    for (const p of [pharmacy, prescriber]) await p.context().close();
  });
});
