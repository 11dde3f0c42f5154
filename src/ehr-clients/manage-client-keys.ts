import type { AppContext } from '../app-context.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Principal } from '../platform/roles.js';
import { DomainError, notFound } from '../platform/errors.js';
import { checkPublicJwk } from './client-keys.js';
import { forgetEhrClients } from './ehr-client-cache.js';
import { findEhrClientById, updateEhrClient, type EhrClientRow } from './ehr-clients.repo.js';
import { isHttpUrl } from './register-ehr-client.js';
import { checkEpaNotificationAuth, epaAuthColumns, type EpaNotificationAuth } from './epa-notification-auth.js';

async function load(ctx: AppContext, id: string): Promise<EhrClientRow> {
  const client = await findEhrClientById(ctx.database.db, id);
  if (!client) throw notFound('EHR client', id);
  return client;
}

/** Adds a public key (key rotation: register the new key, switch, then remove the old one). */
export async function addClientKey(ctx: AppContext, actor: Principal, id: string, jwk: unknown): Promise<EhrClientRow> {
  const client = await load(ctx, id);
  const checked = await checkPublicJwk(jwk, 'jwk');
  if (!checked.jwk)
    throw new DomainError('VALIDATION_FAILED', checked.errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
      errors: checked.errors,
    });
  if (client.jwks.keys.some((k) => k.kid === checked.jwk!.kid))
    throw new DomainError('CONFLICT', `Key ${checked.jwk.kid} is already registered for ${client.clientId}`);
  return change(ctx, actor, client, { jwks: { keys: [...client.jwks.keys, checked.jwk] } }, 'ehr-client.key-added', {
    kid: checked.jwk.kid,
  });
}

export async function removeClientKey(
  ctx: AppContext,
  actor: Principal,
  id: string,
  kid: string,
): Promise<EhrClientRow> {
  const client = await load(ctx, id);
  if (!client.jwks.keys.some((k) => k.kid === kid)) throw notFound('Key', kid);
  return change(
    ctx,
    actor,
    client,
    { jwks: { keys: client.jwks.keys.filter((k) => k.kid !== kid) } },
    'ehr-client.key-removed',
    { kid },
  );
}

/** A disabled client gets no token, and its tokens and API key stop working at once. */
export async function setClientDisabled(
  ctx: AppContext,
  actor: Principal,
  id: string,
  disabled: boolean,
): Promise<EhrClientRow> {
  const client = await load(ctx, id);
  return change(
    ctx,
    actor,
    client,
    { disabledAt: disabled ? ctx.clock.now() : null },
    disabled ? 'ehr-client.disabled' : 'ehr-client.enabled',
    {},
  );
}

/**
 * An ePA hub's notification endpoint and how deliveries authenticate to it (cases keep the
 * endpoint recorded when they were opened). `auth` absent keeps the stored credentials; clearing
 * the endpoint clears them too. The audit row names the scheme, never the secret.
 */
export async function setEpaEndpoint(
  ctx: AppContext,
  actor: Principal,
  id: string,
  { endpoint, auth }: { endpoint: string | null; auth?: EpaNotificationAuth },
): Promise<EhrClientRow> {
  const client = await load(ctx, id);
  if (endpoint !== null && !isHttpUrl(endpoint))
    throw new DomainError('VALIDATION_FAILED', 'epaEndpoint: must be an http(s) URL', {
      errors: [{ path: 'epaEndpoint', message: 'must be an http(s) URL' }],
    });
  const kept: EpaNotificationAuth | undefined =
    auth ?? (endpoint === null ? { scheme: 'none' } : undefined) ?? storedAuth(client);
  const errors = kept ? checkEpaNotificationAuth(kept, endpoint) : [];
  if (errors.length)
    throw new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  return change(
    ctx,
    actor,
    client,
    { epaEndpoint: endpoint, ...(kept ? epaAuthColumns(kept) : {}) },
    'ehr-client.epa-endpoint-set',
    { endpoint, authScheme: kept?.scheme ?? 'none', credentialsChanged: auth !== undefined },
  );
}

/** The stored credentials, re-checked when only the endpoint changes (an https secret must not move to http). */
function storedAuth(c: EhrClientRow): EpaNotificationAuth | undefined {
  if (c.epaAuthScheme === 'bearer' && c.epaAuthSecret) return { scheme: 'bearer', token: c.epaAuthSecret };
  if (c.epaAuthScheme === 'basic' && c.epaAuthSecret && c.epaAuthUsername)
    return { scheme: 'basic', username: c.epaAuthUsername, password: c.epaAuthSecret };
  return undefined;
}

async function change(
  ctx: AppContext,
  actor: Principal,
  client: EhrClientRow,
  changes: Parameters<typeof updateEhrClient>[2],
  action: string,
  details: Record<string, unknown>,
): Promise<EhrClientRow> {
  const changed = await ctx.database.db.transaction(async (tx) => {
    const updated = await updateEhrClient(tx, client.id, changes);
    await writeAudit(tx, {
      at: ctx.clock.now(),
      actor,
      action,
      entityType: 'ehr-client',
      entityId: client.clientId,
      details,
    });
    return updated!;
  });
  // A disabled client, a removed key or a narrowed scope counts here at once (the cache's TTL bounds other processes).
  forgetEhrClients();
  return changed;
}
