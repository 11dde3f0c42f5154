/**
 * Picks request and answer types out of the generated web/src/api/openapi.d.ts (npm run gen:api),
 * so a portal's type is the server's schema, not a hand-kept copy: change a route's schema and
 * `tsc -p web` shows every screen that reads the changed field.
 */
import type { paths } from './openapi';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON answer of `METHOD path` for a status (200 unless given), e.g. ApiAnswer<'/api/v1/coverage', 'get'>. */
export type ApiAnswer<P extends keyof paths, M extends Method, S extends number = 200> = paths[P][M] extends {
  responses: infer R;
}
  ? S extends keyof R
    ? JsonOf<R[S]>
    : never
  : never;

/** The JSON request body of `METHOD path`. */
export type ApiBody<P extends keyof paths, M extends Method> = paths[P][M] extends { requestBody?: infer B }
  ? JsonOf<NonNullable<B>>
  : never;
