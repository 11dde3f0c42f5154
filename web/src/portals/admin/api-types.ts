/**
 * The API answers only the administrator screens read, picked out of the generated openapi.d.ts
 * (npm run gen:api); plans and formulary are in web/src/api/types.ts.
 */
import type { QuestionnaireItem } from '@medplum/fhirtypes';
import type { ApiAnswer } from '../../api/api-shapes';

/** GET /reports/turnaround, as generated from the route's schema (src/reports/reports.schemas.ts). */
export type TurnaroundReport = ApiAnswer<'/api/v1/reports/turnaround', 'get'>;
export type SplitMetrics = TurnaroundReport['total'];
export type WeekPoint = TurnaroundReport['weekly'][number];
export type Share = SplitMetrics['approved'];

/** GET /criteria items. */
export type CriteriaSummary = ApiAnswer<'/api/v1/criteria', 'get'>['items'][number];

/**
 * GET /criteria/{id}: the criteria set's body, whose one definition (and validation) is shared by the
 * server and the editor (src/shared/criteria-set.ts); the route declares no response schema for it yet.
 */
export type { CriteriaSet } from '../../../../src/shared/criteria-set';
/** A question of the criteria set's FHIR Questionnaire. */
export type QuestionItem = QuestionnaireItem;

/** GET /users items. */
export type UserSummary = ApiAnswer<'/api/v1/users', 'get'>['items'][number];

/** GET /reports/claims: claims by date of service and reject-code counts. */
export type ClaimsReport = ApiAnswer<'/api/v1/reports/claims', 'get'>;
export type ClaimDay = ClaimsReport['days'][number];
