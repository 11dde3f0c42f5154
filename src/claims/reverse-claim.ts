import type { AppContext } from '../app-context.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Principal } from '../platform/roles.js';
import { forbidden, notFound } from '../platform/errors.js';
import { subtractFromAccumulators } from './accumulators.repo.js';
import { findClaimById, markClaimReversed, memberAdjudicationLock, type ClaimRow } from './claims.repo.js';
import { REJECT } from './rules/reject-codes.js';

export interface ReversalResponse {
  claimId: string;
  transactionStatus: 'A' | 'R';
  rejects: Array<{ code: string; description: string }>;
  message: string;
}

/**
 * B2 reversal: voids a paid claim once; anything else is answered R / 87. It takes the member's
 * adjudication lock, so a claim being decided for the member sees the fill either paid or void,
 * never half undone (docs/design.md#serialization).
 */
export async function reverseClaim(ctx: AppContext, caller: Principal, claimId: string): Promise<ReversalResponse> {
  const claim = await findClaimById(ctx.database.db, claimId);
  if (!claim) throw notFound('Claim', claimId);
  return reverseFoundClaim(ctx, caller, claim);
}

/** The reversal of a claim already read (by its id, or by its pharmacy key for a B2). */
export async function reverseFoundClaim(
  ctx: AppContext,
  caller: Principal,
  claim: ClaimRow,
): Promise<ReversalResponse> {
  const claimId = claim.id;
  if (caller.role === 'pharmacy' && claim.pharmacyNpi !== caller.npi)
    throw forbidden('A pharmacy reverses only its own claims');
  const now = ctx.clock.now();
  const reversed = await ctx.database.transaction(async (tx) => {
    const ok = await markClaimReversed(tx.db, claim, now);
    // The claim's share leaves the plan-year totals with it (docs/design.md#accumulators).
    if (ok) await subtractFromAccumulators(tx, claim, now);
    if (ok)
      await writeAudit(tx.db, {
        at: now,
        actor: caller,
        action: 'claim.reversed',
        entityType: 'claim',
        entityId: claimId,
        details: { from: 'P', to: 'reversed' },
      });
    return ok;
  }, memberAdjudicationLock(claim.cardholderId));
  if (reversed)
    return {
      claimId,
      transactionStatus: 'A',
      rejects: [],
      message: 'Reversal accepted: the claim is void and nothing is paid for it.',
    };
  const why = claim.transactionStatus !== 'P' ? 'the claim was not paid' : 'the claim was already reversed';
  return {
    claimId,
    transactionStatus: 'R',
    rejects: [REJECT.REVERSAL_NOT_PROCESSED],
    message: `Reversal not processed: ${why}.`,
  };
}
