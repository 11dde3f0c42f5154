/**
 * The shapes the server's JSON API returns, shared by every portal: each one is picked out of the
 * generated web/src/api/openapi.d.ts (npm run gen:api), so it is the route's own schema, never a copy.
 * Change a route's schema, run npm run gen:api, and `tsc -p web` shows every screen that reads the
 * changed field. Only aliases (and types derived from them with Pick/Omit/indexing) belong here.
 */
import type { Questionnaire, QuestionnaireResponse } from '@medplum/fhirtypes';
import type { ApiAnswer, ApiBody } from './api-shapes';

/** A list answer: { items: [...] }. */
export type Items<T> = { items: T[] };

/** GET /members/search items and GET /members/{id}. */
export type Patient = ApiAnswer<'/api/v1/members/{id}', 'get'>;
/** Who pays for drugs and how a pharmacy routes a claim to them. */
export type Processor = NonNullable<NonNullable<Patient['pharmacyBenefit']>['processor']>;

/** GET /plans items. */
export type PlanSummary = ApiAnswer<'/api/v1/plans', 'get'>['items'][number];

/** GET /plans/{planId}/formulary: the plan's entries (formularyPlanId: the plan whose list it uses). */
export type FormularyAnswer = ApiAnswer<'/api/v1/plans/{planId}/formulary', 'get'>;
export type FormularyHit = FormularyAnswer['items'][number];

/** GET /coverage, and a covered drug offered instead (coverage answers and claim next steps). */
export type Coverage = ApiAnswer<'/api/v1/coverage', 'get'>;
export type Alternative = NonNullable<Coverage['alternatives']>[number];

/** POST /claims: the claim fields the pharmacy keys in (ClaimRequestSchema), and the answer. */
export type ClaimRequest = ApiBody<'/api/v1/claims', 'post'>;
export type ClaimResponse = ApiAnswer<'/api/v1/claims', 'post'>;
/** What to do after a rejected claim. */
export type NextSteps = NonNullable<ClaimResponse['nextSteps']>;
export type Reject = ClaimResponse['rejects'][number];

/** GET /claims items and GET /claims/{id}. */
export type ClaimSummary = ApiAnswer<'/api/v1/claims/{claimId}', 'get'>;

/** POST /claims/{id}/reversal answer. */
export type ReversalResponse = ApiAnswer<'/api/v1/claims/{claimId}/reversal', 'post'>;

/** A PA request in GET /pa-requests and GET /review-queue. */
export type RequestSummary = ApiAnswer<'/api/v1/pa-requests', 'get'>['items'][number];
/** GET /renewals-due items: an authorization of the prescriber's patient inside its renewal window. */
export type RenewalDue = ApiAnswer<'/api/v1/renewals-due', 'get'>['items'][number];
/** Where a case stands after appeals (src/priorauth/rules/case-standing.ts). */
export type CaseStandingView = RequestSummary['standing'];

/** GET /review-queue */
export type ReviewQueue = ApiAnswer<'/api/v1/review-queue', 'get'>;

type RequestViewAnswer = ApiAnswer<'/api/v1/pa-requests/{id}', 'get'>;
/**
 * GET /pa-requests/{id} and the answer of every case action. The question set and the answers are
 * FHIR resources the API passes through whole (open objects in the schema): read here as FHIR types.
 */
export type RequestView = Omit<RequestViewAnswer, 'questionnaire' | 'answers'> & {
  questionnaire: Questionnaire | null;
  answers: QuestionnaireResponse | null;
};
/** The decision on a case (src/priorauth/record-determination.ts, cancel-request.ts). */
export type Determination = NonNullable<RequestView['determination']>;
export type InformationRequest = RequestView['informationRequests'][number];
/** One thing a reviewer asked for: a question, or a document. */
export type Attachment = RequestView['attachments'][number];
export type HistoryEntry = RequestView['history'][number];
/** A letter as a case or appeal view lists it. */
export type NoticeRef = RequestView['notices'][number];
export type CriteriaEvaluation = NonNullable<RequestView['criteriaEvaluation']>;
/** One step of the criteria trace. */
export type RuleTrace = NonNullable<CriteriaEvaluation['evaluation']>['rules'][number];
/** Approved cases: the authorization a renewal would continue, and when the renewal window opens. */
export type Renewal = NonNullable<RequestView['renewal']>;
/** Denials, partial approvals, closures: the notice date, the last day to appeal, and whether it is still ahead. */

/** GET /pa-requests/{id}/claim-history: the case member's claims of the last year (clinicians). */
export type CaseClaimHistory = ApiAnswer<'/api/v1/pa-requests/{id}/claim-history', 'get'>;

/** POST /pa-requests when the drug needs no prior authorization. */
export type PaNotRequired = ApiAnswer<'/api/v1/pa-requests', 'post'>;

/** GET /notices items. */
export type NoticeSummary = ApiAnswer<'/api/v1/notices', 'get'>['items'][number];

/** GET /appeals items, and GET /appeals/{id}. */
export type AppealSummary = ApiAnswer<'/api/v1/appeals', 'get'>['items'][number];
export type AppealView = ApiAnswer<'/api/v1/appeals/{id}', 'get'>;
