import type { AuditEventView } from './query-audit-log.js';

/**
 * One CSV cell (RFC 4180: quoted when it holds a comma, quote or line break). A cell a
 * spreadsheet would read as a formula — starting with =, +, -, @, tab or carriage return — gets
 * a leading apostrophe first (OWASP "CSV Injection"): an audit row carries text users typed.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actor',
  'actor_id',
  'actor_role',
  'action',
  'entity_type',
  'entity_id',
  'member_ids',
  'reason',
  'details',
] as const;

/** The export: a header line, then one line per row (CRLF, as RFC 4180 writes them). */
export function auditEventsCsv(items: readonly AuditEventView[]): string {
  const lines = [AUDIT_CSV_COLUMNS.join(',')];
  for (const e of items)
    lines.push(
      [
        e.id,
        e.at,
        e.actor,
        e.actorId,
        e.actorRole,
        e.action,
        e.entityType,
        e.entityId,
        e.memberIds.join(' '),
        e.reason,
        e.details ? JSON.stringify(e.details) : '',
      ]
        .map(csvCell)
        .join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}
