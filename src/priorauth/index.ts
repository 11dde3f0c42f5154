/** The priorauth module's public API: what other modules may use (its repository and tables stay its own). */
export {
  findCriteriaVersion,
  findCurrentCriteria,
  findPaRequest,
  findPaRequestWithDocuments,
  insertHistory,
  listCriteria,
  listHistory,
  type PaRequestRow,
} from './priorauth.repo.js';
export { findCurrentPublishedCriteria, findPublishedCriteria, type PublishedCriteria } from './published-criteria.js';
export { FaxCaseBody } from './priorauth.schemas.js';
