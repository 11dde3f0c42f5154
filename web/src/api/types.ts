/**
 * The shapes the server's JSON API returns, shared by every portal. Each follows the server's own
 * definition: src/members/members.routes.ts, src/reference/reference.routes.ts, src/coverage/coverage.routes.ts,
 * src/claims/claims.schemas.ts, src/priorauth/request-view.ts, src/appeals/appeal-view.ts,
 * src/notices/notices.routes.ts.
 */
import type { ExceptionKind } from '../../../src/shared/exception-kinds';
import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import type { ApiAnswer, ApiBody } from './api-shapes';

/** A list answer: { items: [...] }. */
export type Items<T> = { items: T[] };

/** Who pays for drugs and how a pharmacy routes a claim to them. */
export interface Processor {
  name: string;
  bin: string;
  pcn: string | null;
  groupId: string | null;
  phone: string | null;
}

/** GET /members/search items and GET /members/{id}. */
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

/** GET /plans items. */
export interface PlanSummary {
  id: string;
  name: string;
  lineOfBusiness: string;
  processorId: string;
  processorName: string;
  bin: string;
  pcn: string | null;
  groupId: string | null;
  carveOutPlanId: string | null;
}

/** GET /plans/{planId}/formulary: the plan's entries (formularyPlanId: the plan whose list it uses). */
export type FormularyAnswer = ApiAnswer<'/api/v1/plans/{planId}/formulary', 'get'>;
export type FormularyHit = FormularyAnswer['items'][number];

/** A covered drug offered instead (coverage answers and claim next steps), and GET /coverage: the server's own shapes. */
export type Coverage = ApiAnswer<'/api/v1/coverage', 'get'>;
export type Alternative = NonNullable<Coverage['alternatives']>[number];

/** What to do after a rejected claim. */
export interface NextSteps {
  priorAuthorization?: {
    required: boolean;
    processorName: string;
    howToRequest: string[];
    fax?: string;
    phone?: string;
    criteriaId?: string;
  };
  otherProcessor?: Processor;
  alternatives?: Alternative[];
  refillAllowedOn?: string;
  stepTherapy?: { prerequisites: string; lookbackDays: number };
  quantityLimit?: { units: number; days: number; maxForDaysSupply: number };
  /** The exception that lifts the reject, and its question set (docs/design.md#exceptions). */
  exception?: { kind: ExceptionKind; criteriaId: string };
}

export interface Reject {
  code: string;
  description: string;
}

export interface Pricing {
  ingredientCost: string;
  dispensingFee: string;
  patientPay: string;
  planPay: string;
  basis: string;
}

/** POST /claims: the claim fields the pharmacy keys in (ClaimRequestSchema). */
export type ClaimRequest = ApiBody<'/api/v1/claims', 'post'>;

/** POST /claims answer. */
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

/** GET /claims items and GET /claims/{id}. */
export interface ClaimSummary {
  claimId: string;
  memberId: string | null;
  pharmacyNpi: string;
  /** The prescriber on the prescription. */
  prescriberNpi?: string;
  prescriptionNumber: string;
  fillNumber: number;
  dateOfService: string;
  productId: string;
  drugName: string | null;
  /** The drug-form group (what an authorization covers). */
  drugGroupId?: string | null;
  /** The pharmacy as a member knows it. */
  pharmacy?: { npi: string; name: string; phone: string | null; address: string | null } | null;
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

/** POST /claims/{id}/reversal answer. */
export interface ReversalResponse {
  claimId: string;
  transactionStatus: 'A' | 'R';
  rejects: Reject[];
  message: string;
}

/** Where a case stands after appeals (src/priorauth/rules/case-standing.ts). */
export interface CaseStandingView {
  /** The case status, or approved-on-appeal / partially-approved-on-appeal. */
  status: string;
  appeal: 'open' | 'withdrawn' | 'overturned' | 'partially-overturned' | 'upheld' | null;
  /** The authorization the member can fill on; null when nothing is approved. */
  authorization: {
    number: string;
    effectiveFrom: string;
    effectiveTo: string;
    maxUnits: number | null;
    perDays: number | null;
  } | null;
}

/** A PA request in GET /pa-requests and GET /review-queue. */
export interface RequestSummary {
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
  /** Present when the list was computed against a clock (queues). */
  timeLeftSeconds?: number;
  escalated: boolean;
  assignedTo: string | null;
  decision: string | null;
  renewalOf: string | null;
  /** What people read: approved on appeal with the authorization, an open appeal, or the case's own status. */
  standing?: CaseStandingView;
  /** GET /review-queue only. */
  overdue?: boolean;
  /** GET /review-queue: past the plan's warning time before due, or overdue. */
  atRisk?: boolean;
  /** Lists (GET /pa-requests, /review-queue): who the case is for and who asked. */
  memberName?: string | null;
  prescriberName?: string | null;
}

/** GET /review-queue */
export interface ReviewQueue {
  now: string;
  items: RequestSummary[];
}

/** The decision on a case (src/priorauth/record-determination.ts, cancel-request.ts). */
export interface Determination {
  decision: string;
  reasons: string[];
  criteriaNotMet?: string[];
  decidedAt: string;
  decidedBy?: { name: string; role: string; username?: string; credential?: string | null } | null;
  authorizationNumber?: string;
  effectiveFrom?: string;
  effectiveTo?: string;
  approvedQuantity?: number | null;
  perDays?: number | null;
  note?: string;
}

/** One thing a reviewer asked for: a question, or a document. */
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
  response: { note?: string | null; attachmentIds?: string[]; answered?: boolean; by?: string } | null;
}

export interface Attachment {
  id: string;
  /** The required document it answers (case attachments only). */
  documentId?: string | null;
  filename: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  actorRole: string;
  action: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  details?: unknown;
}

/** A letter as a case or appeal view lists it. */
export interface NoticeRef {
  id: string;
  kind: string;
  recipient: string;
  channel: string;
  language: string;
  status: string;
  attempts: number;
  createdAt: string;
}

/** GET /notices items. */
export interface NoticeSummary extends NoticeRef {
  sentAt: string | null;
  paRequestId: string | null;
  appealId: string | null;
}

/** One step of the criteria trace. */
export interface RuleTrace {
  id: string;
  text: string;
  result: 'met' | 'not-met' | 'unknown';
  values?: Record<string, unknown>;
  error?: string;
}

export interface CriteriaEvaluation {
  evaluation?: { outcome?: string; rules?: RuleTrace[] };
  facts?: Record<string, unknown>;
  evaluatedAt?: string;
}

/** Approved cases: the authorization a renewal would continue, and when the renewal window opens. */
export interface Renewal {
  authorizationNumber: string;
  effectiveTo: string;
  opensOn: string;
  open: boolean;
}

/** Denials, partial approvals, closures: the notice date, the last day to appeal (plan's zone), and whether it is still ahead. */
export interface AppealFiling {
  noticeDate: string;
  deadline: string;
  open: boolean;
}

/** GET /pa-requests/{id} and the answer of every case action (src/priorauth/request-view.ts). */
export interface RequestView extends RequestSummary {
  /** prior-authorization, or the exception kind. */
  kind?: string;
  exceptionKind?: ExceptionKind | null;
  /** Medicare Part D exceptions: when the prescriber's supporting statement arrived (the clock runs from it). */
  supportingStatementReceivedAt?: string | null;
  pharmacyNpi: string | null;
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
  renewal?: Renewal | null;
  appealFiling?: AppealFiling | null;
  /** Reviewer roles that may deny or approve in part on this plan (Part D: physicians only). */
  adverseDecisionRoles?: string[];
  /** Formulary and tiering exceptions: the tiers an approval may name (approvedTier). */
  exceptionTiers?: string[];
  criteriaEvaluation: CriteriaEvaluation | null;
  /** The criteria set's plain-language denial reason per rule id (en, es): the reviewer's denial starts from these. */
  denialTemplates?: Record<string, { en: string; es: string }>;
  notices: NoticeRef[];
  history: HistoryEntry[];
}

/** GET /pa-requests/{id}/claim-history: the case member's claims of the last year (clinicians). */
export interface CaseClaimHistory {
  memberId: string;
  from: string;
  to: string;
  items: ClaimSummary[];
}

/** POST /pa-requests when the drug needs no prior authorization. */
export interface PaNotRequired {
  status: 'not-required';
  message: string;
  drug: { rxcui: string; name: string };
  planId: string;
  processor: string;
}

/** GET /appeals items (src/appeals/appeal-view.ts). */
export interface AppealSummary {
  id: string;
  status: string;
  paRequestId: string;
  memberId: string;
  prescriberNpi: string;
  planId: string;
  urgency: string;
  filedBy: string;
  representativeName: string | null;
  receivedAt: string;
  dueAt: string;
  timeLeftSeconds?: number;
  overdue?: boolean;
  escalated: boolean;
  assignedTo: string | null;
  decision: string | null;
  decidedAt: string | null;
}

/** GET /appeals/{id} */
export interface AppealView extends AppealSummary {
  drug: { rxcui: string; name: string; groupId: string; groupName: string } | null;
  statement: string;
  filedByUser: string;
  noticeDate: string;
  filingDeadline: string;
  escalatedAt: string | null;
  assignedAt: string | null;
  originalDetermination: {
    decision: string | null;
    reasons: string[];
    decidedAt: string | null;
    decidedBy: { name: string | null; credential: string | null } | null;
  } | null;
  reasons: string[];
  decidedBy: { username: string; name: string; credential: string | null } | null;
  authorizationNumber: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  approvedQuantity: number | null;
  nextLevel: string | null;
  version: number;
  attachments: Attachment[];
  notices: NoticeRef[];
  history: HistoryEntry[];
}
