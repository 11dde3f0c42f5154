import type { JWK } from 'jose';
import type { AppContext } from '../app-context.js';
import { writeAudit } from '../audit/write-audit.js';
import { hashApiKey, newApiKey } from '../identity/credentials.js';
import type { Principal } from '../platform/roles.js';
import { DomainError, type FieldError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { isValidNpi } from '../shared/npi.js';
import { isKnownScope } from './scopes.js';
import { checkPublicJwk } from './client-keys.js';
import { forgetEhrClients } from './ehr-client-cache.js';
import { findEhrClientByClientId, insertEhrClient, type EhrClientRow } from './ehr-clients.repo.js';

export interface RegisterEhrClientOptions {
  clientId?: string;
  name: string;
  scopes: string[];
  prescriberNpis: string[];
  organizationIdentifier?: string;
  /** Public keys (JWK) the client signs its assertions with. */
  keys?: unknown[];
  /** Issue an API key (returned once). */
  withApiKey?: boolean;
  /** A fixed API key (the demo data set's published key only). */
  apiKey?: string;
  /** ePA hubs: the endpoint PANotifications are POSTed to (http or https URL). */
  epaEndpoint?: string;
}

function validate(o: RegisterEhrClientOptions): FieldError[] {
  const errors: FieldError[] = [];
  if (o.clientId !== undefined && !/^[A-Za-z0-9._-]{3,64}$/.test(o.clientId))
    errors.push({ path: 'clientId', message: 'use 3–64 letters, digits, dot, dash or underscore' });
  if (!o.name?.trim() || o.name.length > 200) errors.push({ path: 'name', message: 'is required (≤ 200 characters)' });
  if (!o.scopes.length) errors.push({ path: 'scopes', message: 'at least one scope' });
  o.scopes.forEach((s, i) => {
    if (!isKnownScope(s))
      errors.push({
        path: `scopes.${i}`,
        message: `"${s}" is not a system/<Resource>.<cruds> scope, cds-hooks, epa or rtpb`,
      });
  });
  o.prescriberNpis.forEach((n, i) => {
    if (!isValidNpi(n)) errors.push({ path: `prescriberNpis.${i}`, message: 'is not a valid NPI (check digit)' });
  });
  if (o.organizationIdentifier !== undefined && !/^[A-Za-z0-9.-]{1,40}$/.test(o.organizationIdentifier))
    errors.push({ path: 'organizationIdentifier', message: 'letters, digits, dot or dash (≤ 40)' });
  if (o.epaEndpoint !== undefined && !isHttpUrl(o.epaEndpoint))
    errors.push({ path: 'epaEndpoint', message: 'must be an http(s) URL' });
  return errors;
}

export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && value.length <= 500;
  } catch {
    return false;
  }
}

/** An administrator registers an EHR or hub system (admin portal → POST /api/v1/ehr-clients). */
export async function registerEhrClient(
  ctx: AppContext,
  actor: Principal | { username: string; role: string },
  options: RegisterEhrClientOptions,
): Promise<{ client: EhrClientRow; apiKey?: string }> {
  const errors = validate(options);
  const keys: JWK[] = [];
  for (const [i, k] of (options.keys ?? []).entries()) {
    const checked = await checkPublicJwk(k, `keys.${i}`);
    errors.push(...checked.errors);
    if (checked.jwk) keys.push(checked.jwk);
  }
  if (new Set(keys.map((k) => k.kid)).size !== keys.length)
    errors.push({ path: 'keys', message: 'kid values must differ' });
  if (errors.length)
    throw new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  const now = ctx.clock.now();
  const clientId = options.clientId ?? newId('ehr', now).toLowerCase();
  if (await findEhrClientByClientId(ctx.database.db, clientId))
    throw new DomainError('CONFLICT', `An EHR client ${clientId} is already registered`);
  const apiKey = options.apiKey ?? (options.withApiKey ? newApiKey() : undefined);
  const client = await ctx.database.db.transaction(async (tx) => {
    const created = await insertEhrClient(tx, {
      id: newId('ehc', now),
      clientId,
      name: options.name.trim(),
      scopes: [...new Set(options.scopes)],
      prescriberNpis: [...new Set(options.prescriberNpis)],
      organizationIdentifier: options.organizationIdentifier ?? null,
      jwks: { keys },
      apiKeyHash: apiKey ? hashApiKey(apiKey) : null,
      epaEndpoint: options.epaEndpoint ?? null,
      createdAt: now,
      createdBy: actor.username,
    });
    await writeAudit(tx, {
      at: now,
      actor,
      action: 'ehr-client.registered',
      entityType: 'ehr-client',
      entityId: clientId,
      details: { scopes: created.scopes, keys: keys.map((k) => k.kid), apiKey: Boolean(apiKey) },
    });
    return created;
  });
  // "No such key" may be cached for the new key (a hub retrying before it was registered).
  forgetEhrClients();
  return { client, apiKey };
}
