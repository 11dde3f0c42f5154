import ValidatorSelector from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

/**
 * Fastify's own schema compilers (ajv for request validation, fast-json-stringify for responses),
 * made lazy: a route's validator or serializer is compiled on its first use instead of when the
 * route is registered. Compiling the ≈ 300 routes' schemas up front was the largest part of
 * `npm start` (≈ 1–2 s of CPU before the first answer, bench:startup; issue #15: ready in ≤ 5 s).
 * `compileRemaining` compiles what no request has needed yet, a few at a time, after the server
 * listens, so a schema that cannot compile still shows up in the log within seconds of start.
 * What is compiled, with which options and external schemas, is unchanged: the wrappers call the
 * same factories Fastify uses by default.
 */

type Compiled = ((...args: unknown[]) => unknown) & { errors?: unknown };
type Compiler = (route: unknown) => Compiled;
type Factory = (...args: unknown[]) => Compiler;
type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

export interface LazySchemaCompilers {
  compilersFactory: CompilersFactory;
  /**
   * Compiles every schema not compiled yet, `batch` at a time between turns of the event loop;
   * one that fails is handed to `failed` (its route then answers 500 problem+json when used).
   */
  compileRemaining(failed: (error: unknown) => void, batch?: number): Promise<void>;
  /** How many schemas wait for their first use (tests). */
  pending(): number;
}

export function lazySchemaCompilers(): LazySchemaCompilers {
  const waiting = new Set<() => Compiled>();

  /** A function that compiles itself on its first call; ajv's `errors` is read through to the compiled one. */
  const lazy = (compile: () => Compiled): Compiled => {
    let compiled: Compiled | undefined;
    const build = () => {
      waiting.delete(build);
      return (compiled ??= compile());
    };
    waiting.add(build);
    const fn = ((...args: unknown[]) => build()(...args)) as Compiled;
    Object.defineProperty(fn, 'errors', { get: () => compiled?.errors, enumerable: true });
    return fn;
  };
  const lazily =
    (factory: Factory): Factory =>
    (...factoryArgs) => {
      const compiler = factory(...factoryArgs);
      return (route) => lazy(() => compiler(route));
    };

  return {
    // Typed loosely here: the wrappers hand Fastify the same shapes its factories return.
    compilersFactory: {
      buildValidator: lazily(ValidatorSelector() as unknown as Factory),
      buildSerializer: lazily(SerializerSelector() as unknown as Factory),
    } as unknown as CompilersFactory,
    async compileRemaining(failed, batch = 10) {
      const todo = [...waiting];
      for (let i = 0; i < todo.length; i += batch) {
        for (const build of todo.slice(i, i + batch)) {
          try {
            build();
          } catch (error) {
            failed(error);
          }
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    pending: () => waiting.size,
  };
}
