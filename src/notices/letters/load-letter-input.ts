import type { AppContext } from '../../app-context.js';
import {
  findMemberById,
  findMembersByIds,
  findPharmacies,
  findPharmacy,
  findPrescriber,
  findPrescribers,
  type MemberRow,
  type PharmacyRow,
  type PrescriberRow,
} from '../../members/index.js';
import { toLocalDate } from '../../platform/clock.js';
import type { ReferenceSnapshot } from '../../reference/reference-cache.js';
import { findNoticeCase, findNoticeCases, type NoticeCaseFacts } from '../notice-case-source.js';
import type { NoticeRow } from '../notices.repo.js';
import type { LetterInput } from './letter.js';

/** The NPIs a notice's letter names: its own recipient's, else the case's. */
const prescriberNpiOf = (notice: NoticeRow, pa: NoticeCaseFacts | undefined) =>
  notice.recipient === 'prescriber' ? notice.recipientId : pa?.prescriberNpi;
const pharmacyNpiOf = (notice: NoticeRow, pa: NoticeCaseFacts | undefined) =>
  notice.recipient === 'pharmacy' ? notice.recipientId : pa?.pharmacyNpi;

/** A letter's input from what was read for it (loadLetterInput, loadLetterInputs). */
function letterInputFrom(
  ref: ReferenceSnapshot,
  notice: NoticeRow,
  pa: NoticeCaseFacts | undefined,
  member: MemberRow | undefined,
  prescriber: PrescriberRow | undefined,
  pharmacy: PharmacyRow | undefined,
): LetterInput {
  const planId = pa?.planId ?? member?.planId;
  const plan = planId ? ref.plans.get(planId) : undefined;
  if (!plan) throw new Error(`Notice ${notice.id}: no plan to write the letter for`);
  return {
    notice,
    plan,
    processor: ref.processors.get(plan.processorId) ?? null,
    member: member ?? null,
    prescriber: prescriber ?? null,
    pharmacy: pharmacy ?? null,
    request: pa
      ? { quantity: pa.quantity, daysSupply: pa.daysSupply, urgency: pa.urgency, receivedAt: pa.receivedAt }
      : null,
    criteriaRules: pa?.criteriaRules,
    today: toLocalDate(notice.createdAt, plan.policy.review.timeZone),
  };
}

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
  const prescriberNpi = prescriberNpiOf(notice, pa);
  const pharmacyNpi = pharmacyNpiOf(notice, pa);
  return letterInputFrom(
    ref,
    notice,
    pa,
    member,
    prescriberNpi ? await findPrescriber(db, prescriberNpi) : undefined,
    pharmacyNpi ? await findPharmacy(db, pharmacyNpi) : undefined,
  );
}

/**
 * loadLetterInput for a delivery batch's notices: each kind of record read once for the batch
 * (cases, members, prescribers, pharmacies: five or six statements whatever the batch's size)
 * instead of four or five reads a letter, which were a fifth of the jobs process's CPU in bench:pa.
 * By notice id: the input, or the error that notice's letter cannot be written for (no plan, or
 * the reads failed), which its delivery attempt reports.
 */
export async function loadLetterInputs(
  ctx: AppContext,
  notices: NoticeRow[],
): Promise<Map<string, LetterInput | Error>> {
  const out = new Map<string, LetterInput | Error>();
  if (notices.length === 0) return out;
  const db = ctx.database.db;
  const distinct = (values: Array<string | null | undefined>) => [...new Set(values.filter((v): v is string => !!v))];
  try {
    const ref = await ctx.reference.get();
    const cases = await findNoticeCases(db, distinct(notices.map((n) => n.paRequestId)));
    const caseOf = (n: NoticeRow) => (n.paRequestId ? cases.get(n.paRequestId) : undefined);
    const [members, prescribers, pharmacies] = [
      new Map((await findMembersByIds(db, distinct(notices.map((n) => n.memberId)))).map((m) => [m.id, m])),
      new Map(
        (await findPrescribers(db, distinct(notices.map((n) => prescriberNpiOf(n, caseOf(n)))))).map((p) => [p.npi, p]),
      ),
      new Map(
        (await findPharmacies(db, distinct(notices.map((n) => pharmacyNpiOf(n, caseOf(n)))))).map((p) => [p.npi, p]),
      ),
    ];
    for (const n of notices) {
      const pa = caseOf(n);
      const prescriberNpi = prescriberNpiOf(n, pa);
      const pharmacyNpi = pharmacyNpiOf(n, pa);
      try {
        out.set(
          n.id,
          letterInputFrom(
            ref,
            n,
            pa,
            n.memberId ? members.get(n.memberId) : undefined,
            prescriberNpi ? prescribers.get(prescriberNpi) : undefined,
            pharmacyNpi ? pharmacies.get(pharmacyNpi) : undefined,
          ),
        );
      } catch (err) {
        out.set(n.id, err instanceof Error ? err : new Error(String(err)));
      }
    }
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    for (const n of notices) out.set(n.id, error);
  }
  return out;
}
