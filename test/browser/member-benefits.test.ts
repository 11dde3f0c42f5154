import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweeps } from '../../src/composition/run-sweeps.js';
import { glp1Answers } from '../support/fhir.js';
import { ApiClient } from '../support/http.js';
import { seriousAccessibilityViolations } from './support/accessibility.js';
import { testToday } from '../support/constants.js';
import { hasChromium, startBrowserRig, type BrowserRig } from './support/browser.js';

// Jennifer Lewis (M000101, IHSS01, born 1991-12-23): a phone on file, no e-mail address.
const JENNIFER = { memberId: 'M000101', dateOfBirth: '1991-12-23' };
const LISINOPRIL_NDC = '76282041901'; // generic tier: $5.00 retail (30 days), $10.00 mail (90 days) on IHSS
const OZEMPIC = '00169413211';

const money = (s: string) => Math.round(Number(s) * 100);

describe.skipIf(!hasChromium)(
  'member: ID card, spending progress, retail vs mail, notification choices (docs/design.md#member-portal)',
  () => {
    let rig: BrowserRig;
    let jennifer: ApiClient;

    beforeAll(async () => {
      rig = await startBrowserRig();
      jennifer = await ApiClient.login(rig.t.app, 'jennifer.lewis', 'demo-member');
    });
    afterAll(async () => {
      await rig?.close();
    });

    it('shows the pharmacy ID card and deductible / out-of-pocket progress that a paid claim moves', async () => {
      const before = (await jennifer.get(`members/${JENNIFER.memberId}/accumulators`)).body.items[0];
      // A paid claim for her at a demo pharmacy adds its patient pay to the out-of-pocket total.
      const pharmacy = await ApiClient.login(rig.t.app, 'pharmacy.lakeshore', 'demo-pharmacy');
      const today = testToday(rig.t);
      const paid = await pharmacy.post('claims', {
        bin: '610011',
        pcn: 'BAYRX',
        groupId: 'IHSS01',
        cardholderId: JENNIFER.memberId,
        patient: { dateOfBirth: JENNIFER.dateOfBirth },
        pharmacyNpi: (await pharmacy.get('me')).body.npi,
        prescriptionNumber: 'RX14013',
        fillNumber: 0,
        dateOfService: today,
        productId: LISINOPRIL_NDC,
        quantityDispensed: 30,
        daysSupply: 30,
        prescriberNpi: '2260010006',
        submittedIngredientCost: '25.00',
        usualAndCustomaryCharge: '40.00',
      });
      expect(paid.body.transactionStatus, JSON.stringify(paid.body)).toBe('P');
      const after = (await jennifer.get(`members/${JENNIFER.memberId}/accumulators`)).body.items[0];
      expect(money(after.outOfPocketSpent) - money(before.outOfPocketSpent)).toBe(money(paid.body.pricing.patientPay));

      const page = await rig.signedIn('jennifer.lewis', 'demo-member');
      const card = page.getByRole('group', { name: 'My pharmacy ID card' });
      await card.waitFor();
      const cardText = await card.textContent();
      for (const field of [
        'RxBIN610011',
        'RxPCNBAYRX',
        'RxGroupIHSS01',
        `Member ID${JENNIFER.memberId}`,
        'Jennifer Lewis',
      ])
        expect(cardText).toContain(field);
      expect(cardText).toMatch(/Pharmacy help desk: 1-\d{3}-555-01\d\d/);

      const spending = page.getByRole('region', { name: 'My spending this plan year' });
      const fmt = (s: string) => `$${Number(s).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
      await spending
        .getByText(
          `${fmt(after.outOfPocketSpent)} of ${fmt(after.outOfPocketMax)} — ${fmt(after.outOfPocketRemaining)} left`,
        )
        .waitFor();
      await spending.getByText(`${fmt(after.deductibleMet)} of ${fmt(after.deductible)}`, { exact: false }).waitFor();
      expect(await spending.getByRole('progressbar').count()).toBe(2);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await rig.screenshot(page, 'member-id-card');

      // The same card in Spanish.
      await page.getByLabel('Language').selectOption('es');
      await page
        .getByRole('group', { name: 'Mi tarjeta de farmacia' })
        .getByText('Ayuda para farmacias', { exact: false })
        .waitFor();
      await page
        .getByRole('region', { name: 'Mis gastos en este año del plan' })
        .getByText('Máximo de gastos de bolsillo')
        .waitFor();
      await page.context().close();
    });

    it('the coverage answer gives the retail and the mail-order price, from the API', async () => {
      const api = (await jennifer.get(`coverage?memberId=${JENNIFER.memberId}&productId=${LISINOPRIL_NDC}`)).body;
      expect(api.pharmacyPrices).toEqual([
        { pharmacyType: 'retail', daysSupply: 30, quantity: 30, patientPay: '5.00' },
        { pharmacyType: 'mail', daysSupply: 90, quantity: 90, patientPay: '10.00' },
      ]);
      const page = await rig.signedIn('jennifer.lewis', 'demo-member', { mobile: true });
      await page.getByLabel('Drug name').fill('lisinopril');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page
        .getByRole('button', { name: /Check my coverage for .*lisinopril 10 MG/i })
        .first()
        .click();
      const prices = page.getByRole('table', { name: 'Retail or mail order: my estimated cost' });
      await prices.waitFor();
      const rows = prices.getByRole('row');
      await expect.poll(() => rows.nth(1).textContent()).toBe('Retail pharmacy30 days$5.00');
      await expect.poll(() => rows.nth(2).textContent()).toBe('Mail order90 days$10.00');
      await rig.screenshot(page, 'member-retail-vs-mail-390');
      await page.context().close();
    });

    it('she chooses text messages for decisions; a denial then alerts her by text and in the portal', async () => {
      const base = `members/${JENNIFER.memberId}/notification-preferences`;
      // Bad input changes nothing: an unknown channel, e-mail with no address on file, another member.
      const unknown = await jennifer.put(base, { decisions: ['pigeon'], informationRequests: [] });
      expect(unknown.status).toBe(400);
      const noEmail = await jennifer.put(base, { decisions: ['email'], informationRequests: [] });
      expect(noEmail.status).toBe(400);
      expect(noEmail.body.errors[0]).toMatchObject({
        path: 'decisions/0',
        message: 'no e-mail address is on file for this member',
      });
      expect(
        (await jennifer.put('members/M000102/notification-preferences', { decisions: [], informationRequests: [] }))
          .status,
      ).toBe(404);
      const prescriber = await ApiClient.login(rig.t.app, 'dr.park', 'demo-prescriber');
      expect((await prescriber.get(base)).status).toBe(403);
      expect((await jennifer.get(base)).body).toMatchObject({
        decisions: ['portal'],
        informationRequests: ['portal'],
        updatedAt: null,
      });

      const page = await rig.signedIn('jennifer.lewis', 'demo-member');
      await page.getByRole('link', { name: 'Notifications' }).click();
      await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
      const decisions = page.getByRole('group', { name: 'Decisions on my prior authorizations' });
      expect(await decisions.getByLabel(/E-mail \(no e-mail address on file/).isDisabled()).toBe(true);
      await decisions.getByLabel(/Text message to \(415\) 555-0100/).check();
      await page.getByText('Text messages are not sent to phones yet', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Save my choices' }).click();
      await page.getByText('Your choices are saved.').waitFor();
      expect((await jennifer.get(base)).body).toMatchObject({
        decisions: ['portal', 'text'],
        informationRequests: ['portal'],
      });

      // Dr. Park asks for Ozempic with answers that fail the criteria; a physician denies it.
      const started = await prescriber.post('pa-requests', {
        memberId: JENNIFER.memberId,
        prescriberNpi: '2260010006',
        productId: OZEMPIC,
        quantity: 3,
        daysSupply: 28,
        urgency: 'standard',
        channel: 'portal',
      });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      const caseId = started.body.id as string;
      await prescriber.post(`pa-requests/${caseId}/submit`, { answers: glp1Answers({ a1c: 6.4 }) });
      const physician = await ApiClient.login(rig.t.app, 'physician', 'demo-reviewer');
      await physician.post(`pa-requests/${caseId}/assign`);
      const denied = await physician.post(`pa-requests/${caseId}/determination`, {
        decision: 'denied',
        reasons: ['HbA1c is below 7 %.'],
      });
      expect(denied.body.status, JSON.stringify(denied.body)).toBe('denied');
      await runSweeps(rig.t.ctx, rig.t.clock.now());

      const alerts = (await jennifer.get(`members/${JENNIFER.memberId}/alerts`)).body.items.filter(
        (a: { paRequestId: string }) => a.paRequestId === caseId,
      );
      expect(alerts.map((a: { channel: string; status: string }) => `${a.channel}:${a.status}`).sort()).toEqual([
        'portal:delivered',
        'text:sent',
      ]);
      // The text waits in the outbox (no SMS provider); it names no drug and no decision.
      const textAlert = alerts.find((a: { channel: string }) => a.channel === 'text');
      const sms = JSON.parse(
        readFileSync(path.join(rig.t.ctx.config.outboxDir, 'text', `${textAlert.id}.json`), 'utf8'),
      );
      expect(sms.to).toBe('(415) 555-0100');
      expect(sms.text).toContain('Sign in to your member portal');
      expect(sms.text).not.toMatch(/ozempic|semaglutide|denied/i);

      await page.reload();
      const list = page.getByRole('list', { name: 'My recent notifications' });
      await list.getByText('A decision was made on your prior authorization request.').first().waitFor();
      await expect.poll(() => list.textContent()).toContain('text message · sent');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await rig.screenshot(page, 'member-notifications');
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('heading', { level: 1, name: 'Avisos' }).waitFor();
      await page.getByText('Se tomó una decisión sobre su solicitud de autorización previa.').first().waitFor();
      await page.context().close();
    });
  },
);
