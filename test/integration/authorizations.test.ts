import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAuthorizationNumber, hasValidCheckDigit } from '../../src/authorizations/index.js';
import { glp1Answers } from '../support/fhir.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import { firstNpi, signIn } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const OZEMPIC_LOW = '00169413211';
const meets = glp1Answers({ a1c: 8.4, contraindication: 'eGFR 25' });

let t: TestApp;
let prescriber: ApiClient;
let prescriberNpi: string;
let nextMember = 0;

beforeAll(async () => {
  t = await createTestApp();
  prescriberNpi = await firstNpi(t, 'prescribers');
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi });
  const admin = await signIn(t, 'admin');
  const header =
    'member_id,plan_id,first_name,last_name,date_of_birth,sex,language,contact_preference,email,phone,address_line1,city,state,zip,effective_date,termination_date';
  const rows = Array.from(
    { length: 10 },
    (_, i) =>
      `N${String(i).padStart(6, '0')},IHSS01,Number,Member${i},1970-01-15,F,en,mail,,,1 Main St,Oakland,CA,94612,2026-01-01,`,
  );
  const r = await admin.post('imports/members', [header, ...rows].join('\n') + '\n', { 'content-type': 'text/csv' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
});
afterAll(() => t?.close());

async function approveNewCase(): Promise<string> {
  const started = await prescriber.post('pa-requests', {
    memberId: `N${String(nextMember++).padStart(6, '0')}`,
    prescriberNpi,
    productId: OZEMPIC_LOW,
    quantity: 3,
    daysSupply: 28,
    urgency: 'standard',
    channel: 'portal',
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const decided = await prescriber.post(`pa-requests/${started.body.id}/submit`, { answers: meets });
  expect(decided.body.status, JSON.stringify(decided.body)).toBe('approved');
  return decided.body.determination.authorizationNumber;
}

describe('authorization numbers', () => {
  it('are PA + year + serial + a Luhn check digit, one serial after another', async () => {
    const a = await approveNewCase();
    const b = await approveNewCase();
    expect(a).toMatch(/^PA26\d{8}$/);
    expect(hasValidCheckDigit(a)).toBe(true);
    expect(hasValidCheckDigit(b)).toBe(true);
    expect(Number(b.slice(4, -1))).toBe(Number(a.slice(4, -1)) + 1);
  });

  it('skip a number already taken (issued before serials existed) instead of failing the approval', async () => {
    const [{ next }] = await t.ctx.database.query<{ next: string }>(
      'select (case when is_called then last_value + 1 else last_value end)::text as next from authorization_serial_seq',
    );
    const taken = formatAuthorizationNumber(Number(next), 2026);
    await t.ctx.database.query(
      `insert into authorizations (id, number, member_id, group_id, effective_from, effective_to, created_at)
       values ('aut_legacy', $1, 'M-legacy', 'legacy', '2026-01-01', '2026-12-31', now())`,
      [taken],
    );
    const issued = await approveNewCase();
    expect(issued).not.toBe(taken);
    expect(issued).toBe(formatAuthorizationNumber(Number(next) + 1, 2026));
  });

  it('a renewal naming a number whose check digit is wrong is told to check the number (400), and nothing is created', async () => {
    const number = await approveNewCase();
    const typo = number.slice(0, -2) + String((Number(number.at(-2)) + 1) % 10) + number.at(-1);
    const before = await t.ctx.database.query('select id from pa_requests');
    const problem = expectProblem(
      await prescriber.post('pa-requests', {
        memberId: 'N000000',
        prescriberNpi,
        productId: OZEMPIC_LOW,
        quantity: 3,
        daysSupply: 28,
        urgency: 'standard',
        channel: 'portal',
        renewalOf: typo,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(problem.errors[0].path).toBe('renewalOf');
    expect(problem.detail).toContain('check the number');
    expect(await t.ctx.database.query('select id from pa_requests')).toHaveLength(before.length);
  });
});
