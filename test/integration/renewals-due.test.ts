import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/platform/dates.js';
import { DEMO } from '../../src/demo/demo-data.js';
import { glp1Answers } from '../support/fhir.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import { glp1Draft, members, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// docs/design.md#renewals: GET /renewals-due lists the authorizations of the prescriber's own
// cases that end inside the plan's renewal window (60 days on the demo plans), in the plan's zone.
let t: TestApp;
let prescriber: ApiClient;
let admin: ApiClient;
let member: { id: string; name: string };
let caseId: string;
let authorization: { number: string; effectiveFrom: string; effectiveTo: string };

/** 09:00 in California (the demo plans' zone) on a date: the test clock's time of day. */
const setDay = async (day: string) => {
  const r = await admin.post('test/clock', { set: `${day}T17:00:00.000Z` });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
};
const due = async (client: ApiClient = prescriber) => {
  const r = await client.get('renewals-due');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items as Array<Record<string, unknown> & { paRequestId: string; renewalCaseId: string | null }>;
};

beforeAll(async () => {
  t = await createTestApp();
  prescriber = await signIn(t, 'prescriber', { npi: DEMO.prescribers.primaryCare });
  admin = await signIn(t, 'admin');
  const [m] = await members(t, "plan_id = 'IHSS01' and termination_date is null and date_of_birth < '2000-01-01'");
  const [{ name }] = await t.ctx.database.query<{ name: string }>(
    "select first_name || ' ' || last_name as name from members where id = $1",
    [m.id],
  );
  member = { id: m.id, name };
  caseId = await glp1Draft(prescriber, m.id);
  const approved = await prescriber.post(`pa-requests/${caseId}/submit`, {
    answers: glp1Answers({ a1c: 8.4, contraindication: 'eGFR 28: lactic acidosis risk' }),
  });
  expect(approved.body.status, JSON.stringify(approved.body)).toBe('approved');
  const { authorizationNumber, effectiveFrom, effectiveTo } = approved.body.determination;
  authorization = { number: authorizationNumber, effectiveFrom, effectiveTo };
});
afterAll(() => t?.close());

describe('GET /renewals-due (docs/design.md#renewals)', () => {
  it('lists an authorization from the day its window opens, with what a renewal starts from', async () => {
    const opensOn = addDays(authorization.effectiveTo, -60);
    expect(await due()).toEqual([]); // just approved: a year to go
    await setDay(addDays(opensOn, -1));
    expect(await due()).toEqual([]);
    await setDay(opensOn);
    expect(await due()).toEqual([
      {
        paRequestId: caseId,
        memberId: member.id,
        memberName: member.name,
        planId: 'IHSS01',
        planName: 'Poppy Health Plan — IHSS',
        drug: { rxcui: expect.stringMatching(/^\d+$/), name: expect.stringMatching(/semaglutide/i) },
        quantity: 3,
        daysSupply: 28,
        kind: 'prior-authorization',
        authorization,
        daysLeft: 60,
        renewalCaseId: null,
      },
    ]);
  });

  it('names the renewal once it is started, and forgets it again when the renewal is withdrawn', async () => {
    const renewalId = await glp1Draft(prescriber, member.id, { renewalOf: authorization.number });
    expect((await due()).map((i) => [i.paRequestId, i.renewalCaseId])).toEqual([[caseId, renewalId]]);
    const withdrawn = await prescriber.post(`pa-requests/${renewalId}/cancel`, {});
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect((await due()).map((i) => [i.paRequestId, i.renewalCaseId])).toEqual([[caseId, null]]);
  });

  it("shows another prescriber none of this prescriber's patients", async () => {
    const other = await signIn(t, 'prescriber', { npi: DEMO.prescribers.endocrinology });
    expect(JSON.stringify(await due(other))).not.toContain(member.id);
  });

  it('refuses every other role with 403 problem+json', async () => {
    for (const role of ['member-services', 'reviewer-pharmacist', 'admin', 'intake'] as const)
      expectProblem(await (await signIn(t, role)).get('renewals-due'), 403, 'FORBIDDEN');
    expectProblem(await (await signIn(t, 'member', { memberId: member.id })).get('renewals-due'), 403, 'FORBIDDEN');
    const pharmacy = await signIn(t, 'pharmacy', { npi: DEMO.pharmacies.retail.npi });
    expectProblem(await pharmacy.get('renewals-due'), 403, 'FORBIDDEN');
  });

  it("audits the prescriber's read: who, which members, why", async () => {
    const [{ max }] = await t.ctx.database.query<{ max: string | null }>(
      'select max(id)::text as max from audit_events',
    );
    expect((await due()).length).toBe(1);
    const rows = await t.ctx.database.query<{ actor_role: string; entity_type: string; member_ids: string[] }>(
      "select actor_role, entity_type, member_ids from audit_events where id > $1 and action = 'phi.read'",
      [Number(max ?? 0)],
    );
    expect(rows).toEqual([{ actor_role: 'prescriber', entity_type: 'renewals-due', member_ids: [member.id] }]);
  });

  it('keeps it to its last day (0 days left) and drops it the day after it ended', async () => {
    await setDay(authorization.effectiveTo);
    expect((await due()).map((i) => i.daysLeft)).toEqual([0]);
    await setDay(addDays(authorization.effectiveTo, 1));
    expect(await due()).toEqual([]);
  });
});
