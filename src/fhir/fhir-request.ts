import type { Resource } from '@medplum/fhirtypes';
import type { Principal } from '../platform/roles.js';

/** A registered EHR or hub system acting through SMART Backend Services (or its API key). */
export interface ClientIdentity {
  id: string;
  clientId: string;
  name: string;
  /** Prescribers (NPIs) this system may submit for: a practice's EHR acts for its own clinicians. */
  prescriberNpis: string[];
  /** Organization identifier (NPI or TIN) used by PAS subscription filters (org-identifier). */
  organizationIdentifier: string | null;
}

/** Who is calling the FHIR edge. */
export type FhirCaller =
  | { kind: 'anonymous' }
  | { kind: 'user'; principal: Principal }
  | { kind: 'client'; client: ClientIdentity; scopes: string[]; via: 'smart' | 'api-key' };

/**
 * A FHIR interaction or operation, independent of the HTTP server (after Medplum's fhir-router):
 * handlers are functions of this request and the application context.
 */
export interface FhirRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path parameters (`id`). */
  params: Record<string, string>;
  /** Query parameters; repeated parameters are arrays. */
  query: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Absolute base URL of the FHIR endpoint (`https://host/fhir`), for fullUrl and paging links. */
  baseUrl: string;
  caller: FhirCaller;
  headers: Record<string, string | undefined>;
}

export interface FhirResponse {
  status: number;
  /** A FHIR resource (JSON), or NDJSON text for bulk output. */
  body: Resource | Record<string, unknown> | string;
  contentType?: string;
  headers?: Record<string, string>;
}

export const ok = (body: FhirResponse['body'], status = 200): FhirResponse => ({ status, body });

/** What a route requires of the caller. Client routes name the SMART scope they need. */
export type FhirAccess = { kind: 'public' } | { kind: 'member' } | { kind: 'client'; scope: string };
