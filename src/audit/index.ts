/** The audit module's public API: what other modules may use (its repository and tables stay its own). */
export { auditEventInsertSql, countSignInFailures } from './audit.repo.js';
export { auditParams, writeAudit, type AuditEntry } from './write-audit.js';
