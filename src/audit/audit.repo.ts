import { and, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { auditEvents } from './audit.tables.js';

/** Failed sign-ins of a username since an instant, not counting those before its last success. */
export async function countSignInFailures(db: Db, username: string, since: Date): Promise<number> {
  const [row] = await db
    .select({
      failures: sql<number>`count(*) filter (where ${auditEvents.action} = 'auth.failed' and ${auditEvents.at} > coalesce(
        (select max(s.at) from audit_events s where s.entity_type = 'user' and s.entity_id = ${username} and s.action = 'auth.signed-in'),
        '-infinity'::timestamptz))::int`,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, username), gte(auditEvents.at, since)));
  return Number(row?.failures ?? 0);
}

export interface AuditEventFilter {
  memberId?: string;
  /** A user's id or username. */
  user?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Rows older than this id (keyset paging, newest first). */
  beforeId?: number;
  limit: number;
}

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** Newest first; one more row than `limit` tells the caller there is a next page. */
export function queryAuditEvents(db: Db, f: AuditEventFilter): Promise<AuditEventRow[]> {
  const where = [
    f.memberId === undefined ? undefined : sql`${f.memberId} = any(${auditEvents.memberIds})`,
    f.user === undefined ? undefined : or(eq(auditEvents.actorId, f.user), eq(auditEvents.actor, f.user)),
    f.from === undefined ? undefined : gte(auditEvents.at, f.from),
    f.to === undefined ? undefined : lt(auditEvents.at, f.to),
    f.beforeId === undefined ? undefined : lt(auditEvents.id, f.beforeId),
  ];
  return db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(f.limit + 1);
}
