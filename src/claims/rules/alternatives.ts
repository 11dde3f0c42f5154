import type { DrugConcept } from '../../catalog/index.js';
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

/**
 * Covered drugs in the same therapeutic class (other products of the same group included: a
 * brand's covered generic is the first thing a prescriber wants to see). One product per
 * drug-form group and brand; no-PA and lower tiers first.
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
  const seen = new Set<string>();
  const found: Array<Alternative & { rank: number }> = [];
  for (const c of candidates) {
    if (c.rxcui === requested.rxcui) continue;
    const entry = findFormularyEntry(snap, plan.id, c);
    if (!entry || !entry.covered) continue;
    if (c.groupId === requested.groupId && c.generic === requested.generic && c.brandName === requested.brandName)
      continue; // another strength of the same thing
    const key = `${c.groupId}|${c.brandName ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pkg = snap.pricedPackageByRxcui.get(c.rxcui);
    found.push({
      rxcui: c.rxcui,
      name: c.name,
      tier: entry.tier,
      estimatedPatientPay: estimatePatientPay(
        plan.policy,
        entry.tier,
        pharmacyType,
        pkg?.unitPrice ?? null,
        options.quantity,
      ),
      priorAuthorizationRequired: entry.priorAuthorization,
      rank: (entry.priorAuthorization ? 100 : 0) + tierRank(entry.tier) * 10 + (c.generic ? 0 : 1),
    });
  }
  found.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  return found.slice(0, options.limit ?? 5).map(({ rank: _rank, ...alt }) => alt);
}
