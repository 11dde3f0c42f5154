import type { Coverage, Patient } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';
import { findMemberById, type MemberRow } from '../../members/index.js';

export interface IdentifiedMember {
  member: MemberRow;
  coverage: Coverage;
}

/** Member ids a Coverage may carry: subscriberId, the member-number identifier, any identifier value. */
function candidateIds(c: Coverage): string[] {
  const ids = [c.subscriberId, ...(c.identifier ?? []).map((i) => i.value)];
  return [...new Set(ids.filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 40))];
}

/**
 * The OpenPBM member behind the EHR's Coverage: the card's member id, confirmed by the patient's
 * date of birth (the Patient is required (a wrong match would disclose another person's benefit).
 */
export async function identifyMember(
  ctx: AppContext,
  coverages: Coverage[],
  patient: Patient | null,
): Promise<IdentifiedMember | null> {
  if (!patient?.birthDate) return null;
  for (const coverage of coverages) {
    for (const id of candidateIds(coverage)) {
      const member = await findMemberById(ctx.database.db, id);
      if (!member) continue;
      if (patient.birthDate !== member.dateOfBirth) continue;
      return { member, coverage };
    }
  }
  return null;
}
