import type { ExceptionKind } from '../shared/exception-kinds.js';
import type { Money } from '../plans/plan-policy.js';
import type { OtherProcessor } from '../plans/other-processor.js';

/** NCPDP D.0 B1 billing, as JSON (docs/design.md#api); field numbers in comments. */
export interface ClaimRequest {
  bin: string; // 101-A1
  pcn?: string | null; // 104-A4
  groupId?: string | null; // 301-C1
  cardholderId: string; // 302-C2
  patient: { dateOfBirth: string }; // 304-C4
  pharmacyNpi: string; // 201-B1
  prescriptionNumber: string; // 402-D2
  fillNumber: number; // 403-D3
  dateOfService: string; // 401-D1
  productId: string; // 407-D7 (NDC, 11 digits)
  quantityDispensed: number; // 442-E7
  daysSupply: number; // 405-D5
  prescriberNpi: string; // 411-DB
  dawCode?: string; // 408-D8
  priorAuthorizationNumber?: string | null; // 462-EV
  submittedIngredientCost?: Money | null; // 409-D9
  usualAndCustomaryCharge?: Money | null; // 426-DQ
  emergencySupply?: boolean; // level of service 418-DI = 03 (emergency)
}

export interface Reject {
  code: string;
  description: string;
}

export interface Pricing {
  ingredientCost: Money;
  dispensingFee: Money;
  patientPay: Money;
  planPay: Money;
  basis: 'catalog-unit-price' | 'submitted-ingredient-cost' | 'usual-and-customary';
  /** How patient pay is made up (docs/design.md#accumulators): deductible first (517-FH), then copay (518-FI) or coinsurance (572-4U). */
  deductibleApplied?: Money;
  copay?: Money;
  coinsurance?: Money;
  /** What the out-of-pocket maximum took off the member's share (the plan paid it). */
  overOutOfPocketMax?: Money;
}

/** The member's plan-year standing after a paid claim, and from GET /members/{id}/accumulators. */
export interface AccumulatorStanding {
  planId: string;
  planYearStart: string;
  planYearEnd: string;
  deductible: Money | null;
  deductibleMet: Money;
  deductibleRemaining: Money | null;
  outOfPocketMax: Money | null;
  outOfPocketSpent: Money;
  outOfPocketRemaining: Money | null;
}

export interface Alternative {
  rxcui: string;
  name: string;
  tier: string | null;
  estimatedPatientPay: Money | null;
  priorAuthorizationRequired: boolean;
}

export interface PriorAuthorizationSteps {
  required: boolean;
  processorName: string;
  howToRequest: string[];
  fax?: string;
  phone?: string;
  criteriaId?: string;
}

export interface NextSteps {
  priorAuthorization?: PriorAuthorizationSteps;
  /** 70, 60/61, 75 + 608, 76: the exception that lifts the restriction, and its question set (docs/design.md#exceptions). */
  exception?: { kind: ExceptionKind; criteriaId: string };
  otherProcessor?: OtherProcessor;
  alternatives?: Alternative[];
  /** 79: the first date the refill will pay. */
  refillAllowedOn?: string;
  /** 79: the fill that makes this one too soon (the D.0 DUR response reports it: 530-FU, 531-FV). */
  previousFill?: { dateOfService: string; daysSupply: number; quantity: number };
  stepTherapy?: { prerequisites: string; lookbackDays: number };
  /** 76: the limit, and the fullest rolling window holding the claim — what it has paid and what remains. */
  quantityLimit?: {
    units: number;
    days: number;
    maxForDaysSupply: number;
    windowStart?: string;
    windowEnd?: string;
    paidInWindow?: number;
    remaining?: number;
    /** The first date the billed quantity pays (absent when it is over the limit on its own). */
    payableOn?: string;
  };
}

export type TransactionStatus = 'P' | 'R' | 'D';

export interface ClaimResponse {
  claimId: string;
  transactionStatus: TransactionStatus;
  rejects: Reject[];
  message: string;
  authorizationNumber?: string | null;
  pricing?: Pricing;
  nextSteps?: NextSteps;
  drug?: { rxcui: string; name: string; groupId: string } | null;
  emergencySupply?: boolean;
  /** Paid claims: the member's deductible and out-of-pocket standing for the plan year, this claim included. */
  accumulators?: AccumulatorStanding;
}
