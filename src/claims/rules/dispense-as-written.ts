import type { DrugConcept } from '../../catalog/index.js';
import type { FormularyRow } from '../../formulary/index.js';
import type { MultiSourceBrandPolicy } from '../../plans/plan-policy.js';

/**
 * The brand/generic ("MAC/brand") edit (docs/design.md#dispense-as-written). A multi-source brand
 * is a brand whose generic equivalent (RxNorm's generic SCD at the same strength) is sold and
 * covered at a tier with lower cost sharing. NCPDP 408-D8 (DAW / product selection code) says why
 * the brand was dispensed:
 *
 * - DAW 0 (no product selection indicated: substitution allowed) — the pharmacy should have
 *   dispensed the generic: reject 22 (M/I Dispense As Written/Product Selection Code) when the
 *   plan says so, naming the generic and the brand-medically-necessary exception;
 * - DAW 1 (substitution not allowed by the prescriber) without an approved brand-medically-necessary
 *   exception: the plan's rule — pay at the brand's own tier, pay at the generic's cost sharing,
 *   or reject 75 (the exception is the prior authorization it needs);
 * - DAW 2–9 (the patient asked, brand required by law, generic not in stock …): the brand's own
 *   tier, as before this edit;
 * - an approved brand-medically-necessary exception: the brand at its generic's cost sharing
 *   whatever the code (exception-effect.ts has already set that tier).
 *
 * Pure. Returns what to do: pass (the entry as it is), reject, or pay at another tier.
 */
export type DawOutcome =
  | { kind: 'pass' }
  | { kind: 'reject-substitutable'; generic: DrugConcept }
  | { kind: 'reject-brand-required'; generic: DrugConcept }
  | { kind: 'generic-cost-share'; tier: string; generic: DrugConcept };

export function dispenseAsWritten(args: {
  drug: DrugConcept;
  /** The drug's entry as the member's authorizations leave it (covered). */
  entry: FormularyRow;
  /** The generic equivalent and its entry, when it is sold (has a package NDC) and covered. */
  generic: { concept: DrugConcept; entry: FormularyRow } | null;
  /** 408-D8 as billed; absent is 0 (the field's default). */
  dawCode: string | undefined;
  /** The plan's rule; absent: no brand/generic edit. */
  policy: MultiSourceBrandPolicy | undefined;
  /** An approved brand-medically-necessary exception covers this claim. */
  brandException: boolean;
  /** The plan's tiers, lowest cost sharing first. */
  tiers: string[];
}): DawOutcome {
  const { drug, entry, generic, policy } = args;
  if (!policy || !drug.brandName || drug.generic || !generic || args.brandException) return { kind: 'pass' };
  const rank = (tier: string | null) => args.tiers.indexOf(tier ?? '');
  // A brand that costs the member no more than its generic (same tier) needs no edit.
  if (!generic.entry.tier || rank(entry.tier) <= rank(generic.entry.tier)) return { kind: 'pass' };
  const daw = args.dawCode ?? '0';
  if (daw === '0')
    return policy.substitutionAllowed === 'reject'
      ? { kind: 'reject-substitutable', generic: generic.concept }
      : { kind: 'pass' };
  if (daw === '1') {
    switch (policy.prescriberRequiresBrand) {
      case 'reject':
        return { kind: 'reject-brand-required', generic: generic.concept };
      case 'generic-cost-share':
        return { kind: 'generic-cost-share', tier: generic.entry.tier, generic: generic.concept };
      case 'brand-cost-share':
        return { kind: 'pass' };
    }
  }
  return { kind: 'pass' };
}
