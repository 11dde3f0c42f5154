import { cancelDeadlines } from '../deadlines/index.js';
import { scheduleDeadline } from '../deadlines/schedule-deadline.js';
import type { PlanPolicy } from '../plans/plan-policy.js';
import type { Db } from '../platform/db.js';
import { computeDueAt, computeWarningAt } from './rules/compute-due-at.js';

export function reviewClockPolicy(policy: PlanPolicy) {
  return {
    standard: policy.review.standard,
    urgent: policy.review.urgent,
    onMissed: policy.review.onMissed,
    warnBefore: { hours: policy.review.warnBeforeHours },
    timeZone: policy.review.timeZone,
  };
}

/**
 * Starts (or restarts) a case's review clock from `startAt` — receipt of the complete request —
 * as durable deadlines: a warning before due and the due time itself.
 */
export async function scheduleReviewClock(
  db: Db,
  args: { paRequestId: string; startAt: Date; urgency: 'standard' | 'urgent'; policy: PlanPolicy; now: Date },
): Promise<Date> {
  const clock = reviewClockPolicy(args.policy);
  const dueAt = computeDueAt({ receivedAt: args.startAt, urgency: args.urgency, clock });
  const warnAt = computeWarningAt(dueAt, clock);
  await cancelDeadlines(db, args.paRequestId, ['pa-warning', 'pa-due'], args.now);
  if (warnAt.getTime() > args.now.getTime())
    await scheduleDeadline(db, { kind: 'pa-warning', entityId: args.paRequestId, dueAt: warnAt }, args.now);
  await scheduleDeadline(db, { kind: 'pa-due', entityId: args.paRequestId, dueAt }, args.now);
  return dueAt;
}
