import type { AppContext } from '../app-context.js';
import { writeAudit } from '../audit/write-audit.js';
import { notFound } from '../platform/errors.js';
import { forgetAccountState } from './account-state.js';
import { forgetApiKeys } from './authenticate.js';
import type { Principal } from '../platform/roles.js';
import { findUserByIdOrUsername, revokeUserApiKeys, setUserDisabledAt } from './user-admin.repo.js';

/**
 * Disabling an account (docs/security.md#revocation): its tokens and API keys stop working within
 * 5 s everywhere (the account-state cache), at once in this process. Audited.
 */
export async function setUserDisabled(ctx: AppContext, actor: Principal, idOrUsername: string, disabled: boolean) {
  const user = await findUserByIdOrUsername(ctx.database.db, idOrUsername);
  if (!user) throw notFound('User', idOrUsername);
  const at = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    await setUserDisabledAt(tx, user.id, disabled ? at : null);
    await writeAudit(tx, {
      at,
      actor,
      action: disabled ? 'user.disabled' : 'user.enabled',
      entityType: 'user',
      entityId: user.username,
    });
  });
  forgetAccountState(user.id);
  forgetApiKeys();
  return { id: user.id, username: user.username, role: user.role, disabled };
}

/** Revokes every API key of an account (a leaked key); the account's password sign-in is untouched. */
export async function revokeApiKeys(ctx: AppContext, actor: Principal, idOrUsername: string) {
  const user = await findUserByIdOrUsername(ctx.database.db, idOrUsername);
  if (!user) throw notFound('User', idOrUsername);
  const at = ctx.clock.now();
  const revoked = await ctx.database.db.transaction(async (tx) => {
    const n = await revokeUserApiKeys(tx, user.id, at);
    await writeAudit(tx, {
      at,
      actor,
      action: 'user.api-keys-revoked',
      entityType: 'user',
      entityId: user.username,
      details: { revoked: n },
    });
    return n;
  });
  forgetApiKeys();
  return { username: user.username, revoked };
}
