import type { AppContext } from '../app-context.js';
import type { ClaimRequest } from '../claims/claim-types.js';
import { submitClaim } from '../claims/submit-claim.js';
import { findUserByUsername } from '../identity/index.js';
import { addDays } from '../platform/dates.js';
import { ManualClock } from '../platform/clock.js';
import { localTimeToInstant, todayInZone } from '../platform/plan-time.js';
import type { Principal } from '../platform/roles.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { caseStories, OZEMPIC_PEN, type LivingStep } from './demo-cases.js';
import {
  claimRequest,
  DEMO_TIME_ZONE,
  MAINTENANCE_DRUGS,
  planClaimHistory,
  rxNumberFor,
  type MaintenanceDrug,
} from './demo-claim-history.js';
import { demoPeople, scenarioMembers, type DemoMember } from './demo-people.js';
import { pick } from './prng.js';

const DAY = 86_400_000;

/** The same context with the clock stopped at `at`: a step runs as if a user acted then. */
function contextAt(ctx: AppContext, at: Date): AppContext {
  return { ...ctx, clock: new ManualClock(at) };
}

export interface LivingDemoResult {
  loaded: boolean;
  claims: { paid: number; rejected: number; rejectCodes: Record<string, number> };
  steps: number;
}

/**
 * The living demo (docs/design.md#demo), relative to the clock's now: a year of claims, an
 * authorization inside its renewal window (with the fills it paid), a denial inside its appeal
 * window, an open appeal, three cases in the reviewer queue at different points of their clocks
 * (one two hours from due) and a fax waiting in intake. Every step runs the use case a user's
 * request runs, with a clock stopped at the step's instant. Loaded once: a database that has the
 * first member's first refill already is left alone.
 */
export async function loadLivingDemo(ctx: AppContext): Promise<LivingDemoResult> {
  const now = ctx.clock.now();
  const people = demoPeople();
  const scenario = scenarioMembers(people);
  const result: LivingDemoResult = { loaded: false, claims: { paid: 0, rejected: 0, rejectCodes: {} }, steps: 0 };
  const marker = await ctx.database.query('select 1 from claims where prescription_number = $1 limit 1', [
    rxNumberFor(scenario.ihss, 0),
  ]);
  if (marker.length) return result;

  const principals = new Map<string, Principal>();
  for (const a of [
    ...DEMO_ACCOUNTS.members,
    ...DEMO_ACCOUNTS.prescribers,
    ...DEMO_ACCOUNTS.pharmacies,
    DEMO_ACCOUNTS.intake,
    DEMO_ACCOUNTS.reviewerPharmacist,
    DEMO_ACCOUNTS.reviewerPhysician,
  ]) {
    const u = await findUserByUsername(ctx.database.db, a.username);
    if (!u) throw new Error(`demo: the living demo needs the demo login ${a.username}`);
    principals.set(a.username, {
      userId: u.id,
      username: u.username,
      role: u.role as Principal['role'],
      displayName: u.displayName,
      credential: u.credential,
      memberId: u.memberId,
      npi: u.npi,
      via: 'token',
    });
  }
  const actors = {
    principal: (username: string) => principals.get(username)!,
    usernameOfMember: (memberId: string) => DEMO_ACCOUNTS.members.find((m) => m.memberId === memberId)?.username,
  };
  const pharmacyUser = (npi: string) => DEMO_ACCOUNTS.pharmacies.find((p) => p.npi === npi)!.username;

  // The members with logins tell the README's stories; others get one or two random therapies.
  const loginTherapies: Record<string, MaintenanceDrug[]> = {
    [scenario.ihss.memberId]: ['metformin500', 'lisinopril10'],
    [scenario.spanishSpeaking.memberId]: ['levothyroxine50mcg'],
    [scenario.commercial.memberId]: ['metformin500', 'atorvastatin10'],
    [scenario.partD.memberId]: ['metformin500', 'losartan25', 'atorvastatin10'],
  };
  const names = Object.keys(MAINTENANCE_DRUGS) as MaintenanceDrug[];
  const therapiesFor = (m: DemoMember, random: () => number): MaintenanceDrug[] => {
    if (loginTherapies[m.memberId]) return loginTherapies[m.memberId];
    const first = pick(random, names);
    const second = pick(random, names);
    return random() < 0.5 || second === first ? [first] : [first, second];
  };

  const claimStep = (at: Date, request: ClaimRequest): LivingStep => ({
    at,
    what: `claim ${request.prescriptionNumber}/${request.fillNumber} on ${request.dateOfService}`,
    async run(c) {
      const answer = await submitClaim(c, principals.get(pharmacyUser(request.pharmacyNpi))!, request);
      if (answer.transactionStatus === 'P') result.claims.paid++;
      else {
        result.claims.rejected++;
        for (const r of answer.rejects)
          result.claims.rejectCodes[r.code] = (result.claims.rejectCodes[r.code] ?? 0) + 1;
      }
    },
  });
  const steps = planClaimHistory(people, now, therapiesFor).map(({ at, request }) => claimStep(at, request));

  const primaryCare = people.prescribers.find((p) => p.role === 'primaryCare')!;
  const endocrinology = people.prescribers.find((p) => p.role === 'endocrinology')!;
  const loginMemberIds = new Set(DEMO_ACCOUNTS.members.map((m) => m.memberId!));
  const othersOn = (planId: string) =>
    people.members.filter(
      (m) =>
        m.planId === planId &&
        !m.terminationDate &&
        m.band === (planId === 'PARTD1' ? 'senior' : 'adult') &&
        !loginMemberIds.has(m.memberId),
    );
  const [ihssA, ihssB] = othersOn(scenario.ihss.planId);
  const cast = {
    actors,
    now,
    primaryCare: {
      ...primaryCare,
      username: DEMO_ACCOUNTS.prescribers.find((p) => p.npi === primaryCare.npi)!.username,
    },
    endocrinology: {
      ...endocrinology,
      username: DEMO_ACCOUNTS.prescribers.find((p) => p.npi === endocrinology.npi)!.username,
    },
    renewal: scenario.ihss,
    deniedInWindow: scenario.commercial,
    openAppeal: scenario.partD,
    queue: [ihssA, othersOn(scenario.commercial.planId)[0], othersOn(scenario.partD.planId)[0]] as [
      DemoMember,
      DemoMember,
      DemoMember,
    ],
    faxPatient: ihssB,
  };
  steps.push(...(await caseStories(ctx, cast)));

  // The renewal story's pharmacy side: a PA reject two days before the request, then a fill every
  // 28 days that the authorization pays (approved 318 days ago, see demo-cases.ts).
  const approvedOn = todayInZone(new Date(now.getTime() - 318 * DAY), DEMO_TIME_ZONE);
  const yesterday = addDays(todayInZone(now, DEMO_TIME_ZONE), -1);
  const ozempicFills = [{ fill: 0, date: addDays(approvedOn, -2) }];
  for (let fill = 0, date = addDays(approvedOn, 1); date <= yesterday; fill++, date = addDays(date, 28))
    ozempicFills.push({ fill, date });
  for (const { fill, date } of ozempicFills) {
    const request = claimRequest(scenario.ihss, {
      pharmacyNpi: people.pharmacies.find((p) => p.key === 'lakeshore')!.npi,
      prescriberNpi: primaryCare.npi,
      rx: rxNumberFor(scenario.ihss, 9),
      fill,
      dateOfService: date,
      ndc: OZEMPIC_PEN,
      quantity: 3,
      daysSupply: 28,
      cost: '900.00',
    });
    steps.push(claimStep(localTimeToInstant(date, '11:15', DEMO_TIME_ZONE), request));
  }

  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) {
    try {
      await step.run(contextAt(ctx, step.at));
    } catch (e) {
      throw new Error(
        `demo: living demo step "${step.what}" at ${step.at.toISOString()} failed: ${(e as Error).message}`,
        { cause: e },
      );
    }
  }
  result.loaded = true;
  result.steps = steps.length;
  return result;
}
