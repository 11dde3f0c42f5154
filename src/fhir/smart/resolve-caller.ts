import type { AppContext } from '../../app-context.js';
import { activeEhrClientByApiKeyHash, ehrClientById, type EhrClientRow } from '../../ehr-clients/index.js';
import { authenticateBearer } from '../../identity/authenticate.js';
import { hashApiKey, looksLikeApiKey } from '../../identity/credentials.js';
import { DomainError } from '../../platform/errors.js';
import type { ClientIdentity, FhirAccess, FhirCaller } from '../fhir-request.js';
import { verifyClientToken } from './client-tokens.js';

export function clientIdentity(row: EhrClientRow): ClientIdentity {
  return {
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    prescriberNpis: row.prescriberNpis,
    organizationIdentifier: row.organizationIdentifier,
  };
}

/**
 * Who is calling, from `Authorization: Bearer …`: an EHR client's SMART access token (or its API
 * key, which production refuses unless FHIR_API_KEYS=allow), or a person's access token (members
 * reading their own records). Public routes read no credentials at all.
 */
export async function resolveCaller(
  ctx: AppContext,
  header: string | undefined,
  access: FhirAccess,
): Promise<FhirCaller> {
  if (access.kind === 'public' || !header) return { kind: 'anonymous' };
  if (!header.startsWith('Bearer '))
    throw new DomainError('UNAUTHENTICATED', 'Send Authorization: Bearer <access token>');
  const token = header.slice(7).trim();
  const now = ctx.clock.now();
  if (looksLikeApiKey(token)) {
    const client = await activeEhrClientByApiKeyHash(ctx.database.db, hashApiKey(token));
    if (client) {
      if (!ctx.config.fhirApiKeys)
        throw new DomainError(
          'UNAUTHENTICATED',
          'API keys are not accepted on FHIR and CDS Hooks routes here; use SMART Backend Services (POST /oauth/token)',
        );
      return { kind: 'client', client: clientIdentity(client), scopes: client.scopes, via: 'api-key' };
    }
  } else {
    const claims = await verifyClientToken(token, ctx.config.jwtSecret, now);
    if (claims) {
      const client = await ehrClientById(ctx.database.db, claims.clientRowId);
      if (!client || client.disabledAt)
        throw new DomainError('UNAUTHENTICATED', 'This client is no longer registered or is disabled');
      return { kind: 'client', client: clientIdentity(client), scopes: claims.scopes, via: 'smart' };
    }
  }
  const principal = await authenticateBearer(ctx, token);
  if (principal) return { kind: 'user', principal };
  throw new DomainError('UNAUTHENTICATED', 'The access token is not valid or has expired');
}
