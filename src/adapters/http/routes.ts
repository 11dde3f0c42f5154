import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { claimRoutes } from '../../claims/claims.routes.js';
import { coverageRoutes } from '../../coverage/coverage.routes.js';
import { testClockRoutes } from '../../deadlines/test-clock.routes.js';
import { identityRoutes } from '../../identity/identity.routes.js';
import { importRoutes } from '../../imports/imports.routes.js';
import { planRoutes } from '../../plans/plans.routes.js';
import { criteriaRoutes } from '../../priorauth/criteria.routes.js';
import { priorAuthRoutes } from '../../priorauth/priorauth.routes.js';

/** Every module's JSON routes under /api/v1. */
export async function apiRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await identityRoutes(app, ctx);
  await claimRoutes(app, ctx);
  await coverageRoutes(app, ctx);
  await planRoutes(app, ctx);
  await priorAuthRoutes(app, ctx);
  await criteriaRoutes(app, ctx);
  await testClockRoutes(app, ctx);
  await importRoutes(app, ctx);
}
