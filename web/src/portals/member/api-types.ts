/** The shapes of the API answers the member screens read (see the schemas files under src/). */

export interface MemberInfo {
  memberId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  eligible: boolean;
  effectiveDate: string;
  terminationDate: string | null;
  plan: { id: string; name: string; lineOfBusiness: string } | null;
  pharmacyBenefit: { planId: string; planName: string; processor: Processor | null } | null;
}

export interface Processor {
  name: string;
  bin: string;
  pcn: string | null;
  groupId: string | null;
  phone: string | null;
}

export interface FormularyHit {
  rxcui: string;
  name: string;
  brandName: string | null;
  ingredient: string;
  strength: string | null;
  doseForm: string;
  covered: boolean;
  tier: string | null;
  priorAuthorization: boolean;
}

export interface Alternative {
  rxcui: string;
  name: string;
  tier: string | null;
  estimatedPatientPay: string | null;
  priorAuthorizationRequired: boolean;
}

export interface Coverage {
  covered: boolean;
  eligible: boolean;
  planId: string;
  planName: string;
  drug: { rxcui: string; name: string; groupName: string; generic: boolean };
  tier: string | null;
  priorAuthorizationRequired: boolean;
  activeAuthorization?: { number: string; effectiveFrom: string; effectiveTo: string };
  stepTherapy?: { prerequisites: string; lookbackDays: number; met: boolean };
  quantityLimit?: { units: number; days: number; maxForDaysSupply: number };
  ageLimit?: { minAge: number | null; maxAge: number | null; met: boolean };
  estimatedPatientPay: string | null;
  processor: Processor;
  alternatives: Alternative[];
  message: string;
}

export interface NextSteps {
  priorAuthorization?: { required: boolean; processorName: string; howToRequest: string[]; fax?: string; phone?: string };
  otherProcessor?: Processor;
  alternatives?: Alternative[];
  refillAllowedOn?: string;
  stepTherapy?: { prerequisites: string; lookbackDays: number };
  quantityLimit?: { units: number; days: number; maxForDaysSupply: number };
}

export interface ClaimSummary {
  claimId: string;
  pharmacyNpi: string;
  prescriptionNumber: string;
  dateOfService: string;
  productId: string;
  drugName: string | null;
  quantity: number;
  daysSupply: number;
  transactionStatus: string;
  reversed: boolean;
  rejects: { code: string; description: string }[];
  message: string;
  patientPay: string | null;
  authorizationNumber: string | null;
  nextSteps?: NextSteps;
}

export interface PaSummary {
  id: string;
  status: string;
  drug: { rxcui: string; name: string; groupName: string };
  urgency: string;
  receivedAt: string;
  completedAt: string | null;
  dueAt: string | null;
}

export interface Determination {
  decision: string;
  reasons: string[];
  decidedAt: string;
  decidedBy?: { name?: string; credential?: string | null } | null;
  authorizationNumber?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  approvedQuantity?: number | null;
  perDays?: number | null;
}

export interface InformationRequest {
  id: string;
  sequence: number;
  items: { question?: string; document?: string }[];
  note: string | null;
  status: string;
  requestedAt: string;
  dueAt: string;
  respondedAt: string | null;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  actorRole: string;
  action: string;
  from: string | null;
  to: string | null;
  reason: string | null;
}

export interface PaCase extends PaSummary {
  quantity: number;
  daysSupply: number;
  urgencyReason: string | null;
  submittedAt: string | null;
  determination: Determination | null;
  informationRequests: InformationRequest[];
  history: HistoryEntry[];
  /** Denials, partial approvals, closures: the last day to appeal (plan's zone) and whether it is still ahead. */
  appealFiling?: { noticeDate: string; deadline: string; open: boolean } | null;
}

export interface NoticeSummary {
  id: string;
  kind: string;
  recipient: string;
  channel: string;
  language: string;
  status: string;
  createdAt: string;
  appealId: string | null;
}

export interface AppealSummary {
  id: string;
  status: string;
  paRequestId: string;
  urgency: string;
  filedBy: string;
  receivedAt: string;
  dueAt: string;
  decision: string | null;
  decidedAt: string | null;
}

export interface AppealView extends AppealSummary {
  statement: string;
  filingDeadline: string;
  reasons: string[];
  decidedBy: { name: string; credential: string | null } | null;
  authorizationNumber: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  nextLevel: string | null;
  attachments: { attachmentId: string; filename: string }[];
}

export const APPEALABLE = ['denied', 'partially-approved', 'closed-no-response'];
export const OPEN_APPEAL = ['submitted', 'in-review'];
