import type { Principal } from '../platform/roles.js';
import type { Db } from '../platform/db.js';
import { insertAuditEvent } from './audit.repo.js';

export interface AuditEntry {
  at: Date;
  actor: Principal | { username: string; role: string; userId?: string } | 'system';
  action: string;
  entityType: string;
  entityId: string;
  /** The members the row concerns, so the log can be queried by member. */
  memberIds?: readonly string[];
  /** Why-code of a PHI read (the route's declared purpose). */
  reason?: string;
  details?: Record<string, unknown>;
}

/** Written in the same transaction as the change it records (pass the transaction as `db`). */
export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  const actor = entry.actor === 'system' ? { username: 'system', role: 'system' } : entry.actor;
  await insertAuditEvent(db, {
    at: entry.at,
    actor: actor.username,
    actorId: 'userId' in actor && actor.userId ? actor.userId : null,
    actorRole: actor.role,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    memberIds: entry.memberIds && entry.memberIds.length > 0 ? [...entry.memberIds] : null,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
  });
}
