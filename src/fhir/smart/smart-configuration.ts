import type { FhirRequest, FhirResponse } from '../fhir-request.js';
import { CLIENT_SCOPES } from '../../ehr-clients/client-scopes.js';

/** `GET /fhir/.well-known/smart-configuration` (SMART App Launch 2.0 §Conformance): how to get a token. */
export async function smartConfiguration(req: FhirRequest): Promise<FhirResponse> {
  const origin = req.baseUrl.replace(/\/fhir$/, '');
  return {
    status: 200,
    contentType: 'application/json',
    body: {
      token_endpoint: `${origin}/oauth/token`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
      scopes_supported: CLIENT_SCOPES.map((s) => s.scope),
      capabilities: ['client-confidential-asymmetric', 'permission-v2', 'permission-v1'],
    },
  };
}
