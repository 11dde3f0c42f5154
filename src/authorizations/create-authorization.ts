import { addDays } from '../platform/dates.js';
import { scheduleDeadline, type DeadlineSpec } from '../deadlines/schedule-deadline.js';
import { localTimeToInstant, todayInZone } from '../platform/plan-time.js';
import type { Db } from '../platform/db.js';
import { newId } from '../platform/ids.js';
import { formatAuthorizationNumber } from './authorization-number.js';
import {
  findAuthorizationByNumber,
  insertAuthorization,
  nextAuthorizationSerial,
  type AuthorizationRow,
} from './authorizations.repo.js';
import { DomainError } from '../platform/errors.js';
import { authorizationPeriod, effectiveToProblem, type AuthorizationPeriod } from './rules/authorization-period.js';

export interface AuthorizationGrant {
  /** Who and what: the member, the drug-form group, and the brand when the criteria cover only it. */
  memberId: string;
  groupId: string;
  brandName: string | null;
  /** The case the authorization answers (a PA request, or the case an appeal overturned). */
  paRequestId: string;
  /** The authorization number this one renews, if any. */
  renewalOf: string | null;
  /** The case's days' supply: a reviewer's lower quantity is per this many days. */
  daysSupply: number;
  /** The criteria set's approval: how long, and how much per how many days. */
  approval: { durationDays: number; maxQuantityPerDays?: { units: number; days: number } } | null;
  /** Plan policy: dates are the plan's dates; the renewal reminder goes out this many days before the end. */
  timeZone: string;
  renewalWindowDays: number;
  now: Date;
  /** A reviewer's lower quantity (partial approval), per the case's days' supply. */
  approvedQuantity?: number;
  /** A reviewer's shorter period (checked by the caller against authorizationPeriod). */
  effectiveTo?: string;
  /** prior-authorization, or the exception kind the approval grants (what claims do with it). */
  kind?: string;
  /** Formulary and tiering exceptions: the tier the decision named (absent: the rule's default, exception-effect.ts). */
  tier?: string | null;
  /** Medicare Part D exceptions: valid through the end of the plan year (42 CFR 423.578(c)(4)). */
  throughPlanYearEnd?: { startMonth: number };
  /** A serial the caller's transaction already drew (DRAW_AUTHORIZATION_SERIAL at its begin): the first number tried. */
  serial?: number;
}

/**
 * The period an approval of this grant may cover, as of `now` in the plan's zone: from today (or
 * the day after the authorization it renews ends) for the criteria's approval duration. Callers
 * check a reviewer's effectiveTo against it before opening a transaction.
 */
export async function grantPeriod(
  db: Db,
  g: Pick<AuthorizationGrant, 'renewalOf' | 'approval' | 'timeZone' | 'now' | 'throughPlanYearEnd'>,
): Promise<{ today: string; period: AuthorizationPeriod & { earliestEffectiveTo: string } }> {
  const today = todayInZone(g.now, g.timeZone);
  const prior = g.renewalOf ? await findAuthorizationByNumber(db, g.renewalOf) : undefined;
  const period = authorizationPeriod({
    today,
    durationDays: g.approval?.durationDays ?? 365,
    renewsEndingOn: prior?.effectiveTo ?? null,
    throughPlanYearEnd: g.throughPlanYearEnd,
  });
  return {
    today,
    period: {
      ...period,
      earliestEffectiveTo: period.minimumEffectiveTo ?? (period.effectiveFrom > today ? period.effectiveFrom : today),
    },
  };
}

/** Renewal reminders go out at this wall-clock time in the plan's zone. */
const RENEWAL_REMINDER_LOCAL_TIME = '09:00';

/** Legacy numbers (random digits, issued before serials) can share a serial number's shape: skip past them. */
const MAX_NUMBER_DRAWS = 20;

/**
 * What an approval creates (docs/design.md#authorizations), in the caller's transaction: the authorization (scope:
 * the drug-form group, so every strength is covered, or the brand), effective from today in the
 * plan's zone (a renewal from the day after the one it renews ends) for the criteria's approval
 * duration, with the approved or criteria quantity, a collision-free number, and its renewal
 * reminder deadline. Every approval comes through here: automatic, clinician, deemed, and an
 * appeal overturn.
 */
export async function createAuthorization(tx: Db, g: AuthorizationGrant): Promise<AuthorizationRow> {
  const { authorization, reminder } = await issueAuthorization(tx, g);
  await scheduleDeadline(tx, reminder, g.now);
  return authorization;
}

/**
 * createAuthorization with its renewal reminder for the caller to schedule in the same
 * transaction (deadlineWrites: with the caller's next statement, one round trip fewer; issue #11).
 */
export async function issueAuthorization(
  tx: Db,
  g: AuthorizationGrant,
): Promise<{ authorization: AuthorizationRow; reminder: DeadlineSpec }> {
  const { today, period } = await grantPeriod(tx, g);
  // Every approval path (a reviewer, an appeal) is held to the same range: never a period that
  // already ended, never longer than the criteria set's approval duration (docs/design.md#determinations).
  if (g.effectiveTo !== undefined) {
    const problem = effectiveToProblem(g.effectiveTo, period, today);
    if (problem)
      throw new DomainError('VALIDATION_FAILED', `effectiveTo ${problem}`, {
        errors: [{ path: 'effectiveTo', message: problem }],
        details: { earliestEffectiveTo: period.earliestEffectiveTo, latestEffectiveTo: period.latestEffectiveTo },
      });
  }
  const effectiveTo = g.effectiveTo ?? period.latestEffectiveTo;
  const limit = g.approval?.maxQuantityPerDays;
  const maxUnits = g.approvedQuantity ?? limit?.units ?? null;
  const perDays = g.approvedQuantity !== undefined ? g.daysSupply : (limit?.days ?? null);
  let authorization: AuthorizationRow | undefined;
  for (let draw = 0; !authorization && draw < MAX_NUMBER_DRAWS; draw++) {
    authorization = await insertAuthorization(tx, {
      id: newId('aut', g.now),
      number: formatAuthorizationNumber(
        draw === 0 && g.serial !== undefined ? g.serial : await nextAuthorizationSerial(tx),
        Number(today.slice(0, 4)),
      ),
      memberId: g.memberId,
      groupId: g.groupId,
      scope: g.brandName ? 'brand-only' : 'drug-form-group',
      brandName: g.brandName,
      effectiveFrom: period.effectiveFrom,
      effectiveTo,
      maxUnits: maxUnits === null ? null : String(maxUnits),
      perDays,
      paRequestId: g.paRequestId,
      kind: g.kind ?? 'prior-authorization',
      tier: g.tier ?? null,
      createdAt: g.now,
    });
  }
  if (!authorization) throw new Error(`no free authorization number after ${MAX_NUMBER_DRAWS} serials`);
  const remindOn = addDays(effectiveTo, -g.renewalWindowDays);
  const reminder: DeadlineSpec = {
    kind: 'pa-renewal-reminder',
    entityId: authorization.number,
    // 9 a.m. on the reminder day where the plan's members are (a fixed UTC hour drifts with the zone and DST)
    dueAt: localTimeToInstant(remindOn, RENEWAL_REMINDER_LOCAL_TIME, g.timeZone),
    payload: { paRequestId: g.paRequestId },
  };
  return { authorization, reminder };
}
