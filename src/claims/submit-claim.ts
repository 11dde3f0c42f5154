import type { AppContext } from '../app-context.js';
import type { TxDatabase } from '../platform/db.js';
import type { ReferenceSnapshot } from '../reference/reference-cache.js';
import type { Principal } from '../platform/roles.js';
import { DomainError, forbidden, type FieldError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { isValidNpi } from '../shared/npi.js';
import type { ClaimRequest, ClaimResponse } from './claim-types.js';
import {
  claimContextCall,
  claimContextOf,
  findPaidClaimByKey,
  insertClaimAtCommit,
  memberAdjudicationLock,
  type ClaimContextRow,
} from './claims.repo.js';
import { decideClaim, firstContextKey } from './decide-claim.js';
import { uniqueViolationTable } from '../platform/db-conflicts.js';
import { isTableOrPartition } from '../platform/month-partitions.js';
import { isRealDate } from '../platform/dates.js';
import { fromCents } from '../shared/money.js';

/**
 * Checks a schema cannot express; every failure names its field (nothing is stored). The date of
 * service is checked against the plan's today once the member is known (decideClaim).
 */
export function validateClaimRequest(req: ClaimRequest): FieldError[] {
  const errors: FieldError[] = [];
  if (!isValidNpi(req.pharmacyNpi)) errors.push({ path: 'pharmacyNpi', message: 'is not a valid NPI (check digit)' });
  if (!isValidNpi(req.prescriberNpi))
    errors.push({ path: 'prescriberNpi', message: 'is not a valid NPI (check digit)' });
  if (!isRealDate(req.dateOfService)) errors.push({ path: 'dateOfService', message: 'is not a real date' });
  const dob = req.patient.dateOfBirth;
  if (!isRealDate(dob)) errors.push({ path: 'patient.dateOfBirth', message: 'is not a real date' });
  else if (dob < '1900-01-01' || (isRealDate(req.dateOfService) && dob > req.dateOfService))
    errors.push({ path: 'patient.dateOfBirth', message: 'is out of range' });
  return errors;
}

function duplicateOf(original: ClaimResponse): ClaimResponse {
  return { ...original, transactionStatus: 'D' };
}

export interface SubmitClaimOptions {
  /**
   * Runs in the claim's own transaction with its answer (paid, rejected or duplicate), after the
   * claim is written and before the commit: what an edge keeps with the claim (the D.0 edge's wire
   * copy) is then committed with it, in the same durable commit, or not at all.
   */
  beforeCommit?: (tx: TxDatabase, answer: ClaimResponse) => void | Promise<void>;
}

/**
 * B1 billing. A resubmission of a paid claim (same pharmacy + Rx number + fill + date of
 * service) returns the original answer as `D` and never pays twice; the partial unique index
 * decides races between concurrent twins. The JSON API and the D.0 edge both come here.
 *
 * Read, decide and insert run in one transaction holding the member's advisory lock
 * (docs/design.md#serialization): at READ COMMITTED, two claims for one member read each other's
 * absence otherwise, and both pay (two pharmacies, same drug, different Rx numbers).
 */
export async function submitClaim(
  ctx: AppContext,
  caller: Principal,
  request: ClaimRequest,
  options: SubmitClaimOptions = {},
): Promise<ClaimResponse> {
  const now = ctx.clock.now();
  const errors = validateClaimRequest(request);
  if (errors.length)
    throw new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  if (caller.role === 'pharmacy' && caller.npi !== request.pharmacyNpi) {
    throw forbidden('A pharmacy submits claims under its own NPI only (201-B1 must be the caller)');
  }
  const reference = await ctx.reference.get();
  // Two round trips on PostgreSQL: `begin`, the member's lock and the claim's context read in one
  // simple query (the read's snapshot is taken after the lock is granted: a statement of its own),
  // then the claim's insert and `commit` in another (insertClaimAtCommit).
  const read = claimContextCall(firstContextKey({ reference, request, now, narrowHistory: true }));
  try {
    return await ctx.database.transaction(
      async (tx) => {
        const answer = await adjudicateAndRecord(
          tx,
          now,
          request,
          reference,
          tx.begun[0] as unknown as ClaimContextRow,
        );
        if (options.beforeCommit) await options.beforeCommit(tx, answer);
        return answer;
      },
      { ...memberAdjudicationLock(request.cardholderId), atBegin: read },
    );
  } catch (error) {
    // A paid twin committed meanwhile (another submission of the same claim, not yet paid when this
    // one read its context): the insert failed on the partial unique index and nothing was kept.
    // The answer is the twin's, as a duplicate.
    // Only the claims table's (its only unique keys: the paid-once index and a fresh id's primary
    // key); another table's, such as the D.0 wire copy written with the commit, stays the error it is.
    if (!isTableOrPartition('claims', uniqueViolationTable(error))) throw error;
    const answer = await ctx.database.transaction(async (tx) => {
      const twin = await findPaidClaimByKey(tx.db, request);
      if (!twin) return null;
      const duplicate = duplicateOf(twin.response);
      if (options.beforeCommit) await options.beforeCommit(tx, duplicate);
      return duplicate;
    });
    if (!answer) throw new DomainError('CONFLICT', 'The claim collided with a concurrent submission; resubmit it');
    return answer;
  }
}

async function adjudicateAndRecord(
  tx: TxDatabase,
  now: Date,
  request: ClaimRequest,
  reference: ReferenceSnapshot,
  firstRead: ClaimContextRow,
): Promise<ClaimResponse> {
  // The same read and decision a coverage check dry-runs (decide-claim.ts); only the insert is extra.
  const { context: claimCtx, result } = await decideClaim(tx, {
    reference,
    request,
    now,
    narrowHistory: true,
    firstContext: claimContextOf(firstRead),
  });
  if (!result) return duplicateOf(claimCtx.duplicate!);

  const claimId = newId('clm', now);
  const response: ClaimResponse = {
    claimId,
    transactionStatus: result.transactionStatus,
    rejects: result.rejects,
    message: result.message,
    authorizationNumber: result.authorizationNumber,
    ...(result.pricing ? { pricing: result.pricing } : {}),
    ...(result.nextSteps ? { nextSteps: result.nextSteps } : {}),
    drug: result.drug ? { rxcui: result.drug.rxcui, name: result.drug.name, groupId: result.drug.groupId } : null,
    ...(result.emergencySupply ? { emergencySupply: true } : {}),
    ...(result.accumulation ? { accumulators: result.accumulation.after } : {}),
  };
  const share =
    result.transactionStatus === 'P' && result.accumulation && claimCtx.member && result.planId
      ? {
          memberId: claimCtx.member.id,
          planId: result.planId,
          planYearStart: result.accumulation.planYearStart,
          deductible: fromCents(result.accumulation.deductibleCents),
          outOfPocket: fromCents(result.accumulation.outOfPocketCents),
        }
      : null;
  // Written with the commit, in its round trip; when paid, added to the accumulators by the same
  // statement (claims.repo.ts).
  insertClaimAtCommit(
    tx,
    {
      id: claimId,
      pharmacyNpi: request.pharmacyNpi,
      prescriptionNumber: request.prescriptionNumber,
      fillNumber: request.fillNumber,
      dateOfService: request.dateOfService,
      cardholderId: request.cardholderId,
      memberId: claimCtx.member?.id ?? null,
      planId: result.planId,
      productId: request.productId,
      rxcui: result.drug?.rxcui ?? null,
      groupId: result.drug?.groupId ?? null,
      ingredient: result.drug?.ingredient ?? null,
      drugClass: result.drug?.drugClass ?? null,
      quantity: String(request.quantityDispensed),
      daysSupply: request.daysSupply,
      prescriberNpi: request.prescriberNpi,
      transactionStatus: result.transactionStatus,
      rejectCodes: result.rejects.map((r) => r.code),
      authorizationNumber: result.authorizationNumber,
      supplyKind: result.transactionStatus === 'P' && result.emergencySupply ? 'emergency' : null,
      patientPay: result.pricing?.patientPay ?? null,
      planPay: result.pricing?.planPay ?? null,
      deductibleApplied: result.pricing?.deductibleApplied ?? null,
      planYearStart: result.accumulation?.planYearStart ?? null,
      request,
      response,
      receivedAt: now,
    },
    share,
  );
  return response;
}
