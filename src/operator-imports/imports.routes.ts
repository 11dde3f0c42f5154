import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { requireRole } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { DomainError } from '../platform/errors.js';
import { ImportSummarySchema, listImportRuns } from '../imports/index.js';
import { IMPORT_FORMAT, IMPORT_KINDS, runImport } from './run-import.js';

/** Import files are larger than API bodies (a national formulary, an eligibility file): 50 MB. */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

const SummaryFields = ImportSummarySchema.properties;
const RunSummarySchema = Type.Object({ runId: Type.String(), ...SummaryFields }, { description: 'ImportSummary' });

const ImportRunSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  source: Type.Union([Type.String(), Type.Null()]),
  actor: Type.String(),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  summary: Type.Union([Type.Object(SummaryFields), Type.Null()]),
});

const KindParam = Type.Union(IMPORT_KINDS.map((k) => Type.Literal(k)));
const FileBody = Type.String({ minLength: 1, description: 'The file itself, as text' });

const CONTENT_TYPES: Record<'csv' | 'json', string[]> = {
  csv: ['text/csv', 'text/plain'],
  json: ['application/json', 'text/plain'],
};

export async function importRoutes(app: ApiApp, ctx: AppContext): Promise<void> {
  // An encapsulated scope: these routes take the raw file text (their own parsers and body
  // limit) without changing how the rest of the API reads JSON.
  await app.register(async (plugin) => {
    // A plugin's instance does not inherit the type provider: ask for it again (one schema, one type).
    const scoped = plugin.withTypeProvider<TypeBoxTypeProvider>();
    // Admins only, decided before a (up to 50 MB) body is read.
    scoped.addHook('onRequest', async (req) => {
      requireRole(req, 'admin');
    });
    scoped.removeContentTypeParser(['application/json', 'text/plain']);
    // The importer parses the text itself, so a broken file gets IMPORT_FAILED with a line number.
    scoped.addContentTypeParser(
      ['application/json', 'text/csv', 'text/plain'],
      { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );

    scoped.post(
      '/imports/:kind',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: ['admin'],
          summary:
            'Import a reference-data file (admin): drug catalog CSV, QHP plans/drugs JSON, plan bundle JSON, members/prescribers/pharmacies CSV',
          description:
            'The body is the file. Rows with problems are listed in `rejected` (with their line or index) and the rest load; ' +
            'a file that cannot be read at all is 422 IMPORT_FAILED (or 400 VALIDATION_FAILED for a plan bundle) and nothing is written. ' +
            'Formats: docs/plan-bundle-format.md; CSV columns: see the CLI help (`npm run cli -- help`).',
          params: Type.Object({ kind: KindParam }),
          querystring: Type.Object(
            {
              source: Type.Optional(Type.String({ maxLength: 200, description: 'File name, recorded with the run' })),
              processorId: Type.Optional(
                Type.String({ maxLength: 64, description: 'qhp-plans: the processor that adjudicates the plans' }),
              ),
            },
            { additionalProperties: false },
          ),
          consumes: ['text/csv', 'application/json', 'text/plain'],
          body: FileBody,
          response: { 200: RunSummarySchema, ...errorResponses(400, 401, 403, 413, 415, 422) },
        },
      },
      async (req) => {
        const principal = requireRole(req, 'admin');
        const { kind } = req.params;
        const query = req.query;
        const format = IMPORT_FORMAT[kind];
        const mediaType = String(req.headers['content-type'] ?? '')
          .split(';')[0]
          .trim()
          .toLowerCase();
        if (!CONTENT_TYPES[format].includes(mediaType)) {
          throw new DomainError(
            'UNSUPPORTED_MEDIA_TYPE',
            `A ${kind} import is a ${format.toUpperCase()} file: send it with Content-Type: ${CONTENT_TYPES[format][0]}`,
          );
        }
        let lastLogged = 0;
        const { runId, summary } = await runImport(ctx, kind, req.body, {
          actor: { username: principal.username, role: principal.role },
          source: query.source,
          processorId: query.processorId,
          // Long imports: a progress line in the server log every quarter.
          onProgress: (done, total) => {
            const pct = total ? Math.floor((done / total) * 4) * 25 : 100;
            if (pct > lastLogged) {
              lastLogged = pct;
              req.log.info({ kind, done, total }, `import ${kind}: ${pct} %`);
            }
          },
        });
        return { runId, ...summary };
      },
    );

    scoped.get(
      '/imports',
      {
        schema: {
          tags: ['admin'],
          summary: 'Import runs, newest first (admin)',
          querystring: Type.Object(
            {
              kind: Type.Optional(KindParam),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(ImportRunSchema) }), ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        requireRole(req, 'admin');
        const q = req.query;
        const runs = await listImportRuns(ctx.database.db, { kind: q.kind, limit: q.limit });
        return {
          items: runs.map((r) => ({
            id: r.id,
            kind: r.kind,
            source: r.source,
            actor: r.actor,
            startedAt: r.startedAt.toISOString(),
            finishedAt: r.finishedAt?.toISOString() ?? null,
            summary: r.summary ?? null,
          })),
        };
      },
    );
  });
}
