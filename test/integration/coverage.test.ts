import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/http.js';
import { members, ndcsWhere, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('coverage check and formulary search', () => {
  it('tells a member whether a PA drug is covered, its tier, the PA rule and alternatives', async () => {
    const [m] = await members(t, "plan_id = 'IHSS01' and termination_date is null");
    const [pa] = await ndcsWhere(t, 'IHSS01', (e) => !!e?.covered && e.priorAuthorization);
    const member = await signIn(t, 'member', { memberId: m.id });
    const r = await member.get(`coverage?memberId=${m.id}&productId=${pa.ndc}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ covered: true, priorAuthorizationRequired: true, planId: 'IHSS01' });
    expect(r.body.tier).toBeTruthy();
    expect(r.body.processor.bin).toBe('610011');
    expect(Array.isArray(r.body.alternatives)).toBe(true);
  });

  it("answers for Medi-Cal Rx when the member's plan carves the benefit out", async () => {
    const [m] = await members(t, "plan_id = 'MCAL-MC'");
    const staff = await signIn(t, 'member-services');
    const [any] = await ndcsWhere(t, 'MCRX-FFS', (e) => !!e?.covered);
    const r = await staff.get(`coverage?memberId=${m.id}&productId=${any.ndc}`);
    expect(r.body.processor).toMatchObject({ name: 'Medi-Cal Rx', bin: '022659' });
    expect(r.body.planId).toBe('MCRX-FFS');
  });

  it("a member cannot check another member's coverage; unknown drug or member → 404", async () => {
    const [a, b] = await members(t, 'termination_date is null');
    const member = await signIn(t, 'member', { memberId: a.id });
    expectProblem(await member.get(`coverage?memberId=${b.id}&productId=76282041901`), 403, 'FORBIDDEN');
    expectProblem(await member.get(`coverage?memberId=${a.id}&productId=99999999999`), 404, 'NOT_FOUND');
    const staff = await signIn(t, 'member-services');
    expectProblem(await staff.get('coverage?memberId=NOPE&productId=76282041901'), 404, 'NOT_FOUND');
    expectProblem(await staff.get(`coverage?memberId=${a.id}`), 400, 'VALIDATION_FAILED');
  });

  it('searches a plan formulary by name, ingredient, NDC and RxCUI', async () => {
    const client = await signIn(t, 'prescriber', { npi: '1234567893' });
    const byName = await client.get('plans/IHSS01/formulary?q=lisinopril');
    expect(byName.body.items.length).toBeGreaterThan(0);
    expect(byName.body.items.every((i: { ingredient: string }) => i.ingredient === 'lisinopril')).toBe(true);
    const byNdc = await client.get('plans/IHSS01/formulary?q=76282041901');
    expect(byNdc.body.items.map((i: { rxcui: string }) => i.rxcui)).toEqual(['314076']);
    const byRxcui = await client.get('plans/IHSS01/formulary?q=314076');
    expect(byRxcui.body.items[0].name).toBe('lisinopril 10 MG Oral Tablet');
    expectProblem(await client.get('plans/NOPE/formulary?q=x'), 404, 'NOT_FOUND');
    const plans = await client.get('plans');
    expect(plans.body.items.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(['IHSS01', 'MCAL-MC', 'MCRX-FFS', 'CACOM1', 'PARTD1']),
    );
  });
});

describe('patient insurance search', () => {
  it('finds the member, plan and processor by last name and date of birth; a carve-out names Medi-Cal Rx', async () => {
    const [m] = await members(t, "plan_id = 'MCAL-MC' and termination_date is null");
    const row = (
      await t.ctx.database.query<{ last_name: string; first_name: string; zip: string }>(
        'select last_name, first_name, zip from members where id = $1',
        [m.id],
      )
    )[0];
    const office = await signIn(t, 'prescriber', { npi: '1234567893' });
    const r = await office.get(
      `members/search?lastName=${encodeURIComponent(row.last_name.toUpperCase())}&dateOfBirth=${m.date_of_birth}&zip=${row.zip}`,
    );
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([
      expect.objectContaining({
        memberId: m.id,
        eligible: true,
        plan: expect.objectContaining({ id: 'MCAL-MC' }),
        pharmacyBenefit: expect.objectContaining({
          planId: 'MCRX-FFS',
          processor: expect.objectContaining({ name: 'Medi-Cal Rx', bin: '022659' }),
        }),
      }),
    ]);
    const none = await office.get(`members/search?lastName=Nobody&dateOfBirth=${m.date_of_birth}`);
    expect(none.body.items).toEqual([]);
    expectProblem(await office.get('members/search?lastName=X&dateOfBirth=2026-02-30'), 400, 'VALIDATION_FAILED');
    const member = await signIn(t, 'member', { memberId: m.id });
    expectProblem(
      await member.get(`members/search?lastName=${row.last_name}&dateOfBirth=${m.date_of_birth}`),
      403,
      'FORBIDDEN',
    );
    expect((await member.get(`members/${m.id}`)).body.memberId).toBe(m.id);
    const [other] = await members(t, 'id <> $1', [m.id]);
    expectProblem(await member.get(`members/${other.id}`), 404, 'NOT_FOUND');
  });
});
