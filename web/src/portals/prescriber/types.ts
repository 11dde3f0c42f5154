import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';

/** Shapes of the JSON API the prescriber screens read (see the schemas and route files under src/). */

export interface Processor {
  name: string;
  bin: string;
  pcn: string | null;
  groupId: string | null;
  phone: string | null;
}

/** GET /members/search and GET /members/{id} */
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

/** GET /plans/{planId}/formulary items */
export interface FormularyHit {
  rxcui: string;
  name: string;
  generic: boolean;
  brandName: string | null;
  strength: string | null;
  doseForm: string;
  groupName: string;
  covered: boolean;
  tier: string | null;
  priorAuthorization: boolean;
  stepTherapy: string | null;
  quantityLimit: { units: number; days: number } | null;
}

export interface Alternative {
  rxcui: string;
  name: string;
  tier: string | null;
  estimatedPatientPay: string | null;
  priorAuthorizationRequired: boolean;
}

/** GET /coverage */
export interface Coverage {
  covered: boolean;
  eligible: boolean;
  planId: string;
  planName: string;
  drug: { rxcui: string; name: string; groupId: string; groupName: string; generic: boolean };
  tier: string | null;
  priorAuthorizationRequired: boolean;
  criteriaId: string | null;
  activeAuthorization?: { number: string; effectiveFrom: string; effectiveTo: string };
  stepTherapy?: { prerequisites: string; lookbackDays: number; met: boolean };
  quantityLimit?: { units: number; days: number; maxForDaysSupply: number };
  ageLimit?: { minAge: number | null; maxAge: number | null; met: boolean };
  estimatedPatientPay: string | null;
  processor: Processor;
  alternatives?: Alternative[];
  message: string;
}

/** A request in GET /pa-requests */
export interface RequestSummary {
  id: string;
  status: string;
  memberId: string;
  prescriberNpi: string;
  drug: { rxcui: string; name: string; groupName: string; scope: string };
  urgency: 'standard' | 'urgent';
  channel: string;
  receivedAt: string;
  completedAt: string | null;
  dueAt: string | null;
  decision: string | null;
  renewalOf: string | null;
}

export interface InformationItem {
  id?: string;
  question?: string;
  document?: string;
  linkId?: string;
}

export interface InformationRequest {
  id: string;
  sequence: number;
  items: InformationItem[];
  note: string | null;
  status: string;
  requestedAt: string;
  requestedBy: string;
  dueAt: string;
  respondedAt: string | null;
  response: { note?: string | null; attachmentIds?: string[] } | null;
}

export interface Attachment {
  id: string;
  documentId: string | null;
  filename: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface Determination {
  decision: string;
  reasons: string[];
  decidedAt: string;
  decidedBy?: { name: string; role: string; credential?: string | null } | null;
  authorizationNumber?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  approvedQuantity?: number | null;
  perDays?: number | null;
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

/** GET /pa-requests/{id} */
export interface RequestView extends RequestSummary {
  quantity: number;
  daysSupply: number;
  urgencyReason: string | null;
  submittedAt: string | null;
  criteria: { id: string; version: number; title: string };
  questionnaire: Questionnaire | null;
  requiredDocuments: { id: string; text: string }[];
  answers: QuestionnaireResponse | null;
  attachments: Attachment[];
  informationRequests: InformationRequest[];
  determination: Determination | null;
  renewal?: { authorizationNumber: string; effectiveTo: string; opensOn: string; open: boolean } | null;
  history: HistoryEntry[];
}

/** GET /notices?paRequestId= */
export interface NoticeSummary {
  id: string;
  kind: string;
  recipient: string;
  channel: string;
  language: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
}

export const OPEN_STATUSES = ['awaiting-answers', 'submitted', 'in-review', 'awaiting-information'];
