import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';

/**
 * The Fastify instance every JSON route registers on. Through the TypeBox type provider a route's
 * schema types its handler: `req.body`, `req.params` and `req.query` are `Static<typeof Schema>`,
 * so a route needs no `as` cast and a use case's input is the schema's type (one schema, one type).
 */
export type ApiApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
