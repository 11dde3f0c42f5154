import type { AppContext } from '../app-context.js';
import { isStaff, type Principal } from '../platform/roles.js';
import { forbidden, invalid } from '../platform/errors.js';
import { listClaims, type ClaimRow } from './claims.repo.js';
import { findPharmacies, type PharmacyRow } from '../members/index.js';

export function toClaimSummary(c: ClaimRow, pharmacy?: PharmacyRow) {
  return {
    claimId: c.id,
    memberId: c.memberId,
    pharmacyNpi: c.pharmacyNpi,
    /** The prescriber on the prescription: a Part D member's own exception request names them. */
    prescriberNpi: c.prescriberNpi,
    prescriptionNumber: c.prescriptionNumber,
    fillNumber: c.fillNumber,
    dateOfService: c.dateOfService,
    productId: c.productId,
    drugName: c.response.drug?.name ?? null,
    /** The drug-form group an authorization covers: portals match a rejected claim to a later approval. */
    drugGroupId: c.response.drug?.groupId ?? null,
    quantity: Number(c.quantity),
    daysSupply: c.daysSupply,
    transactionStatus: c.transactionStatus,
    reversed: c.reversedAt !== null,
    reversedAt: c.reversedAt?.toISOString() ?? null,
    rejects: c.response.rejects,
    message: c.response.message,
    patientPay: c.patientPay,
    planPay: c.planPay,
    authorizationNumber: c.authorizationNumber,
    ...(c.response.nextSteps ? { nextSteps: c.response.nextSteps } : {}),
    receivedAt: c.receivedAt.toISOString(),
    /** Who filled it, as a member knows the pharmacy: name, address and phone (docs/design.md#words-from-facts). */
    pharmacy: pharmacy
      ? {
          npi: pharmacy.npi,
          name: pharmacy.name,
          phone: pharmacy.phone,
          address:
            [
              pharmacy.addressLine1,
              [pharmacy.city, [pharmacy.state, pharmacy.zip].filter(Boolean).join(' ')].filter(Boolean).join(', '),
            ]
              .filter(Boolean)
              .join(', ') || null,
        }
      : null,
  };
}

/** The claim list as the API answers it: each claim with its pharmacy's name, address and phone. */
export async function listClaimSummaries(
  ctx: AppContext,
  caller: Principal,
  query: { memberId?: string; limit?: number },
) {
  return withPharmacies(ctx, await listClaimsFor(ctx, caller, query));
}

/**
 * A member's claims with dates of service from `since` on, newest first, as the API answers them:
 * for a reviewer weighing a case (the caller's right to read them is the case route's to check).
 */
export async function memberClaimHistory(ctx: AppContext, memberId: string, since: string, limit = 500) {
  return withPharmacies(ctx, await listClaims(ctx.database.db, { memberId, since, limit }));
}

/**
 * A member's paid fills (not reversed) with dates of service from `since` on, newest first: the
 * medication history a prescriber reads while answering a case's questions. `prescriberNpi`
 * keeps to that prescriber's own prescriptions (what a prescriber may see of claims).
 */
export async function memberPaidFills(
  ctx: AppContext,
  memberId: string,
  since: string,
  prescriberNpi: string | undefined,
  limit = 500,
) {
  const paid = await listClaims(ctx.database.db, { memberId, since, prescriberNpi, paidOnly: true, limit });
  return (await withPharmacies(ctx, paid))
    .map((c) => ({
      claimId: c.claimId,
      drugName: c.drugName,
      dateOfService: c.dateOfService,
      daysSupply: c.daysSupply,
      quantity: c.quantity,
      pharmacyName: c.pharmacy?.name ?? null,
    }))
    .sort((a, b) => b.dateOfService.localeCompare(a.dateOfService));
}

async function withPharmacies(ctx: AppContext, rows: ClaimRow[]) {
  const pharmacies = new Map(
    (await findPharmacies(ctx.database.db, [...new Set(rows.map((r) => r.pharmacyNpi))])).map((p) => [p.npi, p]),
  );
  return rows.map((c) => toClaimSummary(c, pharmacies.get(c.pharmacyNpi)));
}

/**
 * Claim history. A member sees only their own claims, a pharmacy only its own, a prescriber
 * only claims for their prescriptions; staff may read any member's (the route's declaration audits the read).
 */
export async function listClaimsFor(ctx: AppContext, caller: Principal, query: { memberId?: string; limit?: number }) {
  const limit = Math.min(query.limit ?? 100, 500);
  const db = ctx.database.db;
  switch (caller.role) {
    case 'member':
      if (query.memberId && query.memberId !== caller.memberId)
        throw forbidden('Members can only see their own claims');
      return listClaims(db, { memberId: caller.memberId!, limit });
    case 'pharmacy':
      return listClaims(db, { memberId: query.memberId, pharmacyNpi: caller.npi!, limit });
    case 'prescriber':
      if (!query.memberId) throw invalid('memberId', 'is required');
      return listClaims(db, { memberId: query.memberId, prescriberNpi: caller.npi!, limit });
    case 'intake':
    case 'reviewer-pharmacist':
    case 'reviewer-physician':
    case 'member-services':
    case 'admin': {
      if (!isStaff(caller)) throw forbidden('Not allowed');
      if (!query.memberId) throw invalid('memberId', 'is required');
      return listClaims(db, { memberId: query.memberId, limit });
    }
  }
}
