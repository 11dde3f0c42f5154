/** The ehr-clients module's public API: what other modules may use (its repository and tables stay its own). */
export {
  findActiveEhrClientByApiKeyHash,
  findEhrClientByClientId,
  findEhrClientById,
  recordAssertionJti,
  type EhrClientRow,
} from './ehr-clients.repo.js';
export { activeEhrClientByApiKeyHash, ehrClientById } from './ehr-client-cache.js';
export { epaNotificationHeaders } from './epa-notification-auth.js';
