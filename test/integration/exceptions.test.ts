import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { questionnaireResponse } from '../support/fhir.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import {
  claimFor,
  firstNpi,
  members,
  ndcsWhere,
  pharmacyWithKey,
  signIn,
  type MemberRow,
} from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { multipart, TINY_PDF } from '../support/multipart.js';

// Exceptions end to end through HTTP (docs/design.md#exceptions): the claim's reject names the
// kind, the request opens that kind's question set, the approval creates an authorization whose
// effect the next claim and the coverage check both honour.

let t: TestApp;
let pharmacy: ApiClient;
let prescriber: ApiClient;
let pharmacist: ApiClient;
let pharmacyNpi: string;
let prescriberNpi: string;
let seq = 0;

const HEADER =
  'member_id,plan_id,first_name,last_name,date_of_birth,sex,language,contact_preference,email,phone,address_line1,city,state,zip,effective_date,termination_date';

/** A member of their own for each case (an approval covers the member's drug for a year). */
async function newMember(planId: string, dateOfBirth = '1958-05-14', sex = 'F'): Promise<MemberRow> {
  const id = `X${String(++seq).padStart(7, '0')}`;
  const admin = await signIn(t, 'admin');
  const r = await admin.post(
    'imports/members',
    `${HEADER}\n${id},${planId},Test,Exception${seq},${dateOfBirth},${sex},en,mail,,,1 Main St,Oakland,CA,94612,2026-01-01,\n`,
    { 'content-type': 'text/csv' },
  );
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (await members(t, 'id = $1', [id]))[0];
}

const claim = (m: MemberRow, productId: string, over: Record<string, unknown> = {}) =>
  pharmacy.post(
    'claims',
    claimFor(m, pharmacyNpi, prescriberNpi, {
      productId,
      // A total well above every copay, so the tier shows in what the member pays.
      submittedIngredientCost: '400.00',
      usualAndCustomaryCharge: '450.00',
      ...over,
    }),
  );

async function start(m: MemberRow, productId: string, over: Record<string, unknown> = {}) {
  const r = await prescriber.post('pa-requests', {
    memberId: m.id,
    prescriberNpi,
    productId,
    quantity: 30,
    daysSupply: 30,
    urgency: 'standard',
    channel: 'portal',
    ...over,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const coverage = (m: MemberRow, productId: string, q = '') =>
  pharmacist.get(`coverage?memberId=${m.id}&productId=${productId}${q}`);

beforeAll(async () => {
  t = await createTestApp();
  pharmacyNpi = await firstNpi(t, 'pharmacies', "pharmacy_type = 'retail'");
  prescriberNpi = await firstNpi(t, 'prescribers');
  pharmacy = await pharmacyWithKey(t, pharmacyNpi);
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi, displayName: 'Dr. Test' });
  pharmacist = await signIn(t, 'reviewer-pharmacist', { displayName: 'Pat Reviewer', credential: 'PharmD' });
});
afterAll(() => t?.close());

describe('formulary exception', () => {
  it('a 70 leads to a formulary exception; approved at the tier the reviewer names, the claim pays at that tier', async () => {
    const m = await newMember('CACOM1');
    const rejected = await claim(m, DEMO.ndcs.weightManagement, { quantityDispensed: 1, daysSupply: 28 });
    expect(rejected.body.rejects.map((r: { code: string }) => r.code)).toEqual(['70']);
    expect(rejected.body.nextSteps.exception).toEqual({ kind: 'formulary', criteriaId: 'formulary-exception' });

    // No kind given: a drug that is not on the formulary is requested as a formulary exception.
    const c = await start(m, DEMO.ndcs.weightManagement, { quantity: 1, daysSupply: 28 });
    expect(c).toMatchObject({ kind: 'formulary', exceptionKind: 'formulary', criteria: { id: 'formulary-exception' } });
    expect(c.questionnaire.item.map((i: { linkId: string }) => i.linkId)).toContain('alternatives-unsafe');
    // Answers that do not meet the rule go to a reviewer.
    const submitted = await prescriber.post(`pa-requests/${c.id}/submit`, {
      answers: questionnaireResponse({ 'alternatives-tried': false, 'alternatives-unsafe': false }),
    });
    expect(submitted.body.status).toBe('in-review');
    expect(submitted.body.supportingStatementReceivedAt).toBeNull(); // not a Part D case

    expectProblem(
      await pharmacist.post(`pa-requests/${c.id}/determination`, {
        decision: 'approved',
        reasons: [],
        approvedTier: 'platinum',
      }),
      400,
      'VALIDATION_FAILED',
    );
    const approved = await pharmacist.post(`pa-requests/${c.id}/determination`, {
      decision: 'approved',
      reasons: ['Covered alternatives contraindicated'],
      approvedTier: 'preferred-brand',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.determination).toMatchObject({ approvedTier: 'preferred-brand' });

    // Coverage (a dry run of the claim) and then the claim agree.
    const cov = await coverage(m, DEMO.ndcs.weightManagement, '&quantity=1&daysSupply=28');
    expect(cov.body).toMatchObject({ covered: true, tier: 'preferred-brand', claim: { wouldPay: true } });
    const paid = await claim(m, DEMO.ndcs.weightManagement, { quantityDispensed: 1, daysSupply: 28 });
    expect(paid.body.transactionStatus).toBe('P');
    expect(paid.body.authorizationNumber).toBe(approved.body.determination.authorizationNumber);
    expect(cov.body.activeAuthorization.number).toBe(paid.body.authorizationNumber);
    expect(paid.body.pricing.patientPay).toBe('35.00'); // CACOM1 preferred-brand retail copay

    // The member's formulary says the same: Wegovy covered for them at the decided tier, under the
    // exception; the plan's own formulary still lists it as not covered.
    const mine = await pharmacist.get(`members/${m.id}/formulary?q=${DEMO.ndcs.weightManagement}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items[0]).toMatchObject({
      covered: true,
      tier: 'preferred-brand',
      memberAuthorizations: [{ number: paid.body.authorizationNumber, kind: 'formulary' }],
    });
    const plans = await pharmacist.get(`plans/CACOM1/formulary?q=${DEMO.ndcs.weightManagement}`);
    expect(plans.body.items[0]).toMatchObject({ covered: false, tier: null });
    expect(plans.body.items[0].memberAuthorizations).toBeUndefined();
  });
});

describe('brand medically necessary (DAW 1)', () => {
  it('a brand whose generic is covered: approved, the brand pays at the generic’s cost sharing', async () => {
    const m = await newMember('CACOM1');
    const rejected = await claim(m, DEMO.ndcs.nonFormulary, { dawCode: '1' });
    expect(rejected.body.nextSteps.exception.kind).toBe('brand-medically-necessary');
    const c = await start(m, DEMO.ndcs.nonFormulary);
    expect(c.kind).toBe('brand-medically-necessary');
    const decided = await prescriber.post(`pa-requests/${c.id}/submit`, {
      answers: questionnaireResponse({
        'generic-failed': true,
        'generic-detail': 'Hives on two generic manufacturers, 2025',
        'narrow-therapeutic-index': false,
      }),
    });
    expect(decided.body.status).toBe('approved');
    expect((await coverage(m, DEMO.ndcs.nonFormulary)).body).toMatchObject({ covered: true, tier: 'generic' });
    const paid = await claim(m, DEMO.ndcs.nonFormulary, { dawCode: '1' });
    expect(paid.body.transactionStatus).toBe('P');
    expect(paid.body.pricing.patientPay).toBe('10.00'); // CACOM1 generic retail copay
  });
});

describe('a covered brand whose generic is covered: the DAW code decides (CACOM1 substitutes generics)', () => {
  // Crestor 10 mg: non-preferred brand on CACOM1; rosuvastatin 10 mg, its generic, on the generic tier.
  const CRESTOR = '00310075139';
  const ROSUVASTATIN_10 = '859747';
  it('DAW 0 → 22 naming the generic; DAW 1 → 75 naming the exception; approved, the brand pays at the generic’s $10', async () => {
    const m = await newMember('CACOM1');
    const substitutable = await claim(m, CRESTOR, { dawCode: '0' });
    expect(substitutable.body.rejects.map((r: { code: string }) => r.code)).toEqual(['22']);
    expect(substitutable.body.message).toContain('dispense the generic');
    expect(substitutable.body.nextSteps.alternatives[0]).toMatchObject({ rxcui: ROSUVASTATIN_10, tier: 'generic' });
    expect(substitutable.body.nextSteps.exception).toEqual({
      kind: 'brand-medically-necessary',
      criteriaId: 'brand-medically-necessary',
    });
    const required = await claim(m, CRESTOR, { dawCode: '1' });
    expect(required.body.rejects.map((r: { code: string }) => r.code)).toEqual(['75']);
    expect(required.body.nextSteps.exception.kind).toBe('brand-medically-necessary');
    // The coverage check is the same dry run (DAW 0: the generic is what the pharmacy would dispense).
    const before = await coverage(m, CRESTOR);
    expect(before.body).toMatchObject({ covered: true, tier: 'non-preferred-brand', claim: { wouldPay: false } });
    expect(before.body.claim.exception.kind).toBe('brand-medically-necessary');

    const c = await start(m, CRESTOR, { kind: 'brand-medically-necessary' });
    expect(c).toMatchObject({ kind: 'brand-medically-necessary', criteria: { id: 'brand-medically-necessary' } });
    const decided = await prescriber.post(`pa-requests/${c.id}/submit`, {
      answers: questionnaireResponse({
        'generic-failed': true,
        'generic-detail': 'Myalgia on two generic manufacturers, 2025',
        'narrow-therapeutic-index': false,
      }),
    });
    expect(decided.body.status).toBe('approved');

    // Coverage first (after the fill, a second one would be a refill too soon).
    expect((await coverage(m, CRESTOR)).body).toMatchObject({ tier: 'generic', claim: { wouldPay: true } });
    const paid = await claim(m, CRESTOR, { dawCode: '1' });
    expect(paid.body.transactionStatus, paid.body.message).toBe('P');
    expect(paid.body.pricing.patientPay).toBe('10.00'); // CACOM1 generic retail copay, not the brand's $70
    expect(paid.body.authorizationNumber).toBe(decided.body.determination.authorizationNumber);
    // The member's formulary view: Crestor at the generic's tier for them, naming the exception.
    const member = await signIn(t, 'member', { memberId: m.id });
    const mine = await member.get(`members/${m.id}/formulary?q=${CRESTOR}`);
    expect(mine.body.items[0]).toMatchObject({
      tier: 'generic',
      memberAuthorizations: [{ number: paid.body.authorizationNumber, kind: 'brand-medically-necessary' }],
    });
    // Another member without the exception still gets 22 and sees the brand's own tier: the approval is this member's.
    const other = await newMember('CACOM1');
    expect((await claim(other, CRESTOR, { dawCode: '0' })).body.rejects[0].code).toBe('22');
    expect((await pharmacist.get(`members/${other.id}/formulary?q=${CRESTOR}`)).body.items[0]).toMatchObject({
      tier: 'non-preferred-brand',
      memberAuthorizations: [],
    });
    // A member reads only their own; an unknown member is a 404, a bad query a 400 — problem+json.
    expectProblem(await member.get(`members/${other.id}/formulary`), 403, 'FORBIDDEN');
    // A member's exceptions are PHI: a prescriber (even this member's) asks the coverage API instead.
    expectProblem(await prescriber.get(`members/${m.id}/formulary`), 403, 'FORBIDDEN');
    expectProblem(await pharmacist.get('members/NOSUCH1/formulary'), 404, 'NOT_FOUND');
    expectProblem(await pharmacist.get(`members/${m.id}/formulary?limit=0`), 400, 'VALIDATION_FAILED');
  });
});

describe('quantity-limit exception', () => {
  it('a 76 leads to a quantity-limit exception; the limit is raised to the approved amount', async () => {
    const m = await newMember('CACOM1', '1960-02-02', 'M');
    const rejected = await claim(m, DEMO.ndcs.quantityLimited, { quantityDispensed: 10, daysSupply: 30 });
    expect(rejected.body.rejects.map((r: { code: string }) => r.code)).toEqual(['76']);
    expect(rejected.body.nextSteps.exception).toEqual({
      kind: 'quantity-limit',
      criteriaId: 'quantity-limit-exception',
    });
    const c = await start(m, DEMO.ndcs.quantityLimited, { quantity: 10, daysSupply: 30, kind: 'quantity-limit' });
    const decided = await prescriber.post(`pa-requests/${c.id}/submit`, {
      answers: questionnaireResponse({
        'dose-needed': true,
        'dose-detail': 'Pulmonary hypertension dosing',
        'lower-dose-tried': true,
      }),
    });
    expect(decided.body.status).toBe('approved');
    expect(decided.body.determination).toMatchObject({ approvedQuantity: 10, perDays: 30 });
    const cov = await coverage(m, DEMO.ndcs.quantityLimited, '&quantity=10&daysSupply=30');
    expect(cov.body.quantityLimit).toMatchObject({ units: 10, days: 30 });
    expect(cov.body.claim.wouldPay).toBe(true);
    const paid = await claim(m, DEMO.ndcs.quantityLimited, { quantityDispensed: 10, daysSupply: 30 });
    expect(paid.body.transactionStatus).toBe('P');
    // Past the approved amount it still rejects.
    const over = await claim(m, DEMO.ndcs.quantityLimited, { quantityDispensed: 1, daysSupply: 30 });
    expect(over.body.rejects[0].code).toBe('76');
  });
});

describe('age-limit exception', () => {
  it('a 60 leads to an age-limit exception; once approved the claim goes on to the PA step', async () => {
    const child = await newMember('CACOM1', '2022-06-01', 'M');
    const rejected = await claim(child, DEMO.ndcs.adhdStimulant);
    expect(rejected.body.rejects[0].code).toBe('60');
    expect(rejected.body.nextSteps.exception.kind).toBe('age-limit');
    const c = await start(child, DEMO.ndcs.adhdStimulant, { kind: 'age-limit' });
    const decided = await prescriber.post(`pa-requests/${c.id}/submit`, {
      answers: questionnaireResponse({ 'indicated-at-age': true, 'indication-detail': 'Severe ADHD, specialist plan' }),
    });
    expect(decided.body.status).toBe('approved');
    // The age limit is lifted for this member; the drug's own PA still applies.
    const next = await claim(child, DEMO.ndcs.adhdStimulant);
    expect(next.body.rejects[0].code).toBe('75');
    const cov = await coverage(child, DEMO.ndcs.adhdStimulant);
    expect(cov.body.claim.rejects[0].code).toBe('75');
    expect(cov.body.ageLimit).toBeUndefined();
  });
});

describe('Medicare Part D tiering exception: the clock runs from the supporting statement', () => {
  it('waits for the statement, is due 72 hours after it, and pays at the lower tier through the end of the plan year', async () => {
    const [drug] = await ndcsWhere(t, 'PARTD1', (e) =>
      Boolean(
        e?.covered &&
        e.tier === 'non-preferred-brand' &&
        !e.priorAuthorization &&
        !e.stepTherapy &&
        !e.quantityLimit &&
        e.minAge === null &&
        e.maxAge === null &&
        !e.sex,
      ),
    );
    expect(drug).toBeTruthy();
    const m = await newMember('PARTD1', '1950-03-03');
    const before = await coverage(m, drug.ndc);
    expect(before.body).toMatchObject({ tier: 'non-preferred-brand', claim: { wouldPay: true } });

    // Tiering exceptions are a Part D process; the commercial plan refuses one, nothing created.
    const commercial = await newMember('CACOM1');
    const [cDrug] = await ndcsWhere(t, 'CACOM1', (e) => Boolean(e?.covered && e.tier === 'non-preferred-brand'));
    const refused = await prescriber.post('pa-requests', {
      memberId: commercial.id,
      prescriberNpi,
      productId: cDrug.ndc,
      quantity: 30,
      daysSupply: 30,
      urgency: 'standard',
      channel: 'portal',
      kind: 'tiering',
    });
    expect(expectProblem(refused, 409, 'INVALID_STATE').errors[0].path).toBe('kind');

    const c = await start(m, drug.ndc, { kind: 'tiering' });
    expect(c.kind).toBe('tiering');
    // The plan answers the line-of-business question itself.
    expect(c.answers.item[0]).toMatchObject({
      linkId: 'line-of-business',
      answer: [{ valueCoding: { code: 'medicare-d' } }],
    });
    const noStatement = questionnaireResponse({ 'preferred-tried': false, 'preferred-unsafe': false });
    const waiting = await prescriber.post(`pa-requests/${c.id}/submit`, { answers: noStatement });
    expect(waiting.body.status).toBe('awaiting-information');
    expect(waiting.body.supportingStatementReceivedAt).toBeNull();
    expect(waiting.body.dueAt).toBeNull();

    const admin = await signIn(t, 'admin');
    await admin.post('test/clock', { advanceBy: 'PT5H' });
    const statementAt = t.clock.now().toISOString();
    const answered = await prescriber.post(`pa-requests/${c.id}/information-responses`, {
      answers: questionnaireResponse({
        'supporting-statement':
          'Preferred alternatives caused angioedema; they would not be as effective and would cause adverse effects.',
      }),
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.status).toBe('in-review');
    expect(answered.body.supportingStatementReceivedAt).toBe(statementAt);
    expect(answered.body.dueAt).toBe(new Date(Date.parse(statementAt) + 72 * 3_600_000).toISOString());

    const wrongTier = await pharmacist.post(`pa-requests/${c.id}/determination`, {
      decision: 'approved',
      reasons: [],
      approvedTier: 'specialty',
    });
    expectProblem(wrongTier, 400, 'VALIDATION_FAILED');
    const shorter = await pharmacist.post(`pa-requests/${c.id}/determination`, {
      decision: 'approved',
      reasons: [],
      approvedTier: 'preferred-brand',
      effectiveTo: '2026-12-01',
    });
    expectProblem(shorter, 400, 'VALIDATION_FAILED');
    const approved = await pharmacist.post(`pa-requests/${c.id}/determination`, {
      decision: 'approved',
      reasons: ['Supporting statement accepted'],
      approvedTier: 'preferred-brand',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    // 42 CFR 423.578(c)(4): through the end of the plan year (Part D: the calendar year).
    expect(approved.body.determination.effectiveTo).toBe('2026-12-31');

    const cov = await coverage(m, drug.ndc);
    expect(cov.body).toMatchObject({ tier: 'preferred-brand', claim: { wouldPay: true } });
    const after = await claim(m, drug.ndc);
    expect(after.body.transactionStatus).toBe('P');
    expect(after.body.pricing.patientPay).toBe('35.00'); // PARTD1 preferred-brand, not non-preferred's 95.00
  });
});

describe('faxed exception requests (intake)', () => {
  it('files a faxed Part D exception; a later fax is the supporting statement and starts the clock at its arrival', async () => {
    const intake = await signIn(t, 'intake');
    const m = await newMember('PARTD1', '1949-09-09');
    const sent = (hoursAgo: number, name: string) => {
      const { body, headers } = multipart(
        {
          senderFax: '1-510-555-0142',
          receivedAt: new Date(t.clock.now().getTime() - hoursAgo * 3_600_000).toISOString(),
        },
        { name, bytes: TINY_PDF },
      );
      return intake.post('fax/inbound', body, headers);
    };
    const request = await sent(6, 'exception.pdf');
    expect(request.status).toBe(201);
    // A fax for a drug with no quantity limit is refused as a quantity-limit exception; the fax stays new.
    expectProblem(
      await intake.post(`fax/inbound/${request.body.id}/case`, {
        memberId: m.id,
        prescriberNpi,
        productId: DEMO.ndcs.coveredGeneric,
        quantity: 30,
        daysSupply: 30,
        urgency: 'standard',
        kind: 'quantity-limit',
      }),
      409,
      'INVALID_STATE',
    );
    const created = await intake.post(`fax/inbound/${request.body.id}/case`, {
      memberId: m.id,
      prescriberNpi,
      productId: DEMO.ndcs.nonFormulary,
      quantity: 30,
      daysSupply: 30,
      urgency: 'standard',
      kind: 'formulary',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.paRequestId;
    // Intake keys the answers from the fax; it carried no supporting statement.
    const keyed = await intake.post(`pa-requests/${id}/submit`, {
      answers: questionnaireResponse({
        'alternatives-tried': true,
        'alternatives-detail': 'Lisinopril 2024: cough',
        'alternatives-unsafe': false,
      }),
    });
    expect(keyed.body).toMatchObject({
      kind: 'formulary',
      channel: 'fax',
      status: 'awaiting-information',
      supportingStatementReceivedAt: null,
      dueAt: null,
    });

    const statement = await sent(2, 'statement.pdf');
    const filed = await intake.post(`fax/inbound/${statement.body.id}/attach`, {
      paRequestId: id,
      supportingStatement: true,
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body.answeredInformationRequest).toBe(true);
    const after = (await intake.get(`pa-requests/${id}`)).body;
    expect(after.supportingStatementReceivedAt).toBe(statement.body.receivedAt);
    // Criteria met: approved at once, through the end of the Part D plan year.
    expect(after.status).toBe('approved');
    expect(after.determination.effectiveTo).toBe('2026-12-31');
  });
});

describe('bad input: nothing changes', () => {
  const count = async () =>
    (await t.ctx.database.query<{ n: number }>('select count(*)::int as n from pa_requests'))[0].n;

  it('an unknown kind is a 400', async () => {
    const m = await newMember('CACOM1');
    const n = await count();
    const r = await prescriber.post('pa-requests', {
      memberId: m.id,
      prescriberNpi,
      productId: DEMO.ndcs.coveredGeneric,
      quantity: 30,
      daysSupply: 30,
      urgency: 'standard',
      channel: 'portal',
      kind: 'color-exception',
    });
    expectProblem(r, 400, 'VALIDATION_FAILED');
    expect(await count()).toBe(n);
  });

  it('an exception for a drug without that restriction is a 409 naming it', async () => {
    const m = await newMember('CACOM1');
    const n = await count();
    for (const kind of [
      'quantity-limit',
      'age-limit',
      'sex-limit',
      'step-therapy',
      'formulary',
      'brand-medically-necessary',
    ]) {
      const r = await prescriber.post('pa-requests', {
        memberId: m.id,
        prescriberNpi,
        productId: DEMO.ndcs.coveredGeneric,
        quantity: 30,
        daysSupply: 30,
        urgency: 'standard',
        channel: 'portal',
        kind,
      });
      const p = expectProblem(r, 409, 'INVALID_STATE');
      expect(p.reason, kind).toBe('no-such-restriction');
      expect(p.errors[0].path).toBe('kind');
    }
    expect(await count()).toBe(n);
  });

  it('a member cannot request an exception; a tier on a PA case is refused', async () => {
    const m = await newMember('CACOM1');
    const member = await signIn(t, 'member', { memberId: m.id });
    const n = await count();
    const r = await member.post('pa-requests', {
      memberId: m.id,
      prescriberNpi,
      productId: DEMO.ndcs.weightManagement,
      quantity: 1,
      daysSupply: 28,
      urgency: 'standard',
      channel: 'portal',
      kind: 'formulary',
    });
    expectProblem(r, 403, 'FORBIDDEN');
    expect(await count()).toBe(n);
  });
});
