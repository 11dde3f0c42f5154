import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { ApiClient } from '../support/http.js';
import { multipart, TINY_PDF } from '../support/multipart.js';
import { pdfPages } from '../support/pdf-pages.js';
import {
  claimFor,
  glp1CaseInReview,
  members,
  pharmacyWithKey,
  unrestrictedGenerics,
  type MemberRow,
} from '../support/scenario.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// The reviewer screen (docs/design.md#reviewer-screen): at 1280 px the evidence (criteria trace with values,
// answers, the member's claims of the last year, documents inline) sits beside the decision; the
// evidence is in keyboard-operable tabs (item 10); a denial starts from the criteria set's wording
// of each criterion not met, the reviewer edits it, and the confirmation shows what the member
// reads in the member's language — the letter then says exactly that.

describe.skipIf(!hasChromium)('the reviewer screen', () => {
  let rig: BrowserRig;
  let prescriber: ApiClient;
  let member: MemberRow;
  let caseId: string;
  let claimId: string;

  beforeAll(async () => {
    rig = await startBrowserRig();
    prescriber = await ApiClient.login(rig.t.app, 'dr.park', 'demo-prescriber');
    [member] = await members(
      rig.t,
      "plan_id = 'IHSS01' and language = 'es' and termination_date is null and date_of_birth < '2000-01-01'",
    );
    expect(member, 'a Spanish-speaking adult IHSS member').toBeTruthy();
    // A paid fill in the last year, the document the prescriber sent, and the case in review.
    const ref = await rig.t.ctx.reference.get();
    const plan = ref.plans.get('IHSS01')!;
    const proc = ref.processors.get(plan.processorId)!;
    const [generic] = await unrestrictedGenerics(rig.t, 'IHSS01');
    const pharmacy = await pharmacyWithKey(rig.t, DEMO.pharmacies.retail.npi);
    const paid = await pharmacy.post(
      'claims',
      claimFor(member, DEMO.pharmacies.retail.npi, DEMO.prescribers.primaryCare, {
        bin: proc.bin,
        pcn: proc.pcn,
        groupId: plan.groupId,
        productId: generic.ndc,
      }),
    );
    expect(paid.body.transactionStatus, JSON.stringify(paid.body)).toBe('P');
    claimId = paid.body.claimId as string;
    // Her letters are posted in the member portal (channel `portal`): the letters tables name that portal.
    await rig.t.ctx.database.query("update members set contact_preference = 'portal' where id = $1", [member.id]);
    caseId = await glp1CaseInReview(prescriber, member.id);
    const doc = multipart({}, { name: 'chart-note.pdf', bytes: TINY_PDF, contentType: 'application/pdf' });
    expect((await prescriber.post(`pa-requests/${caseId}/attachments`, doc.body, doc.headers)).status).toBe(201);
  });
  afterAll(async () => {
    await rig?.close();
  });

  // Before the English journey below decides the case: the decision form is still there.
  it('in Spanish, the criteria set’s own words are its Spanish translation (title, criteria, questions, options)', async () => {
    const page = await rig.signedIn('physician', 'demo-reviewer');
    await page.goto(`/review/cases/${caseId}`);
    await page.getByRole('heading', { level: 1, name: `Case ${caseId}` }).waitFor();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: `Caso ${caseId}` }).waitFor();

    const trace = page.locator('.criteria-trace');
    await expect.poll(() => trace.textContent()).toContain('HbA1c de 7% o más en los últimos 6 meses');
    expect(await trace.textContent()).not.toContain('HbA1c at or above 7% within the last 6 months');
    const answers = page.locator('dl.answers');
    await expect.poll(() => answers.textContent()).toContain('HbA1c más reciente (%)');
    expect(await answers.textContent()).toContain('Diabetes mellitus tipo 2 sin complicaciones (E11.9)');
    expect(await answers.textContent()).not.toContain('Most recent HbA1c');
    expect(await page.locator('main').innerText()).toContain(
      'Agonistas del receptor de GLP-1 y de GIP/GLP-1 para la diabetes tipo 2 (v',
    );
    // What an authorization covers is the drug-form group in words, in Spanish ("semaglutide, pluma").
    const covers = page.locator('dl.kv > div').filter({ has: page.locator('dt', { hasText: /^Cubre$/ }) });
    await expect.poll(() => covers.locator('dd').innerText()).toBe('semaglutide, pluma');
    // The values the criteria used and the facts the plan computed are named in Spanish, never by their codes
    // (the set's own words for its facts; issue #14 item 8).
    await expect.poll(() => trace.textContent()).toContain('Días de metformina en el último año: ');
    await expect.poll(() => page.locator('main').innerText()).toContain('Edad (años)');
    expect(await page.locator('main').innerText()).not.toMatch(/facts\.|metforminDays365|ageYears/);
    // The denial wording the reviewer edits is labelled with the criterion in Spanish too.
    await page.getByLabel('Denegar').check();
    await page.getByLabel('Español: HbA1c de 7% o más en los últimos 6 meses').waitFor();
    await rig.screenshot(page, 'reviewer-screen-spanish');
    await page.context().close();
  });

  it('evidence beside the decision at 1280 px; claims and documents in keyboard tabs; edited denial wording is what the member reads', async () => {
    const page = await rig.signedIn('physician', 'demo-reviewer');
    await page.goto(`/review/cases/${caseId}`);
    await page.getByRole('heading', { level: 1, name: `Case ${caseId}` }).waitFor();

    // Side by side: the evidence pane ends left of where the decision pane starts, and they share rows.
    const evidence = page.getByRole('region', { name: 'Evidence', exact: true });
    const decide = page.getByRole('region', { name: 'Actions', exact: true });
    await evidence.waitFor();
    const [e, d] = [(await evidence.boundingBox())!, (await decide.boundingBox())!];
    expect(e.x + e.width, 'evidence left of the decision').toBeLessThanOrEqual(d.x);
    expect(d.y, 'the decision starts beside the evidence, not under it').toBeLessThan(e.y + e.height);

    // The criteria trace with the values the rules used, and the answers.
    const trace = page.locator('.criteria-trace');
    await expect.poll(() => trace.textContent()).toContain('HbA1c at or above 7% within the last 6 months');
    await expect.poll(() => trace.textContent()).toMatch(/Values used: .*6\.2/);

    // Tabs by keyboard (WAI-ARIA tabs): Right moves to the claims of the last year, then documents.
    await page.getByRole('tab', { name: 'Criteria, answers, requests' }).focus();
    await page.keyboard.press('ArrowRight');
    const claimsTab = page.getByRole('tab', { name: 'Claims, last year' });
    await expect.poll(() => claimsTab.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Claims, last year');
    const claims = page.locator('ul.claim-history');
    await claims.waitFor();
    await expect.poll(() => claims.textContent()).toContain('Paid');
    await claims.locator(`[data-claim-id="${claimId}"]`).waitFor();
    await rig.screenshot(page, 'reviewer-screen-claims');
    // From the claims tab (focused again: under CI load a late-arriving panel can take focus first).
    await claimsTab.focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByRole('tab', { name: 'Documents (1)' }).getAttribute('aria-selected'))
      .toBe('true');
    // The document is shown inline without a click.
    await page.locator('iframe[title="chart-note.pdf"]').waitFor({ state: 'visible' });
    expect(await seriousAccessibilityViolations(page), 'reviewer case page').toEqual([]);

    // Deny: the wording of each criterion not met is prefilled from the criteria set, in both languages.
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await page.getByText('This case is assigned to you.').waitFor();
    await page.getByLabel('Deny').check();
    const spanish = page.getByLabel('Spanish: HbA1c at or above 7% within the last 6 months');
    const english = page.getByLabel('English: HbA1c at or above 7% within the last 6 months');
    await expect.poll(() => spanish.inputValue()).toContain('Su prueba de sangre HbA1c reciente es menor de 7%');
    await expect.poll(() => english.inputValue()).toContain('Your recent HbA1c blood test is below 7%');
    // An emptied translation is refused in words, before anything is sent.
    await spanish.fill('');
    await page.getByLabel('Reasons').fill('HbA1c 6.2 % on 2026-10-15.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Write this reason in English and in Spanish.').waitFor();
    const editedEs = 'Su HbA1c del 15 de octubre fue 6.2 %. El plan cubre este medicamento desde 7 %.';
    await spanish.fill(editedEs);
    await english.fill('Your HbA1c on October 15 was 6.2 %. The plan covers this drug from 7 %.');
    await page.getByRole('button', { name: 'Record decision' }).click();

    // The confirmation shows what the member reads, in her language, then the reviewer's words.
    const confirm = page.getByRole('group', { name: 'Check what the member and prescriber will read' });
    await confirm.getByText('The member’s letter (Spanish) gives these reasons:').waitFor();
    await expect.poll(() => confirm.locator('ul.member-reasons li').allTextContents()).toContain(editedEs);
    await expect.poll(() => confirm.textContent()).toContain('HbA1c 6.2 % on 2026-10-15.');
    await rig.screenshot(page, 'reviewer-screen-deny-confirm');
    await confirm.getByRole('button', { name: 'Confirm: deny the request' }).click();
    await page.getByText('Decision recorded: Denied.').waitFor();

    // The member's letter says the edited words.
    const physician = await ApiClient.login(rig.t.app, 'physician', 'demo-reviewer');
    const notices = (await physician.get(`notices?paRequestId=${caseId}`)).body.items as Array<{
      id: string;
      recipient: string;
      language: string;
    }>;
    const letter = notices.find((n) => n.recipient === 'member');
    expect(letter?.language).toBe('es');
    const text = pdfPages((await physician.getBytes(`notices/${letter!.id}/pdf`)).bytes).join(' ');
    expect(text).toContain(editedEs);
    await page.context().close();
  });

  // After the denial above: its letters, in Spanish, named in words (issue #14 item 8).
  it('in Spanish, the letters table names each letter, its recipient and how it was sent, never a code', async () => {
    const page = await rig.signedIn('physician', 'demo-reviewer');
    await page.goto(`/review/cases/${caseId}`);
    await page.getByRole('heading', { level: 1, name: `Case ${caseId}` }).waitFor();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('tab', { name: 'Cartas e historial' }).click();
    const letters = page.getByRole('region', { name: 'Cartas sobre este caso' });
    const toMember = letters
      .getByRole('row')
      .filter({ hasText: 'Carta de denegación' })
      .filter({ has: page.getByRole('cell', { name: 'Afiliado', exact: true }) });
    await expect.poll(() => toMember.getByRole('cell').allInnerTexts()).toContain('Portal para afiliados');
    expect(await letters.getByRole('columnheader').allInnerTexts()).toContain('Cómo se envió');
    const cells = (await letters.getByRole('cell').allInnerTexts()).map((c) => c.trim());
    for (const code of ['member', 'prescriber', 'pharmacy', 'portal', 'mail', 'fax', 'denial', 'Denial'])
      expect(cells, code).not.toContain(code);
    await rig.screenshot(page, 'reviewer-screen-letters-spanish');
    await page.context().close();
  });

  it("the prescriber's letters say which portal a letter was posted in, not just 'Portal'", async () => {
    const page = await rig.signedIn('dr.park', 'demo-prescriber');
    await page.goto(`/prescriber/requests/${caseId}`);
    const toPatient = page
      .getByRole('row')
      .filter({ hasText: 'Denial letter' })
      .filter({ has: page.getByRole('cell', { name: 'Patient', exact: true }) });
    await expect.poll(() => toPatient.getByRole('cell').allInnerTexts()).toContain('Member portal');
    await page.getByLabel('Language').selectOption('es');
    const alPaciente = page
      .getByRole('row')
      .filter({ hasText: 'Carta de denegación' })
      .filter({ has: page.getByRole('cell', { name: 'Paciente', exact: true }) });
    await expect.poll(() => alPaciente.getByRole('cell').allInnerTexts()).toContain('Portal para afiliados');
    await page.context().close();
  });
});
