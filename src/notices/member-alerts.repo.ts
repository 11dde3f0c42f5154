import { and, desc, eq, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { memberAlerts, memberNotificationPreferences } from './member-alerts.tables.js';

export type MemberAlertRow = typeof memberAlerts.$inferSelect;
export type PreferencesRow = typeof memberNotificationPreferences.$inferSelect;

export async function findPreferences(db: Db, memberId: string): Promise<PreferencesRow | undefined> {
  return (
    await db.select().from(memberNotificationPreferences).where(eq(memberNotificationPreferences.memberId, memberId))
  )[0];
}

/** For a one-statement read (readNoticeParties): the member's stored alert choices as JSON, or null. */
export const preferencesJsonSql = (memberId: string | Placeholder): SQL =>
  sql`(select json_build_object('decisions', p.decisions, 'informationRequests', p.information_requests)
         from member_notification_preferences p where p.member_id = ${memberId})`;

export async function savePreferences(db: Db, row: PreferencesRow): Promise<void> {
  await db
    .insert(memberNotificationPreferences)
    .values(row)
    .onConflictDoUpdate({
      target: memberNotificationPreferences.memberId,
      set: {
        decisions: row.decisions,
        informationRequests: row.informationRequests,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      },
    });
}

export async function insertAlerts(db: Db, rows: Array<typeof memberAlerts.$inferInsert>): Promise<void> {
  if (rows.length) await db.insert(memberAlerts).values(rows);
}

export function listAlertsForMember(db: Db, memberId: string, limit = 50): Promise<MemberAlertRow[]> {
  return db
    .select()
    .from(memberAlerts)
    .where(eq(memberAlerts.memberId, memberId))
    .orderBy(desc(memberAlerts.createdAt), desc(memberAlerts.id))
    .limit(limit);
}

/**
 * Claims the next due alert (one attempt counted) so two sweepers never send one alert twice:
 * the row is locked with SKIP LOCKED and moved to `sending` in one statement.
 */
export async function claimNextAlert(db: Db, now: Date): Promise<MemberAlertRow | undefined> {
  // node-postgres and PGlite both answer execute() with { rows }.
  const rows = (await db.execute(sql`
    UPDATE ${memberAlerts} SET status = 'sending', attempts = attempts + 1
    WHERE id = (
      SELECT id FROM ${memberAlerts}
      WHERE status IN ('queued', 'retrying') AND next_attempt_at <= ${now.toISOString()}
      ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id`)) as unknown as { rows: Array<{ id: string }> };
  const id = rows.rows[0]?.id;
  if (!id) return undefined;
  return (await db.select().from(memberAlerts).where(eq(memberAlerts.id, id)))[0];
}

export async function recordAlertResult(
  db: Db,
  id: string,
  changes: Partial<Pick<MemberAlertRow, 'status' | 'nextAttemptAt' | 'sentAt' | 'lastError' | 'deliveryReference'>>,
): Promise<void> {
  await db
    .update(memberAlerts)
    .set(changes)
    .where(and(eq(memberAlerts.id, id), inArray(memberAlerts.status, ['sending'])));
}
