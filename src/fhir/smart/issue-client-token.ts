import { createLocalJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import type { AppContext } from '../../app-context.js';
import { writeAudit } from '../../audit/write-audit.js';
import { ASSERTION_ALGORITHMS } from '../../ehr-clients/client-keys.js';
import { findEhrClientByClientId, recordAssertionJti } from '../../ehr-clients/index.js';
import { CLIENT_TOKEN_TTL_SECONDS, signClientToken } from './client-tokens.js';
import { grantScopes } from '../../ehr-clients/scopes.js';

export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** SMART Backend Services: an assertion expires no more than five minutes after it is made. */
const MAX_ASSERTION_LIFETIME_S = 300;

/** RFC 6749 §5.2 error: what the token endpoint answers (not problem+json: OAuth clients read `error`). */
export class OAuthError extends Error {
  constructor(
    readonly error:
      | 'invalid_request'
      | 'invalid_client'
      | 'invalid_scope'
      | 'unsupported_grant_type'
      | 'invalid_grant'
      // Not the client's fault (RFC 6749 §4.1.2.1 names these two; clients know them at the token endpoint too).
      | 'server_error'
      | 'temporarily_unavailable',
    readonly description: string,
    readonly status = error === 'invalid_client'
      ? 401
      : error === 'server_error'
        ? 500
        : error === 'temporarily_unavailable'
          ? 503
          : 400,
  ) {
    super(description);
  }
}

export interface TokenRequest {
  grant_type?: string;
  scope?: string;
  client_assertion_type?: string;
  client_assertion?: string;
}

/**
 * `POST /oauth/token` (SMART App Launch 2.0 Backend Services, RFC 7523): the client proves who it
 * is with a JWT signed by a key registered for it (iss = sub = client_id, aud = this endpoint,
 * exp ≤ 5 minutes, jti never reused) and receives a 5-minute access token carrying the scopes it
 * asked for that its registration allows.
 */
export async function issueClientToken(ctx: AppContext, body: TokenRequest, tokenUrl: string) {
  if (body.grant_type !== 'client_credentials')
    throw new OAuthError('unsupported_grant_type', 'grant_type must be client_credentials');
  if (body.client_assertion_type !== ASSERTION_TYPE)
    throw new OAuthError('invalid_request', `client_assertion_type must be ${ASSERTION_TYPE}`);
  if (!body.client_assertion || body.client_assertion.length > 8192)
    throw new OAuthError('invalid_request', 'client_assertion (a signed JWT) is required');
  if (!body.scope?.trim()) throw new OAuthError('invalid_request', 'scope is required');

  let kid: string | undefined;
  let iss: string | undefined;
  try {
    kid = decodeProtectedHeader(body.client_assertion).kid;
    const payload = JSON.parse(Buffer.from(body.client_assertion.split('.')[1] ?? '', 'base64url').toString('utf8'));
    iss = typeof payload.iss === 'string' ? payload.iss : undefined;
  } catch {
    throw new OAuthError('invalid_client', 'client_assertion is not a JWT');
  }
  if (!iss) throw new OAuthError('invalid_client', 'the assertion has no iss (the client_id)');
  const client = await findEhrClientByClientId(ctx.database.db, iss);
  if (!client || client.disabledAt) throw new OAuthError('invalid_client', 'unknown or disabled client');
  if (!client.jwks.keys.length) throw new OAuthError('invalid_client', 'no public key is registered for this client');
  const now = ctx.clock.now();
  let exp: number;
  let jti: string;
  try {
    const { payload } = await jwtVerify(body.client_assertion, createLocalJWKSet(client.jwks), {
      issuer: client.clientId,
      subject: client.clientId,
      audience: tokenUrl,
      algorithms: [...ASSERTION_ALGORITHMS],
      currentDate: now,
      requiredClaims: ['exp', 'jti'],
    });
    exp = payload.exp!;
    jti = String(payload.jti);
  } catch (e) {
    const why =
      e instanceof joseErrors.JWTExpired
        ? 'the assertion has expired'
        : e instanceof joseErrors.JWTClaimValidationFailed
          ? `the assertion's ${e.claim} is not valid${e.claim === 'aud' ? ` (it must be ${tokenUrl})` : ''}`
          : e instanceof joseErrors.JWKSNoMatchingKey
            ? `no registered key matches kid ${kid ?? '(none)'}`
            : 'the assertion signature does not verify';
    throw new OAuthError('invalid_client', why);
  }
  if (exp - Math.floor(now.getTime() / 1000) > MAX_ASSERTION_LIFETIME_S)
    throw new OAuthError('invalid_client', 'the assertion must expire within 5 minutes');
  if (!(await recordAssertionJti(ctx.database.db, client.clientId, jti, new Date(exp * 1000), now)))
    throw new OAuthError('invalid_client', 'this assertion (jti) was already used');
  const requested = body.scope.split(/\s+/).filter(Boolean);
  const granted = grantScopes(requested, client.scopes);
  if (!granted.length)
    throw new OAuthError(
      'invalid_scope',
      `none of the requested scopes is allowed for this client (allowed: ${client.scopes.join(' ')})`,
    );
  const accessToken = await signClientToken(
    { clientRowId: client.id, clientId: client.clientId, scopes: granted },
    ctx.config.jwtSecret,
    now,
  );
  await writeAudit(ctx.database.db, {
    at: now,
    actor: { username: `ehr:${client.clientId}`, role: 'ehr-client' },
    action: 'oauth.token-issued',
    entityType: 'ehr-client',
    entityId: client.clientId,
    details: { scope: granted.join(' '), kid: kid ?? null },
  });
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: CLIENT_TOKEN_TTL_SECONDS,
    scope: granted.join(' '),
  };
}
