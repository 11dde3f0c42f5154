import type { AppContext } from '../app-context.js';
import { activeEhrClientByApiKeyHash, ehrClientById, type EhrClientRow } from '../ehr-clients/index.js';
import { verifyClientToken } from '../fhir/smart/client-tokens.js';
import { hashApiKey, looksLikeApiKey } from '../identity/credentials.js';
import { DomainError } from '../platform/errors.js';

export interface Hub {
  row: EhrClientRow;
  scopes: string[];
  via: 'api-key' | 'oauth';
}

/**
 * A hub (or an EHR connected directly) is an EHR client of the registry: it authenticates with
 * its API key or with an access token from POST /oauth/token (OAuth client credentials with a
 * signed assertion, SMART Backend Services), and needs the `epa` or `rtpb` scope. An expired or
 * forged token, a disabled client, or a missing scope is refused before the message is read.
 */
export async function authenticateHub(
  ctx: AppContext,
  header: string | undefined,
  scope: 'epa' | 'rtpb',
): Promise<Hub> {
  if (!header?.startsWith('Bearer '))
    throw new DomainError(
      'UNAUTHENTICATED',
      'Send Authorization: Bearer <hub API key or access token from /oauth/token>',
    );
  const token = header.slice(7).trim();
  let hub: Hub | undefined;
  if (looksLikeApiKey(token)) {
    const row = await activeEhrClientByApiKeyHash(ctx.database.db, hashApiKey(token));
    if (row) hub = { row, scopes: row.scopes, via: 'api-key' };
  } else {
    const claims = await verifyClientToken(token, ctx.config.jwtSecret, ctx.clock.now());
    if (claims) {
      const row = await ehrClientById(ctx.database.db, claims.clientRowId);
      if (!row || row.disabledAt)
        throw new DomainError('UNAUTHENTICATED', 'This hub is no longer registered or is disabled');
      hub = { row, scopes: claims.scopes, via: 'oauth' };
    }
  }
  if (!hub) throw new DomainError('UNAUTHENTICATED', 'The API key or access token is not valid or has expired');
  if (!hub.scopes.includes(scope))
    throw new DomainError('FORBIDDEN', `This client is not allowed the ${scope} scope (an administrator grants it)`);
  return hub;
}
