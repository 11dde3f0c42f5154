import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal, Role } from '../../platform/roles.js';
import { DomainError } from '../../platform/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Route needs no principal (token, health, docs). */
    public?: boolean;
  }
}

/** Who a bearer token or API key belongs to (identity's authenticateBearer, bound by the app builder). */
export type Authenticate = (token: string) => Promise<Principal | null>;

/**
 * Every /api/v1 route except those marked public requires a principal (a token or an API key).
 * The edge kit knows no feature module: identity's lookup is passed in, so identity's own routes
 * can use principalOf without a cycle.
 */
export function registerAuth(app: FastifyInstance, authenticate: Authenticate): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) request.principal = await authenticate(header.slice(7).trim());
    if (!request.principal && !request.routeOptions.config?.public) {
      throw new DomainError(
        'UNAUTHENTICATED',
        header
          ? 'The access token or API key is not valid or has expired'
          : 'Send Authorization: Bearer <token or API key>',
      );
    }
  });
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new DomainError('UNAUTHENTICATED', 'Sign-in required');
  return request.principal;
}

export function requireRole(request: FastifyRequest, ...roles: Role[]): Principal {
  const p = principalOf(request);
  if (!roles.includes(p.role)) throw new DomainError('FORBIDDEN', `This needs one of the roles: ${roles.join(', ')}`);
  return p;
}
