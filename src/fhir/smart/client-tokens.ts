import { SignJWT, jwtVerify } from 'jose';
import { hmacKey } from '../../platform/hmac-key.js';

/** Access tokens for EHR clients: our own HS256 JWTs, another issuer than sign-in tokens so neither passes as the other. */
export const SMART_ISSUER = 'openpbm-smart';
export const SMART_AUDIENCE = 'openpbm-fhir';
export const CLIENT_TOKEN_TTL_SECONDS = 300;

export interface ClientTokenClaims {
  clientRowId: string;
  clientId: string;
  scopes: string[];
}

export async function signClientToken(claims: ClientTokenClaims, secret: string, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ client_id: claims.clientId, scope: claims.scopes.join(' ') })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.clientRowId)
    .setIssuer(SMART_ISSUER)
    .setAudience(SMART_AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + CLIENT_TOKEN_TTL_SECONDS)
    .sign(await hmacKey(secret));
}

export async function verifyClientToken(token: string, secret: string, now: Date): Promise<ClientTokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, await hmacKey(secret), {
      issuer: SMART_ISSUER,
      audience: SMART_AUDIENCE,
      currentDate: now,
      algorithms: ['HS256'],
    });
    return {
      clientRowId: String(payload.sub),
      clientId: String(payload.client_id),
      scopes: String(payload.scope ?? '')
        .split(' ')
        .filter(Boolean),
    };
  } catch {
    return null;
  }
}
