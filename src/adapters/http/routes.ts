import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.js';
import { identityRoutes } from '../../identity/identity.routes.js';

/** Every module's JSON routes under /api/v1. */
export async function apiRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await identityRoutes(app, ctx);
}
