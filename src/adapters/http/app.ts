import { readFile } from 'node:fs/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../app-context.js';
import { loggerOptions } from '../../platform/logger.js';
import { authenticateBearer } from '../../identity/authenticate.js';
import { writeAudit } from '../../audit/index.js';
import { registerAuth } from './auth.js';
import { listPhiReadRoutes, registerPhiReadAudit } from './phi-read-audit.js';
import { registerApiKeyRateLimit } from './api-key-rate-limit.js';
import { errorToProblem, problemFor, sendProblem } from './problem.js';
import { ProblemSchema } from './schemas.js';
import { refuseHostileInput } from './hostile-input.js';
import { lazySchemaCompilers } from './lazy-schema-compilers.js';
import { registerSecurityHeaders } from './security-headers.js';
import { apiRoutes } from './routes.js';
import { DEFAULT_WEB_DIR, serveWebApp } from '../web/serve-web-app.js';
import { registerFhirRoutes } from '../../fhir/fhir-edge.js';
import { fhirRoutes } from '../../fhir/fhir-routes.js';
import { crdRoutes } from '../../fhir/crd/crd-routes.js';
import { oauthRoutes } from '../../fhir/smart/oauth-routes.js';
import { fromProjectRoot } from '../../platform/project-root.js';

export type App = FastifyInstance;

const FHIR_GUIDE = fromProjectRoot('docs', 'fhir.md');

/** JSON bodies up to 1 MB (attachments have their own multipart limit). */
export const BODY_LIMIT = 1024 * 1024;

/** `logStream`: where log lines go instead of stdout (the log scan in test/security reads them). */
export async function buildApp(
  ctx: AppContext,
  options: { logStream?: { write(line: string): void } } = {},
): Promise<FastifyInstance> {
  const schemas = lazySchemaCompilers();
  const app = Fastify({
    logger: {
      ...(loggerOptions(ctx.config.logLevel) as object),
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    bodyLimit: BODY_LIMIT,
    // On SIGTERM a request that arrives on an open keep-alive connection is still served (with
    // Connection: close) instead of Fastify's plain 503: the shutdown finishes what reached it.
    return503OnClosing: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    // Each route's schemas compile on first use, the rest just after listen (start-up ≤ 5 s).
    schemaController: { compilersFactory: schemas.compilersFactory },
    // The router's own answers (a malformed %-escape, a path parameter over 100 characters) are
    // problem+json like every other error (docs/design.md#errors), not Fastify's default JSON.
    frameworkErrors: (error, request, reply) => {
      void sendProblem(reply, errorToProblem(error, request));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  refuseHostileInput(app);
  // What no request has compiled yet compiles a second after listen, out of the start-up burst
  // (migrations, pg-boss), so a schema that cannot compile is still logged soon after start.
  app.addHook('onListen', async () => {
    setTimeout(
      () =>
        void schemas.compileRemaining((error) =>
          app.log.error({ err: error }, 'a route schema does not compile: its route answers 500'),
        ),
      1000,
    ).unref();
  });
  listPhiReadRoutes(app);
  await registerSecurityHeaders(app, { hsts: ctx.config.hsts });

  app.addSchema(ProblemSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenPBM API',
        version: '1',
        description:
          "Pharmacy benefit and prior authorization. Errors are RFC 9457 problem+json. FHIR R4 (US Drug Formulary, CRD, DTR, PAS, members' records) is at /fhir and CDS Hooks at /cds-services: see docs/fhir.md (served at /docs/fhir.md).",
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Access token (POST /api/v1/auth/token) or API key' },
        },
      },
      security: [{ bearer: [] }],
      externalDocs: { description: 'FHIR, CDS Hooks and SMART Backend Services (docs/fhir.md)', url: '/docs/fhir.md' },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs', uiConfig: { docExpansion: 'list' } });

  app.setErrorHandler((error, request, reply) => sendProblem(reply, errorToProblem(error, request)));
  const pageFallback = await serveWebApp(app, ctx.config.webDir ?? DEFAULT_WEB_DIR);
  app.setNotFoundHandler((request, reply) => {
    if (pageFallback?.(request, reply)) return;
    sendProblem(reply, problemFor('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`));
  });

  // The FHIR guide, linked from the OpenAPI document (the repository's docs/fhir.md, as text).
  app.get('/docs/fhir.md', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/markdown; charset=utf-8').send(await readFile(FHIR_GUIDE, 'utf8')),
  );

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await ctx.database.query('select 1');
      return { status: 'ok', database: ctx.database.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: ctx.database.kind });
    }
  });

  await app.register(
    async (api) => {
      registerAuth(api, (token) => authenticateBearer(ctx, token));
      registerPhiReadAudit(api, ctx, (row) => writeAudit(ctx.database.db, row));
      await registerApiKeyRateLimit(api, ctx.config.apiKeyRequestsPerMinute);
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
      await apiRoutes(api, ctx);
    },
    { prefix: '/api/v1' },
  );
  // FHIR R4 (docs/fhir.md): its own auth resolution and OperationOutcome errors.
  await app.register((fhir) => registerFhirRoutes(fhir, ctx, fhirRoutes(), '/fhir'), { prefix: '/fhir' });
  // CDS Hooks (Da Vinci CRD) and the SMART Backend Services token endpoint.
  await app.register((cds) => registerFhirRoutes(cds, ctx, crdRoutes(), '/cds-services'), { prefix: '/cds-services' });
  await app.register((oauth) => oauthRoutes(oauth, ctx), { prefix: '/oauth' });

  return app;
}
