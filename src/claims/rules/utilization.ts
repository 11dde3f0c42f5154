import type { DrugConcept } from '../../catalog/index.js';
import type { QuantityLimit, StepTherapy } from '../../formulary/formulary-entry.js';
import { addDays, daysBetween } from '../../platform/dates.js';

/** A paid, unreversed claim from the member's history. */
export interface HistoryFill {
  /** How the fill was paid: absent for a regular fill; an emergency or transition supply is temporary. */
  supplyKind?: 'emergency' | 'transition';
  claimId: string;
  dateOfService: string;
  daysSupply: number;
  quantity: number;
  rxcui: string | null;
  groupId: string | null;
  ingredient: string | null;
  drugClass: string | null;
}

export interface ActiveAuthorization {
  number: string;
  groupId: string;
  scope: string;
  brandName: string | null;
  effectiveFrom: string;
  effectiveTo: string;
  maxUnits: number | null;
  perDays: number | null;
  /** prior-authorization, or the exception kind (src/shared/exception-kinds.ts); absent: prior-authorization. */
  kind?: string;
  /** Formulary and tiering exceptions: the tier the decision named. */
  tier?: string | null;
}

/** An authorization covers every strength of its drug-form group (brand-only: that brand only). */
export function findAuthorization(
  auths: ActiveAuthorization[],
  concept: DrugConcept,
  dateOfService: string,
): ActiveAuthorization | null {
  return (
    auths.find(
      (a) =>
        a.groupId === concept.groupId &&
        a.effectiveFrom <= dateOfService &&
        dateOfService <= a.effectiveTo &&
        (a.scope !== 'brand-only' || a.brandName === concept.brandName),
    ) ?? null
  );
}

function matchesPrerequisite(fill: HistoryFill, step: StepTherapy): boolean {
  const p = step.prerequisites;
  return Boolean(
    (fill.ingredient && p.ingredients?.includes(fill.ingredient)) ||
    (fill.drugClass && p.drugClasses?.includes(fill.drugClass)) ||
    (fill.groupId && p.groupIds?.includes(fill.groupId)),
  );
}

/**
 * What the history shows about a step's prerequisite within its look-back: the days' supply that
 * counts toward it and the last such fill. Screens word step therapy from these facts
 * (docs/design.md#words-from-facts: never "our records show you tried it" over 0 days).
 */
export function prerequisiteFills(
  step: StepTherapy,
  history: HistoryFill[],
  dateOfService: string,
): { daysSupply: number; lastFillDate: string | null } {
  const since = addDays(dateOfService, -step.lookbackDays);
  const fills = history.filter(
    (f) => f.dateOfService >= since && f.dateOfService <= dateOfService && matchesPrerequisite(f, step),
  );
  const lastFillDate = fills.reduce<string | null>((d, f) => (d && d > f.dateOfService ? d : f.dateOfService), null);
  return { daysSupply: fills.reduce((sum, f) => sum + f.daysSupply, 0), lastFillDate };
}

/** Step therapy is met automatically when history shows the prerequisite within the look-back. */
export function isStepTherapyMet(step: StepTherapy, history: HistoryFill[], dateOfService: string): boolean {
  const days = prerequisiteFills(step, history, dateOfService).daysSupply;
  return days >= (step.minDaysSupply ?? 1) && days > 0;
}

export function describePrerequisites(step: StepTherapy): string {
  const p = step.prerequisites;
  const names = [...(p.ingredients ?? []), ...(p.drugClasses ?? [])];
  return step.description ?? (names.length ? names.join(' or ') : 'a preferred drug');
}

/** How far back a regular fill of the group makes a new-starts-only drug a continuation. */
export const CONTINUATION_LOOKBACK_DAYS = 180;

/**
 * Continuation of therapy: the member already had a regular fill of this drug-form group within the
 * window. An emergency supply (Medi-Cal's 72 hours without PA) or a transition fill is a bridge to
 * a PA decision, not therapy the plan approved: counting it would let every later fill pay
 * without PA (docs/design.md#claims, step 6).
 */
export function isContinuingTherapy(
  history: HistoryFill[],
  groupId: string,
  dateOfService: string,
  lookbackDays = CONTINUATION_LOOKBACK_DAYS,
): boolean {
  const since = addDays(dateOfService, -lookbackDays);
  return history.some(
    (f) => f.groupId === groupId && !f.supplyKind && f.dateOfService >= since && f.dateOfService <= dateOfService,
  );
}

/** Most units allowed for a days' supply under "units per days" (rounded down to whole units). */
export function maxQuantityFor(limit: QuantityLimit, daysSupply: number): number {
  return Math.floor((limit.units * Math.max(daysSupply, limit.days)) / limit.days + 1e-9);
}

/**
 * NCPDP 79: the last fill of the same drug-form group must be at least `percent` % used up.
 * Returns the first date a refill pays, or null when it is not too soon.
 */
export function refillTooSoon(
  history: HistoryFill[],
  groupId: string,
  dateOfService: string,
  percent: number,
): { lastFill: HistoryFill; allowedOn: string } | null {
  let last: HistoryFill | null = null;
  for (const f of history) {
    if (f.groupId !== groupId || f.dateOfService > dateOfService) continue;
    if (!last || f.dateOfService > last.dateOfService) last = f;
  }
  if (!last) return null;
  const needed = Math.ceil((last.daysSupply * percent) / 100);
  if (daysBetween(last.dateOfService, dateOfService) >= needed) return null;
  return { lastFill: last, allowedOn: addDays(last.dateOfService, needed) };
}
