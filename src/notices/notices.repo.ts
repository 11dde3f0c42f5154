import { and, asc, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import type { PgPreparedQuery, PreparedQueryConfig } from 'drizzle-orm/pg-core';
import { encodeRow, placeholderRow, preparedByShape, preparedSql, rowShape, shapeOf } from '../platform/prepared.js';
import { memberContactJsonSql, pharmacyFaxSql, prescriberFaxSql, type MemberContact } from '../members/index.js';
import { preferencesJsonSql } from './member-alerts.repo.js';
import { memberAlerts } from './member-alerts.tables.js';
import { notices } from './notices.tables.js';

export type NoticeRow = typeof notices.$inferSelect;

export async function insertNotices(db: Db, rows: Array<typeof notices.$inferInsert>): Promise<void> {
  if (rows.length) await db.insert(notices).values(rows);
}

/**
 * The notices of an event and the member's alerts about it in one statement (issue #11: one round
 * trip, not two): the alerts go in through a data-modifying CTE.
 */
export async function insertNoticesAndAlerts(
  db: Db,
  rows: Array<typeof notices.$inferInsert>,
  alerts: Array<typeof memberAlerts.$inferInsert>,
): Promise<void> {
  if (!alerts.length) return insertNotices(db, rows);
  if (!rows.length) return void (await db.insert(memberAlerts).values(alerts));
  // Every decision's: built and prepared once per shape (platform/prepared.ts, issue #11).
  const values: Record<string, unknown> = {};
  let key = '';
  alerts.forEach((a, i) => (encodeRow(memberAlerts, `a${i}.`, a, values), (key += `a:${rowShape(a)}|`)));
  rows.forEach((n, i) => (encodeRow(notices, `n${i}.`, n, values), (key += `n:${rowShape(n)}|`)));
  const [alertShapes, noticeShapes] = [alerts.map(shapeOf), rows.map(shapeOf)];
  const prepared = insertNoticesAndAlertsPrepared(db, key, (layer, name) => {
    const queued = layer
      .$with('queued_alerts')
      .as(layer.insert(memberAlerts).values(alertShapes.map((a, i) => placeholderRow(`a${i}.`, a))));
    return layer
      .with(queued)
      .insert(notices)
      .values(noticeShapes.map((n, i) => placeholderRow(`n${i}.`, n)))
      .prepare(name);
  });
  await prepared.execute(values);
}

const insertNoticesAndAlertsPrepared = preparedByShape<PgPreparedQuery<PreparedQueryConfig>>('notices-alerts-insert');

/** Who an event's notices go to, as readNoticeParties finds them (null: not asked for, or no such record). */
export interface NoticeParties {
  member: MemberContact | null;
  prescriberFax: string | null;
  pharmacyFax: string | null;
  /** The member's stored alert choices (asked for with `preferences`); null when none are stored. */
  preferences: { decisions: string[]; informationRequests: string[] } | null;
}

type Json<T> = T | string | null;
/** node-postgres parses json columns; PGlite through drizzle's execute may hand back the text. */
const parsed = <T>(value: Json<T>): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * What queueNotices needs to address an event's notices and alerts, in one statement instead of
 * one per recipient and one for the alert preferences (issue #11): each part only when asked for.
 */
export async function readNoticeParties(
  db: Db,
  ask: { memberId?: string; prescriberNpi?: string; pharmacyNpi?: string; preferences?: boolean },
): Promise<NoticeParties> {
  const result = await noticePartiesStatement(
    !!ask.memberId,
    !!ask.prescriberNpi,
    !!ask.pharmacyNpi,
    !!ask.memberId && !!ask.preferences,
  )(db, { memberId: ask.memberId, prescriberNpi: ask.prescriberNpi, pharmacyNpi: ask.pharmacyNpi });
  const r = result.rows[0];
  return {
    member: parsed(r.member),
    prescriberFax: r.prescriber_fax,
    pharmacyFax: r.pharmacy_fax,
    preferences: parsed(r.preferences),
  };
}

interface NoticePartiesRow {
  member: Json<MemberContact>;
  prescriber_fax: string | null;
  pharmacy_fax: string | null;
  preferences: Json<NoticeParties['preferences']>;
}

/** readNoticeParties' statement for the parts asked, its text rendered once (preparedSql, issue #11). */
const noticePartiesStatements = new Map<string, ReturnType<typeof preparedSql<NoticePartiesRow>>>();
function noticePartiesStatement(member: boolean, prescriber: boolean, pharmacy: boolean, preferences: boolean) {
  const key = `${+member}${+prescriber}${+pharmacy}${+preferences}`;
  let statement = noticePartiesStatements.get(key);
  if (!statement) {
    const none = sql`null`;
    const memberId = sql.placeholder('memberId');
    statement = preparedSql<NoticePartiesRow>(
      `notice-parties:${key}`,
      () => sql`
    select ${member ? memberContactJsonSql(memberId) : none} as member,
           ${prescriber ? prescriberFaxSql(sql.placeholder('prescriberNpi')) : none} as prescriber_fax,
           ${pharmacy ? pharmacyFaxSql(sql.placeholder('pharmacyNpi')) : none} as pharmacy_fax,
           ${preferences ? preferencesJsonSql(memberId) : none} as preferences`,
    );
    noticePartiesStatements.set(key, statement);
  }
  return statement;
}

export function listNoticesForRequest(db: Db, paRequestId: string): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(eq(notices.paRequestId, paRequestId))
    .orderBy(asc(notices.createdAt), asc(notices.id));
}

/**
 * The SQL piece for another module's one-statement read of a case (priorauth's readCaseDetails):
 * listNoticesForRequest's rows and order as a JSON array, with the fields a case view shows.
 * `paRequestId` is an expression of the caller's statement, e.g. `r.id`.
 */
export function caseNoticesJsonSql(paRequestId: string): string {
  return `(select coalesce(json_agg(json_build_object('id', n.id, 'kind', n.kind, 'recipient', n.recipient,
            'channel', n.channel, 'language', n.language, 'status', n.status, 'attempts', n.attempts,
            'createdAt', n.created_at) order by n.created_at, n.id), '[]'::json)
       from notices n where n.pa_request_id = ${paRequestId})`;
}

/** A notice as caseNoticesJsonSql states it (createdAt as the JSON text of the timestamp). */
export interface CaseNoticeJson {
  id: string;
  kind: string;
  recipient: string;
  channel: string;
  language: string;
  status: string;
  attempts: number;
  createdAt: string;
}

export async function findNotice(db: Db, id: string): Promise<NoticeRow | undefined> {
  return (await db.select().from(notices).where(eq(notices.id, id)).limit(1))[0];
}

/** How long a sender holds a notice it is sending; a fax or an e-mail hand-off takes seconds. */
export const SENDING_LEASE_MS = 15 * 60_000;

/** Due for an attempt: queued or retrying and due, or `sending` under a lease that ran out (the sender died). */
const deliverable = (now: Date) =>
  or(
    and(inArray(notices.status, ['queued', 'retrying']), lte(notices.nextAttemptAt, now)),
    and(eq(notices.status, 'sending'), lte(notices.claimedUntil, now)),
  );

/** Notices whose next delivery attempt is due (fax, e-mail, portal; mail goes by print batch). */
export function selectDeliverableNotices(db: Db, now: Date, limit: number): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(and(inArray(notices.channel, ['fax', 'email', 'portal']), deliverable(now)))
    .orderBy(asc(notices.nextAttemptAt))
    .limit(limit);
}

/** A claim's changes: one more attempt, under a lease until `now` + SENDING_LEASE_MS. */
const claimFor = (now: Date) => ({
  status: 'sending',
  attempts: sql`${notices.attempts} + 1`,
  claimedUntil: new Date(now.getTime() + SENDING_LEASE_MS),
});

/**
 * Claims a notice for one attempt (status → sending, under a lease until `now` + SENDING_LEASE_MS)
 * so two workers never send it at once; a conditional update, so of two workers reclaiming an
 * expired lease only one wins.
 */
export async function claimNoticeForDelivery(db: Db, id: string, now: Date): Promise<NoticeRow | undefined> {
  const rows = await db
    .update(notices)
    .set(claimFor(now))
    .where(and(eq(notices.id, id), deliverable(now)))
    .returning();
  return rows[0];
}

/**
 * claimNoticeForDelivery for the next `limit` due notices (fax, e-mail, portal; mail goes by print
 * batch), oldest due first, in one statement instead of a read and a claim per notice (issue #15:
 * the delivery sweep's statements were part of a fax's cost). Rows another worker's claim holds
 * at that moment are skipped, not waited for: that worker is sending them.
 */
export async function claimDeliverableNotices(db: Db, now: Date, limit: number): Promise<NoticeRow[]> {
  const due = db
    .select({ id: notices.id })
    .from(notices)
    .where(and(inArray(notices.channel, ['fax', 'email', 'portal']), deliverable(now)))
    .orderBy(asc(notices.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(notices)
    .set(claimFor(now))
    .where(and(inArray(notices.id, due), deliverable(now)))
    .returning();
  // An update returns its rows in no set order: oldest due first, as they were selected.
  const dueAt = (n: NoticeRow) => n.nextAttemptAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return rows.sort((a, b) => dueAt(a) - dueAt(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Extends the lease on the notices of a batch its sender still holds (the same lease end it
 * claimed them with) to `now` + SENDING_LEASE_MS; returns the ids still held. A notice whose lease
 * ran out and another worker took over is not returned, so its sender skips it rather than send it
 * a second time.
 */
export async function renewNoticeLeases(
  db: Db,
  ids: readonly string[],
  claimedUntil: Date,
  now: Date,
): Promise<{ held: Set<string>; claimedUntil: Date }> {
  const renewed = new Date(now.getTime() + SENDING_LEASE_MS);
  if (ids.length === 0) return { held: new Set(), claimedUntil: renewed };
  const rows = await db
    .update(notices)
    .set({ claimedUntil: renewed })
    .where(and(inArray(notices.id, [...ids]), eq(notices.status, 'sending'), eq(notices.claimedUntil, claimedUntil)))
    .returning({ id: notices.id });
  return { held: new Set(rows.map((r) => r.id)), claimedUntil: renewed };
}

/**
 * Gives back the notices of a batch its sender claimed but did not try to send (it is stopping, or
 * the batch ended on an error): each is due again at once, for any worker, with the attempt its
 * claim counted taken back (a notice never tried has not used one of its attempts) and the status
 * it was claimed from (`queued` before its first attempt, `retrying` after). Only notices still
 * held under `claimedUntil` change; the count of those given back is returned. Without this, a
 * stopping worker left up to a batch of unsent letters waiting out their lease (SENDING_LEASE_MS).
 */
export async function releaseNoticeLeases(
  db: Db,
  ids: readonly string[],
  claimedUntil: Date,
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .update(notices)
    .set({
      status: sql`case when ${notices.attempts} > 1 then 'retrying' else 'queued' end`,
      attempts: sql`greatest(${notices.attempts} - 1, 0)`,
      claimedUntil: null,
      nextAttemptAt: sql`least(coalesce(${notices.nextAttemptAt}, ${now.toISOString()}::timestamptz), ${now.toISOString()}::timestamptz)`,
    })
    .where(and(inArray(notices.id, [...ids]), eq(notices.status, 'sending'), eq(notices.claimedUntil, claimedUntil)))
    .returning({ id: notices.id });
  return rows.length;
}

/**
 * Records an attempt's outcome for the sender that holds the lease (`claim` is the row its claim
 * returned). False when the lease had run out and another worker took the notice over: that
 * worker's outcome stands.
 */
export async function recordDeliveryResult(
  db: Db,
  claim: Pick<NoticeRow, 'id' | 'claimedUntil'>,
  changes: {
    status: string;
    nextAttemptAt?: Date | null;
    sentAt?: Date | null;
    lastError?: string | null;
    deliveryReference?: string | null;
  },
): Promise<boolean> {
  const { deliveryReference, ...rest } = changes;
  const rows = await db
    .update(notices)
    .set({ ...rest, claimedUntil: null, ...(deliveryReference !== undefined ? { deliveryReference } : {}) })
    .where(
      and(
        eq(notices.id, claim.id),
        eq(notices.status, 'sending'),
        claim.claimedUntil ? eq(notices.claimedUntil, claim.claimedUntil) : undefined,
      ),
    )
    .returning({ id: notices.id });
  return rows.length === 1;
}

// A sent letter's outcome, once a letter in the delivery sweep: its text is rendered once for the
// process (platform/prepared.ts) rather than built by Drizzle for every letter.
const recordSentStatement = preparedSql<{ id: string }>(
  'notice-sent',
  () => sql`
    update notices
       set status = ${sql.placeholder('status')}, sent_at = ${sql.placeholder('sentAt')}::timestamptz,
           last_error = null, next_attempt_at = null, claimed_until = null,
           delivery_reference = ${sql.placeholder('deliveryReference')}
     where id = ${sql.placeholder('id')} and status = 'sending'
       and claimed_until = ${sql.placeholder('claimedUntil')}::timestamptz
    returning id`,
);

/**
 * recordDeliveryResult for a letter sent or delivered (status `sent` or `delivered`, no error, no
 * next attempt), by the sender whose claim holds a lease; the same row change and the same answer.
 */
export async function recordDeliverySent(
  db: Db,
  claim: Pick<NoticeRow, 'id' | 'claimedUntil'>,
  outcome: { status: 'sent' | 'delivered'; sentAt: Date; deliveryReference: string | null },
): Promise<boolean> {
  if (!claim.claimedUntil) {
    return recordDeliveryResult(db, claim, { ...outcome, lastError: null, nextAttemptAt: null });
  }
  const { rows } = await recordSentStatement(db, {
    id: claim.id,
    status: outcome.status,
    sentAt: outcome.sentAt.toISOString(),
    deliveryReference: outcome.deliveryReference,
    claimedUntil: claim.claimedUntil.toISOString(),
  });
  return rows.length === 1;
}

/** Mailed letters not yet in a print batch, oldest first. */
export function selectUnbatchedMail(db: Db, limit: number): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(and(eq(notices.channel, 'mail'), eq(notices.status, 'queued')))
    .orderBy(asc(notices.createdAt))
    .limit(limit);
}

export async function markBatched(db: Db, ids: string[], batch: string, at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notices)
    .set({ status: 'sent', sentAt: at, deliveryReference: batch, attempts: sql`${notices.attempts} + 1` })
    .where(inArray(notices.id, ids));
}

export function listNotices(
  db: Db,
  filter: {
    paRequestId?: string;
    appealId?: string;
    memberId?: string;
    /** The letters addressed to one party (a pharmacy's own letters): newest first. */
    addressedTo?: { recipient: 'pharmacy'; recipientId: string };
  },
): Promise<NoticeRow[]> {
  const to = filter.addressedTo;
  return db
    .select()
    .from(notices)
    .where(
      and(
        filter.paRequestId ? eq(notices.paRequestId, filter.paRequestId) : undefined,
        filter.appealId ? eq(notices.appealId, filter.appealId) : undefined,
        filter.memberId ? eq(notices.memberId, filter.memberId) : undefined,
        to ? and(eq(notices.recipient, to.recipient), eq(notices.recipientId, to.recipientId)) : undefined,
      ),
    )
    .orderBy(...(to ? [desc(notices.createdAt), desc(notices.id)] : [asc(notices.createdAt), asc(notices.id)]))
    .limit(500);
}
