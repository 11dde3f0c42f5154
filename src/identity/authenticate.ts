import type { AppContext } from '../app-context.js';
import { DomainError } from '../platform/errors.js';
import { hashApiKey, looksLikeApiKey, readAccessToken, signAccessToken, verifyPassword } from './credentials.js';
import { findUserByApiKeyHash, findUserByUsername, type UserRow } from './identity.repo.js';
import type { Principal, Role } from '../platform/roles.js';
import { ACCOUNT_STATE_TTL_MS, isSessionActive } from './account-state.js';
import { createApiKeyCache } from './api-key-cache.js';

function toPrincipal(user: UserRow, via: Principal['via']): Principal {
  return {
    userId: user.id,
    username: user.username,
    role: user.role as Role,
    displayName: user.displayName,
    credential: user.credential,
    memberId: user.memberId,
    npi: user.npi,
    via,
  };
}

export async function issueToken(ctx: AppContext, username: string, password: string) {
  const user = await findUserByUsername(ctx.database.db, username);
  // Same answer for unknown user and wrong password: no account enumeration.
  if (!user || !user.passwordHash || user.disabledAt || !(await verifyPassword(user.passwordHash, password))) {
    throw new DomainError('UNAUTHENTICATED', 'The username or password is not correct');
  }
  // After an admin's reset the temporary password only opens the change form (docs/security.md#sign-in).
  if (user.mustChangePassword)
    throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'Choose a new password to finish signing in', {
      details: { reason: 'password-change-required' },
    });
  return tokenFor(ctx, user);
}

/**
 * A fresh token for a signed-in person who is still active (portals call it while the person
 * works, so an active session does not end mid-task; an idle one still ends when its token
 * expires). The account is read again: a disabled account gets no new token.
 */
export async function refreshToken(ctx: AppContext, caller: Principal) {
  if (caller.via !== 'token') throw new DomainError('FORBIDDEN', 'API keys do not expire and are not refreshed');
  const user = await findUserByUsername(ctx.database.db, caller.username);
  if (!user || user.disabledAt) throw new DomainError('UNAUTHENTICATED', 'This account is no longer active');
  return tokenFor(ctx, user);
}

export async function tokenFor(ctx: AppContext, user: UserRow) {
  const p = toPrincipal(user, 'token');
  const accessToken = await signAccessToken(
    {
      sub: p.userId,
      username: p.username,
      role: p.role,
      memberId: p.memberId,
      npi: p.npi,
      displayName: p.displayName,
      credential: p.credential,
      sessionEpoch: user.sessionEpoch,
    },
    ctx.config.jwtSecret,
    ctx.config.tokenTtlSeconds,
    ctx.clock.now(),
  );
  return { accessToken, tokenType: 'Bearer' as const, expiresIn: ctx.config.tokenTtlSeconds };
}

/**
 * API keys are looked up by hash; a short cache keeps the claim hot path off the database.
 * A revoked key or a disabled account stops working within API_KEY_CACHE_MS (docs/security.md#revocation).
 * The cache is the process's (one per process, like the key hashes it holds), bounded, with one lookup per key at a
 * time (a concurrent request with the same key waits for the lookup already running, whichever context started it).
 */
const API_KEY_CACHE_MS = ACCOUNT_STATE_TTL_MS;
const apiKeyCache = createApiKeyCache({ ttlMs: API_KEY_CACHE_MS });

/** A key was revoked or an account disabled in this process: drop every cached key at once. */
export function forgetApiKeys(): void {
  apiKeyCache.clear();
}

export async function authenticateBearer(ctx: AppContext, token: string): Promise<Principal | null> {
  if (looksLikeApiKey(token)) {
    const keyHash = hashApiKey(token);
    return apiKeyCache.principalFor(keyHash, async () => {
      const user = await findUserByApiKeyHash(ctx.database.db, keyHash);
      return user ? toPrincipal(user, 'api-key') : null;
    });
  }
  const read = await readAccessToken(token, ctx.config.jwtSecret, ctx.clock.now());
  if (!read) return null;
  // A signed token outlives a disabled account or a password reset by up to its lifetime: check
  // the account and the session epoch too.
  if (!(await isSessionActive(ctx.database.db, read.principal.userId, read.sessionEpoch))) return null;
  return read.principal;
}
