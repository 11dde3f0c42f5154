import type { DrugConcept } from '../../catalog/index.js';
import type { FormularyRow } from '../../formulary/index.js';
import type { QuantityLimit } from '../../formulary/formulary-entry.js';
import { EXCEPTION_CRITERIA_ID, isExceptionKind, type ExceptionKind } from '../../shared/exception-kinds.js';
import type { ActiveAuthorization } from './utilization.js';

/**
 * What the member's active authorizations do to a formulary entry (docs/design.md#exceptions).
 * The one place the effect of an approval is computed: claims adjudicate against the entry this
 * returns, and coverage, RTPB and CRD are dry runs of the claim (src/claims/decide-claim.ts), so
 * they all agree. Pure.
 *
 * - prior authorization (and approvals made before exception kinds existed): lifts PA, step
 *   therapy and the age and sex limits; its approved quantity replaces the limit;
 * - formulary: the drug is covered, at the tier the decision named;
 * - tiering: the decision's (lower) tier's cost sharing;
 * - quantity-limit: the approved quantity per days replaces the limit;
 * - step-therapy: no step edit; age-limit / sex-limit: that limit is lifted;
 * - brand-medically-necessary: the brand is covered at its generic's tier (the drug-form group's entry).
 */
export interface ExceptionTerms {
  /** The entry as the member's authorizations leave it (undefined: no entry, not covered). */
  entry: FormularyRow | undefined;
  /** The authorization that stands in for PA (lifts PA; the claim names it), if any. */
  priorAuthorization: ActiveAuthorization | null;
  /** An authorization's own quantity limit (counted over the drug-form group), if any. */
  authorizedLimit: QuantityLimit | null;
  /** Every authorization whose effect applied, PA first: a paid claim names the first. */
  applied: ActiveAuthorization[];
}

const kindOf = (a: ActiveAuthorization): string => a.kind ?? 'prior-authorization';

/** The authorizations that cover this drug on this date (brand-only ones: that brand only). */
export function authorizationsFor(
  auths: ActiveAuthorization[],
  concept: DrugConcept,
  dateOfService: string,
): ActiveAuthorization[] {
  return auths.filter(
    (a) =>
      a.groupId === concept.groupId &&
      a.effectiveFrom <= dateOfService &&
      dateOfService <= a.effectiveTo &&
      (a.scope !== 'brand-only' || a.brandName === concept.brandName),
  );
}

const limitOf = (a: ActiveAuthorization): QuantityLimit | null =>
  a.maxUnits != null && a.perDays != null ? { units: a.maxUnits, days: a.perDays } : null;

export function applyExceptions(args: {
  /** The drug's own entry (product entry, else its group's). */
  entry: FormularyRow | undefined;
  /** The drug-form group's entry: a brand's generic terms. */
  groupEntry: FormularyRow | undefined;
  drug: DrugConcept;
  authorizations: ActiveAuthorization[];
  dateOfService: string;
  /** The plan's tiers, lowest cost sharing first (the order of its cost-sharing table). */
  tiers: string[];
}): ExceptionTerms {
  const matching = authorizationsFor(args.authorizations, args.drug, args.dateOfService);
  const pa = matching.find((a) => !isExceptionKind(kindOf(a))) ?? null;
  let entry = args.entry ? { ...args.entry } : undefined;
  let authorizedLimit: QuantityLimit | null = pa ? limitOf(pa) : null;
  const applied: ActiveAuthorization[] = pa ? [pa] : [];
  const uncovered = (): FormularyRow =>
    ({
      ...(args.entry ?? args.groupEntry ?? {}),
      rxcui: args.drug.rxcui,
      groupId: args.drug.groupId,
      covered: true,
      priorAuthorization: false,
      criteriaId: null,
      stepTherapy: null,
      quantityLimit: null,
      minAge: null,
      maxAge: null,
      sex: null,
      newStartsOnly: false,
    }) as FormularyRow;

  if (pa && entry) entry = { ...entry, stepTherapy: null, minAge: null, maxAge: null, sex: null };
  for (const a of matching) {
    const kind = kindOf(a) as ExceptionKind;
    if (!isExceptionKind(kind)) continue;
    switch (kind) {
      case 'formulary':
        if (entry?.covered) continue; // covered already: nothing to lift
        entry = { ...uncovered(), tier: a.tier ?? defaultExceptionTier('formulary', args.tiers, undefined) };
        break;
      case 'brand-medically-necessary': {
        const generic = args.groupEntry?.covered ? args.groupEntry : undefined;
        if (!generic) continue;
        entry = entry?.covered ? { ...entry, tier: generic.tier } : { ...uncovered(), ...generic, covered: true };
        break;
      }
      case 'tiering': {
        const tier = entry?.covered ? (a.tier ?? defaultExceptionTier('tiering', args.tiers, entry)) : null;
        if (!tier || !entry) continue;
        entry = { ...entry, tier };
        break;
      }
      case 'quantity-limit':
        if (!limitOf(a)) continue;
        authorizedLimit = limitOf(a);
        break;
      case 'step-therapy':
        if (!entry) continue;
        entry = { ...entry, stepTherapy: null };
        break;
      case 'age-limit':
        if (!entry) continue;
        entry = { ...entry, minAge: null, maxAge: null };
        break;
      case 'sex-limit':
        if (!entry) continue;
        entry = { ...entry, sex: null };
        break;
    }
    applied.push(a);
  }
  return { entry, priorAuthorization: pa, authorizedLimit, applied };
}

/**
 * The entry as a claim applies the terms (the member's formulary view shows it): a standing PA
 * lifts the PA requirement (the claim skips its 75), and an authorization's approved amount is
 * the quantity limit the claim counts against.
 */
export function effectiveEntry(terms: ExceptionTerms): FormularyRow | undefined {
  if (!terms.entry) return undefined;
  return {
    ...terms.entry,
    ...(terms.priorAuthorization ? { priorAuthorization: false } : {}),
    ...(terms.authorizedLimit ? { quantityLimit: terms.authorizedLimit } : {}),
  };
}

/** The exception a reject points to (its next steps name it, and the portals open its question set). */
export function exceptionStep(kind: ExceptionKind): { kind: ExceptionKind; criteriaId: string } {
  return { kind, criteriaId: EXCEPTION_CRITERIA_ID[kind] };
}

/** A 70 for a brand whose generic is covered asks for brand-medically-necessary; otherwise a formulary exception. */
export function notCoveredExceptionKind(
  drug: DrugConcept,
  entry: FormularyRow | undefined,
  groupEntry: FormularyRow | undefined,
): 'formulary' | 'brand-medically-necessary' {
  return drug.brandName && groupEntry?.covered && entry?.rxcui === drug.rxcui
    ? 'brand-medically-necessary'
    : 'formulary';
}

/**
 * Whether the drug has the restriction an exception of this kind lifts, for this member on this
 * plan (initiating an exception for a drug without it is refused). Returns the problem in words,
 * or null when the exception applies.
 */
export function exceptionProblem(args: {
  kind: ExceptionKind;
  entry: FormularyRow | undefined;
  groupEntry: FormularyRow | undefined;
  drug: DrugConcept;
  lineOfBusiness: string;
  /** The plan's tiers, lowest cost sharing first. */
  tiers: string[];
  member: { age: number; sex: string };
}): string | null {
  const { entry, drug } = args;
  const covered = Boolean(entry?.covered);
  switch (args.kind) {
    case 'formulary':
      return covered ? `${drug.name} is on the formulary; no formulary exception is needed` : null;
    case 'brand-medically-necessary':
      if (!drug.brandName) return `${drug.name} is not a brand`;
      if (!args.groupEntry?.covered) return `no generic of ${drug.name} is covered`;
      if (covered && entry!.tier === args.groupEntry.tier) return `${drug.name} already costs the same as its generic`;
      return null;
    case 'tiering': {
      if (args.lineOfBusiness !== 'medicare-d')
        return 'tiering exceptions are a Medicare Part D process (42 CFR 423.578(a))';
      if (!covered) return `${drug.name} is not on the formulary; ask for a formulary exception`;
      const at = args.tiers.indexOf(entry!.tier ?? '');
      return at > 0 ? null : `${drug.name} is already on the plan's lowest tier`;
    }
    case 'quantity-limit':
      return covered && entry!.quantityLimit ? null : `${drug.name} has no quantity limit on this plan`;
    case 'step-therapy':
      return covered && entry!.stepTherapy ? null : `${drug.name} has no step-therapy requirement on this plan`;
    case 'age-limit': {
      if (!covered || (entry!.minAge === null && entry!.maxAge === null))
        return `${drug.name} has no age limit on this plan`;
      const a = args.member.age;
      const outside = (entry!.minAge !== null && a < entry!.minAge) || (entry!.maxAge !== null && a > entry!.maxAge);
      return outside ? null : `the member's age is within ${drug.name}'s age limit`;
    }
    case 'sex-limit':
      if (!covered || !entry!.sex) return `${drug.name} has no sex limit on this plan`;
      return entry!.sex !== args.member.sex ? null : `${drug.name}'s sex limit already fits the member`;
  }
}

/**
 * The tiers a decision may name: a formulary exception any of the plan's tiers; a tiering
 * exception one with lower cost sharing than the drug's own. Other kinds name none.
 */
export function exceptionTierChoices(kind: string, tiers: string[], entry: FormularyRow | undefined): string[] {
  if (kind === 'formulary') return tiers;
  if (kind === 'tiering') return lowerTiers(tiers, entry?.covered ? entry.tier : null);
  return [];
}

/**
 * The tier an approval without a named tier pays at: a formulary exception at the plan's highest
 * non-specialty tier; a tiering exception at the next lower tier.
 */
export function defaultExceptionTier(kind: string, tiers: string[], entry: FormularyRow | undefined): string | null {
  if (kind === 'formulary') return tiers.filter((t) => t !== 'specialty').at(-1) ?? tiers.at(-1) ?? null;
  if (kind === 'tiering') return exceptionTierChoices(kind, tiers, entry).at(-1) ?? null;
  return null;
}

/**
 * Tier names from lowest to highest cost sharing (the CMS QHP tier names and the demo's; a plan
 * policy is stored as JSONB, which does not keep key order, so the order is by name). A tier with
 * another name ranks between the brand tiers and specialty.
 */
const TIER_RANK = [
  'zero-cost-share-preventive',
  'preferred-generic',
  'generic',
  'non-preferred-generic',
  'preferred-brand',
  'brand',
  'non-preferred-brand',
  'specialty',
];
export function orderedTiers(tierNames: Iterable<string>): string[] {
  const rank = (t: string) => (TIER_RANK.includes(t) ? TIER_RANK.indexOf(t) : TIER_RANK.length - 1.5);
  return [...tierNames].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Tiers a tiering exception may name: those with lower cost sharing than the drug's (earlier in `tiers`). */
export function lowerTiers(tiers: string[], tier: string | null): string[] {
  const at = tiers.indexOf(tier ?? '');
  return at > 0 ? tiers.slice(0, at) : [];
}
