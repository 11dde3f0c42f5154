import type { AppContext } from '../app-context.js';
import { findClaimById } from '../claims/index.js';
import { isStaff, type Principal } from '../platform/roles.js';
import { forbidden, notFound } from '../platform/errors.js';
import { decodeTransmission, type DecodedTransmission } from './telecom/decode-transmission.js';
import { bytesToText } from './telecom/separators.js';
import { parseTransmission } from './telecom/transmission.js';
import { listExchangesForClaim } from './ncpdp.repo.js';

export interface ClaimExchange {
  transactionCode: string;
  status: string;
  groupIndex: number;
  channel: string;
  receivedAt: string;
  request: DecodedTransmission;
  response: DecodedTransmission;
}

/**
 * The D.0 transmissions that concerned a claim (billing, duplicate, reversal, rebill), decoded
 * for people. The raw bytes hold PHI as the pharmacy sent it: the pharmacy that sent them and
 * staff may read them (a staff read is audited by the route's declaration); an empty list when the claim came as JSON.
 */
export async function getClaimExchanges(
  ctx: AppContext,
  caller: Principal,
  claimId: string,
): Promise<{ claimId: string; items: ClaimExchange[] }> {
  const db = ctx.database.db;
  const claim = await findClaimById(db, claimId);
  if (!claim) throw notFound('Claim', claimId);
  if (caller.role === 'pharmacy') {
    if (claim.pharmacyNpi !== caller.npi) throw forbidden('Not your claim');
  } else if (!isStaff(caller)) throw forbidden('The raw transmissions are for the pharmacy that sent them and staff');
  const rows = await listExchangesForClaim(db, claimId);
  const decode = (bytes: Buffer) => decodeTransmission(parseTransmission(bytesToText(bytes)));
  return {
    claimId,
    items: rows.map((r) => ({
      transactionCode: r.transactionCode,
      status: r.status,
      groupIndex: r.groupIndex,
      channel: r.channel,
      receivedAt: r.receivedAt.toISOString(),
      request: decode(r.request),
      response: decode(r.response),
    })),
  };
}
