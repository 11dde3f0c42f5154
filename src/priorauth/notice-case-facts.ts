import type { NoticeCaseFacts } from '../notices/notice-case-source.js';
import type { Db } from '../platform/db.js';
import {
  findCriteriaVersion,
  findPaRequest,
  findPaRequests,
  type CriteriaSetRow,
  type PaRequestRow,
} from './priorauth.repo.js';

function factsOf(pa: PaRequestRow, criteria: CriteriaSetRow | undefined): NoticeCaseFacts {
  return {
    memberId: pa.memberId,
    prescriberNpi: pa.prescriberNpi,
    pharmacyNpi: pa.pharmacyNpi,
    planId: pa.planId,
    quantity: pa.quantity,
    daysSupply: pa.daysSupply,
    urgency: pa.urgency,
    receivedAt: pa.receivedAt,
    criteriaRules: criteria ? Object.fromEntries(criteria.body.rules.map((r) => [r.id, r.text])) : undefined,
  };
}

/** A case as its notices state it (the reader the composition root gives the notices module). */
export async function noticeCaseFacts(db: Db, paRequestId: string): Promise<NoticeCaseFacts | undefined> {
  const pa = await findPaRequest(db, paRequestId);
  if (!pa) return undefined;
  return factsOf(pa, await findCriteriaVersion(db, pa.criteriaId, pa.criteriaVersion));
}

/**
 * noticeCaseFacts for several cases (a delivery batch's letters): the cases in one read, then each
 * criteria version they cite once (a batch's cases mostly share one).
 */
export async function noticeCasesFacts(db: Db, paRequestIds: string[]): Promise<Map<string, NoticeCaseFacts>> {
  const cases = await findPaRequests(db, paRequestIds);
  const criteria = new Map<string, CriteriaSetRow | undefined>();
  for (const pa of cases) {
    const key = `${pa.criteriaId}\u0000${pa.criteriaVersion}`;
    if (!criteria.has(key)) criteria.set(key, await findCriteriaVersion(db, pa.criteriaId, pa.criteriaVersion));
  }
  return new Map(cases.map((pa) => [pa.id, factsOf(pa, criteria.get(`${pa.criteriaId}\u0000${pa.criteriaVersion}`))]));
}
