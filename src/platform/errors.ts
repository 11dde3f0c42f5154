/**
 * One typed domain error, mapped at each edge (problem+json on the JSON API, OperationOutcome on
 * FHIR, reject codes on NCPDP). The catalogue keeps codes and HTTP statuses in one place, the way
 * Fastify's lib/errors.js does.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, title: 'The request body is not valid JSON' },
  UNAUTHENTICATED: { status: 401, title: 'Sign-in required' },
  FORBIDDEN: { status: 403, title: 'Not allowed' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, title: 'A new password is required' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  CONFLICT: { status: 409, title: 'Conflict' },
  ACTIVE_AUTHORIZATION_EXISTS: { status: 409, title: 'An active authorization already covers this drug' },
  REQUEST_ALREADY_OPEN: { status: 409, title: 'A request for this drug is already open' },
  RENEWAL_WINDOW_NOT_OPEN: { status: 409, title: 'The renewal window is not open yet' },
  APPEAL_WINDOW_CLOSED: { status: 409, title: 'The appeal filing window has closed' },
  INVALID_STATE: { status: 409, title: 'Not possible in the current state' },
  // A lost race the database reported (db-conflicts.ts): retried first, then told, never a 500.
  CONCURRENT_CHANGE: { status: 409, title: 'Changed at the same moment by another request' },
  ALREADY_EXISTS: { status: 409, title: 'Created at the same moment by another request' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  URI_TOO_LONG: { status: 414, title: 'The URI is too long' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  IMPORT_FAILED: { status: 422, title: 'The import file could not be read' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  INTERNAL: { status: 500, title: 'Internal error' },
  // The database cannot be reached or refuses work for now (db-conflicts.ts): a client should retry.
  SERVICE_UNAVAILABLE: { status: 503, title: 'Temporarily unavailable' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly errors: FieldError[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; errors?: FieldError[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = options.details ?? {};
    this.errors = options.errors ?? [];
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export const notFound = (what: string, id: string) => new DomainError('NOT_FOUND', `${what} ${id} was not found`);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const invalid = (path: string, message: string) =>
  new DomainError('VALIDATION_FAILED', `${path}: ${message}`, { errors: [{ path, message }] });
