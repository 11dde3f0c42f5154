import type { AppContext } from '../app-context.js';
import { addDays } from '../platform/dates.js';
import { forbidden } from '../platform/errors.js';
import { OPERATIONS_TIME_ZONE, planToday, todayInZone } from '../platform/plan-time.js';
import type { Principal } from '../platform/roles.js';
import { listEndingAuthorizations } from './priorauth.repo.js';
import { renewalDue } from './rules/renewal-window.js';

/** More than a prescriber's list can usefully show at once; the soonest ending come first. */
const MAX_ITEMS = 200;
/** A plan whose policy is gone (removed from the reference data) keeps the default window. */
const DEFAULT_WINDOW_DAYS = 60;

/**
 * GET /renewals-due (docs/design.md#renewals): the authorizations of the prescriber's own
 * cases that end inside their plan's renewal window, counted in each plan's time zone on the
 * injected clock, soonest first, with the renewal case already started for each (if any).
 */
export async function listRenewalsDue(ctx: AppContext, caller: Principal) {
  if (caller.role !== 'prescriber' || !caller.npi)
    throw forbidden("Renewal reminders list a prescriber's own patients; only prescribers have them");
  const now = ctx.clock.now();
  const plans = (await ctx.reference.get()).plans;
  // Each plan counts days in its own zone with its own window: ask the database for the widest
  // range any plan needs, then keep each row by its own plan's today.
  const windows = [...plans.values()].map((p) => {
    const today = planToday(p, now);
    return { from: today, to: addDays(today, p.policy.renewalWindowDays) };
  });
  const fallback = todayInZone(now, OPERATIONS_TIME_ZONE);
  const from = windows.reduce((min, w) => (w.from < min ? w.from : min), fallback);
  const to = windows.reduce((max, w) => (w.to > max ? w.to : max), addDays(fallback, DEFAULT_WINDOW_DAYS));
  const rows = await listEndingAuthorizations(ctx.database.db, {
    prescriberNpi: caller.npi,
    from,
    to,
    limit: MAX_ITEMS,
  });
  const items = rows.flatMap((r) => {
    const plan = plans.get(r.planId);
    const { due, daysLeft } = renewalDue({
      effectiveTo: r.authorization.effectiveTo,
      today: planToday(plan, now),
      windowDays: plan?.policy.renewalWindowDays ?? DEFAULT_WINDOW_DAYS,
    });
    if (!due) return [];
    return [
      {
        paRequestId: r.caseId,
        memberId: r.memberId,
        memberName: r.memberName,
        planId: r.planId,
        planName: plan?.name ?? null,
        drug: { rxcui: r.rxcui, name: r.drugName },
        quantity: r.quantity,
        daysSupply: r.daysSupply,
        kind: r.kind,
        authorization: r.authorization,
        daysLeft,
        renewalCaseId: r.renewalCaseId,
      },
    ];
  });
  return { items };
}
