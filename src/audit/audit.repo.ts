import { and, eq, gte, sql } from 'drizzle-orm';
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
