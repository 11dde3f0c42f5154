import type { Bundle, Parameters } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';
import { drainOutbox } from '../../platform/drain-outbox.js';
import { newId } from '../../platform/ids.js';
import { FINAL_STATUSES, type PaStatus } from '../../priorauth/pa-status.js';
import { findPaRequest } from '../../priorauth/index.js';
import { decisionResponse } from './claim-response.js';
import { decisionOfCase } from './item-decision.js';
import { parsePasBundle, PAS } from './parse-pas-bundle.js';
import {
  claimDueNotification,
  findPasRequestById,
  findSubscription,
  listUndecidedPendedItems,
  nextEventNumber,
  queueDecision,
  recordNotificationAttempt,
  setSubscriptionStatus,
  type PasNotificationRow,
} from './pas.repo.js';
import { planToday } from '../../platform/plan-time.js';

const BACKPORT = 'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/';
/** A claimed notification is someone's for this long; after it, another sweep may retry it. */
const LEASE_MS = 2 * 60_000;
const MAX_PER_SWEEP = 50;
const TIMEOUT_MS = 5_000;
/** 1, 2, 4 … minutes, capped at an hour; after 10 failures the subscription is marked error. */
const backoffMs = (attempts: number) => Math.min(60 * 60_000, 60_000 * 2 ** attempts);
const MAX_ATTEMPTS = 10;

/** Queues a notification for each pended PAS item whose case reached a final status. */
async function queueDecisions(ctx: AppContext, now: Date): Promise<number> {
  let queued = 0;
  for (const item of await listUndecidedPendedItems(ctx.database.db)) {
    const row = await findPaRequest(ctx.database.db, item.paRequestId!);
    if (!row || !FINAL_STATUSES.includes(row.status as PaStatus)) continue;
    queued += await ctx.database.db.transaction((tx) =>
      queueDecision(tx, item, row.status, now, () => newId('pan', now)),
    );
  }
  return queued;
}

/** Claims one due notification under a lease, so a slow endpoint never holds a database lock. */
async function claimOne(ctx: AppContext, now: Date): Promise<PasNotificationRow | undefined> {
  return ctx.database.db.transaction(async (tx) => {
    const n = await claimDueNotification(tx, now);
    if (n)
      await recordNotificationAttempt(tx, n.id, {
        deliveredAt: null,
        eventNumber: n.eventNumber,
        nextAttemptAt: new Date(now.getTime() + LEASE_MS),
        error: n.lastError,
        countAttempt: false,
      });
    return n;
  });
}

/** The Subscriptions Backport notification Bundle (history), with the PAS response Bundle as focus when full-resource. */
function notificationBundle(options: {
  subscriptionId: string;
  eventNumber: number;
  now: Date;
  full: Bundle | null;
  claimIdentifier: string;
}): Bundle {
  const focusUrl = options.full ? `urn:uuid:${crypto.randomUUID()}` : undefined;
  const [system, value] = options.claimIdentifier.split('|');
  const status: Parameters = {
    resourceType: 'Parameters',
    meta: { profile: [`${BACKPORT}backport-subscription-status-r4`] },
    parameter: [
      { name: 'subscription', valueReference: { reference: `Subscription/${options.subscriptionId}` } },
      { name: 'topic', valueCanonical: PAS.topic },
      { name: 'status', valueCode: 'active' },
      { name: 'type', valueCode: 'event-notification' },
      { name: 'events-since-subscription-start', valueString: String(options.eventNumber) },
      {
        name: 'notification-event',
        part: [
          { name: 'event-number', valueString: String(options.eventNumber) },
          { name: 'timestamp', valueInstant: options.now.toISOString() },
          {
            name: 'focus',
            valueReference: focusUrl
              ? { reference: focusUrl }
              : { type: 'Claim', identifier: { system: system || undefined, value } },
          },
        ],
      },
    ],
  };
  return {
    resourceType: 'Bundle',
    meta: { profile: [`${BACKPORT}backport-subscription-notification-r4`] },
    type: 'history',
    timestamp: options.now.toISOString(),
    entry: [
      {
        fullUrl: `urn:uuid:${crypto.randomUUID()}`,
        resource: status,
        request: { method: 'GET', url: `Subscription/${options.subscriptionId}/$status` },
        response: { status: '200' },
      },
      ...(options.full && focusUrl
        ? [
            {
              fullUrl: focusUrl,
              resource: options.full,
              request: { method: 'GET' as const, url: 'Bundle' },
              response: { status: '200' },
            },
          ]
        : []),
    ],
  };
}

async function deliver(ctx: AppContext, n: PasNotificationRow, now: Date): Promise<boolean> {
  const db = ctx.database.db;
  const sub = await findSubscription(db, n.subscriptionId);
  const item = await findPasRequestById(db, n.pasRequestId);
  if (!sub || sub.status !== 'active' || !item?.paRequestId) {
    await recordNotificationAttempt(db, n.id, {
      deliveredAt: now,
      eventNumber: null,
      nextAttemptAt: now,
      error: 'subscription off',
      countAttempt: true,
    });
    return false;
  }
  const row = (await findPaRequest(db, item.paRequestId))!;
  const parsed = parsePasBundle(item.requestBundle, 'submit');
  const eventNumber = n.eventNumber ?? (await nextEventNumber(db, sub.id));
  const full =
    sub.payloadContent === 'full-resource'
      ? decisionResponse(
          {
            parsed,
            now,
            today: planToday((await ctx.reference.get()).plans.get(row.planId), now),
            responseId: crypto.randomUUID(),
            inquiry: false,
          },
          [{ sequence: item.itemSequence, decision: decisionOfCase(row) }],
        )
      : null;
  const body = notificationBundle({
    subscriptionId: sub.id,
    eventNumber,
    now,
    full,
    claimIdentifier: item.claimIdentifier,
  });
  const headers: Record<string, string> = { 'content-type': 'application/fhir+json' };
  for (const h of sub.headers) {
    const i = h.indexOf(':');
    headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  let error: string | null = null;
  try {
    const res = await fetch(sub.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) error = `endpoint answered ${res.status}`;
  } catch (e) {
    error = (e as Error).name === 'TimeoutError' ? 'endpoint timed out' : 'endpoint unreachable';
  }
  const attempts = n.attempts + 1;
  await recordNotificationAttempt(db, n.id, {
    deliveredAt: error ? null : now,
    eventNumber,
    nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
    error,
    countAttempt: true,
  });
  if (error && attempts >= MAX_ATTEMPTS) await setSubscriptionStatus(db, sub.id, 'error');
  return !error;
}

/**
 * Rest-hook notification of decisions on pended PAS requests (PAS 2.x §Subscription): queue what
 * became final, then deliver what is due, each notification claimed by one worker at a time.
 * Runs with the other sweeps (every minute, and at once under the manual clock).
 */
export async function deliverPasNotifications(
  ctx: AppContext,
  now: Date,
): Promise<{ queued: number; delivered: number; failed: number }> {
  const queued = await queueDecisions(ctx, now);
  const { delivered, failed } = await drainOutbox({
    max: MAX_PER_SWEEP,
    claimNext: () => claimOne(ctx, now),
    deliver: (n) => deliver(ctx, n, now),
  });
  return { queued, delivered, failed };
}
