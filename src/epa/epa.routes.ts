import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { DomainError } from '../platform/errors.js';
import { faultFields } from '../ncpdp/transmission-log.js';
import { answerEpaMessage } from './answer-epa-message.js';
import { authenticateHub } from './authenticate-hub.js';
import { MAX_SCRIPT_BYTES } from './script-xml.js';

export const XML_TYPES = ['application/xml', 'text/xml'];

/** Registers a raw XML body parser for the routes of this scope only (elsewhere XML stays 415). */
export function acceptXml(scope: FastifyInstance): void {
  scope.addContentTypeParser(XML_TYPES, { parseAs: 'string', bodyLimit: MAX_SCRIPT_BYTES }, (_req, body, done) =>
    done(null, body),
  );
}

/**
 * POST /api/v1/epa: one NCPDP SCRIPT ePA message in (application/xml), its SCRIPT answer out
 * (docs/epa-script.md). Every message is answered 200 with a SCRIPT message — a response or an
 * Error naming the element at fault; transport problems (no or bad credentials, a client without
 * the epa scope, a body that is not XML) are problem+json like every other route.
 */
export async function epaRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(async (scope) => {
    acceptXml(scope);
    scope.post(
      '/epa',
      {
        bodyLimit: MAX_SCRIPT_BYTES,
        // Hubs authenticate as EHR clients (API key or OAuth client credentials), not as users.
        config: { public: true },
        schema: {
          tags: ['epa'],
          summary:
            'NCPDP SCRIPT ePA (PAInitiationRequest, PARequest, PAAppealRequest, PACancelRequest): one message in, its SCRIPT answer out (application/xml)',
          description:
            'Authorization: Bearer <hub API key or access token from POST /oauth/token with scope epa>. See docs/epa-script.md.',
          consumes: XML_TYPES,
          produces: ['application/xml'],
          response: errorResponses(401, 403, 413, 415),
        },
      },
      async (req, reply) => {
        const hub = await authenticateHub(ctx, req.headers.authorization, 'epa');
        if (typeof req.body !== 'string')
          throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send one SCRIPT message with Content-Type: application/xml');
        const answer = await answerEpaMessage(ctx, hub, req.body);
        if (answer.summary.fault) req.log.error(faultFields(answer.summary.fault), 'epa message answered 602');
        const { fault: _fault, ...summary } = answer.summary;
        req.log.info({ epa: { ...summary, hub: hub.row.clientId } }, 'epa message');
        return reply.type('application/xml; charset=utf-8').send(answer.xml);
      },
    );
    scope.post(
      '/rtpb',
      {
        bodyLimit: MAX_SCRIPT_BYTES,
        config: { public: true },
        schema: {
          tags: ['epa'],
          summary:
            'Real-time prescription benefit (RTPBRequest → RTPBResponse): coverage status, retail and mail patient pay, PA/step/quantity flags, up to five alternatives',
          description:
            'Authorization: Bearer <hub API key or access token with scope rtpb>. The same dry-run adjudication as GET /api/v1/coverage. See docs/epa-script.md#rtpb.',
          consumes: XML_TYPES,
          produces: ['application/xml'],
          response: errorResponses(401, 403, 413, 415),
        },
      },
      async (req, reply) => {
        const hub = await authenticateHub(ctx, req.headers.authorization, 'rtpb');
        if (typeof req.body !== 'string')
          throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send one RTPBRequest with Content-Type: application/xml');
        const answer = await answerEpaMessage(ctx, hub, req.body, 'rtpb');
        if (answer.summary.fault) req.log.error(faultFields(answer.summary.fault), 'rtpb message answered 602');
        return reply.type('application/xml; charset=utf-8').send(answer.xml);
      },
    );
  });
}
