import type { AppContext } from '../app-context.js';
import { countSignInFailures } from '../audit/index.js';
import { writeAudit } from '../audit/write-audit.js';
import { DomainError } from '../platform/errors.js';
import { issueToken } from './authenticate.js';
import { SignInThrottle } from './sign-in-throttle.js';

const throttles = new WeakMap<AppContext, SignInThrottle>();

/**
 * POST /auth/token with throttling and lockout (issue #13 item 6; docs/security.md#sign-in):
 * - at most N attempts per username and per client address per minute, else 429 + Retry-After;
 * - after `lockAfterFailures` failures within `lockMinutes` (since the last success) the username
 *   is locked for `lockMinutes`: 429 even with the right password. Counted from the audit log,
 *   so every process sees the same lock; a username that does not exist locks the same way
 *   (no account enumeration).
 * Every attempt is audited: auth.signed-in, auth.failed, auth.throttled, auth.locked.
 */
export async function signIn(ctx: AppContext, username: string, password: string, address: string) {
  const limits = ctx.config.signIn;
  let throttle = throttles.get(ctx);
  if (!throttle) throttles.set(ctx, (throttle = new SignInThrottle(limits)));
  const now = ctx.clock.now();
  const audit = (action: string, details?: Record<string, unknown>) =>
    writeAudit(ctx.database.db, {
      at: now,
      actor: { username, role: 'sign-in' },
      action,
      entityType: 'user',
      entityId: username,
      details: { address, ...details },
    });

  const since = new Date(now.getTime() - limits.lockMinutes * 60_000);
  if ((await countSignInFailures(ctx.database.db, username, since)) >= limits.lockAfterFailures) {
    await audit('auth.locked');
    throw rateLimited(
      `This account is locked for ${limits.lockMinutes} minutes after repeated failed sign-ins`,
      limits.lockMinutes * 60,
    );
  }
  const wait = throttle.attempt(username, address);
  if (wait !== null) {
    await audit('auth.throttled', { retryAfter: wait });
    throw rateLimited('Too many sign-in attempts; wait before trying again', wait);
  }
  try {
    const token = await issueToken(ctx, username, password);
    await audit('auth.signed-in');
    return token;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'UNAUTHENTICATED') await audit('auth.failed');
    throw e;
  }
}

function rateLimited(message: string, retryAfter: number) {
  return new DomainError('RATE_LIMITED', message, { details: { retryAfter } });
}
