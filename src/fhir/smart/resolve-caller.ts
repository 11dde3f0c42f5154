import type { AppContext } from '../../app-context.js';
import { authenticateBearer } from '../../identity/authenticate.js';
import { DomainError } from '../../platform/errors.js';
import type { FhirAccess, FhirCaller } from '../fhir-request.js';

/**
 * Who is calling, from `Authorization: Bearer …`: a member or staff access token, or an API
 * key. Public routes read no credentials at all (the formulary is open to anyone).
 */
export async function resolveCaller(
  ctx: AppContext,
  header: string | undefined,
  access: FhirAccess,
): Promise<FhirCaller> {
  if (access.kind === 'public') return { kind: 'anonymous' };
  if (!header) return { kind: 'anonymous' };
  if (!header.startsWith('Bearer '))
    throw new DomainError('UNAUTHENTICATED', 'Send Authorization: Bearer <access token>');
  const token = header.slice(7).trim();
  const principal = await authenticateBearer(ctx, token);
  if (principal) return { kind: 'user', principal };
  throw new DomainError('UNAUTHENTICATED', 'The access token is not valid or has expired');
}
