import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { SignJWT, jwtVerify } from 'jose';
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
    const { payload } = await jwtVerify(token, await hmacKey(secret), {
      issuer: 'openpbm',
      currentDate: now,
    });
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
