import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { principalOf, requireRole } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { notFound, forbidden } from '../platform/errors.js';
import { findClaimById } from './claims.repo.js';
import { getMemberAccumulators } from './get-accumulators.js';
import {
  AccumulatorStandingSchema,
  ClaimRequestSchema,
  ClaimResponseSchema,
  ClaimSummarySchema,
  ReversalResponseSchema,
} from './claims.schemas.js';
import { listClaimSummaries, toClaimSummary } from './list-claims.js';
import { reverseClaim } from './reverse-claim.js';
import { submitClaim } from './submit-claim.js';

export async function claimRoutes(app: ApiApp, ctx: AppContext) {
  app.post(
    '/claims',
    {
      schema: {
        tags: ['claims'],
        summary: 'B1 claim billing: adjudicate a pharmacy claim (200 for paid, rejected and duplicate)',
        body: ClaimRequestSchema,
        response: { 200: ClaimResponseSchema, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (req) => {
      const caller = requireRole(req, 'pharmacy');
      return submitClaim(ctx, caller, req.body);
    },
  );

  app.post(
    '/claims/:claimId/reversal',
    {
      schema: {
        tags: ['claims'],
        summary: 'B2 reversal: void a paid claim',
        params: Type.Object({ claimId: Type.String({ maxLength: 64 }) }),
        response: { 200: ReversalResponseSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      const caller = requireRole(req, 'pharmacy', 'admin');
      return reverseClaim(ctx, caller, req.params.claimId);
    },
  );

  app.get(
    '/claims',
    {
      config: { phiRead: { resource: 'member-claims', reason: 'claims-inquiry', member: { query: 'memberId' } } },
      schema: {
        tags: ['claims'],
        summary: "A member's claim history with the plain-language reason of every reject",
        querystring: Type.Object({
          memberId: Type.Optional(Type.String({ maxLength: 20 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(ClaimSummarySchema) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      return {
        items: await listClaimSummaries(ctx, principalOf(req), req.query),
      };
    },
  );

  app.get(
    '/members/:id/accumulators',
    {
      config: {
        phiRead: {
          resource: 'member-accumulators',
          reason: 'member-inquiry',
          member: { param: 'id' },
          outsiders: true,
        },
      },
      schema: {
        tags: ['members'],
        summary: "A member's deductible and out-of-pocket standing per plan year (docs/design.md#accumulators)",
        params: Type.Object({ id: Type.String({ maxLength: 20 }) }),
        querystring: Type.Object(
          { date: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD; default today' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            memberId: Type.String(),
            asOf: Type.String(),
            items: Type.Array(AccumulatorStandingSchema),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (req) => getMemberAccumulators(ctx, principalOf(req), req.params.id, req.query),
  );

  app.get(
    '/claims/:claimId',
    {
      config: { phiRead: { resource: 'claim', reason: 'claims-inquiry', idParam: 'claimId' } },
      schema: {
        tags: ['claims'],
        summary: 'One claim',
        params: Type.Object({ claimId: Type.String({ maxLength: 64 }) }),
        response: { 200: ClaimSummarySchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      const caller = principalOf(req);
      const { claimId } = req.params;
      const claim = await findClaimById(ctx.database.db, claimId);
      // Not revealing existence to callers who may not see it.
      if (!claim) throw notFound('Claim', claimId);
      const allowed =
        (caller.role === 'member' && claim.memberId === caller.memberId) ||
        (caller.role === 'pharmacy' && claim.pharmacyNpi === caller.npi) ||
        (caller.role === 'prescriber' && claim.prescriberNpi === caller.npi) ||
        ['member-services', 'admin', 'reviewer-pharmacist', 'reviewer-physician', 'intake'].includes(caller.role);
      if (!allowed) throw caller.role === 'member' ? notFound('Claim', claimId) : forbidden('Not your claim');
      return toClaimSummary(claim);
    },
  );
}
