import type { AppContext } from '../app-context.js';
import { countSignInFailures } from '../audit/index.js';
import { writeAudit } from '../audit/write-audit.js';
import { DomainError } from '../platform/errors.js';
import { forgetAccountState } from './account-state.js';
import { issueToken, tokenFor } from './authenticate.js';
import { hashPassword, verifyPassword } from './credentials.js';
import { findUserByUsername } from './identity.repo.js';
import { newPasswordProblem } from './password-policy.js';
import { setUserPassword } from './user-admin.repo.js';
import { SignInThrottle } from './sign-in-throttle.js';

const throttles = new WeakMap<AppContext, SignInThrottle>();

/**
 * POST /auth/token with throttling and lockout (docs/security.md#sign-in):
 * - at most N attempts per username and per client address per minute, else 429 + Retry-After;
 * - after `lockAfterFailures` failures within `lockMinutes` (since the last success) the username
 *   is locked for `lockMinutes`: 429 even with the right password. Counted from the audit log,
 *   so every process sees the same lock; a username that does not exist locks the same way
 *   (no account enumeration).
 * Every attempt is audited: auth.signed-in, auth.failed, auth.throttled, auth.locked.
 */
export async function signIn(ctx: AppContext, username: string, password: string, address: string) {
  return guarded(ctx, username, address, ['auth.signed-in'], () => issueToken(ctx, username, password));
}

/**
 * POST /auth/password: the person proves the password they have (the temporary one after an
 * admin's reset) and chooses a new one; every other session of the account ends. Throttled,
 * locked and audited like sign-in (the same counters), so it is no way around the lockout.
 */
export async function changePassword(
  ctx: AppContext,
  input: { username: string; currentPassword: string; newPassword: string },
  address: string,
) {
  // A change signs the person in: it also ends the run of failures the lockout counts.
  return guarded(ctx, input.username, address, ['auth.password-changed', 'auth.signed-in'], async () => {
    const user = await findUserByUsername(ctx.database.db, input.username);
    if (
      !user ||
      !user.passwordHash ||
      user.disabledAt ||
      !(await verifyPassword(user.passwordHash, input.currentPassword))
    )
      throw new DomainError('UNAUTHENTICATED', 'The username or password is not correct');
    const problem = newPasswordProblem(input.newPassword, input.currentPassword);
    if (problem)
      throw new DomainError('VALIDATION_FAILED', `newPassword ${problem}`, {
        errors: [{ path: 'newPassword', message: problem }],
      });
    await setUserPassword(ctx.database.db, user.id, await hashPassword(input.newPassword), false);
    forgetAccountState(user.id);
    return tokenFor(ctx, (await findUserByUsername(ctx.database.db, input.username))!);
  });
}

/** Throttle, lockout and the audit trail every password check shares (docs/security.md#sign-in). */
async function guarded<T>(
  ctx: AppContext,
  username: string,
  address: string,
  successActions: string[],
  check: () => Promise<T>,
): Promise<T> {
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
    const result = await check();
    for (const action of successActions) await audit(action);
    return result;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'UNAUTHENTICATED') await audit('auth.failed');
    if (e instanceof DomainError && e.code === 'PASSWORD_CHANGE_REQUIRED') await audit('auth.password-change-required');
    throw e;
  }
}

function rateLimited(message: string, retryAfter: number) {
  return new DomainError('RATE_LIMITED', message, { details: { retryAfter } });
}
