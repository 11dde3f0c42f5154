/**
 * Authorizations: what an approval creates and what claims and coverage checks honour. This
 * module owns the `authorizations` table; other modules use these functions.
 */
export { formatAuthorizationNumber, hasValidCheckDigit } from './authorization-number.js';
export {
  activeAuthorizationsJsonSql,
  caseAuthorizationJsonSql,
  DRAW_AUTHORIZATION_SERIAL,
  serialDrawn,
  findActiveAuthorization,
  findAuthorizationByNumber,
  revokeAuthorization,
  type AuthorizationRow,
} from './authorizations.repo.js';
export {
  createAuthorization,
  grantPeriod,
  issueAuthorization,
  type AuthorizationGrant,
} from './create-authorization.js';
export { authorizationPeriod, effectiveToProblem, type AuthorizationPeriod } from './rules/authorization-period.js';
