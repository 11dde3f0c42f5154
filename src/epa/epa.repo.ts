import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { preparedPerDb } from '../platform/prepared.js';
import { epaCases, epaMessages, epaNotifications } from './epa.tables.js';

export type EpaMessageRow = typeof epaMessages.$inferSelect;
export type EpaCaseRow = typeof epaCases.$inferSelect;
export type EpaNotificationRow = typeof epaNotifications.$inferSelect;

/**
 * Takes a message for answering: true when this call inserted the row. The unique index on
 * (sender, MessageID) makes a resend or a concurrent twin lose here instead of acting twice.
 */
// Every ePA message is claimed and its case looked up: built once per query layer (platform/prepared.ts).
const claimMessagePrepared = preparedPerDb((db) =>
  db
    .insert(epaMessages)
    .values({
      id: sql.placeholder('id'),
      clientId: sql.placeholder('clientId'),
      messageId: sql.placeholder('messageId'),
      transaction: sql.placeholder('transaction'),
      requestXml: sql.placeholder('requestXml'),
      receivedAt: sql.placeholder('receivedAt'),
    })
    .onConflictDoNothing()
    .returning({ id: epaMessages.id })
    .prepare('epa-claim-message'),
);
const findEpaCasePrepared = preparedPerDb((db) =>
  db
    .select()
    .from(epaCases)
    .where(eq(epaCases.paRequestId, sql.placeholder('paRequestId')))
    .limit(1)
    .prepare('epa-case'),
);

/** A message as it arrives: not yet answered, no case yet. */
export type ArrivingMessage = Pick<
  typeof epaMessages.$inferInsert,
  'id' | 'clientId' | 'messageId' | 'transaction' | 'requestXml' | 'receivedAt'
>;

export async function claimMessage(db: Db, row: ArrivingMessage): Promise<boolean> {
  const inserted = await claimMessagePrepared(db).execute(row);
  return inserted.length === 1;
}

export async function findMessage(db: Db, clientId: string, messageId: string): Promise<EpaMessageRow | undefined> {
  const [row] = await db
    .select()
    .from(epaMessages)
    .where(and(eq(epaMessages.clientId, clientId), eq(epaMessages.messageId, messageId)))
    .limit(1);
  return row;
}

export type EpaCaseInsert = typeof epaCases.$inferInsert;

/**
 * Stores a message's answer, with what it told the sender of its case (`known`) or the ePA case it
 * opens (`opens`; a case already recorded is kept) in the same statement: one round trip (issue #11).
 */
export async function completeMessage(
  db: Db,
  id: string,
  values: { responseXml: string; paRequestId: string | null; answeredAt: Date },
  known?: KnownEvent,
  opens?: EpaCaseInsert,
): Promise<void> {
  if (opens) {
    const opened = db.$with('opened_case').as(db.insert(epaCases).values(opens).onConflictDoNothing());
    await db.with(opened).update(epaMessages).set(values).where(eq(epaMessages.id, id));
    return;
  }
  if (!known || !values.paRequestId) {
    await db.update(epaMessages).set(values).where(eq(epaMessages.id, id));
    return;
  }
  // The answer and what it told the sender of its case, in one statement (one round trip).
  await db.execute(sql`
    with known as (
      update epa_cases set last_event = ${known.event}, settled_at = ${known.settledAt?.toISOString() ?? null}::timestamptz
       where pa_request_id = ${values.paRequestId})
    update epa_messages set response_xml = ${values.responseXml}, pa_request_id = ${values.paRequestId},
           answered_at = ${values.answeredAt.toISOString()}::timestamptz
     where id = ${id}`);
}

/** The case event an answer tells its sender (so no PANotification repeats it); final events settle the case. */
export interface KnownEvent {
  event: string;
  settledAt: Date | null;
}

/** A message that failed for a reason of ours is forgotten, so its resend is answered afresh. */
export async function releaseMessage(db: Db, id: string): Promise<void> {
  await db.delete(epaMessages).where(eq(epaMessages.id, id));
}

export async function findEpaCase(db: Db, paRequestId: string): Promise<EpaCaseRow | undefined> {
  const [row] = await findEpaCasePrepared(db).execute({ paRequestId });
  return row;
}

/** What the sender now knows of the case (answered in a response, or notified); final cases are settled. */
export async function markEventKnown(
  db: Db,
  paRequestId: string,
  event: string,
  settledAt: Date | null,
): Promise<void> {
  await db.update(epaCases).set({ lastEvent: event, settledAt }).where(eq(epaCases.paRequestId, paRequestId));
}

export function listUnsettledCases(db: Db): Promise<EpaCaseRow[]> {
  return db.select().from(epaCases).where(isNull(epaCases.settledAt)).orderBy(epaCases.createdAt);
}

export async function queueNotification(db: Db, row: typeof epaNotifications.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(epaNotifications)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: epaNotifications.id });
  return rows.length === 1;
}

/** Claims one due notification (SKIP LOCKED: another worker takes the next one) inside the caller's transaction. */
export async function claimDueNotification(db: Db, now: Date): Promise<EpaNotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(epaNotifications)
    .where(
      sql`${epaNotifications.deliveredAt} is null and ${epaNotifications.failedAt} is null and ${epaNotifications.nextAttemptAt} <= ${now}`,
    )
    .orderBy(epaNotifications.nextAttemptAt)
    .limit(1)
    .for('update', { skipLocked: true });
  return row;
}

export async function updateNotification(
  db: Db,
  id: string,
  values: Partial<
    Pick<EpaNotificationRow, 'attempts' | 'nextAttemptAt' | 'deliveredAt' | 'failedAt' | 'lastError' | 'log'>
  >,
): Promise<void> {
  await db.update(epaNotifications).set(values).where(eq(epaNotifications.id, id));
}

/** The delivery log of a case's notifications (admin and tests). */
export function listNotifications(db: Db, paRequestId: string): Promise<EpaNotificationRow[]> {
  return db
    .select()
    .from(epaNotifications)
    .where(eq(epaNotifications.paRequestId, paRequestId))
    .orderBy(epaNotifications.createdAt);
}
