/** Money is a decimal string with two places ("12.50"), as on the API. */
export type Money = string;

export type PharmacyType = 'retail' | 'mail' | 'specialty';

/** Cost sharing for one tier at one pharmacy type: a copay, or coinsurance with an optional cap. */
export interface CostShare {
  copay?: Money;
  /** Fraction, e.g. "0.25" for 25 %. */
  coinsurance?: string;
  coinsuranceMax?: Money;
}

export type InformationRequestClock = 'continues' | 'restarts-on-answer';

export interface ReviewClock {
  amount: number;
  unit: 'hours' | 'business-days' | 'calendar-days';
}

/**
 * Per member, per plan year (docs/design.md#accumulators). Absent: no deductible and no
 * out-of-pocket maximum (the member's spending is still kept).
 */
export interface AccumulatorPolicy {
  /** Month the plan year starts (1 = January, the default; Medicare Part D is always the calendar year). */
  planYearStartMonth?: number;
  /** The member pays the whole cost of covered drugs until this much is met in the plan year. */
  deductible?: Money;
  /** Tiers the deductible does not apply to: their copay or coinsurance applies from the first fill. */
  deductibleExemptTiers?: string[];
  /**
   * After the member has paid this much in the plan year they pay nothing more. For Medicare
   * Part D this is the annual out-of-pocket threshold set under the Inflation Reduction Act ($2,100 for 2026).
   */
  outOfPocketMax?: Money;
}

/**
 * What a plan does with a brand whose generic equivalent is sold and covered at a lower tier,
 * by the claim's DAW / product selection code (NCPDP 408-D8). An approved brand-medically-necessary
 * exception always pays the brand at the generic's cost sharing.
 */
export interface MultiSourceBrandPolicy {
  /** DAW 0 (substitution allowed): `reject` answers 22 (dispense the generic); `brand-cost-share` pays at the brand's tier. */
  substitutionAllowed: 'reject' | 'brand-cost-share';
  /** DAW 1 (the prescriber requires the brand) without the exception: pay at the brand's or the generic's tier, or reject 75. */
  prescriberRequiresBrand: 'brand-cost-share' | 'generic-cost-share' | 'reject';
}

export interface PlanPolicy {
  costSharing: {
    dispensingFee: Money;
    /** Tier name → pharmacy type → cost share. A tier missing a pharmacy type falls back to retail. */
    tiers: Record<string, Partial<Record<PharmacyType, CostShare>>>;
  };
  accumulators?: AccumulatorPolicy;
  /** NCPDP 79: refill too soon when less than this share of the last fill's supply has elapsed. */
  refillTooSoonPercent: number;
  /** Medi-Cal: up to 72 hours without PA when the pharmacy flags an emergency (W&I Code §14185). */
  emergencySupply?: { maxDaysSupply: number };
  /** The brand/generic edit for brands whose generic is covered (docs/design.md#dispense-as-written); absent: none. */
  multiSourceBrand?: MultiSourceBrandPolicy;
  priorAuthorization: {
    howToRequest: Array<'epa' | 'portal' | 'fax' | 'phone'>;
    fax?: string;
    phone?: string;
    /** Who handles PA for this plan (shown in next steps), defaults to the processor's name. */
    handledBy?: string;
  };
  review: {
    standard: ReviewClock;
    urgent: ReviewClock;
    onMissed: 'deem-approved' | 'escalate';
    warnBeforeHours: number;
    timeZone: string;
    /**
     * Reviewer roles that may deny or approve in part (absent → any clinical reviewer). Medicare
     * Part D is physicians only whatever this says (priorauth/rules/adverse-decision-authority.ts).
     */
    adverseDecisionRoles?: Array<'reviewer-pharmacist' | 'reviewer-physician'>;
    /**
     * A prescriber's answer to a reviewer's information request that now meets every criterion is
     * approved at once (absent → true); false sends it back to the reviewer. Denials are never automatic.
     */
    autoApproveOnInformation?: boolean;
  };
  informationRequests: {
    max: number;
    responseWindowHours: number;
    /**
     * What a reviewer's information request does to the review clock (docs/clocks.md):
     * `continues` — the due time does not move (Medicare Part D, 42 CFR 423.568/423.570; commercial
     * requests complete at receipt); `restarts-on-answer` — the clock stops and a full span starts
     * when the answer arrives (Medi-Cal Rx). Absent → the line of business's default
     * (informationRequestClock). Incomplete requests caught at submit never started a clock:
     * theirs starts on completion whatever this says.
     */
    clock?: InformationRequestClock;
  };
  renewalWindowDays: number;
  appeals: {
    filingWindowDays: number;
    standard: ReviewClock;
    expedited: ReviewClock;
    nextLevel: string;
    /** Where written appeals go, printed on every adverse letter and its appeal form (lines of the address). */
    mailingAddress?: string[];
    /** The appeals unit's own fax and phone; absent → the PA fax and member services. */
    fax?: string;
    phone?: string;
  };
  letterLanguages: string[];
}
