import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { requireRole } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { Type } from '@sinclair/typebox';
import { DomainError } from '../platform/errors.js';
import { principalOf } from '../adapters/http/auth.js';
import { findClaimById } from '../claims/index.js';
import { getClaimExchanges } from './get-claim-exchanges.js';
import { ClaimExchangesSchema } from './ncpdp.schemas.js';
import { answerTransmission, hostErrorResponse } from './answer-transmission.js';
import { faultFields, logFields, MAX_TRANSMISSION_BYTES } from './transmission-log.js';

/**
 * POST /api/v1/ncpdp/telecom: one raw D.0 transmission in (application/octet-stream), its raw
 * D.0 response out — 200 for every transmission, paid or rejected, the way a processor answers
 * a switch. Authenticated like POST /claims (a pharmacy's API key or token); 201-B1 must be that
 * pharmacy's NPI. Transport problems (no credentials, wrong media type, oversized body) are
 * problem+json like every other route.
 */
export async function ncpdpRoutes(app: ApiApp, ctx: AppContext): Promise<void> {
  await app.register(async (scope) => {
    // Scoped to these routes: elsewhere an octet-stream body is still 415.
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: MAX_TRANSMISSION_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/ncpdp/telecom',
      {
        bodyLimit: MAX_TRANSMISSION_BYTES,
        schema: {
          tags: ['claims'],
          summary:
            'NCPDP Telecommunication D.0 (B1, B2, B3, E1): the raw transmission in, the raw D.0 response out (application/octet-stream)',
          description:
            'Body: one D.0 transmission, bytes as sent to a processor (STX/ETX optional). Answer: 200 with the D.0 response for every transmission, accepted or rejected. See docs/ncpdp-telecom.md.',
          consumes: ['application/octet-stream'],
          produces: ['application/octet-stream'],
          response: errorResponses(401, 403, 413, 415),
        },
      },
      async (req, reply) => {
        const caller = requireRole(req, 'pharmacy');
        if (!Buffer.isBuffer(req.body))
          throw new DomainError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Send the raw D.0 transmission with Content-Type: application/octet-stream',
          );
        let response: Buffer;
        try {
          const answer = await answerTransmission(ctx, caller, req.body, 'http');
          for (const fault of answer.summary.faults) req.log.error(faultFields(fault), 'ncpdp transaction answered 99');
          req.log.info(logFields(answer.summary), 'ncpdp transmission');
          response = answer.response;
        } catch (err) {
          const host = hostErrorResponse(req.body, err);
          req.log.error(faultFields(err), `ncpdp transmission answered ${host.reject}`);
          response = host.bytes;
        }
        return reply.type('application/octet-stream').send(response);
      },
    );
  });

  app.get(
    '/claims/:claimId/ncpdp',
    {
      config: {
        phiRead: {
          resource: 'claim-ncpdp',
          reason: 'claims-inquiry',
          idParam: 'claimId',
          member: {
            param: 'claimId',
            lookup: async (claimId) => (await findClaimById(ctx.database.db, claimId))?.memberId,
          },
        },
      },
      schema: {
        tags: ['claims'],
        summary: 'The D.0 transmissions of a claim that came over the wire, decoded (the sending pharmacy and staff)',
        params: Type.Object({ claimId: Type.String({ maxLength: 64 }) }),
        response: { 200: ClaimExchangesSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => getClaimExchanges(ctx, principalOf(req), req.params.claimId),
  );
}
