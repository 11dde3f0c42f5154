import { expect } from 'vitest';
import { DEMO } from '../../src/demo/demo-data.js';
import { glp1Answers } from './fhir.js';
import { createUser } from '../../src/identity/create-user.js';
import type { Role } from '../../src/platform/roles.js';
import { findFormularyEntry } from '../../src/reference/reference-cache.js';
import { ApiClient } from './http.js';
import type { TestApp } from './test-app.js';

let seq = 0;
const PASSWORD = 'test-password-123';

/** Signs in a fresh user of a role (tests make their own principals; demo accounts are for people). */
export async function signIn(
  t: TestApp,
  role: Role,
  extra: { memberId?: string; npi?: string; displayName?: string; credential?: string } = {},
): Promise<ApiClient> {
  const username = `t-${role}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
  await createUser(t.ctx, { username, password: PASSWORD, role, ...extra });
  return ApiClient.login(t.app, username, PASSWORD);
}

/** A pharmacy system authenticating with an API key, as switches do. */
export async function pharmacyWithKey(t: TestApp, npi: string): Promise<ApiClient> {
  const { apiKey } = await createUser(t.ctx, {
    username: `t-pharmacy-${++seq}-${Math.random().toString(36).slice(2, 8)}`,
    role: 'pharmacy',
    npi,
    withApiKey: true,
  });
  return new ApiClient(t.app).withKey(apiKey!);
}

export interface MemberRow {
  id: string;
  plan_id: string;
  date_of_birth: string;
  sex: string;
  language: string;
  termination_date: string | null;
}

export async function members(t: TestApp, where = 'true', params: unknown[] = []): Promise<MemberRow[]> {
  return t.ctx.database.query<MemberRow>(
    `select id, plan_id, date_of_birth::text, sex, language, termination_date::text from members where ${where} order by id`,
    params,
  );
}

export async function firstNpi(t: TestApp, table: 'pharmacies' | 'prescribers', where = 'true'): Promise<string> {
  const rows = await t.ctx.database.query<{ npi: string }>(
    `select npi from ${table} where ${where} order by npi limit 1`,
  );
  return rows[0].npi;
}

/** NDCs from the loaded catalog whose formulary entry on `planId` matches `pred`. */
export async function ndcsWhere(
  t: TestApp,
  planId: string,
  pred: (
    e: NonNullable<ReturnType<typeof findFormularyEntry>> | undefined,
    c: { rxcui: string; ingredient: string; drugClass: string | null; groupId: string; generic: boolean; name: string },
  ) => boolean,
) {
  const ref = await t.ctx.reference.get();
  const out: Array<{ ndc: string; rxcui: string; groupId: string; name: string }> = [];
  for (const p of ref.packages.values()) {
    const c = ref.concepts.get(p.rxcui)!;
    if (pred(findFormularyEntry(ref, planId, c), c))
      out.push({ ndc: p.ndc, rxcui: c.rxcui, groupId: c.groupId, name: c.name });
  }
  return out.sort((a, b) => a.ndc.localeCompare(b.ndc));
}

export function claimFor(m: MemberRow, pharmacyNpi: string, prescriberNpi: string, over: Record<string, unknown> = {}) {
  return {
    bin: '610011',
    pcn: 'BAYRX',
    groupId: null,
    cardholderId: m.id,
    patient: { dateOfBirth: m.date_of_birth },
    pharmacyNpi,
    prescriptionNumber: `RX${++seq}${Math.floor(Math.random() * 1e6)}`,
    fillNumber: 0,
    dateOfService: '2026-11-20',
    productId: '',
    quantityDispensed: 30,
    daysSupply: 30,
    prescriberNpi,
    submittedIngredientCost: '25.00',
    usualAndCustomaryCharge: '40.00',
    ...over,
  };
}

/** The processor IDs of the demo's Medi-Cal Rx plan, for claims its Spanish-speaking member brings to the counter. */
export const MEDI_CAL_RX = { bin: '022659', pcn: '6334225', groupId: 'MediCalRx' };

/** A first fill of Ozempic 0.25/0.5 mg pen (3 pens, 28 days) at $900: rejected 75 until an authorization is on file. */
export function ozempicClaimFor(
  m: MemberRow,
  pharmacyNpi: string,
  prescriberNpi: string,
  over: Record<string, unknown> = {},
) {
  return claimFor(m, pharmacyNpi, prescriberNpi, {
    productId: DEMO.ndcs.semaglutidePenLow,
    quantityDispensed: 3,
    daysSupply: 28,
    submittedIngredientCost: '900.00',
    usualAndCustomaryCharge: '950.00',
    ...over,
  });
}

const MEMBERS_CSV_HEADER =
  'member_id,plan_id,first_name,last_name,date_of_birth,sex,language,contact_preference,email,phone,address_line1,city,state,zip,effective_date,termination_date';

/**
 * Loads `count` synthetic adult members of a plan through the members import (ids `prefix` +
 * six digits), for tests whose cases each need a member of their own (an approval covers the
 * member's drug-form group for a year). Returns their ids.
 */
export async function importMembers(
  t: TestApp,
  o: { planId: string; prefix: string; count: number },
): Promise<string[]> {
  const ids = Array.from({ length: o.count }, (_, i) => `${o.prefix}${String(i).padStart(6, '0')}`);
  const rows = ids.map(
    (id, i) =>
      `${id},${o.planId},Test,Member${i},1970-01-15,${i % 2 ? 'F' : 'M'},en,mail,,,1 Main St,Oakland,CA,94612,2026-01-01,`,
  );
  const admin = await signIn(t, 'admin');
  const r = await admin.post('imports/members', [MEMBERS_CSV_HEADER, ...rows].join('\n') + '\n', {
    'content-type': 'text/csv',
  });
  if (r.status !== 200) throw new Error(`members import failed: ${r.status} ${JSON.stringify(r.body)}`);
  return ids;
}

/**
 * A GLP-1 request from dr.park that does not meet the criteria (HbA1c 6.2), submitted, so it waits
 * in the reviewer queue. Returns the case id.
 */
export async function glp1CaseInReview(prescriber: ApiClient, memberId: string): Promise<string> {
  const id = await glp1Draft(prescriber, memberId);
  const s = await prescriber.post(`pa-requests/${id}/submit`, { answers: glp1Answers({ a1c: 6.2 }) });
  expect(s.body.status).toBe('in-review');
  return id;
}

/**
 * A draft Ozempic (semaglutide 0.25/0.5 mg pen) request by the demo primary-care prescriber, not yet
 * submitted; `extra` adds request fields (e.g. `renewalOf`).
 */
export async function glp1Draft(
  prescriber: ApiClient,
  memberId: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const c = await prescriber.post('pa-requests', {
    memberId,
    prescriberNpi: DEMO.prescribers.primaryCare,
    productId: DEMO.ndcs.semaglutidePenLow,
    quantity: 3,
    daysSupply: 28,
    urgency: 'standard',
    channel: 'portal',
    ...extra,
  });
  expect(c.status, JSON.stringify(c.body)).toBe(201);
  return c.body.id as string;
}

/** Covered generics with no edit on `planId` (no PA, step, quantity limit, new-starts, age or sex limit): every first fill pays. */
export function unrestrictedGenerics(t: TestApp, planId: string) {
  return ndcsWhere(
    t,
    planId,
    (e, c) =>
      !!e?.covered &&
      !e.priorAuthorization &&
      !e.stepTherapy &&
      !e.quantityLimit &&
      !e.newStartsOnly &&
      e.minAge === null &&
      e.maxAge === null &&
      !e.sex &&
      c.generic,
  );
}
