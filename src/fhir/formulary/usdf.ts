/** Da Vinci PDex US Drug Formulary 2.x canonical URLs and code systems (hl7.fhir.us.davinci-drug-formulary). */
const BASE = 'http://hl7.org/fhir/us/davinci-drug-formulary';

export const USDF = {
  profile: {
    payerInsurancePlan: `${BASE}/StructureDefinition/usdf-PayerInsurancePlan`,
    formulary: `${BASE}/StructureDefinition/usdf-Formulary`,
    formularyItem: `${BASE}/StructureDefinition/usdf-FormularyItem`,
    formularyDrug: `${BASE}/StructureDefinition/usdf-FormularyDrug`,
  },
  ext: {
    formularyReference: `${BASE}/StructureDefinition/usdf-FormularyReference-extension`,
    availabilityStatus: `${BASE}/StructureDefinition/usdf-AvailabilityStatus-extension`,
    availabilityPeriod: `${BASE}/StructureDefinition/usdf-AvailabilityPeriod-extension`,
    pharmacyBenefitType: `${BASE}/StructureDefinition/usdf-PharmacyBenefitType-extension`,
    drugTierId: `${BASE}/StructureDefinition/usdf-DrugTierID-extension`,
    priorAuthorization: `${BASE}/StructureDefinition/usdf-PriorAuthorization-extension`,
    priorAuthorizationNewStartsOnly: `${BASE}/StructureDefinition/usdf-PriorAuthorizationNewStartsOnly-extension`,
    stepTherapyLimit: `${BASE}/StructureDefinition/usdf-StepTherapyLimit-extension`,
    stepTherapyLimitNewStartsOnly: `${BASE}/StructureDefinition/usdf-StepTherapyLimitNewStartsOnly-extension`,
    quantityLimit: `${BASE}/StructureDefinition/usdf-QuantityLimit-extension`,
    quantityLimitDetail: `${BASE}/StructureDefinition/usdf-QuantityLimitDetail-extension`,
    additionalCoverageInformation: `${BASE}/StructureDefinition/usdf-AdditionalCoverageInformation-extension`,
  },
  cs: {
    drugTier: `${BASE}/CodeSystem/usdf-DrugTierCS-TEMPORARY-TRIAL-USE`,
    pharmacyBenefitType: `${BASE}/CodeSystem/usdf-PharmacyBenefitTypeCS-TEMPORARY-TRIAL-USE`,
    benefitCostType: `${BASE}/CodeSystem/usdf-BenefitCostTypeCS-TEMPORARY-TRIAL-USE`,
    costShareOption: `${BASE}/CodeSystem/usdf-CostShareOptionCS-TEMPORARY-TRIAL-USE`,
    insuranceItemType: `${BASE}/CodeSystem/usdf-InsuranceItemTypeCS`,
    planContactType: `${BASE}/CodeSystem/usdf-PlanContactTypeCS-TEMPORARY-TRIAL-USE`,
  },
  searchParam: (id: string) => `${BASE}/SearchParameter/${id}`,
} as const;

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const INSURANCE_PLAN_TYPE = 'http://terminology.hl7.org/CodeSystem/insurance-plan-type';
export const PLAN_NET_PRODUCT_TYPE = 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/InsuranceProductTypeCS';

export const DRUG_TIER_DISPLAY: Record<string, string> = {
  generic: 'Generic',
  'preferred-generic': 'Preferred Generic',
  'non-preferred-generic': 'Non-preferred Generic',
  brand: 'Brand',
  'preferred-brand': 'Preferred Brand',
  'non-preferred-brand': 'Non-preferred Brand',
  specialty: 'Specialty',
  'zero-cost-share-preventative': 'Zero cost-share preventative',
  preferred: 'Preferred',
  'non-preferred': 'Non-preferred',
};

/**
 * OpenPBM's pharmacy types as USDF pharmacy benefit types: a retail fill is a 1-month in-network
 * retail supply; mail order fills 90 days (demo plans charge twice the 30-day copay for it).
 * Specialty-pharmacy cost sharing has no USDF benefit type and is published as retail.
 */
export const BENEFIT_TYPE_BY_PHARMACY = {
  retail: { code: '1-month-in-retail', display: '1 month in network retail' },
  mail: { code: '3-month-in-mail', display: '3 month in network mail order' },
} as const;
