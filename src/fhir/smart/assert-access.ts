import type { AppContext } from '../../app-context.js';
import { DomainError } from '../../platform/errors.js';
import type { FhirAccess, FhirCaller } from '../fhir-request.js';
import { scopeGrants } from '../../ehr-clients/scopes.js';

/** The route's declared access, checked before its handler runs (401 without credentials, 403 without the right). */
export function assertAccess(_ctx: AppContext, caller: FhirCaller, access: FhirAccess): void {
  if (access.kind === 'public') return;
  if (caller.kind === 'anonymous')
    throw new DomainError(
      'UNAUTHENTICATED',
      access.kind === 'member'
        ? 'Sign in as the member: Authorization: Bearer <member access token>'
        : 'Authenticate with SMART Backend Services (POST /oauth/token) and send Authorization: Bearer <access token>',
    );
  if (access.kind === 'member') {
    if (caller.kind !== 'user' || caller.principal.role !== 'member')
      throw new DomainError('FORBIDDEN', "Only the member may read their own records here (member's access token)");
    return;
  }
  if (caller.kind !== 'client')
    throw new DomainError('FORBIDDEN', `This needs a registered EHR client with the scope ${access.scope}`);
  if (!scopeGrants(caller.scopes, access.scope))
    throw new DomainError('FORBIDDEN', `The client's scopes do not include ${access.scope}`);
}
