/** CARIN Consumer Directed Payer Data Exchange (CARIN Blue Button) 2.x canonical URLs and code systems. */
const BASE = 'http://hl7.org/fhir/us/carin-bb';
export const C4BB = {
  patient: `${BASE}/StructureDefinition/C4BB-Patient`,
  coverage: `${BASE}/StructureDefinition/C4BB-Coverage`,
  organization: `${BASE}/StructureDefinition/C4BB-Organization`,
  pharmacyEob: `${BASE}/StructureDefinition/C4BB-ExplanationOfBenefit-Pharmacy`,
  supportingInfoType: `${BASE}/CodeSystem/C4BBSupportingInfoType`,
  adjudication: `${BASE}/CodeSystem/C4BBAdjudication`,
  adjudicationDiscriminator: `${BASE}/CodeSystem/C4BBAdjudicationDiscriminator`,
  claimCareTeamRole: `${BASE}/CodeSystem/C4BBClaimCareTeamRole`,
  identifierType: `${BASE}/CodeSystem/C4BBIdentifierType`,
  payerAdjudicationStatus: `${BASE}/CodeSystem/C4BBPayerAdjudicationStatus`,
} as const;

export const MEMBER_ID_SYSTEM = 'https://openpbm.org/fhir/sid/member-id';
export const NPI = 'http://hl7.org/fhir/sid/us-npi';
export const NDC = 'http://hl7.org/fhir/sid/ndc';
export const coverageId = (memberId: string) => `coverage-${memberId}`;
