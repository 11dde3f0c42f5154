import type { Db } from '../platform/db.js';
import { isRealDate } from '../platform/dates.js';
import { DomainError, type FieldError } from '../platform/errors.js';
import { queryAuditEvents, type AuditEventRow } from './audit.repo.js';
import type { AuditEventView, AuditLogQuery } from './audit.schemas.js';

export type { AuditEventView, AuditLogQuery };

export const toAuditEventView = (r: AuditEventRow): AuditEventView => ({
  id: String(r.id),
  at: r.at.toISOString(),
  actor: r.actor,
  actorId: r.actorId,
  actorRole: r.actorRole,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  memberIds: r.memberIds ?? [],
  reason: r.reason,
  details: r.details ?? null,
});

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A day (YYYY-MM-DD, UTC, as the reports read periods) or an instant with its offset. `to` as a
 * day includes that whole day: the bound becomes the next midnight, exclusive.
 */
function bound(field: 'from' | 'to', value: string | undefined, errors: FieldError[]): Date | undefined {
  if (value === undefined || value === '') return undefined;
  if (isRealDate(value)) {
    const day = new Date(`${value}T00:00:00Z`);
    return field === 'to' ? new Date(day.getTime() + 86_400_000) : day;
  }
  const instant = DATE_TIME.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(instant.getTime()) || !isRealDate(value.slice(0, 10))) {
    errors.push({ path: field, message: 'is not a date (YYYY-MM-DD) or a date-time with its offset' });
    return undefined;
  }
  return instant;
}

/** The cursor is the id of the last row of the previous page: digits only. */
function cursorOf(value: string | undefined, errors: FieldError[]): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,15}$/.test(value)) {
    errors.push({ path: 'cursor', message: 'is not a cursor this API gave' });
    return undefined;
  }
  return Number(value);
}

/**
 * The audit log for an administrator (docs/security.md#audit-log): by member (every row naming
 * the member, a case read included), by user (id or username) and by period; newest first, in
 * pages of `limit` with `nextCursor` for the next. The read itself is audited by its route.
 */
export async function queryAuditLog(
  db: Db,
  q: AuditLogQuery,
  maxLimit: number,
): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
  const errors: FieldError[] = [];
  const from = bound('from', q.from, errors);
  const to = bound('to', q.to, errors);
  const beforeId = cursorOf(q.cursor, errors);
  if (from && to && from.getTime() >= to.getTime()) errors.push({ path: 'to', message: 'must be after from' });
  if (errors.length > 0)
    throw new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  const limit = Math.min(q.limit ?? 100, maxLimit);
  const rows = await queryAuditEvents(db, {
    memberId: q.memberId || undefined,
    user: q.userId || undefined,
    from,
    to,
    beforeId,
    limit,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map(toAuditEventView),
    nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null,
  };
}
