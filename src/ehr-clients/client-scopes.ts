/** The scopes OpenPBM grants EHR clients, and what each lets a client do (docs/fhir.md, the admin screen). */
export const CLIENT_SCOPES = [
  {
    scope: 'cds-hooks',
    allows: 'CRD: call the CDS Hooks services (order-select, order-sign, order-dispatch, appointment-book)',
  },
  { scope: 'system/Questionnaire.r', allows: 'DTR: Questionnaire/$questionnaire-package' },
  { scope: 'system/QuestionnaireResponse.c', allows: "DTR: submit a QuestionnaireResponse as a case's answers" },
  { scope: 'system/Claim.c', allows: 'PAS: Claim/$submit' },
  { scope: 'system/ClaimResponse.r', allows: 'PAS: Claim/$inquire' },
  { scope: 'system/Subscription.cruds', allows: 'PAS: subscribe to decisions on pended requests' },
  { scope: 'epa', allows: 'NCPDP SCRIPT ePA: POST /api/v1/epa (hubs and EHRs), PANotifications to its endpoint' },
  { scope: 'rtpb', allows: 'Real-time prescription benefit: POST /api/v1/rtpb' },
] as const;

export const SCOPE = {
  crd: 'cds-hooks',
  questionnairePackage: 'system/Questionnaire.r',
  questionnaireResponse: 'system/QuestionnaireResponse.c',
  pasSubmit: 'system/Claim.c',
  pasInquire: 'system/ClaimResponse.r',
  subscriptionCreate: 'system/Subscription.c',
  subscriptionRead: 'system/Subscription.r',
  subscriptionDelete: 'system/Subscription.d',
} as const;
