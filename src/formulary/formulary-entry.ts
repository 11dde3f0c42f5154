/** Prerequisite drugs for step therapy, by ingredient, class, or drug-form group. */
export interface StepTherapy {
  prerequisites: { ingredients?: string[]; drugClasses?: string[]; groupIds?: string[] };
  lookbackDays: number;
  /** Minimum days' supply of the prerequisite within the look-back (default 1: any fill). */
  minDaysSupply?: number;
  description?: string;
}

/** NCPDP 76 plan limitation: at most `units` per `days` days. */
export interface QuantityLimit {
  units: number;
  days: number;
}

export interface FormularyEntry {
  planId: string;
  rxcui: string | null;
  groupId: string | null;
  covered: boolean;
  tier: string | null;
  priorAuthorization: boolean;
  criteriaId: string | null;
  stepTherapy: StepTherapy | null;
  quantityLimit: QuantityLimit | null;
  minAge: number | null;
  maxAge: number | null;
  sex: string | null;
  newStartsOnly: boolean;
}
