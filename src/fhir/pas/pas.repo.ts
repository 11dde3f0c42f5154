import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { fhirSubscriptions, pasNotifications, pasRequests } from './pas.tables.js';

export type PasRequestRow = typeof pasRequests.$inferSelect;
export type SubscriptionRow = typeof fhirSubscriptions.$inferSelect;
export type PasNotificationRow = typeof pasNotifications.$inferSelect;

export async function findPasRequest(db: Db, clientId: string, claimIdentifier: string, itemSequence: number) {
  const [row] = await db
    .select()
    .from(pasRequests)
    .where(
      and(
        eq(pasRequests.clientId, clientId),
        eq(pasRequests.claimIdentifier, claimIdentifier),
        eq(pasRequests.itemSequence, itemSequence),
      ),
    )
    .limit(1);
  return row as PasRequestRow | undefined;
}

export function listPasRequestsForClaim(db: Db, clientId: string, claimIdentifier: string) {
  return db
    .select()
    .from(pasRequests)
    .where(and(eq(pasRequests.clientId, clientId), eq(pasRequests.claimIdentifier, claimIdentifier)))
    .orderBy(pasRequests.itemSequence);
}

/**
 * Takes a Claim item for processing: true when this call inserted the row. The unique index on
 * (client, claim identifier, item) makes a concurrent twin lose here instead of opening a second case.
 */
export async function claimPasItem(db: Db, row: typeof pasRequests.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(pasRequests).values(row).onConflictDoNothing().returning({ id: pasRequests.id });
  return inserted.length === 1;
}

export async function completePasItem(db: Db, id: string, paRequestId: string, pended: boolean): Promise<void> {
  await db.update(pasRequests).set({ paRequestId, pended }).where(eq(pasRequests.id, id));
}

/** An item that opened no case is not kept: a resubmission is judged afresh. */
export async function releasePasItem(db: Db, id: string): Promise<void> {
  await db.delete(pasRequests).where(eq(pasRequests.id, id));
}

export async function insertSubscription(db: Db, row: typeof fhirSubscriptions.$inferInsert): Promise<SubscriptionRow> {
  const [created] = await db.insert(fhirSubscriptions).values(row).returning();
  return created;
}

export async function findSubscription(db: Db, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await db.select().from(fhirSubscriptions).where(eq(fhirSubscriptions.id, id)).limit(1);
  return row;
}

export function listSubscriptions(db: Db, clientId: string) {
  return db
    .select()
    .from(fhirSubscriptions)
    .where(eq(fhirSubscriptions.clientId, clientId))
    .orderBy(fhirSubscriptions.createdAt);
}

export async function setSubscriptionStatus(db: Db, id: string, status: string): Promise<void> {
  await db.update(fhirSubscriptions).set({ status }).where(eq(fhirSubscriptions.id, id));
}

/** Pended items whose decision has not been queued for notification yet. */
export function listUndecidedPendedItems(db: Db): Promise<PasRequestRow[]> {
  return db
    .select()
    .from(pasRequests)
    .where(and(eq(pasRequests.pended, true), isNull(pasRequests.finalStatus), isNotNull(pasRequests.paRequestId)));
}

/**
 * Queues the decision for every active subscription of the submitting client and marks the item
 * decided (each subscription hears of each final status once: unique index).
 */
export async function queueDecision(
  db: Db,
  item: PasRequestRow,
  status: string,
  now: Date,
  newId: () => string,
): Promise<number> {
  const subs = await db
    .select({ id: fhirSubscriptions.id })
    .from(fhirSubscriptions)
    .where(and(eq(fhirSubscriptions.clientId, item.clientId), eq(fhirSubscriptions.status, 'active')));
  let queued = 0;
  if (subs.length) {
    const rows = await db
      .insert(pasNotifications)
      .values(
        subs.map((s) => ({
          id: newId(),
          subscriptionId: s.id,
          pasRequestId: item.id,
          caseStatus: status,
          nextAttemptAt: now,
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: pasNotifications.id });
    queued = rows.length;
  }
  await db.update(pasRequests).set({ finalStatus: status }).where(eq(pasRequests.id, item.id));
  return queued;
}

/** Claims one due notification (SKIP LOCKED: another worker takes the next one) inside the caller's transaction. */
export async function claimDueNotification(db: Db, now: Date): Promise<PasNotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(pasNotifications)
    .where(sql`${pasNotifications.deliveredAt} is null and ${pasNotifications.nextAttemptAt} <= ${now}`)
    .orderBy(pasNotifications.nextAttemptAt)
    .limit(1)
    .for('update', { skipLocked: true });
  return row;
}

export async function findPasRequestById(db: Db, id: string): Promise<PasRequestRow | undefined> {
  const [row] = await db.select().from(pasRequests).where(eq(pasRequests.id, id)).limit(1);
  return row;
}

/** The subscription's next event number (SubscriptionStatus.eventsSinceSubscriptionStart). */
export async function nextEventNumber(db: Db, subscriptionId: string): Promise<number> {
  const [row] = await db
    .update(fhirSubscriptions)
    .set({ eventsSinceStart: sql`${fhirSubscriptions.eventsSinceStart} + 1` })
    .where(eq(fhirSubscriptions.id, subscriptionId))
    .returning({ n: fhirSubscriptions.eventsSinceStart });
  return row.n;
}

export async function recordNotificationAttempt(
  db: Db,
  id: string,
  result: {
    deliveredAt: Date | null;
    eventNumber: number | null;
    nextAttemptAt: Date;
    error: string | null;
    countAttempt: boolean;
  },
): Promise<void> {
  await db
    .update(pasNotifications)
    .set({
      attempts: result.countAttempt ? sql`${pasNotifications.attempts} + 1` : pasNotifications.attempts,
      deliveredAt: result.deliveredAt,
      eventNumber: result.eventNumber,
      nextAttemptAt: result.nextAttemptAt,
      lastError: result.error,
    })
    .where(eq(pasNotifications.id, id));
}
