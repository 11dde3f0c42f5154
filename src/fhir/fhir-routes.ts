import type { AppContext } from '../app-context.js';
import { capabilityStatement, FORMULARY_SUPPORT } from './capability-statement.js';
import { ok, type FhirRequest } from './fhir-request.js';
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

const PUBLIC = { kind: 'public' } as const;

export const SUPPORTED_RESOURCES = [...FORMULARY_SUPPORT];

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
    { method: 'GET', path: '/InsurancePlan', access: PUBLIC, handler: searchInsurancePlans },
    { method: 'GET', path: '/InsurancePlan/:id', access: PUBLIC, handler: readInsurancePlan },
    { method: 'GET', path: '/InsurancePlan/:id/$export', access: PUBLIC, handler: exportFormulary },
    { method: 'GET', path: '/Basic', access: PUBLIC, handler: searchFormularyItems },
    { method: 'GET', path: '/Basic/:id', access: PUBLIC, handler: readFormularyItem },
    { method: 'GET', path: '/MedicationKnowledge', access: PUBLIC, handler: searchFormularyDrugs },
    { method: 'GET', path: '/MedicationKnowledge/:id', access: PUBLIC, handler: readFormularyDrug },
  ];
}
