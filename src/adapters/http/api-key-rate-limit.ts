import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../platform/errors.js';

/**
 * Requests per API key per minute (docs/security.md#rate-limits): a partner
 * system (a pharmacy switch, a hub) that loops or leaks its key cannot take the API from everyone
 * else. Keyed by the key's account, counted in memory per process (a fixed one-minute window);
 * people signed in with a token are throttled at sign-in instead. Over the limit: 429
 * problem+json with Retry-After. Runs after authentication (preValidation), which names the key.
 */
export async function registerApiKeyRateLimit(app: FastifyInstance, requestsPerMinute: number): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'preValidation',
    max: requestsPerMinute,
    timeWindow: 60_000,
    allowList: (req: FastifyRequest) => req.principal?.via !== 'api-key',
    keyGenerator: (req: FastifyRequest) => `api-key:${req.principal?.userId ?? ''}`,
    addHeadersOnExceeding: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true },
    errorResponseBuilder: (_req, ctx) =>
      new DomainError('RATE_LIMITED', `This API key may send ${ctx.max} requests a minute; wait ${ctx.after}`, {
        details: { retryAfter: Math.max(1, Math.ceil(ctx.ttl / 1000)) },
      }),
  });
}
