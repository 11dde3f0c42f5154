import type { AppContext } from '../../app-context.js';
import { drainOutbox } from '../../platform/drain-outbox.js';
import { alertText, type AlertTopic } from '../alert-topics.js';
import { claimNextAlert, recordAlertResult, type MemberAlertRow } from '../member-alerts.repo.js';
import { nextAttemptAt } from './retry-policy.js';

async function sendAlert(ctx: AppContext, alert: MemberAlertRow): Promise<string> {
  const words = alertText(alert.topic as AlertTopic, alert.language);
  switch (alert.channel) {
    case 'portal':
      return 'portal'; // listed in the member's portal at once
    case 'email':
      return (
        await ctx.delivery.email.send({
          noticeId: alert.id,
          to: alert.address!,
          from: ctx.delivery.fromEmail,
          subject: words.subject,
          text: words.text,
        })
      ).reference;
    case 'text':
      return (await ctx.delivery.text.send({ alertId: alert.id, to: alert.address!, text: words.text })).reference;
    default:
      throw new Error(`unknown alert channel ${alert.channel}`);
  }
}

/**
 * The member-alert outbox sweep: each due alert is claimed (SKIP LOCKED), sent through its
 * channel's adapter and marked; a failure waits and retries on the notices' backoff, then is
 * marked failed (the letter itself went through the notices outbox regardless).
 */
export async function deliverMemberAlerts(ctx: AppContext, now: Date, max = 50) {
  const db = ctx.database.db;
  return drainOutbox({
    max,
    claimNext: () => claimNextAlert(db, now),
    deliver: async (alert) => {
      try {
        const reference = await sendAlert(ctx, alert);
        await recordAlertResult(db, alert.id, {
          status: alert.channel === 'portal' ? 'delivered' : 'sent',
          sentAt: now,
          deliveryReference: reference,
          lastError: null,
          nextAttemptAt: null,
        });
        return true;
      } catch (err) {
        const next = nextAttemptAt(alert.attempts, now);
        // The error's type only: a gateway's message may echo the address (PHI stays out of rows read by staff tools).
        const lastError = err instanceof Error ? err.name : 'error';
        await recordAlertResult(
          db,
          alert.id,
          next
            ? { status: 'retrying', nextAttemptAt: next, lastError }
            : { status: 'failed', nextAttemptAt: null, lastError },
        );
        return false;
      }
    },
  });
}
