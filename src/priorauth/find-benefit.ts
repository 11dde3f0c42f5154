import type { AppContext } from '../app-context.js';
import type { DrugConcept } from '../catalog/index.js';
import type { FormularyRow } from '../formulary/index.js';
import type { PlanRow, ProcessorRow } from '../plans/index.js';
import { findFormularyEntry } from '../reference/reference-cache.js';
import { notFound, invalid } from '../platform/errors.js';

export interface Benefit {
  drug: DrugConcept;
  memberPlan: PlanRow;
  /** The plan that pays (a carved-out benefit: the other processor's plan). */
  plan: PlanRow;
  processor: ProcessorRow;
  entry: FormularyRow | undefined;
}

/** The drug, the paying plan and processor, and the formulary entry for a member's plan. */
export async function findBenefit(
  ctx: AppContext,
  planId: string,
  drugRef: { productId?: string; rxcui?: string },
): Promise<Benefit> {
  const ref = await ctx.reference.get();
  if (!drugRef.productId && !drugRef.rxcui) throw invalid('productId', 'productId (NDC) or rxcui is required');
  const pkg = drugRef.productId ? ref.packages.get(drugRef.productId) : undefined;
  if (drugRef.productId && !pkg) throw notFound('Drug with NDC', drugRef.productId);
  const drug = ref.concepts.get(pkg?.rxcui ?? drugRef.rxcui!);
  if (!drug) throw notFound('Drug with RxCUI', drugRef.rxcui ?? '');
  const memberPlan = ref.plans.get(planId);
  if (!memberPlan) throw notFound('Plan', planId);
  const plan = memberPlan.carveOutPlanId ? (ref.plans.get(memberPlan.carveOutPlanId) ?? memberPlan) : memberPlan;
  const processor = ref.processors.get(plan.processorId)!;
  return { drug, memberPlan, plan, processor, entry: findFormularyEntry(ref, plan.id, drug) };
}
