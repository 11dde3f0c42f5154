import type { AppContext } from '../app-context.js';
import type { FhirAccess, FhirRequest, FhirResponse } from './fhir-request.js';

export type FhirHandler = (req: FhirRequest, ctx: AppContext) => Promise<FhirResponse>;

/** One FHIR interaction or operation: where it is, who may call it, and the function that answers. */
export interface FhirRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the FHIR base, Fastify-style (`/InsurancePlan/:id`). */
  path: string;
  access: FhirAccess;
  handler: FhirHandler;
}
