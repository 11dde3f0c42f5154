import type { AppContext } from '../../app-context.js';
import { findMemberById, type MemberRow } from '../../members/index.js';
import type { PasBundle } from './parse-pas-bundle.js';

/**
 * The member a PAS Claim is for: a member id on the Coverage (subscriberId, identifier) or the
 * Patient (identifier), confirmed by the Patient's date of birth (X12 278 requires it).
 */
export async function identifyPasMember(ctx: AppContext, parsed: PasBundle): Promise<MemberRow | null> {
  const ids = [
    parsed.coverage?.subscriberId,
    ...(parsed.coverage?.identifier ?? []).map((i) => i.value),
    ...(parsed.patient.identifier ?? []).map((i) => i.value),
  ].filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 40);
  for (const id of new Set(ids)) {
    const member = await findMemberById(ctx.database.db, id);
    if (member && parsed.patient.birthDate === member.dateOfBirth) return member;
  }
  return null;
}
