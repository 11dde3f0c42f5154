/** The claims module's public API: what other modules may use (its repository and tables stay its own). */
export { findClaimById, listClaims, loadMemberBenefits, pruneLongSupplies, type ClaimRow } from './claims.repo.js';
export { claimVolume, type ClaimVolume } from './claim-volume.js';
export {
  decideClaim,
  decideClaimFor,
  payerPlan,
  checkDateOfService,
  TIMELY_FILING_DAYS,
  type ClaimDecision,
} from './decide-claim.js';
export { memberClaimHistory, memberPaidFills } from './list-claims.js';
export { ClaimSummarySchema } from './claims.schemas.js';
