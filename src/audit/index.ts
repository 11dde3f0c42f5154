/** The audit module's public API: what other modules may use (its repository and tables stay its own). */
export { countSignInFailures } from './audit.repo.js';
export { writeAudit } from './write-audit.js';
