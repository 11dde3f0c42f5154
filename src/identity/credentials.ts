import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { hmacKey } from '../platform/hmac-key.js';
import type { Principal, Role } from '../platform/roles.js';

// OWASP password storage: argon2id (the library default) with its recommended parameters.
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = (passwordHash: string, password: string) =>
  verify(passwordHash, password).catch(() => false);

const API_KEY_PREFIX = 'opbm_';
export function newApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
export const looksLikeApiKey = (token: string) => token.startsWith(API_KEY_PREFIX);

export interface TokenClaims {
  sub: string;
  username: string;
  role: Role;
  memberId?: string | null;
  npi?: string | null;
  displayName?: string | null;
  credential?: string | null;
  /** The account's session epoch when the token was issued (tokens from before a reset stop). */
  sessionEpoch?: number;
}

export async function signAccessToken(
  claims: TokenClaims,
  secret: string,
  ttlSeconds: number,
  now: Date,
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .setIssuer('openpbm')
    .sign(await hmacKey(secret));
}

/**
 * Sign-in tokens whose header, signature and issuer jose has verified, with their claims (issue
 * #11: the HMAC check was most of a bearer token's cost, and a portal sends the same token with
 * every request until it expires). A token's bytes cannot change, so for the same secret that
 * verdict stands; what depends on the time (exp, nbf) is checked again at every use against the
 * injected clock, as jwtVerify checks it. A token that fails is not kept: it is checked in full
 * each time. The account's state and session epoch are checked per request by the caller.
 */
const verifiedTokens = new LRUCache<string, { secret: string; claims: JWTPayload }>({ max: 5_000 });

/** jwtVerify's time checks with no clock tolerance (jose's jwt_claims_set.js): whole seconds, rounded down. */
function withinLifetime(claims: JWTPayload, now: Date): boolean {
  const at = Math.floor(now.getTime() / 1000);
  if (claims.nbf !== undefined && claims.nbf > at) return false;
  if (claims.exp !== undefined && claims.exp <= at) return false;
  return true;
}

async function verifiedClaims(token: string, secret: string, now: Date): Promise<JWTPayload> {
  const known = verifiedTokens.get(token);
  if (known && known.secret === secret) {
    if (!withinLifetime(known.claims, now)) throw new Error('the token is outside its lifetime');
    return known.claims;
  }
  const { payload } = await jwtVerify(token, await hmacKey(secret), { issuer: 'openpbm', currentDate: now });
  verifiedTokens.set(token, { secret, claims: payload });
  return payload;
}

/** Verifies signature and expiry against the injected clock (the manual clock moves token expiry too). */
export async function verifyAccessToken(token: string, secret: string, now: Date): Promise<Principal | null> {
  return (await readAccessToken(token, secret, now))?.principal ?? null;
}

/** The principal and the session epoch a token was issued in (0 for tokens from before epochs). */
export async function readAccessToken(
  token: string,
  secret: string,
  now: Date,
): Promise<{ principal: Principal; sessionEpoch: number } | null> {
  try {
    const payload = await verifiedClaims(token, secret, now);
    const principal: Principal = {
      userId: String(payload.sub),
      username: String(payload.username),
      role: payload.role as Role,
      memberId: (payload.memberId as string | null | undefined) ?? null,
      npi: (payload.npi as string | null | undefined) ?? null,
      displayName: (payload.displayName as string | null | undefined) ?? null,
      credential: (payload.credential as string | null | undefined) ?? null,
      via: 'token',
    };
    return { principal, sessionEpoch: typeof payload.sessionEpoch === 'number' ? payload.sessionEpoch : 0 };
  } catch {
    return null;
  }
}
