import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glp1Answers, questionnaireResponse } from '../support/fhir.js';
import { expectProblem, type ApiClient } from '../support/http.js';
import { firstNpi, members, signIn, type MemberRow } from '../support/scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Ozempic pens (semaglutide Pen Injector): PA with the GLP-1 criteria on every plan used here.
const OZEMPIC = '00169413211';
const meets = questionnaireResponse({
  dx: { code: 'E11.9', display: 'Type 2 diabetes mellitus without complications' },
  a1c: { decimal: 8.2 },
  'a1c-date': '2026-10-15',
  'metformin-contra': true,
  'metformin-contra-detail': 'eGFR 28',
  'weight-only': false,
});
const fails = glp1Answers({ a1c: 6.4 });

let t: TestApp;
let admin: ApiClient;
let prescriber: ApiClient;
let pharmacist: ApiClient;
let physician: ApiClient;
let ihss: MemberRow[];
let cacom: MemberRow;
let prescriberNpi: string;

async function submitCase(m: MemberRow, answers: unknown, urgency: 'standard' | 'urgent' = 'standard') {
  const started = await prescriber.post('pa-requests', {
    memberId: m.id,
    prescriberNpi,
    productId: OZEMPIC,
    quantity: 3,
    daysSupply: 28,
    urgency,
    channel: 'portal',
    ...(urgency === 'urgent' ? { urgencyReason: 'Glucose above 400 mg/dL' } : {}),
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const submitted = await prescriber.post(`pa-requests/${started.body.id}/submit`, { answers });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return submitted.body as { id: string; status: string };
}

async function advance(by: string) {
  expect((await admin.post('test/clock', { advanceBy: by })).status).toBe(200);
}

async function report(query: string, client = admin) {
  return client.get(`reports/turnaround?${query}`);
}

beforeAll(async () => {
  t = await createTestApp();
  prescriberNpi = await firstNpi(t, 'prescribers');
  prescriber = await signIn(t, 'prescriber', { npi: prescriberNpi, displayName: 'Dr. Test' });
  pharmacist = await signIn(t, 'reviewer-pharmacist', { displayName: 'Pat Reviewer', credential: 'PharmD' });
  physician = await signIn(t, 'reviewer-physician', { displayName: 'Dana Doctor', credential: 'MD' });
  admin = await signIn(t, 'admin');
  // Members of our own (one per case: an approval covers the member's drug-form group for a year).
  const header =
    'member_id,plan_id,first_name,last_name,date_of_birth,sex,language,contact_preference,email,phone,address_line1,city,state,zip,effective_date,termination_date';
  const rows = Array.from(
    { length: 4 },
    (_, i) =>
      `R${String(i).padStart(6, '0')},IHSS01,Report,Member${i},1970-0${1 + i}-1${i},F,en,mail,,,1 Main St,Oakland,CA,94612,2026-01-01,`,
  );
  expect(
    (await admin.post('imports/members', [header, ...rows].join('\n') + '\n', { 'content-type': 'text/csv' })).status,
  ).toBe(200);
  ihss = await members(t, "id like 'R%'");
  [cacom] = await members(t, "plan_id = 'CACOM1' and termination_date is null and date_of_birth < '2000-01-01'");

  // T = 2026-11-20T17:00Z.
  expect((await submitCase(ihss[0], meets)).status).toBe('approved'); // standard, automatic, 0 h
  const denied = await submitCase(ihss[1], fails); // standard, denied at T+10h
  const approved = await submitCase(ihss[2], fails, 'urgent'); // expedited, approved by a pharmacist at T+2h
  expect((await submitCase(cacom, fails, 'urgent')).status).toBe('in-review'); // CA commercial expedited: due T+24h, deemed approved when the clock is next moved (T+25h)
  expect((await submitCase(ihss[3], fails)).status).toBe('in-review'); // stays open

  await advance('PT2H');
  expect(
    (
      await pharmacist.post(`pa-requests/${approved.id}/determination`, {
        decision: 'approved',
        reasons: ['HbA1c trend and intolerance documented.'],
      })
    ).body.status,
  ).toBe('approved');
  await advance('PT8H');
  await physician.post(`pa-requests/${denied.id}/assign`);
  expect(
    (
      await physician.post(`pa-requests/${denied.id}/determination`, {
        decision: 'denied',
        reasons: ['HbA1c is below 7 % and metformin has not been tried.'],
      })
    ).body.status,
  ).toBe('denied');
  await advance('PT15H'); // T+25h: the CA commercial case was deemed approved when its deadline ran
  const appeal = await prescriber.post('appeals', {
    paRequestId: denied.id,
    urgency: 'standard',
    statement: 'Metformin intolerance is documented.',
    filedBy: 'prescriber',
  });
  expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
  const overturned = await pharmacist.post(`appeals/${appeal.body.id}/decision`, {
    decision: 'overturned',
    reasons: ['Documented intolerance meets the step requirement.'],
  });
  expect(overturned.body.status, JSON.stringify(overturned.body)).toBe('overturned');
});
afterAll(() => t?.close());

describe('GET /reports/turnaround', () => {
  it('counts approvals, denials, appeals, timing and automation, split by standard and expedited', async () => {
    const r = await report('from=2026-11-16&to=2026-11-22');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ from: '2026-11-16', to: '2026-11-22', planId: null });
    expect(r.body.total).toEqual({
      decided: 4,
      approved: { count: 3, percent: 75 },
      partiallyApproved: 0,
      denied: { count: 1, percent: 25 },
      closedNoResponse: { count: 0, percent: 0 },
      deemedApproved: { count: 1, percent: 25 },
      automatic: { count: 1, percent: 25 },
      onTime: { count: 3, percent: 75 },
      averageHours: 9.3,
      medianHours: 6,
      appealsDecided: 1,
      approvedAfterAppeal: { count: 1, percent: 100 },
      open: 1,
      overdue: 0,
    });
    expect(r.body.standard).toMatchObject({
      decided: 2,
      approved: { count: 1, percent: 50 },
      denied: { count: 1, percent: 50 },
      automatic: { count: 1, percent: 50 },
      onTime: { count: 2, percent: 100 },
      averageHours: 5,
      medianHours: 5,
      approvedAfterAppeal: { count: 1, percent: 100 },
      open: 1,
    });
    expect(r.body.expedited).toMatchObject({
      decided: 2,
      approved: { count: 2, percent: 100 },
      denied: { count: 0, percent: 0 },
      deemedApproved: { count: 1, percent: 50 },
      automatic: { count: 0, percent: 0 },
      onTime: { count: 1, percent: 50 },
      averageHours: 13.5,
      medianHours: 13.5,
      appealsDecided: 0,
      approvedAfterAppeal: { count: 0, percent: null },
      open: 0,
    });
    expect(r.body.weekly).toEqual([{ weekStart: '2026-11-16', decided: 4, approvedPercent: 75, medianHours: 6 }]);
  });

  it('filters by plan', async () => {
    const r = await report('from=2026-11-16&to=2026-11-22&planId=CACOM1');
    expect(r.body.planId).toBe('CACOM1');
    expect(r.body.total).toMatchObject({
      decided: 1,
      deemedApproved: { count: 1, percent: 100 },
      onTime: { count: 0, percent: 0 },
      averageHours: 25,
      open: 0,
    });
    expectProblem(await report('planId=NOPE'), 404, 'NOT_FOUND');
  });

  it('is empty for a range with no decisions, and defaults to the 12 weeks ending today', async () => {
    const before = await report('from=2026-11-01&to=2026-11-19');
    expect(before.body.total).toMatchObject({
      decided: 0,
      approved: { count: 0, percent: null },
      medianHours: null,
      open: 0,
    });
    expect(before.body.weekly.map((w: { weekStart: string }) => w.weekStart)).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ]);
    const dflt = await report('');
    expect(dflt.body).toMatchObject({ from: '2026-08-30', to: '2026-11-21' });
    expect(dflt.body.total.decided).toBe(4);
  });

  it('is for administrators only', async () => {
    expectProblem(await report('from=2026-11-16&to=2026-11-22', pharmacist), 403, 'FORBIDDEN');
    expectProblem(await report('from=2026-11-16&to=2026-11-22', prescriber), 403, 'FORBIDDEN');
  });

  it.each([
    ['from=2026-11-22&to=2026-11-16', 'querystring.from'],
    ['from=2026-02-30&to=2026-03-16', 'querystring.from'],
    ['from=2026-11-01&to=yesterday', 'querystring.to'],
    ['from=2020-01-01&to=2026-11-16', 'querystring.to'],
  ])('400 for %s', async (query, path) => {
    const problem = expectProblem(await report(query), 400, 'VALIDATION_FAILED');
    expect(problem.errors[0].path).toBe(path);
  });
});
