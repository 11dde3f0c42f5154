import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { baseUrlOf } from '../fhir-edge.js';
import { issueClientToken, OAuthError, type TokenRequest } from './issue-client-token.js';
import { errorLogFields } from '../../platform/error-log-fields.js';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../platform/db-conflicts.js';

const FORM_LIMIT = 16 * 1024;

/**
 * What the client is told: its own mistakes are 400/401, a request Fastify could not read is
 * invalid_request, the database out of reach is 503 temporarily_unavailable (try again in a few
 * seconds, as every other edge says it), and anything else is our fault: 500 server_error.
 */
function oauthErrorFor(error: unknown): OAuthError {
  if (error instanceof OAuthError) return error;
  if (isDatabaseUnavailable(error))
    return new OAuthError('temporarily_unavailable', 'the service is briefly unavailable; try again in a few seconds');
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== undefined && status < 500)
    return new OAuthError(
      'invalid_request',
      (error as { code?: string }).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'send the form as application/x-www-form-urlencoded'
        : 'the request could not be read',
    );
  return new OAuthError('server_error', 'something went wrong on our side; no token was issued');
}

/**
 * `POST /oauth/token`: the OAuth 2.0 edge. Its errors are RFC 6749 §5.2 JSON (`error`,
 * `error_description`), which OAuth clients read, and responses are never cached (§5.1).
 */
export async function oauthRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_LIMIT },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );
  app.setErrorHandler((error, request, reply) => {
    const e = oauthErrorFor(error);
    if (e.error === 'server_error') request.log.error(errorLogFields(error), 'unexpected error at the token endpoint');
    if (e.error === 'temporarily_unavailable') {
      request.log.warn(errorLogFields(error), 'database unavailable at the token endpoint');
      void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    }
    return reply
      .code(e.status)
      .header('cache-control', 'no-store')
      .send({ error: e.error, error_description: e.description });
  });
  app.post('/token', { schema: { hide: true } }, async (request, reply) => {
    const body = (request.body ?? {}) as TokenRequest;
    if (typeof body !== 'object')
      throw new OAuthError('invalid_request', 'send the form as application/x-www-form-urlencoded');
    const token = await issueClientToken(ctx, body, `${baseUrlOf(request, '/oauth')}/token`);
    return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(token);
  });
}
