import type { DrugConcept } from '../../catalog/index.js';
import type { FormularyRow } from '../../formulary/index.js';
import type { PharmacyType } from '../../plans/plan-policy.js';
import type { PlanRow } from '../../plans/index.js';
import { findFormularyEntry, type ReferenceSnapshot } from '../../reference/reference-cache.js';
import type { Alternative } from '../claim-types.js';
import { estimatePatientPay } from './pricing.js';

const TIER_ORDER = [
  'generic',
  'preferred-generic',
  'preferred-brand',
  'non-preferred-generic',
  'non-preferred-brand',
  'specialty',
];
const tierRank = (tier: string | null) => {
  const i = tier ? TIER_ORDER.indexOf(tier.toLowerCase()) : -1;
  return i === -1 ? TIER_ORDER.length : i;
};

/** The concepts a pharmacy can actually dispense (at least one package NDC), per snapshot. */
const dispensableCache = new WeakMap<ReferenceSnapshot, Set<string>>();
function dispensable(snap: ReferenceSnapshot): Set<string> {
  let set = dispensableCache.get(snap);
  if (!set) {
    set = new Set([...snap.packages.values()].map((p) => p.rxcui));
    dispensableCache.set(snap, set);
  }
  return set;
}

/**
 * A brand's generic equivalent on this plan (RxNorm's generic SCD at the same strength), when a
 * pharmacy can dispense it (a package NDC) and the plan covers it; null otherwise.
 */
export function coveredGenericEquivalent(
  snap: ReferenceSnapshot,
  planId: string,
  drug: DrugConcept,
): { concept: DrugConcept; entry: FormularyRow } | null {
  if (drug.generic || !drug.genericScdRxcui || drug.genericScdRxcui === drug.rxcui) return null;
  const concept = snap.concepts.get(drug.genericScdRxcui);
  if (!concept || !dispensable(snap).has(concept.rxcui)) return null;
  const entry = findFormularyEntry(snap, planId, concept);
  return entry?.covered ? { concept, entry } : null;
}

const strengthValue = (c: DrugConcept) => {
  const n = Number.parseFloat(c.strength ?? '');
  return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
};

/**
 * Covered alternatives (docs/design.md#words-from-facts): *different products* that treat the same condition —
 * the same therapeutic class in the plan's data — each at the requested strength where that
 * product has it, with tier, the member's estimated pay and whether PA is needed.
 *
 * - Other strengths of the requested product (same drug-form group) are not alternatives: "Zestril
 *   10 mg → lisinopril 2.5 mg" or "Ozempic → another Ozempic pen" helps no one. The one exception
 *   is a brand's generic equivalent at the same strength (RxNorm's generic SCD), listed first.
 * - Only concepts with a package NDC: a generic SCD no one sells is not something to fill.
 * - One concept per product (drug-form group and brand): the one at the requested strength, else
 *   the product's lowest strength (a starting dose).
 * - Then no-PA and lower tiers first.
 */
export function findAlternatives(
  snap: ReferenceSnapshot,
  plan: PlanRow,
  requested: DrugConcept,
  pharmacyType: PharmacyType,
  options: { quantity: number; limit?: number } = { quantity: 30 },
): Alternative[] {
  if (!requested.drugClass) return [];
  const candidates = snap.conceptsByClass.get(requested.drugClass) ?? [];
  const sellable = dispensable(snap);
  const genericEquivalent = requested.generic ? null : requested.genericScdRxcui;
  const byProduct = new Map<string, DrugConcept>();
  for (const c of candidates) {
    if (c.rxcui === requested.rxcui || !sellable.has(c.rxcui)) continue;
    if (c.groupId === requested.groupId && c.rxcui !== genericEquivalent) continue;
    const entry = findFormularyEntry(snap, plan.id, c);
    if (!entry || !entry.covered) continue;
    const key = `${c.groupId}|${c.brandName ?? ''}`;
    const chosen = byProduct.get(key);
    const matches = (x: DrugConcept) => x.strength !== null && x.strength === requested.strength;
    if (!chosen || (matches(c) && !matches(chosen)) || (!matches(chosen) && strengthValue(c) < strengthValue(chosen)))
      byProduct.set(key, c);
  }
  const found: Array<Alternative & { rank: number }> = [];
  for (const c of byProduct.values()) {
    const entry = findFormularyEntry(snap, plan.id, c)!;
    const pkg = snap.pricedPackageByRxcui.get(c.rxcui);
    found.push({
      rxcui: c.rxcui,
      name: c.name,
      tier: entry.tier,
      estimatedPatientPay: estimatePatientPay(plan.policy, {
        tier: entry.tier,
        pharmacyType,
        unitPrice: pkg?.unitPrice ?? null,
        quantity: options.quantity,
      }),
      priorAuthorizationRequired: entry.priorAuthorization,
      rank:
        (c.rxcui === genericEquivalent ? -1000 : 0) +
        (entry.priorAuthorization ? 100 : 0) +
        tierRank(entry.tier) * 10 +
        (c.generic ? 0 : 1),
    });
  }
  found.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  return found.slice(0, options.limit ?? 5).map(({ rank: _rank, ...alt }) => alt);
}
