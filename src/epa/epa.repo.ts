import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { auditEventInsertSql, auditParams, type AuditEntry } from '../audit/index.js';
import { preparedPerDb, preparedSql } from '../platform/prepared.js';
import { epaCases, epaMessages, epaNotifications } from './epa.tables.js';

export type EpaMessageRow = typeof epaMessages.$inferSelect;
export type EpaCaseRow = typeof epaCases.$inferSelect;
export type EpaNotificationRow = typeof epaNotifications.$inferSelect;

// Read by PARequest, PAAppealRequest and PACancelRequest when no claim went first (tests, tools).
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

// Every ePA message is claimed: built once (platform/prepared.ts).
const claimMessageStatement = preparedSql<{ taken: string | null } & Record<string, string | null>>(
  'epa-claim-message-and-case',
  () => sql`
    with claimed as (
      insert into epa_messages (id, client_id, message_id, transaction, request_xml, received_at)
      values (${sql.placeholder('id')}, ${sql.placeholder('clientId')}, ${sql.placeholder('messageId')},
              ${sql.placeholder('transaction')}, ${sql.placeholder('requestXml')}, ${sql.placeholder('receivedAt')}::timestamptz)
      on conflict do nothing
      returning id)
    select (select id from claimed) as taken, c.pa_request_id, c.client_id, c.prescriber_npi, c.endpoint,
           c.initiation_message_id, c.last_event, c.settled_at::text as settled_at, c.created_at::text as created_at
      from (select 1) one
      left join epa_cases c on c.pa_request_id = ${sql.placeholder('caseId')}::text`,
);

/**
 * Takes a message for answering: `taken` when this call inserted the row. The unique index on
 * (sender, MessageID) makes a resend or a concurrent twin lose here instead of acting twice.
 * A message about a case (PARequest, PAAppealRequest, PACancelRequest) reads the ePA case it
 * names in the same statement (`epaCase`, null when there is none): one round trip fewer (issue #11).
 */
export async function claimMessage(
  db: Db,
  row: ArrivingMessage,
  /** The PAReferenceID of a message about a case. */
  caseId?: string,
): Promise<{ taken: boolean; epaCase?: EpaCaseRow | null }> {
  const {
    rows: [r],
  } = await claimMessageStatement(db, {
    ...row,
    receivedAt: row.receivedAt.toISOString(),
    caseId: caseId ?? null,
  });
  const taken = r.taken !== null;
  if (caseId === undefined) return { taken };
  if (r.pa_request_id === null) return { taken, epaCase: null };
  return {
    taken,
    epaCase: {
      paRequestId: r.pa_request_id,
      clientId: r.client_id!,
      prescriberNpi: r.prescriber_npi!,
      endpoint: r.endpoint,
      initiationMessageId: r.initiation_message_id!,
      lastEvent: r.last_event!,
      settledAt: r.settled_at === null ? null : new Date(r.settled_at),
      createdAt: new Date(r.created_at!),
    },
  };
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

const p = (name: string) => sql.placeholder(name);
/** The answer's own update, the last part of each completeMessage statement. */
const answered = () =>
  sql`update epa_messages set response_xml = ${p('responseXml')}, pa_request_id = ${p('paRequestId')}::text,
             answered_at = ${p('answeredAt')}::timestamptz
       where id = ${p('id')}`;

// Every ePA message is answered with one of these: each built once (platform/prepared.ts), with
// the message's audit row in the same statement (auditEventInsertSql).
const completeStatement = preparedSql(
  'epa-complete-message',
  () => sql`with audit as (${auditEventInsertSql()}) ${answered()}`,
);
const completeKnownStatement = preparedSql(
  'epa-complete-message-known',
  () => sql`
    with known as (
      update epa_cases set last_event = ${p('event')}, settled_at = ${p('settledAt')}::timestamptz
       where pa_request_id = ${p('paRequestId')}::text),
    audit as (${auditEventInsertSql()})
    ${answered()}`,
);
const completeOpensStatement = preparedSql(
  'epa-complete-message-opens',
  () => sql`
    with opened_case as (
      insert into epa_cases (pa_request_id, client_id, prescriber_npi, endpoint, initiation_message_id, last_event, settled_at, created_at)
      values (${p('casePaRequestId')}, ${p('caseClientId')}, ${p('casePrescriberNpi')}, ${p('caseEndpoint')},
              ${p('caseInitiationMessageId')}, ${p('caseLastEvent')}, ${p('caseSettledAt')}::timestamptz, ${p('caseCreatedAt')}::timestamptz)
      on conflict do nothing),
    audit as (${auditEventInsertSql()})
    ${answered()}`,
);

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/**
 * Stores a message's answer, with what it told the sender of its case (`known`) or the ePA case it
 * opens (`opens`; a case already recorded is kept), and the message's audit row, in the same
 * statement: one round trip (issue #11).
 */
export async function completeMessage(
  db: Db,
  id: string,
  values: { responseXml: string; paRequestId: string | null; answeredAt: Date },
  audit: AuditEntry,
  known?: KnownEvent,
  opens?: EpaCaseInsert,
): Promise<void> {
  const common = {
    id,
    responseXml: values.responseXml,
    paRequestId: values.paRequestId,
    answeredAt: values.answeredAt.toISOString(),
    ...auditParams(audit),
  };
  if (opens) {
    await completeOpensStatement(db, {
      ...common,
      casePaRequestId: opens.paRequestId,
      caseClientId: opens.clientId,
      casePrescriberNpi: opens.prescriberNpi,
      caseEndpoint: opens.endpoint ?? null,
      caseInitiationMessageId: opens.initiationMessageId,
      caseLastEvent: opens.lastEvent,
      caseSettledAt: iso(opens.settledAt),
      caseCreatedAt: opens.createdAt.toISOString(),
    });
    return;
  }
  if (!known || !values.paRequestId) {
    await completeStatement(db, common);
    return;
  }
  await completeKnownStatement(db, { ...common, event: known.event, settledAt: iso(known.settledAt) });
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
