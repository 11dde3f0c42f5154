import type { AppContext } from '../app-context.js';
import { isRealDate } from '../platform/dates.js';
import { otherProcessorOf } from '../plans/index.js';
import type { Principal } from '../platform/roles.js';
import { forbidden, invalid, notFound } from '../platform/errors.js';
import { findMemberById, searchMembers, servesMember, type MemberRow } from './members.repo.js';
import { planToday } from '../platform/plan-time.js';

const SEARCH_ROLES = [
  'prescriber',
  'pharmacy',
  'intake',
  'member-services',
  'admin',
  'reviewer-pharmacist',
  'reviewer-physician',
];

/** What a prescriber's office needs to route a PA: the member, the plan, and who processes it. */
async function toPatient(ctx: AppContext, m: MemberRow) {
  const ref = await ctx.reference.get();
  const memberPlan = ref.plans.get(m.planId);
  const payer = memberPlan?.carveOutPlanId ? (ref.plans.get(memberPlan.carveOutPlanId) ?? memberPlan) : memberPlan;
  const today = planToday(payer, ctx.clock.now());
  return {
    memberId: m.id,
    firstName: m.firstName,
    lastName: m.lastName,
    dateOfBirth: m.dateOfBirth,
    zip: m.zip,
    language: m.language,
    eligible: today >= m.effectiveDate && (m.terminationDate === null || today <= m.terminationDate),
    effectiveDate: m.effectiveDate,
    terminationDate: m.terminationDate,
    plan: memberPlan ? { id: memberPlan.id, name: memberPlan.name, lineOfBusiness: memberPlan.lineOfBusiness } : null,
    pharmacyBenefit: payer
      ? { planId: payer.id, planName: payer.name, processor: otherProcessorOf(payer, ref.processors) }
      : null,
  };
}

/**
 * Patient insurance search (the FAQ's "route the request to the right plan/PBM"): last name and
 * date of birth, optionally first name and ZIP; or the member ID printed on the card. Prescribers
 * and pharmacies give the date of birth with a member ID (the same two identifiers a claim
 * carries), so a typed ID alone does not reveal someone else's name; staff may search by ID
 * alone (a faxed form often carries only the ID). Every search by staff, a prescriber or a pharmacy is audited (phi.search, by the route's declaration).
 */
export async function findPatients(
  ctx: AppContext,
  caller: Principal,
  q: { lastName?: string; dateOfBirth?: string; firstName?: string; zip?: string; memberId?: string },
) {
  if (!SEARCH_ROLES.includes(caller.role)) throw forbidden('Patient search is for prescribers, pharmacies and staff');
  if (q.dateOfBirth !== undefined && q.dateOfBirth !== '' && !isRealDate(q.dateOfBirth))
    throw invalid('dateOfBirth', 'is not a real date');
  let rows: MemberRow[];
  const memberId = q.memberId?.trim();
  if (memberId) {
    const outside = caller.role === 'prescriber' || caller.role === 'pharmacy';
    if (outside && !q.dateOfBirth) throw invalid('dateOfBirth', 'is required with a member ID');
    const m = await findMemberById(ctx.database.db, memberId.toUpperCase());
    rows =
      m &&
      (!q.dateOfBirth || m.dateOfBirth === q.dateOfBirth) &&
      (!q.lastName?.trim() || m.lastName.toLowerCase() === q.lastName.trim().toLowerCase())
        ? [m]
        : [];
  } else {
    if (!q.lastName?.trim()) throw invalid('lastName', 'is required (or search by member ID)');
    if (!q.dateOfBirth) throw invalid('dateOfBirth', 'is required');
    rows = await searchMembers(ctx.database.db, {
      lastName: q.lastName,
      dateOfBirth: q.dateOfBirth,
      firstName: q.firstName,
      zip: q.zip,
      limit: 10,
    });
  }
  return { items: await Promise.all(rows.map((r) => toPatient(ctx, r))) };
}

/** Throws unless `caller` may read this member's record (the rule of getMember, for every member route). */
export async function assertCanReadMember(ctx: AppContext, caller: Principal, id: string): Promise<void> {
  if (caller.role === 'member' && caller.memberId !== id) throw notFound('Member', id);
  if (caller.role === 'prescriber' || caller.role === 'pharmacy') {
    const searchedSince = new Date(ctx.clock.now().getTime() - SEARCH_GRANT_MS);
    const party = { kind: caller.role, npi: caller.npi ?? '', username: caller.username, searchedSince };
    if (!caller.npi || !(await servesMember(ctx.database.db, id, party))) throw notFound('Member', id);
  } else if (caller.role !== 'member' && !SEARCH_ROLES.includes(caller.role)) throw forbidden('Not allowed');
}

/** A member found by this user's insurance search may be opened for a working day (8 hours). */
const SEARCH_GRANT_MS = 8 * 3_600_000;

/**
 * One member's eligibility: the member themself; staff (audited); a prescriber or a pharmacy only
 * when the data shows they serve this member (a case, a claim, or their own insurance search that
 * found the member in the last 8 hours; docs/design.md#access). Anyone
 * else gets the same 404 as for an id that does not exist: member ids are sequential, and a 403
 * would confirm that a guessed id is a member (docs/design.md#access). Without a relationship, prescribers
 * and pharmacies find members through the insurance search (last name + date of birth).
 */
export async function getMember(ctx: AppContext, caller: Principal, id: string) {
  await assertCanReadMember(ctx, caller, id);
  const m = await findMemberById(ctx.database.db, id);
  if (!m) throw notFound('Member', id);
  return toPatient(ctx, m);
}
