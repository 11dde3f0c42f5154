import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { baseUrlOf } from '../fhir-edge.js';
import { issueClientToken, OAuthError, type TokenRequest } from './issue-client-token.js';
import { errorLogFields } from '../../platform/error-log-fields.js';

const FORM_LIMIT = 16 * 1024;

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
    const e =
      error instanceof OAuthError
        ? error
        : new OAuthError(
            'invalid_request',
            (error as { code?: string }).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
              ? 'send the form as application/x-www-form-urlencoded'
              : 'the request could not be read',
          );
    if (!(error instanceof OAuthError) && !(error as { statusCode?: number }).statusCode)
      request.log.error(errorLogFields(error), 'unexpected error at the token endpoint');
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
