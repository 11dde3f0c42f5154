import type { AppContext } from '../app-context.js';
import { fileAppeal } from '../appeals/file-appeal.js';
import { receiveFax } from '../fax/receive-fax.js';
import { renderPdf } from '../notices/render-pdf.js';
import { addDays } from '../platform/dates.js';
import type { Principal } from '../platform/roles.js';
import { todayInZone } from '../platform/plan-time.js';
import { assignRequest } from '../priorauth/assign-request.js';
import { criteriaLibrary } from '../priorauth/criteria-library/index.js';
import { decideRequest } from '../priorauth/decide-request.js';
import { initiateRequest } from '../priorauth/initiate-request.js';
import { computeDueAt } from '../priorauth/rules/compute-due-at.js';
import { reviewClockPolicy } from '../priorauth/schedule-review-clock.js';
import { submitRequest } from '../priorauth/submit-request.js';
import { DEMO_TIME_ZONE } from './demo-claim-history.js';
import type { DemoMember, DemoPrescriber } from './demo-people.js';

/**
 * The prior-authorization stories of the living demo (docs/design.md#demo), each a list of steps at
 * instants relative to `now`. living-demo.ts runs every step through the use case a user's
 * request runs (initiate, submit, assign, decide, file an appeal, receive a fax) with the clock at
 * the step's instant, so each case's review clock, history and notices are the product's own.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface LivingStep {
  at: Date;
  what: string;
  run(ctx: AppContext): Promise<void>;
}

export interface DemoActors {
  /** A user of the demo set as the HTTP edge would see it signed in. */
  principal(username: string): Principal;
  usernameOfMember(memberId: string): string | undefined;
}

/** Ozempic 0.25 or 0.5 mg/dose pen (reference-data/drugs.csv): PA glp1-t2dm on every demo plan. */
export const OZEMPIC_PEN = '00169413211';
const GLP1 = criteriaLibrary.find((c) => c.id === 'glp1-t2dm')!;

/** GLP-1 question-set answers as a FHIR QuestionnaireResponse (the prescriber portal sends the same). */
function glp1Answers(o: { a1c: number; a1cDate: string; metforminIntolerance?: string; dx?: string }) {
  const item = [
    {
      linkId: 'dx',
      answer: [{ valueCoding: { system: 'http://hl7.org/fhir/sid/icd-10-cm', code: o.dx ?? 'E11.65' } }],
    },
    { linkId: 'a1c', answer: [{ valueDecimal: o.a1c }] },
    { linkId: 'a1c-date', answer: [{ valueDate: o.a1cDate }] },
    { linkId: 'metformin-contra', answer: [{ valueBoolean: o.metforminIntolerance !== undefined }] },
    ...(o.metforminIntolerance
      ? [{ linkId: 'metformin-contra-detail', answer: [{ valueString: o.metforminIntolerance }] }]
      : []),
    { linkId: 'weight-only', answer: [{ valueBoolean: false }] },
  ];
  return { resourceType: 'QuestionnaireResponse', status: 'completed', item };
}

const dateAt = (at: Date) => todayInZone(at, DEMO_TIME_ZONE);

/**
 * The receipt instant whose review clock leaves `remainingMs` before it is due at `now`
 * (computeDueAt grows with receipt, so a bisection finds it to the minute on any clock unit).
 */
export async function receiptLeaving(ctx: AppContext, planId: string, now: Date, remainingMs: number): Promise<Date> {
  const plan = (await ctx.reference.get()).plans.get(planId)!;
  const clock = reviewClockPolicy(plan.policy);
  const target = now.getTime() + remainingMs;
  let lo = now.getTime() - 30 * DAY;
  let hi = now.getTime();
  while (hi - lo > 60_000) {
    const mid = (lo + hi) / 2;
    if (computeDueAt({ receivedAt: new Date(mid), urgency: 'standard', clock }).getTime() < target) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

interface CaseRef {
  id?: string;
}

/** Prescriber opens the GLP-1 case and submits its answers (one step, as the portal's form does). */
function requestGlp1(
  actors: DemoActors,
  prescriber: DemoPrescriber & { username: string },
  member: DemoMember,
  at: Date,
  answers: ReturnType<typeof glp1Answers>,
  ref: CaseRef,
): LivingStep {
  return {
    at,
    what: `GLP-1 request for ${member.memberId}`,
    async run(ctx) {
      const who = actors.principal(prescriber.username);
      const started = await initiateRequest(ctx, who, {
        memberId: member.memberId,
        prescriberNpi: prescriber.npi,
        productId: OZEMPIC_PEN,
        quantity: 3,
        daysSupply: 28,
        urgency: 'standard',
        channel: 'portal',
      });
      if (started.kind !== 'created') throw new Error(`demo: no case opened for ${member.memberId}: ${started.kind}`);
      ref.id = started.request.id;
      await submitRequest(ctx, who, ref.id, { answers });
    },
  };
}

function deny(actors: DemoActors, reviewer: string, at: Date, ref: CaseRef): LivingStep {
  return {
    at,
    what: `denial by ${reviewer}`,
    async run(ctx) {
      const who = actors.principal(reviewer);
      await assignRequest(ctx, who, ref.id!);
      await decideRequest(ctx, who, ref.id!, {
        decision: 'denied',
        reasons: [GLP1.denialLanguage.glycemic.en],
        criteriaNotMet: ['glycemic'],
      });
    },
  };
}

export interface StoryCast {
  actors: DemoActors;
  now: Date;
  /** dr.park and dr.raman (the demo prescriber logins). */
  primaryCare: DemoPrescriber & { username: string };
  endocrinology: DemoPrescriber & { username: string };
  /** Members with demo logins. */
  renewal: DemoMember;
  deniedInWindow: DemoMember;
  openAppeal: DemoMember;
  /** Members without logins whose cases wait in the reviewer queue, and the fax's patient. */
  queue: [DemoMember, DemoMember, DemoMember];
  faxPatient: DemoMember;
}

/** Steps of every story, in no particular order (the runner sorts them by instant). */
export async function caseStories(ctx: AppContext, cast: StoryCast): Promise<LivingStep[]> {
  const { actors, now } = cast;
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const steps: LivingStep[] = [];

  // 1. An authorization inside its 60-day renewal window: approved 318 days ago for 365 days.
  const renewal: CaseRef = {};
  const approvedAt = ago(318 * DAY);
  steps.push(
    requestGlp1(
      actors,
      cast.primaryCare,
      cast.renewal,
      new Date(approvedAt.getTime() - 2 * HOUR),
      glp1Answers({
        a1c: 8.1,
        a1cDate: addDays(dateAt(approvedAt), -12),
        metforminIntolerance: 'Severe diarrhea on metformin 500 mg twice daily for 6 weeks',
      }),
      renewal,
    ),
    {
      at: approvedAt,
      what: 'approval (when not approved automatically)',
      async run(c) {
        const who = actors.principal('pharmacist');
        try {
          await decideRequest(c, who, renewal.id!, {
            decision: 'approved',
            reasons: ['Meets the GLP-1 criteria: HbA1c 8.1 % and metformin not tolerated.'],
          });
        } catch (e) {
          // The plan's auto-approval already approved it at submission: nothing left to decide.
          if ((e as { code?: string }).code !== 'CONFLICT') throw e;
        }
      },
    },
  );

  // 2. A denial 12 days ago: inside its appeal window, nothing filed yet.
  const denied: CaseRef = {};
  steps.push(
    requestGlp1(
      actors,
      cast.primaryCare,
      cast.deniedInWindow,
      ago(13 * DAY),
      glp1Answers({ a1c: 6.4, a1cDate: addDays(dateAt(ago(13 * DAY)), -20) }),
      denied,
    ),
    deny(actors, 'physician', ago(12 * DAY), denied),
  );

  // 3. An open appeal: denied 22 days ago, the member appealed 3 days ago (Part D: 7-day clock).
  const appealed: CaseRef = {};
  steps.push(
    requestGlp1(
      actors,
      cast.endocrinology,
      cast.openAppeal,
      ago(24 * DAY),
      glp1Answers({ a1c: 6.8, a1cDate: addDays(dateAt(ago(24 * DAY)), -30) }),
      appealed,
    ),
    deny(actors, 'physician', ago(22 * DAY), appealed),
    {
      at: ago(3 * DAY),
      what: 'member files an appeal',
      async run(c) {
        const member = actors.usernameOfMember(cast.openAppeal.memberId)!;
        await fileAppeal(c, actors.principal(member), {
          paRequestId: appealed.id!,
          urgency: 'standard',
          statement:
            'My HbA1c was 6.8 only because I was taking my sister-in-law’s insulin samples; my doctor will send my earlier results of 8.9.',
          filedBy: 'member',
        });
      },
    },
  );

  // 4. The reviewer queue at three points of its clocks: 2 hours left, about half, just in.
  const [nearlyOverdue, halfway, fresh] = cast.queue;
  const receipts = [
    await receiptLeaving(ctx, nearlyOverdue.planId, now, 2 * HOUR),
    await receiptLeaving(ctx, halfway.planId, now, 36 * HOUR),
    ago(1 * HOUR),
  ];
  const halfwayCase: CaseRef = {};
  [nearlyOverdue, halfway, fresh].forEach((member, i) => {
    const ref = i === 1 ? halfwayCase : {};
    steps.push(
      requestGlp1(
        actors,
        cast.endocrinology,
        member,
        receipts[i],
        glp1Answers({ a1c: 6.6 + i * 0.1, a1cDate: addDays(dateAt(receipts[i]), -14) }),
        ref,
      ),
    );
  });
  // A pharmacist has taken the halfway case ("my cases").
  steps.push({
    at: new Date(receipts[1].getTime() + 3 * HOUR),
    what: 'pharmacist takes a case',
    async run(c) {
      await assignRequest(c, actors.principal('pharmacist'), halfwayCase.id!);
    },
  });

  // 5. A faxed request waiting in intake, 50 minutes old.
  const faxAt = ago(50 * 60_000);
  steps.push({
    at: faxAt,
    what: 'inbound fax',
    async run(c) {
      const bytes = await faxedRequestPdf(cast.endocrinology, cast.faxPatient, faxAt);
      await receiveFax(c, actors.principal('intake'), {
        bytes,
        senderFax: cast.endocrinology.fax,
        receivedAt: faxAt.toISOString(),
      });
    },
  });
  return steps;
}

/** A prescriber's faxed PA form, as practices send them (synthetic patient; public drug facts). */
function faxedRequestPdf(prescriber: DemoPrescriber, patient: DemoMember, at: Date): Promise<Buffer> {
  const sent = dateAt(at);
  return renderPdf((doc) => {
    doc.font('Helvetica-Bold').fontSize(16).text('Prior Authorization Request').moveDown(0.5);
    doc.font('Helvetica').fontSize(11);
    const row = (label: string, value: string) =>
      doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
    row('Date', sent);
    row('To', 'Bay Area Rx PBM, prior authorization (fax 1-510-555-0101)');
    row(
      'Prescriber',
      `${prescriber.firstName} ${prescriber.lastName}, ${prescriber.credential} (NPI ${prescriber.npi})`,
    );
    row('Phone / fax', `${prescriber.phone} / ${prescriber.fax}`);
    doc.moveDown(0.5);
    row('Patient', `${patient.firstName} ${patient.lastName}`);
    row('Date of birth', patient.dateOfBirth);
    row('Member ID', patient.memberId);
    doc.moveDown(0.5);
    row('Drug', 'Ozempic (semaglutide) 0.25 or 0.5 mg/dose pen, NDC 00169-4132-11');
    row('Quantity', '3 per 28 days');
    row('Diagnosis', 'E11.65 Type 2 diabetes mellitus with hyperglycemia');
    row('Most recent HbA1c', `8.4 % on ${addDays(sent, -9)}`);
    row('Metformin', 'tried 4 months; stopped for GI intolerance (nausea, diarrhea)');
    row('For weight loss only', 'No');
    doc.moveDown().font('Helvetica-Oblique').fontSize(9).text('Synthetic demo document: no real patient.');
  });
}
