import type { Extension, Subscription } from '@medplum/fhirtypes';
import type { AppContext } from '../../app-context.js';
import { DomainError, notFound, type FieldError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { ClientIdentity, FhirRequest, FhirResponse } from '../fhir-request.js';
import { PAS } from './parse-pas-bundle.js';
import {
  findSubscription,
  insertSubscription,
  listSubscriptions,
  setSubscriptionStatus,
  type SubscriptionRow,
} from './pas.repo.js';

const BACKPORT = 'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/';
const PAYLOAD_CONTENTS = ['full-resource', 'id-only'];

function clientOf(req: FhirRequest): ClientIdentity {
  if (req.caller.kind !== 'client') throw new DomainError('FORBIDDEN', 'Subscriptions belong to EHR clients');
  return req.caller.client;
}

/** The stored Subscription as FHIR, with the server's id and status. */
function toResource(row: SubscriptionRow): Subscription {
  return { ...(row.resource as unknown as Subscription), id: row.id, status: row.status as Subscription['status'] };
}

/**
 * PAS 2.x subscription (Subscriptions R5 Backport for R4): topic PASSubscriptionTopic, a filter
 * `org-identifier=<the client's organization>`, a rest-hook endpoint, full-resource or id-only
 * payload. Anything else is a 400 naming the element.
 */
export async function createSubscription(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  const client = clientOf(req);
  const s = req.body as Subscription & {
    _criteria?: { extension?: Extension[] };
    channel?: Subscription['channel'] & { _payload?: { extension?: Extension[] } };
  };
  const errors: FieldError[] = [];
  if (!s || s.resourceType !== 'Subscription')
    throw new DomainError('VALIDATION_FAILED', 'Subscription: the body must be a Subscription', {
      errors: [{ path: 'Subscription', message: 'is required' }],
    });
  if (s.criteria !== PAS.topic)
    errors.push({ path: 'Subscription.criteria', message: `must be the topic ${PAS.topic}` });
  const filters = (s._criteria?.extension ?? [])
    .filter((e) => e.url === `${BACKPORT}backport-filter-criteria`)
    .map((e) => e.valueString ?? '');
  const org = filters.map((f) => /^org-identifier=(.+)$/.exec(f)?.[1]).find(Boolean);
  if (!org)
    errors.push({
      path: 'Subscription.criteria.extension',
      message: 'needs the filter org-identifier=<organization identifier>',
    });
  else if (org !== client.organizationIdentifier)
    errors.push({
      path: 'Subscription.criteria.extension',
      message: `org-identifier must be this client's organization (${client.organizationIdentifier ?? 'none registered'})`,
    });
  if (s.channel?.type !== 'rest-hook')
    errors.push({ path: 'Subscription.channel.type', message: 'only rest-hook is supported' });
  const endpoint = s.channel?.endpoint ?? '';
  const httpsOnly = ctx.config.env === 'production';
  if (!(httpsOnly ? /^https:\/\/\S+$/ : /^https?:\/\/\S+$/).test(endpoint))
    errors.push({
      path: 'Subscription.channel.endpoint',
      message: httpsOnly ? 'must be an https URL' : 'must be an http(s) URL',
    });
  if (s.channel?.payload && !['application/fhir+json', 'application/json'].includes(s.channel.payload))
    errors.push({ path: 'Subscription.channel.payload', message: 'must be application/fhir+json' });
  const content =
    (s.channel?._payload?.extension ?? []).find((e) => e.url === `${BACKPORT}backport-payload-content`)?.valueCode ??
    'id-only';
  if (!PAYLOAD_CONTENTS.includes(content))
    errors.push({
      path: 'Subscription.channel.payload.extension',
      message: 'payload content must be full-resource or id-only',
    });
  const headers = s.channel?.header ?? [];
  if (headers.some((h) => !/^[A-Za-z0-9-]+:\s?.{1,500}$/.test(h)))
    errors.push({ path: 'Subscription.channel.header', message: 'each header is "Name: value"' });
  if (errors.length)
    throw new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  const now = ctx.clock.now();
  const row = await insertSubscription(ctx.database.db, {
    id: newId('sub', now).toLowerCase().replace('_', '-'),
    clientId: client.id,
    topic: PAS.topic,
    orgIdentifier: org!,
    endpoint,
    payloadContent: content,
    headers,
    status: 'active',
    resource: { ...s, id: undefined } as unknown as Record<string, unknown>,
    createdAt: now,
  });
  return { status: 201, body: toResource(row), headers: { location: `${req.baseUrl}/Subscription/${row.id}` } };
}

async function ownSubscription(req: FhirRequest, ctx: AppContext): Promise<SubscriptionRow> {
  const client = clientOf(req);
  const row = await findSubscription(ctx.database.db, req.params.id);
  // Another client's subscription does not exist for this caller.
  if (!row || row.clientId !== client.id) throw notFound('Subscription', req.params.id);
  return row;
}

export async function readSubscription(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  return { status: 200, body: toResource(await ownSubscription(req, ctx)) };
}

export async function searchSubscriptions(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  const rows = await listSubscriptions(ctx.database.db, clientOf(req).id);
  return {
    status: 200,
    body: {
      resourceType: 'Bundle',
      type: 'searchset',
      total: rows.length,
      entry: rows.map((r) => ({
        fullUrl: `${req.baseUrl}/Subscription/${r.id}`,
        resource: toResource(r),
        search: { mode: 'match' },
      })),
    },
  };
}

/** Deleting turns the subscription off: no further notifications. */
export async function deleteSubscription(req: FhirRequest, ctx: AppContext): Promise<FhirResponse> {
  const row = await ownSubscription(req, ctx);
  await setSubscriptionStatus(ctx.database.db, row.id, 'off');
  return {
    status: 200,
    body: {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'information', code: 'deleted', details: { text: `Subscription ${row.id} is off` } }],
    },
  };
}
