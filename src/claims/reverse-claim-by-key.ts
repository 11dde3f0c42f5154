import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { forbidden } from '../platform/errors.js';
import { findPaidClaimByKey } from './claims.repo.js';
import { reverseFoundClaim, type ReversalResponse } from './reverse-claim.js';
import { REJECT } from './rules/reject-codes.js';

export interface ClaimKey {
  pharmacyNpi: string;
  prescriptionNumber: string;
  fillNumber: number;
  dateOfService: string;
  /** When given, the paid claim must be for this NDC. */
  productId?: string | null;
}

/** A reversal answer; claimId is null when no paid claim matched the key. */
export type KeyedReversal = Omit<ReversalResponse, 'claimId'> & { claimId: string | null };

/**
 * B2 as pharmacy systems send it: the claim is named by pharmacy + prescription number + fill +
 * date of service (the duplicate key), not by OpenPBM's claim ID. No paid claim → 87.
 */
export async function reverseClaimByKey(ctx: AppContext, caller: Principal, key: ClaimKey): Promise<KeyedReversal> {
  if (caller.role === 'pharmacy' && caller.npi !== key.pharmacyNpi)
    throw forbidden('A pharmacy reverses only its own claims');
  const claim = await findPaidClaimByKey(ctx.database.db, key);
  if (!claim || (key.productId && claim.productId !== key.productId))
    return {
      claimId: null,
      transactionStatus: 'R',
      rejects: [REJECT.REVERSAL_NOT_PROCESSED],
      message: claim
        ? `Reversal not processed: the paid claim for this prescription is for NDC ${claim.productId}, not ${key.productId}.`
        : 'Reversal not processed: no paid claim matches this pharmacy, prescription number, fill number and date of service.',
    };
  return reverseFoundClaim(ctx, caller, claim);
}
