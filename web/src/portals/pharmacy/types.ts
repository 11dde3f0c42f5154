/** The shapes the pharmacy screens read from the API (src/claims/claims.schemas.ts, src/members, src/plans). */
export interface Reject {
  code: string;
  description: string;
}

export interface Alternative {
  rxcui: string;
  name: string;
  tier: string | null;
  estimatedPatientPay: string | null;
  priorAuthorizationRequired: boolean;
}

export interface OtherProcessor {
  name: string;
  bin: string;
  pcn: string | null;
  groupId: string | null;
  phone: string | null;
}

export interface NextSteps {
  priorAuthorization?: { required: boolean; processorName: string; howToRequest: string[]; fax?: string; phone?: string; criteriaId?: string };
  otherProcessor?: OtherProcessor;
  alternatives?: Alternative[];
  refillAllowedOn?: string;
  stepTherapy?: { prerequisites: string; lookbackDays: number };
  quantityLimit?: { units: number; days: number; maxForDaysSupply: number };
}

export interface Pricing {
  ingredientCost: string;
  dispensingFee: string;
  patientPay: string;
  planPay: string;
  basis: string;
}

/** POST /claims answer (B1). */
export interface ClaimResponse {
  claimId: string;
  transactionStatus: 'P' | 'R' | 'D';
  rejects: Reject[];
  message: string;
  authorizationNumber?: string | null;
  pricing?: Pricing;
  nextSteps?: NextSteps;
  drug?: { rxcui: string; name: string; groupId: string } | null;
  emergencySupply?: boolean;
}

/** GET /claims and GET /claims/{id}. */
export interface ClaimSummary {
  claimId: string;
  memberId: string | null;
  pharmacyNpi: string;
  prescriptionNumber: string;
  fillNumber: number;
  dateOfService: string;
  productId: string;
  drugName: string | null;
  quantity: number;
  daysSupply: number;
  transactionStatus: string;
  reversed: boolean;
  reversedAt: string | null;
  rejects: Reject[];
  message: string;
  patientPay: string | null;
  planPay: string | null;
  authorizationNumber: string | null;
  nextSteps?: NextSteps;
  receivedAt: string;
}

export interface ReversalResponse {
  claimId: string;
  transactionStatus: 'A' | 'R';
  rejects: Reject[];
  message: string;
}

/** The claim fields the pharmacy keys in (ClaimRequestSchema). */
export interface ClaimRequest {
  bin: string;
  pcn: string | null;
  groupId: string | null;
  cardholderId: string;
  patient: { dateOfBirth: string };
  pharmacyNpi: string;
  prescriptionNumber: string;
  fillNumber: number;
  dateOfService: string;
  productId: string;
  quantityDispensed: number;
  daysSupply: number;
  prescriberNpi: string;
  dawCode?: string;
  priorAuthorizationNumber?: string | null;
  submittedIngredientCost: string;
  usualAndCustomaryCharge: string;
  emergencySupply?: boolean;
}

/** GET /members/search item. */
export interface Patient {
  memberId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  zip: string | null;
  language: string;
  eligible: boolean;
  effectiveDate: string;
  terminationDate: string | null;
  plan: { id: string; name: string; lineOfBusiness: string } | null;
  pharmacyBenefit: { planId: string; planName: string; processor: OtherProcessor | null } | null;
}

/** GET /plans/{planId}/formulary item. */
export interface FormularyHit {
  rxcui: string;
  name: string;
  tty: string;
  generic: boolean;
  brandName: string | null;
  strength: string | null;
  doseForm: string;
  groupId: string;
  groupName: string;
  ndcs: string[];
  covered: boolean;
  tier: string | null;
  priorAuthorization: boolean;
  stepTherapy: string | null;
  quantityLimit: { units: number; days: number } | null;
  minAge: number | null;
  maxAge: number | null;
}

export interface PlanSummary {
  id: string;
  name: string;
  lineOfBusiness: string;
  processorName: string;
  bin: string;
  pcn: string | null;
  groupId: string | null;
}

/** POST /pa-requests answers: a new case, or "not required". */
export interface PaCase {
  id: string;
  status: string;
  memberId: string;
  prescriberNpi: string;
  drug: { rxcui: string; name: string; groupName: string };
  notices?: { id: string; kind: string; recipient: string; channel: string; status: string }[];
}

export interface PaNotRequired {
  status: 'not-required';
  message: string;
  drug: { rxcui: string; name: string };
}
