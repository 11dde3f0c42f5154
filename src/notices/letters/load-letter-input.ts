import type { AppContext } from '../../app-context.js';
import { findMemberById, findPharmacy, findPrescriber } from '../../members/index.js';
import { toLocalDate } from '../../platform/clock.js';
import { findNoticeCase } from '../notice-case-source.js';
import type { NoticeRow } from '../notices.repo.js';
import type { LetterInput } from './letter.js';

/**
 * Gathers what a stored notice's letter states: the case's plan (for a carved-out pharmacy
 * benefit, the plan that decided, e.g. Medi-Cal Rx) and its processor from the reference
 * snapshot, the member, prescriber and pharmacy as on file now, the case, and the statements of
 * its criteria. The letter is dated the day the notice was issued in the plan's zone, so a PDF
 * rendered again later says the same dates (and the same appeal deadline).
 */
export async function loadLetterInput(ctx: AppContext, notice: NoticeRow): Promise<LetterInput> {
  const db = ctx.database.db;
  const ref = await ctx.reference.get();
  const pa = notice.paRequestId ? await findNoticeCase(db, notice.paRequestId) : undefined;
  const member = notice.memberId ? await findMemberById(db, notice.memberId) : undefined;
  const planId = pa?.planId ?? member?.planId;
  const plan = planId ? ref.plans.get(planId) : undefined;
  if (!plan) throw new Error(`Notice ${notice.id}: no plan to write the letter for`);
  const prescriberNpi = notice.recipient === 'prescriber' ? notice.recipientId : pa?.prescriberNpi;
  const pharmacyNpi = notice.recipient === 'pharmacy' ? notice.recipientId : pa?.pharmacyNpi;
  return {
    notice,
    plan,
    processor: ref.processors.get(plan.processorId) ?? null,
    member: member ?? null,
    prescriber: (prescriberNpi ? await findPrescriber(db, prescriberNpi) : undefined) ?? null,
    pharmacy: (pharmacyNpi ? await findPharmacy(db, pharmacyNpi) : undefined) ?? null,
    request: pa
      ? { quantity: pa.quantity, daysSupply: pa.daysSupply, urgency: pa.urgency, receivedAt: pa.receivedAt }
      : null,
    criteriaRules: pa?.criteriaRules,
    today: toLocalDate(notice.createdAt, plan.policy.review.timeZone),
  };
}
