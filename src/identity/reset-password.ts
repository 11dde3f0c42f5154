import type { AppContext } from '../app-context.js';
import { writeAudit } from '../audit/write-audit.js';
import { DomainError, notFound } from '../platform/errors.js';
import type { Principal } from '../platform/roles.js';
import { forgetAccountState } from './account-state.js';
import { hashPassword } from './credentials.js';
import { generateTemporaryPassword, newPasswordProblem } from './password-policy.js';
import { findUserByIdOrUsername, setUserPassword } from './user-admin.repo.js';

/**
 * An admin's password reset (docs/security.md#sign-in): the admin types a
 * temporary password or has one generated (returned once, in this answer only — never stored in
 * clear, logged or audited). Either way the person must choose a new password at the next
 * sign-in, and every session of the account ends at once here, within 5 s elsewhere. API keys
 * are untouched (a system's key is revoked on its own). Audited: who reset whose password, and
 * whether it was generated.
 */
export async function resetPassword(
  ctx: AppContext,
  actor: Principal,
  idOrUsername: string,
  input: { temporaryPassword?: string },
) {
  const user = await findUserByIdOrUsername(ctx.database.db, idOrUsername);
  if (!user) throw notFound('User', idOrUsername);
  const chosen = input.temporaryPassword;
  const problem = chosen === undefined ? null : newPasswordProblem(chosen);
  if (problem)
    throw new DomainError('VALIDATION_FAILED', `temporaryPassword ${problem}`, {
      errors: [{ path: 'temporaryPassword', message: problem }],
    });
  const temporaryPassword = chosen ?? generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const at = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    await setUserPassword(tx, user.id, passwordHash, true);
    await writeAudit(tx, {
      at,
      actor,
      action: 'user.password-reset',
      entityType: 'user',
      entityId: user.username,
      details: { generated: chosen === undefined },
    });
  });
  forgetAccountState(user.id);
  return {
    username: user.username,
    mustChangePassword: true as const,
    ...(chosen === undefined ? { temporaryPassword } : {}),
  };
}
