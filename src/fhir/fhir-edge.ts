import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app-context.js';
import {
  conflictToDomainError,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
  unavailableToDomainError,
} from '../platform/db-conflicts.js';
import { DomainError } from '../platform/errors.js';
import type { FhirCaller, FhirRequest, FhirResponse } from './fhir-request.js';
import type { FhirRoute } from './fhir-route.js';
import { operationOutcome, outcomeForDomainError, type MappedOutcome } from './operation-outcome.js';
import { assertAccess } from './smart/assert-access.js';
import { resolveCaller } from './smart/resolve-caller.js';
import { errorLogFields } from '../platform/error-log-fields.js';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

declare module 'fastify' {
  interface FastifyRequest {
    fhirCaller?: FhirCaller;
  }
}

/** Fastify/HTTP errors (body limits, bad JSON, media types) and domain errors → OperationOutcome. */
export function mapFhirError(error: unknown, request: FastifyRequest): MappedOutcome {
  if (error instanceof DomainError) return outcomeForDomainError(error);
  const err = error as FastifyError;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, outcome: operationOutcome('error', 'too-costly', 'The request body is too large') };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        outcome: operationOutcome(
          'error',
          'not-supported',
          `Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted; send application/fhir+json`,
        ),
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, outcome: operationOutcome('error', 'required', 'The request body is empty') };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, outcome: operationOutcome('error', 'structure', 'Content-Length does not match the body') };
  }
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
    return {
      status: 400,
      outcome: operationOutcome('error', 'structure', `The body is not valid JSON: ${err.message}`),
    };
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500)
    return { status: err.statusCode, outcome: operationOutcome('error', 'invalid', err.message) };
  const conflict = conflictToDomainError(error);
  if (conflict) {
    request.log.warn({ route: request.routeOptions.url, ...conflict.details }, 'lost a race with another request');
    return outcomeForDomainError(conflict);
  }
  const unavailable = unavailableToDomainError(error);
  if (unavailable) {
    request.log.error(
      { route: request.routeOptions.url, ...errorLogFields(err) },
      'database unavailable at the FHIR edge',
    );
    return outcomeForDomainError(unavailable);
  }
  request.log.error({ route: request.routeOptions.url, ...errorLogFields(err) }, 'unhandled error at the FHIR edge');
  return {
    status: 500,
    outcome: operationOutcome('error', 'exception', 'Something went wrong on our side; the request was not applied'),
  };
}

export function sendFhir(reply: FastifyReply, res: FhirResponse) {
  if (res.headers) for (const [k, v] of Object.entries(res.headers)) reply.header(k, v);
  const body = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  return reply
    .code(res.status)
    .type(res.contentType ?? FHIR_JSON)
    .send(body);
}

export function baseUrlOf(request: FastifyRequest, prefix: string): string {
  const proto = (request.headers['x-forwarded-proto'] as string | undefined)?.split(',')[0] ?? request.protocol;
  const host = (request.headers['x-forwarded-host'] as string | undefined) ?? request.headers.host ?? 'localhost';
  return `${proto}://${host}${prefix}`;
}

function toFhirRequest(request: FastifyRequest, prefix: string, caller: FhirCaller): FhirRequest {
  return {
    method: request.method as FhirRequest['method'],
    params: (request.params ?? {}) as Record<string, string>,
    query: (request.query ?? {}) as FhirRequest['query'],
    body: request.body,
    baseUrl: baseUrlOf(request, prefix),
    caller,
    headers: request.headers as Record<string, string | undefined>,
  };
}

/**
 * Registers a table of FHIR routes on a Fastify scope: one auth resolution, one access check per
 * route, one error mapping. `prefix` is where the scope is mounted (for absolute URLs).
 */
export async function registerFhirRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  routes: FhirRoute[],
  prefix: string,
): Promise<void> {
  app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, body === '' ? undefined : JSON.parse(body as string));
    } catch (e) {
      (e as FastifyError).statusCode = 400;
      done(e as Error, undefined);
    }
  });
  app.setErrorHandler((error, request, reply) => {
    const { status, outcome } = mapFhirError(error, request);
    // RFC 9110 §10.2.3: a 503 says when to come back, as the JSON API's does.
    const retryAfter = status === 503 ? { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } : undefined;
    return sendFhir(reply, { status, body: outcome, ...(retryAfter ? { headers: retryAfter } : {}) });
  });
  app.setNotFoundHandler((request, reply) =>
    sendFhir(reply, {
      status: 404,
      body: operationOutcome(
        'error',
        'not-supported',
        `${request.method} ${request.url.split('?')[0]} is not supported; see ${prefix}/metadata`,
      ),
    }),
  );
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.path,
      schema: { hide: true },
      handler: async (request, reply) => {
        const caller = await resolveCaller(ctx, request.headers.authorization, route.access);
        request.fhirCaller = caller;
        assertAccess(ctx, caller, route.access);
        const res = await route.handler(toFhirRequest(request, prefix, caller), ctx);
        return sendFhir(reply, res);
      },
    });
  }
}
