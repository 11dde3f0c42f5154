import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, type FieldError } from '../../platform/errors.js';

/**
 * One rule for every string that crosses the HTTP edge (docs/security.md#input): no NUL and no
 * lone UTF-16 surrogate. PostgreSQL cannot store U+0000 in text and refuses invalid UTF-8, so
 * either would otherwise surface as a 500 deep inside a query. Numbers must be finite: Ajv's
 * querystring coercion turns `1e999` into Infinity, which passes `type: integer`; whole numbers
 * must fit PostgreSQL's integer.
 */
// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 32;
const INT4_MAX = 2_147_483_647;

export function hostileReason(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (it has a lone surrogate)';
  return null;
}

/** Field paths are the ones validation errors use: body fields bare, others prefixed (`querystring.lastName`). */
export function findHostileValues(value: unknown, path: string, out: FieldError[] = [], depth = 0): FieldError[] {
  if (out.length >= 20 || depth > MAX_DEPTH) return out;
  if (typeof value === 'string') {
    const reason = hostileReason(value);
    if (reason) out.push({ path: path || 'body', message: reason });
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push({ path: path || 'body', message: 'must be a finite number' });
    // Whole numbers land in PostgreSQL integer columns (versions, quantities, days): past int4 they
    // would fail inside the query as a 500 (found by test/security/fuzz-operations.test.ts).
    else if (Number.isInteger(value) && Math.abs(value) > INT4_MAX)
      out.push({ path: path || 'body', message: `must be at most ${INT4_MAX}` });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findHostileValues(v, path ? `${path}.${i}` : String(i), out, depth + 1));
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      const keyReason = hostileReason(k);
      const p = path ? `${path}.${keyReason ? '(key)' : k}` : keyReason ? '(key)' : k;
      if (keyReason) out.push({ path: p, message: `field name ${keyReason}` });
      findHostileValues(v, p, out, depth + 1);
    }
  }
  return out;
}

function check(request: FastifyRequest): void {
  const errors = [
    ...findHostileValues(request.params, 'params'),
    ...findHostileValues(request.query, 'querystring'),
    ...findHostileValues(request.body, ''),
  ];
  if (errors.length)
    throw new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

/**
 * Registered on the root instance so every scope inherits it (/api/v1, /fhir, /cds-services,
 * /oauth): strings before schema validation (so the field is named even when another field also
 * fails), numbers again after Ajv's coercion.
 */
export function refuseHostileInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => check(request));
  app.addHook('preHandler', async (request) => check(request));
}
