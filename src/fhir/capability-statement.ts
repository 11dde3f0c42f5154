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

const SMART_CS = 'http://terminology.hl7.org/CodeSystem/restful-security-service';
const PAS_IG = 'http://hl7.org/fhir/us/davinci-pas';
const DTR_IG = 'http://hl7.org/fhir/us/davinci-dtr';

/** EHR-client (SMART Backend Services) and member resources, with the scope each needs (docs/fhir.md). */
export const CLIENT_AND_MEMBER_SUPPORT: ResourceSupport[] = [
  {
    type: 'Claim',
    interactions: [],
    operations: [
      {
        name: 'submit',
        definition: `${PAS_IG}/OperationDefinition/Claim-submit`,
        documentation: 'PAS request Bundle → response Bundle with ClaimResponse (scope system/Claim.c)',
      },
      {
        name: 'inquire',
        definition: `${PAS_IG}/OperationDefinition/Claim-inquiry`,
        documentation: 'PAS inquiry Bundle → the current decision (scope system/ClaimResponse.r)',
      },
    ],
    documentation: 'Da Vinci PAS 2.x for drugs: one PA case per drug item, the same case the portals and ePA show.',
  },
  {
    type: 'Subscription',
    profiles: [`${PAS_IG}/StructureDefinition/profile-subscription`],
    interactions: ['create', 'read', 'search-type', 'delete'],
    documentation:
      'PASSubscriptionTopic, rest-hook, filter org-identifier=<client organization> (scopes system/Subscription.c/.r/.d)',
  },
  {
    type: 'Questionnaire',
    interactions: [],
    operations: [
      {
        name: 'questionnaire-package',
        definition: `${DTR_IG}/OperationDefinition/questionnaire-package`,
        documentation: 'The criteria Questionnaire with SDC prefill (scope system/Questionnaire.r)',
      },
    ],
  },
  {
    type: 'QuestionnaireResponse',
    interactions: ['create'],
    documentation:
      "A case's answers: basedOn identifier https://openpbm.org/fhir/sid/pa-request (scope system/QuestionnaireResponse.c)",
  },
  {
    type: 'Patient',
    profiles: ['http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Patient'],
    interactions: ['read', 'search-type'],
    searchParams: [{ name: '_id', type: 'token', documentation: 'The member themself' }],
    documentation: "The signed-in member's own record (member access token); others are 404.",
  },
  {
    type: 'Coverage',
    profiles: ['http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Coverage'],
    interactions: ['read', 'search-type'],
    searchParams: [
      { name: 'patient', type: 'reference', documentation: 'The member themself' },
      { name: 'beneficiary', type: 'reference', documentation: 'The member themself' },
    ],
    documentation: "The signed-in member's coverage.",
  },
  {
    type: 'ExplanationOfBenefit',
    profiles: ['http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-ExplanationOfBenefit-Pharmacy'],
    interactions: ['read', 'search-type'],
    searchParams: [{ name: 'patient', type: 'reference', documentation: 'The member themself' }],
    documentation: "The signed-in member's pharmacy claims, paid and rejected.",
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
      'http://hl7.org/fhir/us/davinci-pas/ImplementationGuide/hl7.fhir.us.davinci-pas',
      'http://hl7.org/fhir/us/davinci-dtr/ImplementationGuide/hl7.fhir.us.davinci-dtr',
      'http://hl7.org/fhir/us/carin-bb/ImplementationGuide/hl7.fhir.us.carin-bb',
    ],
    rest: [
      {
        mode: 'server',
        documentation: 'Errors are OperationOutcome resources. Unknown search parameters are refused (400).',
        security: {
          service: [{ coding: [{ system: SMART_CS, code: 'SMART-on-FHIR' }] }],
          description:
            'Formulary resources are public. EHR clients use SMART Backend Services (private_key_jwt, POST /oauth/token, see /fhir/.well-known/smart-configuration); members use their portal access token.',
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [{ url: 'token', valueUri: `${options.baseUrl.replace(/\/fhir$/, '')}/oauth/token` }],
            },
          ],
        },
        resource: options.resources.map(restResource),
      },
    ],
  };
}
