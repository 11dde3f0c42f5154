import { findFormularyEntry, type ReferenceSnapshot } from '../../reference/reference-cache.js';
import { CONTINUATION_LOOKBACK_DAYS } from './utilization.js';

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

/**
 * Past fills with a longer days' supply than this are noted in `claim_long_supplies` (a trigger on
 * claims, migration 0024), so a claim can read fewer months of history and still see every fill
 * that can make it a refill too soon (historyLookbackDays).
 */
export const LONG_SUPPLY_DAYS = 90;

/**
 * How many days before the date of service a claim's rules can look, for this NDC and days'
 * supply, under any plan's formulary entry for the drug (its own entry and its group's: a
 * brand-medically-necessary exception takes the group's terms):
 * - refill too soon (NCPDP 79) looks at the group's last fill, which blocks a refill for at most
 *   its own days' supply (refillTooSoonPercent ≤ 100): a fill older than LONG_SUPPLY_DAYS matters
 *   only with a longer supply, and those are noted apart (the caller reads the whole window when
 *   the member has one);
 * - continuation of therapy (new starts only): 180 days;
 * - step therapy: the prerequisites' look-back;
 * - a formulary quantity limit: its rolling window, max(limit days, this claim's days' supply).
 * An authorization's own quantity limit is not known before the read: the caller checks it after.
 * Reading fills from dateOfService − this many days gives every rule exactly the fills it uses,
 * so the decision is the same as with the whole timely-filing window.
 */
export function historyLookbackDays(ref: ReferenceSnapshot, ndc: string, daysSupply: number): number {
  const pkg = ref.packages.get(ndc);
  const concept = pkg ? ref.concepts.get(pkg.rxcui) : undefined;
  if (!concept) return Number.POSITIVE_INFINITY;
  let days = LONG_SUPPLY_DAYS;
  for (const [planId, formulary] of ref.formularies) {
    for (const entry of [findFormularyEntry(ref, planId, concept), formulary.byGroup.get(concept.groupId)]) {
      if (!entry) continue;
      if (entry.newStartsOnly) days = Math.max(days, CONTINUATION_LOOKBACK_DAYS);
      if (entry.stepTherapy) days = Math.max(days, entry.stepTherapy.lookbackDays);
      if (entry.quantityLimit) days = Math.max(days, entry.quantityLimit.days, daysSupply);
    }
  }
  return days;
}
