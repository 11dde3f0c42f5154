import type { SearchParamDef } from '../search/search-params.js';

const common: SearchParamDef[] = [
  { name: '_id', type: 'token', documentation: 'Logical id' },
  {
    name: '_lastUpdated',
    type: 'date',
    documentation: 'meta.lastUpdated, with prefixes eq, ne, gt, lt, ge, le, sa, eb',
  },
];

export const INSURANCE_PLAN_PARAMS: SearchParamDef[] = [
  ...common,
  { name: 'identifier', type: 'token', documentation: 'Plan id (system https://openpbm.org/fhir/sid/plan-id)' },
  { name: 'status', type: 'token', documentation: 'active' },
  { name: 'type', type: 'token', documentation: 'DRUGPOL for formularies; Plan-Net product types for payer plans' },
  { name: 'name', type: 'string', documentation: 'Starts with, case-insensitive' },
  { name: 'coverage-type', type: 'token', documentation: 'InsurancePlan.coverage.type (DRUGPOL)' },
  {
    name: 'formulary-coverage',
    type: 'reference',
    documentation: 'Payer plans whose drug coverage uses this formulary',
  },
];
export const INSURANCE_PLAN_INCLUDES = ['InsurancePlan:formulary-coverage'];

export const BASIC_PARAMS: SearchParamDef[] = [
  ...common,
  { name: 'code', type: 'token', documentation: 'formulary-item' },
  {
    name: 'subject',
    type: 'reference',
    documentation:
      'MedicationKnowledge/FormularyDrug-<rxcui>; chained subject:MedicationKnowledge.code=<system>|<RxCUI>',
  },
  { name: 'status', type: 'token', documentation: 'Availability status (active)' },
  { name: 'formulary', type: 'reference', documentation: 'InsurancePlan/Formulary-<plan id>' },
  { name: 'pharmacy-benefit-type', type: 'token', documentation: 'usdf-PharmacyBenefitTypeCS code' },
  { name: 'drug-tier', type: 'token', documentation: 'usdf-DrugTierCS code' },
];
/** Chained search on the formulary drug's RxNorm code (USDF: subject:MedicationKnowledge.code). */
export const BASIC_CHAINS = ['subject:MedicationKnowledge.code'];
export const BASIC_INCLUDES = ['Basic:formulary', 'Basic:subject'];

export const MEDICATION_KNOWLEDGE_PARAMS: SearchParamDef[] = [
  ...common,
  { name: 'status', type: 'token', documentation: 'active' },
  { name: 'code', type: 'token', documentation: 'RxNorm SCD/SBD or drug-form group RxCUI' },
  { name: 'drug-name', type: 'string', documentation: 'Contains, case-insensitive, over the RxNorm name and brand' },
  { name: 'doseform', type: 'token', documentation: 'RxNorm dose form name (text)' },
];
