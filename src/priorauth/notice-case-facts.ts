import type { NoticeCaseFacts } from '../notices/notice-case-source.js';
import type { Db } from '../platform/db.js';
import { findCriteriaVersion, findPaRequest } from './priorauth.repo.js';

/** A case as its notices state it (the reader the composition root gives the notices module). */
export async function noticeCaseFacts(db: Db, paRequestId: string): Promise<NoticeCaseFacts | undefined> {
  const pa = await findPaRequest(db, paRequestId);
  if (!pa) return undefined;
  const criteria = await findCriteriaVersion(db, pa.criteriaId, pa.criteriaVersion);
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
