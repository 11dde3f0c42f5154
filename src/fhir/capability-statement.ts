import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import type { SearchParamDef } from './search/search-params.js';
import {
  BASIC_CHAINS,
  BASIC_INCLUDES,
  BASIC_PARAMS,
  INSURANCE_PLAN_INCLUDES,
  INSURANCE_PLAN_PARAMS,
  MEDICATION_KNOWLEDGE_PARAMS,
} from './formulary/formulary-search-params.js';
import { USDF } from './formulary/usdf.js';

/** One resource type as the server supports it: every route in fhir-routes.ts appears here (a test checks). */
export interface ResourceSupport {
  type: string;
  profiles?: string[];
  interactions: Array<'read' | 'search-type' | 'create' | 'delete'>;
  searchParams?: SearchParamDef[];
  includes?: string[];
  chains?: string[];
  operations?: Array<{ name: string; definition: string; documentation?: string }>;
  documentation?: string;
}

export const FORMULARY_SUPPORT: ResourceSupport[] = [
  {
    type: 'InsurancePlan',
    profiles: [USDF.profile.payerInsurancePlan, USDF.profile.formulary],
    interactions: ['read', 'search-type'],
    searchParams: INSURANCE_PLAN_PARAMS,
    includes: INSURANCE_PLAN_INCLUDES,
    operations: [
      {
        name: 'export',
        definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export',
        documentation:
          'GET /InsurancePlan/{formulary id}/$export: the whole formulary as NDJSON (Formulary, FormularyItems, FormularyDrugs); _type and _since supported',
      },
    ],
    documentation: 'Public (no authentication). Payer insurance plans and formularies (type DRUGPOL).',
  },
  {
    type: 'Basic',
    profiles: [USDF.profile.formularyItem],
    interactions: ['read', 'search-type'],
    searchParams: BASIC_PARAMS,
    includes: BASIC_INCLUDES,
    chains: BASIC_CHAINS,
    documentation: 'Public. Formulary items: tier, PA, step therapy, quantity limits, pharmacy benefit types.',
  },
  {
    type: 'MedicationKnowledge',
    profiles: [USDF.profile.formularyDrug],
    interactions: ['read', 'search-type'],
    searchParams: MEDICATION_KNOWLEDGE_PARAMS,
    documentation: 'Public. Formulary drugs by RxNorm SCD/SBD with their SCDF drug-form group where known.',
  },
];

function restResource(r: ResourceSupport): CapabilityStatementRestResource {
  return {
    type: r.type as CapabilityStatementRestResource['type'],
    ...(r.profiles ? { supportedProfile: r.profiles } : {}),
    ...(r.documentation ? { documentation: r.documentation } : {}),
    interaction: r.interactions.map((code) => ({ code })),
    ...(r.interactions.includes('read') ? { readHistory: false, updateCreate: false } : {}),
    ...(r.searchParams
      ? {
          searchParam: r.searchParams.map((p) => ({
            name: p.name,
            type: p.type,
            documentation: p.documentation,
            ...(p.name.startsWith('_') ? {} : { definition: USDF.searchParam(`${r.type}-${p.name}`) }),
          })),
        }
      : {}),
    ...(r.includes ? { searchInclude: r.includes } : {}),
    ...(r.operations
      ? {
          operation: r.operations.map((o) => ({
            name: o.name,
            definition: o.definition,
            documentation: o.documentation,
          })),
        }
      : {}),
  };
}

/** `GET /fhir/metadata`: what this server supports, and nothing it does not. */
export function capabilityStatement(options: {
  baseUrl: string;
  date: string;
  resources: ResourceSupport[];
}): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date,
    publisher: 'OpenPBM',
    kind: 'instance',
    software: { name: 'OpenPBM', version: '0.1.0' },
    implementation: { description: 'OpenPBM FHIR R4 endpoint (docs/fhir.md)', url: options.baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    implementationGuide: [
      'http://hl7.org/fhir/us/davinci-drug-formulary/ImplementationGuide/hl7.fhir.us.davinci-drug-formulary',
    ],
    rest: [
      {
        mode: 'server',
        documentation: 'Errors are OperationOutcome resources. Unknown search parameters are refused (400).',
        resource: options.resources.map(restResource),
      },
    ],
  };
}
