import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import { pdfPages } from '../support/pdf-pages.js';
import {
  claimFor,
  glp1CaseInReview,
  members,
  pharmacyWithKey,
  signIn,
  unrestrictedGenerics,
  type MemberRow,
} from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The reviewer's evidence and denial wording (docs/design.md#reviewer-screen): the case member's claims of the
// last year beside the case (clinicians only, audited as a case-review PHI read), and a denial
// whose reasons start from the criteria set's ready wording of the rules not met, edited by the
// reviewer — the letter says the edited words, in the member's language.

let t: TestApp;
let prescriber: ApiClient;
let physician: ApiClient;
let ihss: MemberRow[];

beforeAll(async () => {
  t = await createTestApp();
  prescriber = await signIn(t, 'prescriber', { npi: DEMO.prescribers.primaryCare });
  physician = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
  ihss = await members(t, "plan_id = 'IHSS01' and termination_date is null and date_of_birth < '2000-01-01'");
});
afterAll(() => t?.close());

describe("a denial's reasons start from the criteria set's wording and the reviewer's edits reach the letter", () => {
  it('the case carries the denial template of each rule; edited wording of a rule not met is what the letter says', async () => {
    const m = ihss[1];
    const caseId = await glp1CaseInReview(prescriber, m.id);
    const view = (await physician.get(`pa-requests/${caseId}`)).body;
    const glycemic = view.denialTemplates.glycemic;
    expect(glycemic.en).toMatch(/HbA1c/);
    expect(glycemic.es).toMatch(/HbA1c/);
    const notMet = (view.criteriaEvaluation.evaluation.rules as Array<{ id: string; result: string }>)
      .filter((r) => r.result !== 'met')
      .map((r) => r.id);
    expect(notMet).toContain('glycemic');
    expect((await physician.post(`pa-requests/${caseId}/assign`)).status).toBe(200);

    const edited = {
      en: 'Your HbA1c on 15 October 2026 was 6.2%. The plan covers this drug when it is 7% or higher.',
      es: 'Su HbA1c del 15 de octubre de 2026 fue 6.2%. El plan cubre este medicamento cuando es 7% o más.',
    };
    // Wording for a rule that was met, an empty translation, or wording on an approval: 400, nothing changes.
    const metRule = (view.criteriaEvaluation.evaluation.rules as Array<{ id: string; result: string }>).find(
      (r) => r.result === 'met',
    )!.id;
    const bad = [
      { decision: 'denied', reasons: ['x'], denialLanguage: { [metRule]: edited } },
      { decision: 'denied', reasons: ['x'], denialLanguage: { glycemic: { en: edited.en, es: '   ' } } },
      { decision: 'approved', reasons: [], denialLanguage: { glycemic: edited } },
    ];
    for (const body of bad) {
      const p = expectProblem(
        await physician.post(`pa-requests/${caseId}/determination`, body),
        400,
        'VALIDATION_FAILED',
      );
      expect(p.errors[0].path).toMatch(/^denialLanguage/);
    }
    expect((await physician.get(`pa-requests/${caseId}`)).body.status).toBe('in-review');

    const denied = await physician.post(`pa-requests/${caseId}/determination`, {
      decision: 'denied',
      reasons: ['HbA1c 6.2 % on 2026-10-15.'],
      denialLanguage: { glycemic: edited },
    });
    expect(denied.body.status, JSON.stringify(denied.body)).toBe('denied');

    const notices = (await physician.get(`notices?paRequestId=${caseId}`)).body.items as Array<{
      id: string;
      recipient: string;
      language: 'en' | 'es';
    }>;
    const letter = notices.find((n) => n.recipient === 'member')!;
    const text = pdfPages((await physician.getBytes(`notices/${letter.id}/pdf`)).bytes).join(' ');
    expect(text).toContain(edited[letter.language]);
    expect(text).not.toContain(glycemic[letter.language]);
  });
});

// Last: it moves the clock a year on (a manual clock only moves forward).
describe("the case member's claim history of the last year", () => {
  it('lists the claims of the year up to today, for clinicians only, and drops a claim once it is over a year old', async () => {
    const m = ihss[0];
    const caseId = await glp1CaseInReview(prescriber, m.id);
    const ref = await t.ctx.reference.get();
    const plan = ref.plans.get('IHSS01')!;
    const proc = ref.processors.get(plan.processorId)!;
    const [generic] = await unrestrictedGenerics(t, 'IHSS01');
    const pharmacy = await pharmacyWithKey(t, DEMO.pharmacies.retail.npi);
    const claim = await pharmacy.post(
      'claims',
      claimFor(m, DEMO.pharmacies.retail.npi, DEMO.prescribers.primaryCare, {
        bin: proc.bin,
        pcn: proc.pcn,
        groupId: plan.groupId,
        productId: generic.ndc,
        dateOfService: '2026-11-20',
      }),
    );
    expect(claim.body.transactionStatus, JSON.stringify(claim.body)).toBe('P');

    const history = await physician.get(`pa-requests/${caseId}/claim-history`);
    expect(history.status, JSON.stringify(history.body)).toBe(200);
    expect(history.body).toMatchObject({ memberId: m.id, from: '2025-11-20', to: '2026-11-20' });
    const row = history.body.items.find((c: { claimId: string }) => c.claimId === claim.body.claimId);
    expect(row).toMatchObject({ memberId: m.id, transactionStatus: 'P', dateOfService: '2026-11-20' });
    expect(row.pharmacy?.name).toBeTruthy();
    // Every claim shown is the case member's and inside the year.
    for (const c of history.body.items as Array<{ memberId: string; dateOfService: string }>) {
      expect(c.memberId).toBe(m.id);
      expect(c.dateOfService >= '2025-11-20').toBe(true);
    }

    // The prescriber on the case and member services may not read the member's whole pharmacy history.
    expectProblem(await prescriber.get(`pa-requests/${caseId}/claim-history`), 403, 'FORBIDDEN');
    expectProblem(
      await (await signIn(t, 'member-services')).get(`pa-requests/${caseId}/claim-history`),
      403,
      'FORBIDDEN',
    );
    expectProblem(await physician.get('pa-requests/PA-NOPE/claim-history'), 404, 'NOT_FOUND');

    // The read is audited as a case review naming the member.
    const [audit] = await t.ctx.database.query<{ entity_type: string; entity_id: string; reason: string }>(
      `select entity_type, entity_id, reason from audit_events
        where action = 'phi.read' and $1 = any(member_ids) order by id desc limit 1`,
      [m.id],
    );
    expect(audit).toMatchObject({ entity_type: 'case-claim-history', entity_id: caseId, reason: 'case-review' });

    // 400 days later the claim is more than a year old: no longer shown.
    t.clock.advance(400 * 86_400_000);
    const laterPhysician = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
    const later = await laterPhysician.get(`pa-requests/${caseId}/claim-history`);
    expect(later.status, JSON.stringify(later.body)).toBe(200);
    expect(later.body.to).toBe('2027-12-25');
    expect(later.body.from).toBe('2026-12-25');
    expect(later.body.items.map((c: { claimId: string }) => c.claimId)).not.toContain(claim.body.claimId);
  });
});
