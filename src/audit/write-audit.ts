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

function auditRow(entry: AuditEntry) {
  const actor = entry.actor === 'system' ? { username: 'system', role: 'system' } : entry.actor;
  return {
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
  };
}

/** Written in the same transaction as the change it records (pass the transaction as `db`). */
export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await insertAuditEvent(db, auditRow(entry));
}

/**
 * The values of auditEventInsertSql (audit.repo.ts) for an entry: the audit row written in the
 * statement of the change it records, by the module that writes the change.
 */
export function auditParams(entry: AuditEntry): Record<string, unknown> {
  const row = auditRow(entry);
  return {
    auditAt: row.at.toISOString(),
    auditActor: row.actor,
    auditActorId: row.actorId,
    auditActorRole: row.actorRole,
    auditAction: row.action,
    auditEntityType: row.entityType,
    auditEntityId: row.entityId,
    auditMemberIds: row.memberIds,
    auditReason: row.reason,
    auditDetails: row.details === null ? null : JSON.stringify(row.details),
  };
}
