import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { requireRole } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { validateCriteriaSet } from '../shared/criteria-set.js';
import {
  CriteriaIdParams,
  DiffQuery,
  DiffSchema,
  DraftSchema,
  RevisionBody,
  SaveDraftBody,
  SimulateBody,
  SimulationReportSchema,
} from './criteria-drafts.schemas.js';
import {
  criteriaDiff,
  discardDraft,
  draftView,
  openDraft,
  publishDraft,
  requireDraft,
  saveDraft,
} from './criteria-drafts.js';
import { simulateDraft } from './simulate-criteria.js';

/** Criteria authoring for administrators (docs/design.md#criteria-authoring): draft, validate, simulate, publish, diff. */
export async function criteriaDraftRoutes(app: ApiApp, ctx: AppContext) {
  const tags = ['criteria'];

  app.post(
    '/criteria/:id/draft',
    {
      schema: {
        tags,
        summary: 'Open a draft of a criteria set from its current version (or return the open one)',
        params: CriteriaIdParams,
        response: { 200: DraftSchema, 201: DraftSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = requireRole(req, 'admin');
      const { created, draft } = await openDraft(ctx, req.params.id, actor);
      return reply.code(created ? 201 : 200).send(draft);
    },
  );

  app.get(
    '/criteria/:id/draft',
    {
      schema: {
        tags,
        summary: 'The open draft, its validation errors and its latest simulation',
        params: CriteriaIdParams,
        response: { 200: DraftSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      requireRole(req, 'admin');
      return draftView(await requireDraft(ctx, req.params.id));
    },
  );

  app.put(
    '/criteria/:id/draft',
    {
      schema: {
        tags,
        summary: 'Save the draft (kept even while invalid; the answer lists the errors)',
        params: CriteriaIdParams,
        body: SaveDraftBody,
        response: { 200: DraftSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = requireRole(req, 'admin');
      return saveDraft(ctx, req.params.id, req.body, actor);
    },
  );

  app.delete(
    '/criteria/:id/draft',
    {
      schema: { tags, summary: 'Discard the draft', params: CriteriaIdParams, response: errorResponses(401, 403, 404) },
    },
    async (req, reply) => {
      const actor = requireRole(req, 'admin');
      await discardDraft(ctx, req.params.id, actor);
      return reply.code(204).send();
    },
  );

  app.post(
    '/criteria/validate',
    {
      schema: {
        tags,
        summary: 'Validate a criteria set without saving it (the same checks the editor runs)',
        body: Type.Object({}, { additionalProperties: true }),
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            errors: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req) => {
      requireRole(req, 'admin');
      const result = validateCriteriaSet(req.body);
      return { ok: result.ok, errors: result.ok ? [] : result.errors };
    },
  );

  app.post(
    '/criteria/:id/simulations',
    {
      schema: {
        tags,
        summary: 'Replay the draft on the cases decided with the current version; what would change, by rule',
        params: CriteriaIdParams,
        body: Type.Optional(SimulateBody),
        response: { 200: SimulationReportSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = requireRole(req, 'admin');
      const body = req.body ?? {};
      return simulateDraft(ctx, req.params.id, body, actor);
    },
  );

  app.post(
    '/criteria/:id/draft/publish',
    {
      schema: {
        tags,
        summary: 'Publish the simulated draft as the next (immutable) version',
        params: CriteriaIdParams,
        body: RevisionBody,
        response: {
          200: Type.Object({ id: Type.String(), version: Type.Integer() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => {
      const actor = requireRole(req, 'admin');
      return publishDraft(ctx, req.params.id, req.body, actor);
    },
  );

  app.get(
    '/criteria/:id/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two versions (to=draft: the open draft): questions, rules, facts, settings',
        params: CriteriaIdParams,
        querystring: DiffQuery,
        response: { 200: DiffSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      requireRole(req, 'admin', 'reviewer-pharmacist', 'reviewer-physician');
      const q = req.query;
      return criteriaDiff(ctx, req.params.id, q.from, q.to === 'draft' ? 'draft' : Number(q.to));
    },
  );
}
