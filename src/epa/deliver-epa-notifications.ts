import type { AppContext } from '../app-context.js';
import { drainOutbox } from '../platform/drain-outbox.js';
import { epaNotificationHeaders, findEhrClientById } from '../ehr-clients/index.js';
import { newId } from '../platform/ids.js';
import { findPaRequest, findPublishedCriteria } from '../priorauth/index.js';
import { buildCaseOutcomeView } from '../priorauth/request-view.js';
import { openWorkItem } from '../work-items/index.js';
import { OPENPBM_ID } from './answer-epa-message.js';
import { caseEvent, isFinalEvent } from './case-outcome.js';
import {
  claimDueNotification,
  listUnsettledCases,
  markEventKnown,
  queueNotification,
  updateNotification,
  type EpaCaseRow,
  type EpaNotificationRow,
} from './epa.repo.js';
import { outcomeOf } from './handle-case-messages.js';
import { caseResponseBody } from './script-responses.js';
import { buildScriptMessage } from './script-xml.js';

/** A claimed notification is someone's for this long; after it, another sweep may retry it. */
const LEASE_MS = 2 * 60_000;
const TIMEOUT_MS = 5_000;
const MAX_PER_SWEEP = 50;
/** 1, 2, 4 … 32 minutes between attempts; after the 8th failure a person takes over (work item). */
export const MAX_ATTEMPTS = 8;
export const backoffMs = (attempts: number) => Math.min(60 * 60_000, 60_000 * 2 ** (attempts - 1));

const WORK_ITEM_KIND = 'epa-notification-undeliverable';

/** Queues a PANotification for each ePA case with news its sender does not know yet. */
async function queueNews(ctx: AppContext, now: Date): Promise<number> {
  let queued = 0;
  for (const link of await listUnsettledCases(ctx.database.db)) {
    const row = await findPaRequest(ctx.database.db, link.paRequestId);
    // Cases still being answered or reviewed have no news (checked before building the view).
    if (!row || ['awaiting-answers', 'submitted', 'in-review'].includes(row.status)) continue;
    const view = await buildCaseOutcomeView(ctx, row);
    const event = caseEvent(view);
    // Pended and open states are what the sender was last told; only decisions and information requests are news.
    if (!event || event === link.lastEvent || event === 'pended' || event === 'open') continue;
    const settled = isFinalEvent(event) ? now : null;
    if (!link.endpoint) {
      await ctx.database.db.transaction(async (tx) => {
        await markEventKnown(tx, link.paRequestId, event, settled);
        await openWorkItem(tx, undeliverable(link, event, 'the hub has no ePA endpoint'), now);
      });
      continue;
    }
    const criteria = (await findPublishedCriteria(ctx, row.criteriaId, row.criteriaVersion))!.body;
    const outcome = await outcomeOf(ctx, view, criteria);
    const hub = await findEhrClientById(ctx.database.db, link.clientId);
    const messageId = newId('epn', now);
    const bodyXml = buildScriptMessage(
      {
        to: hub?.clientId ?? link.clientId,
        from: OPENPBM_ID,
        messageId,
        relatesToMessageId: link.initiationMessageId,
        sentTime: now.toISOString(),
      },
      'PANotification',
      caseResponseBody(row.id, outcome),
    );
    await ctx.database.db.transaction(async (tx) => {
      if (
        await queueNotification(tx, {
          id: newId('epa', now),
          paRequestId: row.id,
          clientId: link.clientId,
          event,
          endpoint: link.endpoint!,
          messageId,
          bodyXml,
          nextAttemptAt: now,
          createdAt: now,
        })
      )
        queued++;
      await markEventKnown(tx, link.paRequestId, event, settled);
    });
  }
  return queued;
}

function undeliverable(link: Pick<EpaCaseRow, 'paRequestId' | 'clientId'>, event: string, why: string) {
  return {
    kind: WORK_ITEM_KIND,
    entityType: 'pa-request',
    entityId: link.paRequestId,
    summary: `The ePA notification (${event}) for request ${link.paRequestId} could not be delivered: ${why}. Tell the prescriber by fax or phone.`,
    details: { hub: link.clientId, event },
  };
}

/** Claims one due notification under a lease, so a slow endpoint never holds a database lock. */
async function claimOne(ctx: AppContext, now: Date): Promise<EpaNotificationRow | undefined> {
  return ctx.database.db.transaction(async (tx) => {
    const n = await claimDueNotification(tx, now);
    if (n) await updateNotification(tx, n.id, { nextAttemptAt: new Date(now.getTime() + LEASE_MS) });
    return n;
  });
}

async function deliver(ctx: AppContext, n: EpaNotificationRow, now: Date): Promise<boolean> {
  // The hub's credentials as they are now (a rotated token applies to the next attempt).
  const hub = await findEhrClientById(ctx.database.db, n.clientId);
  let error: string | null = null;
  try {
    const res = await fetch(n.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/xml; charset=utf-8', ...epaNotificationHeaders(hub, n.endpoint) },
      body: n.bodyXml,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok)
      error =
        res.status === 401 || res.status === 403
          ? `endpoint refused our credentials (${res.status}): check the hub's notification credentials`
          : `endpoint answered ${res.status}`;
    await res.body?.cancel();
  } catch (e) {
    error = (e as Error).name === 'TimeoutError' ? 'endpoint timed out' : 'endpoint unreachable';
  }
  const attempts = n.attempts + 1;
  const log = [...n.log, { at: now.toISOString(), result: error ?? 'delivered' }];
  const failed = error !== null && attempts >= MAX_ATTEMPTS;
  await ctx.database.db.transaction(async (tx) => {
    await updateNotification(tx, n.id, {
      attempts,
      log,
      lastError: error,
      deliveredAt: error ? null : now,
      failedAt: failed ? now : null,
      nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
    });
    if (failed) await openWorkItem(tx, undeliverable(n, n.event, `${attempts} attempts, last: ${error}`), now);
  });
  return error === null;
}

/**
 * PANotification (docs/epa-script.md#notifications): when a pended ePA case is decided, deemed
 * approved, closed for no response, or gets an information request, its outcome is POSTed to the
 * endpoint recorded at initiation — retried with backoff, every attempt in the delivery log, and
 * a work item when it cannot be delivered. Runs with the other sweeps.
 */
export async function deliverEpaNotifications(
  ctx: AppContext,
  now: Date,
): Promise<{ queued: number; delivered: number; failed: number }> {
  const queued = await queueNews(ctx, now);
  const { delivered, failed } = await drainOutbox({
    max: MAX_PER_SWEEP,
    claimNext: () => claimOne(ctx, now),
    deliver: (n) => deliver(ctx, n, now),
  });
  return { queued, delivered, failed };
}
