import { findFormularyEntry, type ReferenceSnapshot } from '../../reference/reference-cache.js';

/**
 * The past fills a claim for this NDC can depend on: the same drug-form group (refill too soon,
 * continuation of therapy) and any plan's step-therapy prerequisites for it. Reading only these
 * keeps a claim's cost flat however long the member's history is.
 */
export function historyScopeFor(
  ref: ReferenceSnapshot,
  ndc: string,
): { groupIds: string[]; ingredients: string[]; drugClasses: string[] } {
  const pkg = ref.packages.get(ndc);
  const concept = pkg ? ref.concepts.get(pkg.rxcui) : undefined;
  if (!concept) return { groupIds: [], ingredients: [], drugClasses: [] };
  const groupIds = new Set([concept.groupId]);
  const ingredients = new Set<string>();
  const drugClasses = new Set<string>();
  for (const planId of ref.formularies.keys()) {
    const step = findFormularyEntry(ref, planId, concept)?.stepTherapy?.prerequisites;
    step?.groupIds?.forEach((g) => groupIds.add(g));
    step?.ingredients?.forEach((i) => ingredients.add(i));
    step?.drugClasses?.forEach((c) => drugClasses.add(c));
  }
  return { groupIds: [...groupIds], ingredients: [...ingredients], drugClasses: [...drugClasses] };
}
