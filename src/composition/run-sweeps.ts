import type { AppContext } from '../app-context.js';
import { runDueDeadlines } from '../deadlines/run-due-deadlines.js';
import { deliverDueNotices } from '../notices/delivery/deliver-due-notices.js';
import { deliverMemberAlerts } from '../notices/delivery/deliver-member-alerts.js';
import { deliverPasNotifications } from '../fhir/pas/deliver-pas-notifications.js';
import { deliverEpaNotifications } from '../epa/deliver-epa-notifications.js';

/** Everything time-driven, at `now`: legal deadlines first (they queue notices), then delivery. */
export async function runSweeps(ctx: AppContext, now: Date) {
  const deadlines = await runDueDeadlines(ctx, now);
  const delivery = await deliverDueNotices(ctx, now);
  // Members hear of decisions and information requests the way they asked (e-mail, text, portal).
  const memberAlerts = await deliverMemberAlerts(ctx, now);
  // PAS subscribers hear of decisions on their pended requests (rest-hook).
  const pasNotifications = await deliverPasNotifications(ctx, now);
  // ePA senders hear of decisions and information requests on their cases (PANotification).
  const epaNotifications = await deliverEpaNotifications(ctx, now);
  return { deadlines, delivery, memberAlerts, pasNotifications, epaNotifications };
}
