import type { AppContext } from '../app-context.js';
import { capabilityStatement, CLIENT_AND_MEMBER_SUPPORT, FORMULARY_SUPPORT } from './capability-statement.js';
import { questionnairePackage } from './dtr/questionnaire-package.js';
import { submitQuestionnaireResponse } from './dtr/submit-questionnaire-response.js';
import { ok, type FhirAccess, type FhirRequest } from './fhir-request.js';
import type { FhirRoute } from './fhir-route.js';
import { exportFormulary } from './formulary/export-formulary.js';
import {
  readFormularyDrug,
  readFormularyItem,
  readInsurancePlan,
  searchFormularyDrugs,
  searchFormularyItems,
  searchInsurancePlans,
} from './formulary/formulary-handlers.js';
import {
  readCoverage,
  readEob,
  readPatient,
  searchCoverages,
  searchEobs,
  searchPatients,
} from './member/member-handlers.js';
import { pasInquireHandler, pasSubmitHandler } from './pas/pas-handlers.js';
import { createSubscription, deleteSubscription, readSubscription, searchSubscriptions } from './pas/subscriptions.js';
import { SCOPE } from '../ehr-clients/client-scopes.js';
import { smartConfiguration } from './smart/smart-configuration.js';

const PUBLIC: FhirAccess = { kind: 'public' };
const MEMBER: FhirAccess = { kind: 'member' };
const scope = (s: string): FhirAccess => ({ kind: 'client', scope: s });

export const SUPPORTED_RESOURCES = [...FORMULARY_SUPPORT, ...CLIENT_AND_MEMBER_SUPPORT];

/** Every route under /fhir: the edge registers exactly these, and the CapabilityStatement lists them. */
export function fhirRoutes(): FhirRoute[] {
  return [
    {
      method: 'GET',
      path: '/metadata',
      access: PUBLIC,
      handler: async (req: FhirRequest, ctx: AppContext) =>
        ok(
          capabilityStatement({
            baseUrl: req.baseUrl,
            date: ctx.clock.now().toISOString(),
            resources: SUPPORTED_RESOURCES,
          }),
        ),
    },
    { method: 'GET', path: '/.well-known/smart-configuration', access: PUBLIC, handler: smartConfiguration },
    // Da Vinci US Drug Formulary (public)
    { method: 'GET', path: '/InsurancePlan', access: PUBLIC, handler: searchInsurancePlans },
    { method: 'GET', path: '/InsurancePlan/:id', access: PUBLIC, handler: readInsurancePlan },
    { method: 'GET', path: '/InsurancePlan/:id/$export', access: PUBLIC, handler: exportFormulary },
    { method: 'GET', path: '/Basic', access: PUBLIC, handler: searchFormularyItems },
    { method: 'GET', path: '/Basic/:id', access: PUBLIC, handler: readFormularyItem },
    { method: 'GET', path: '/MedicationKnowledge', access: PUBLIC, handler: searchFormularyDrugs },
    { method: 'GET', path: '/MedicationKnowledge/:id', access: PUBLIC, handler: readFormularyDrug },
    // DTR
    {
      method: 'POST',
      path: '/Questionnaire/$questionnaire-package',
      access: scope(SCOPE.questionnairePackage),
      handler: questionnairePackage,
    },
    {
      method: 'POST',
      path: '/QuestionnaireResponse',
      access: scope(SCOPE.questionnaireResponse),
      handler: submitQuestionnaireResponse,
    },
    // PAS
    { method: 'POST', path: '/Claim/$submit', access: scope(SCOPE.pasSubmit), handler: pasSubmitHandler },
    { method: 'POST', path: '/Claim/$inquire', access: scope(SCOPE.pasInquire), handler: pasInquireHandler },
    { method: 'POST', path: '/Subscription', access: scope(SCOPE.subscriptionCreate), handler: createSubscription },
    { method: 'GET', path: '/Subscription', access: scope(SCOPE.subscriptionRead), handler: searchSubscriptions },
    { method: 'GET', path: '/Subscription/:id', access: scope(SCOPE.subscriptionRead), handler: readSubscription },
    {
      method: 'DELETE',
      path: '/Subscription/:id',
      access: scope(SCOPE.subscriptionDelete),
      handler: deleteSubscription,
    },
    // The signed-in member's own records (CARIN Blue Button)
    { method: 'GET', path: '/Patient', access: MEMBER, handler: searchPatients },
    { method: 'GET', path: '/Patient/:id', access: MEMBER, handler: readPatient },
    { method: 'GET', path: '/Coverage', access: MEMBER, handler: searchCoverages },
    { method: 'GET', path: '/Coverage/:id', access: MEMBER, handler: readCoverage },
    { method: 'GET', path: '/ExplanationOfBenefit', access: MEMBER, handler: searchEobs },
    { method: 'GET', path: '/ExplanationOfBenefit/:id', access: MEMBER, handler: readEob },
  ];
}
