/** The API shapes this portal reads (the server's *.schemas.ts and route files). */
export interface Processor {
  name: string;
  bin: string;
  pcn: string | null;
  groupId: string | null;
  phone: string | null;
}

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
  pharmacyBenefit: { planId: string; planName: string; processor: Processor | null } | null;
}

export interface NextSteps {
  priorAuthorization?: { required: boolean; processorName: string; howToRequest: string[]; fax?: string; phone?: string; criteriaId?: string };
  otherProcessor?: Processor;
  alternatives?: { rxcui: string; name: string; tier: string | null; estimatedPatientPay: string | null; priorAuthorizationRequired: boolean }[];
  refillAllowedOn?: string;
  stepTherapy?: { prerequisites: string; lookbackDays: number };
  quantityLimit?: { units: number; days: number; maxForDaysSupply: number };
}

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
  rejects: { code: string; description: string }[];
  message: string;
  patientPay: string | null;
  planPay: string | null;
  authorizationNumber: string | null;
  nextSteps?: NextSteps;
  receivedAt: string;
}

export interface PaSummary {
  id: string;
  status: string;
  memberId: string;
  prescriberNpi: string;
  planId: string;
  drug: { rxcui: string; name: string; groupId: string; groupName: string; scope: string };
  urgency: string;
  channel: string;
  receivedAt: string;
  completedAt: string | null;
  dueAt: string | null;
  escalated: boolean;
  assignedTo: string | null;
  decision: string | null;
}

export interface Determination {
  decision: string;
  reasons: string[];
  criteriaNotMet?: string[];
  decidedAt: string;
  decidedBy?: { name: string; role: string; credential: string | null };
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
  requestedBy: string;
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

export interface PaView extends PaSummary {
  pharmacyNpi: string | null;
  quantity: number;
  daysSupply: number;
  urgencyReason: string | null;
  submittedAt: string | null;
  criteria: { id: string; version: number; title: string };
  informationRequests: InformationRequest[];
  determination: Determination | null;
  history: HistoryEntry[];
}

export interface AppealSummary {
  id: string;
  status: string;
  paRequestId: string;
  urgency: string;
  filedBy: string;
  representativeName: string | null;
  receivedAt: string;
  dueAt: string;
  decision: string | null;
  decidedAt: string | null;
}

export interface NoticeSummary {
  id: string;
  kind: string;
  recipient: string;
  channel: string;
  language: string;
  status: string;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
}

export interface CallNote {
  id: string;
  memberId: string;
  recordedAt: string;
  recordedBy: { username: string; role: string; name: string | null };
  callerName: string;
  callerRelationship: string;
  identityVerified: boolean;
  verificationMethod: string | null;
  identityStatement: string;
  topic: string;
  note: string;
  paRequestId: string | null;
  claimId: string | null;
  appealId: string | null;
}

export type Items<T> = { items: T[] };
