import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { preparedPerDb } from '../platform/prepared.js';
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

// Written with most requests (ePA messages, PHI reads, changes): built once per query layer
// (platform/prepared.ts). The nullable array and JSON go in as typed parameters: Drizzle's
// column encoders, which a placeholder goes through, do not take null for them.
const insertAuditEventPrepared = preparedPerDb((db) =>
  db
    .insert(auditEvents)
    .values({
      at: sql.placeholder('at'),
      actor: sql.placeholder('actor'),
      actorId: sql.placeholder('actorId'),
      actorRole: sql.placeholder('actorRole'),
      action: sql.placeholder('action'),
      entityType: sql.placeholder('entityType'),
      entityId: sql.placeholder('entityId'),
      memberIds: sql`${sql.placeholder('memberIds')}::text[]`,
      reason: sql.placeholder('reason'),
      details: sql`${sql.placeholder('details')}::jsonb`,
    })
    .prepare('audit-event'),
);

/**
 * The insert of one audit row, for a data-modifying CTE of another module's statement, so the row
 * goes in the same round trip as the change it records (issue #11: ePA answers). Its values are
 * the named placeholders auditParams (write-audit.ts) fills: the statement is built once
 * (platform/prepared.ts preparedSql) like insertAuditEventPrepared.
 */
export function auditEventInsertSql(): SQL {
  const p = (name: string) => sql.placeholder(name);
  return sql`insert into audit_events (at, actor, actor_id, actor_role, action, entity_type, entity_id, member_ids, reason, details)
    values (${p('auditAt')}::timestamptz, ${p('auditActor')}, ${p('auditActorId')}, ${p('auditActorRole')}, ${p('auditAction')},
            ${p('auditEntityType')}, ${p('auditEntityId')}, ${p('auditMemberIds')}::text[], ${p('auditReason')}, ${p('auditDetails')}::jsonb)`;
}

export async function insertAuditEvent(
  db: Db,
  row: Omit<typeof auditEvents.$inferInsert, 'id' | 'details' | 'memberIds'> & {
    memberIds: string[] | null;
    details: Record<string, unknown> | null;
  },
): Promise<void> {
  await insertAuditEventPrepared(db).execute({
    ...row,
    actorId: row.actorId ?? null,
    actorRole: row.actorRole ?? null,
    reason: row.reason ?? null,
    details: row.details === null ? null : JSON.stringify(row.details),
  });
}
