import { exceptionTierChoices, orderedTiers } from '../claims/rules/exception-effect.js';
import { findFormularyEntry, type ReferenceSnapshot } from '../reference/reference-cache.js';
import type { PaRequestRow } from './priorauth.repo.js';

/**
 * The tiers a decision on this case may name (docs/design.md#exceptions): a formulary exception
 * any of the plan's tiers, a tiering exception one with lower cost sharing than the drug's; none
 * for other kinds. The reviewer's screen offers these and decideRequest accepts only these.
 */
export function caseTierChoices(
  ref: ReferenceSnapshot,
  row: Pick<PaRequestRow, 'planId' | 'requestedRxcui' | 'kind'>,
): string[] {
  const plan = ref.plans.get(row.planId);
  const drug = ref.concepts.get(row.requestedRxcui);
  if (!plan || !drug) return [];
  return exceptionTierChoices(
    row.kind,
    orderedTiers(Object.keys(plan.policy.costSharing.tiers)),
    findFormularyEntry(ref, plan.id, drug),
  );
}
