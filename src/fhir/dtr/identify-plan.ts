import type { Coverage } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';
import { findMemberById } from '../../members/index.js';
import type { PlanRow } from '../../plans/index.js';

/** The plan a DTR Coverage names: the member's (by member id), else a plan or group class value. */
export async function identifyPlan(
  ctx: AppContext,
  coverages: Coverage[],
): Promise<(PlanRow & { memberId: string | null }) | null> {
  const ref = await ctx.reference.get();
  for (const c of coverages) {
    for (const id of [c.subscriberId, ...(c.identifier ?? []).map((i) => i.value)]) {
      if (!id || id.length > 40) continue;
      const member = await findMemberById(ctx.database.db, id);
      const plan = member ? ref.plans.get(member.planId) : undefined;
      if (member && plan) return { ...plan, memberId: member.id };
    }
    for (const cls of c.class ?? []) {
      const plan = [...ref.plans.values()].find(
        (p) => p.id === cls.value || (p.groupId !== null && p.groupId === cls.value),
      );
      if (plan) return { ...plan, memberId: null };
    }
  }
  return null;
}
