import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { principalOf, requireRole } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { notFound } from '../platform/errors.js';
import { importCriteriaBundle } from './import-criteria.js';
import { searchDiagnosisCodes } from './search-diagnosis-codes.js';
import { ImportSummarySchema } from '../imports/index.js';
import { findCriteriaVersion, findCurrentCriteria, listCriteria } from './priorauth.repo.js';

export async function criteriaRoutes(app: ApiApp, ctx: AppContext) {
  app.get(
    '/criteria',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Criteria sets (current versions; all=true for every version)',
        querystring: Type.Object({ all: Type.Optional(Type.Boolean()) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                version: Type.Integer(),
                title: Type.String(),
                current: Type.Boolean(),
                createdAt: Type.String(),
                createdBy: Type.String(),
              }),
            ),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (req) => {
      principalOf(req);
      const rows = await listCriteria(ctx.database.db, { currentOnly: !req.query.all });
      return {
        items: rows.map((r) => ({
          id: r.id,
          version: r.version,
          title: r.title,
          current: r.current,
          createdAt: r.createdAt.toISOString(),
          createdBy: r.createdBy,
        })),
      };
    },
  );

  app.get(
    '/reference/icd10',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Search ICD-10-CM diagnosis codes (the codes the current criteria sets use) by code or words',
        querystring: Type.Object({
          q: Type.String({ minLength: 1, maxLength: 60, description: 'A code or its start (E11, E11.6) or words' }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ code: Type.String(), description: Type.String() })),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req) => {
      requireRole(req, 'prescriber', 'intake', 'reviewer-pharmacist', 'reviewer-physician', 'admin');
      return { items: await searchDiagnosisCodes(ctx, req.query.q, req.query.limit ?? 20) };
    },
  );

  app.get(
    '/criteria/export',
    { schema: { tags: ['criteria'], summary: 'Every current criteria set as an importable bundle' } },
    async (req) => {
      requireRole(req, 'admin', 'reviewer-pharmacist', 'reviewer-physician');
      const rows = await listCriteria(ctx.database.db, { currentOnly: true });
      return { format: 'openpbm-criteria/1', criteriaSets: rows.map((r) => r.body) };
    },
  );

  app.get(
    '/criteria/:id',
    {
      schema: {
        tags: ['criteria'],
        summary: 'One criteria set (its FHIR Questionnaire, rules, documents)',
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }),
      },
    },
    async (req) => {
      principalOf(req);
      const { id } = req.params;
      const { version } = req.query;
      const row = version
        ? await findCriteriaVersion(ctx.database.db, id, version)
        : await findCurrentCriteria(ctx.database.db, id);
      if (!row) throw notFound('Criteria set', version ? `${id} v${version}` : id);
      return row.body;
    },
  );

  app.post(
    '/criteria',
    {
      schema: {
        tags: ['criteria'],
        summary: 'Import criteria sets (admin); a changed set becomes a new version',
        body: Type.Object({}, { additionalProperties: true }),
        response: { 200: ImportSummarySchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => importCriteriaBundle(ctx, req.body, requireRole(req, 'admin')),
  );
}
