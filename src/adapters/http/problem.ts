import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { conflictToDomainError, unavailableToDomainError } from '../../platform/db-conflicts.js';
import { DomainError, ERROR_CODES, type ErrorCode, type FieldError } from '../../platform/errors.js';
import { errorLogFields } from '../../platform/error-log-fields.js';

/** RFC 9457 problem details, with OpenPBM's stable `code` and field `errors`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors: FieldError[];
  [extra: string]: unknown;
}

export function problemFor(
  code: ErrorCode,
  detail: string,
  errors: FieldError[] = [],
  extra: Record<string, unknown> = {},
): Problem {
  const { status, title } = ERROR_CODES[code];
  // Extension members (RFC 9457 §3.2) never override the standard ones.
  return {
    ...extra,
    type: `https://openpbm.org/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    detail,
    code,
    errors,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  // RFC 9110 §10.2.3: a 429 (or 503) says when to come back.
  if (typeof problem.retryAfter === 'number') void reply.header('retry-after', String(problem.retryAfter));
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

interface AjvError {
  instancePath?: string;
  message?: string;
  params?: { missingProperty?: string; additionalProperty?: string };
  keyword?: string;
}

/** Ajv errors → field paths the caller can act on (`/patient/dateOfBirth`, `productId`). */
function fieldErrors(err: FastifyError & { validation?: AjvError[]; validationContext?: string }): FieldError[] {
  return ((err.validation ?? []) as AjvError[]).map((v) => {
    let p = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    if (v.params?.missingProperty) p = p ? `${p}.${v.params.missingProperty}` : v.params.missingProperty;
    if (v.params?.additionalProperty) p = p ? `${p}.${v.params.additionalProperty}` : v.params.additionalProperty;
    const where = err.validationContext && err.validationContext !== 'body' ? `${err.validationContext}.` : '';
    const message = v.params?.additionalProperty ? 'is not a known field' : (v.message ?? 'is not valid');
    return { path: `${where}${p}` || err.validationContext || 'body', message };
  });
}

const BUSBOY_ERRORS = /^(Multipart: Boundary not found|Boundary required|Unexpected end of multipart data)/;

export function errorToProblem(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof DomainError) return problemFor(error.code, error.message, error.errors, error.details);
  const err = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (err.validation) {
    const errors = fieldErrors(err);
    return problemFor('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemFor('PAYLOAD_TOO_LARGE', 'The request body is larger than this endpoint accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemFor(
        'UNSUPPORTED_MEDIA_TYPE',
        `Content-Type ${request.headers['content-type'] ?? '(none)'} is not accepted here`,
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemFor('VALIDATION_FAILED', 'The request body is empty; a JSON object is required', [
        { path: 'body', message: 'is required' },
      ]);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problemFor('VALIDATION_FAILED', 'Content-Length does not match the body');
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return problemFor('PAYLOAD_TOO_LARGE', err.message);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return problemFor('UNSUPPORTED_MEDIA_TYPE', 'A multipart/form-data body is required');
    case 'FST_ERR_BAD_URL':
      return problemFor('VALIDATION_FAILED', 'The URL has a malformed %-escape', [
        { path: 'url', message: 'is not valid' },
      ]);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problemFor('URI_TOO_LONG', 'A path parameter is longer than 100 characters; no record has such an id');
  }
  // The multipart parser (busboy) throws plain Errors for a missing boundary or a truncated body.
  if (!err.code && typeof err.message === 'string' && BUSBOY_ERRORS.test(err.message)) {
    return problemFor('VALIDATION_FAILED', `The multipart body cannot be read: ${err.message}`, [
      { path: 'body', message: 'is not a well-formed multipart/form-data body' },
    ]);
  }
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return problemFor('MALFORMED_JSON', `The body is not valid JSON: ${err.message}`);
  }
  if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    return { ...problemFor('VALIDATION_FAILED', err.message), status: err.statusCode };
  }
  const conflict = conflictToDomainError(error);
  if (conflict) {
    // Logged at warn (the level benchmarks run at) with the SQLSTATE and constraint only: the
    // statement's values may carry PHI.
    request.log.warn({ route: request.routeOptions.url, ...conflict.details }, 'lost a race with another request');
    return problemFor(conflict.code, conflict.message, [], conflict.details);
  }
  const unavailable = unavailableToDomainError(error);
  if (unavailable) {
    request.log.error({ route: request.routeOptions.url, ...errorLogFields(err) }, 'database unavailable');
    return problemFor(unavailable.code, unavailable.message, [], unavailable.details);
  }
  request.log.error({ route: request.routeOptions.url, ...errorLogFields(err) }, 'unhandled error');
  return problemFor('INTERNAL', 'Something went wrong on our side; the request was not applied');
}
