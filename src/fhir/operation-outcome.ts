import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { DomainError, type ErrorCode } from '../platform/errors.js';

type IssueType = OperationOutcomeIssue['code'];

/**
 * The FHIR edge's one error mapping (FHIR R4 http.html#ops): DomainError → OperationOutcome and an
 * HTTP status. Business rules that the JSON API answers 409 are 422 here, as FHIR servers do.
 */
const BY_CODE: Record<ErrorCode, { status: number; issue: IssueType }> = {
  VALIDATION_FAILED: { status: 400, issue: 'invalid' },
  MALFORMED_JSON: { status: 400, issue: 'structure' },
  UNAUTHENTICATED: { status: 401, issue: 'login' },
  FORBIDDEN: { status: 403, issue: 'forbidden' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, issue: 'login' },
  NOT_FOUND: { status: 404, issue: 'not-found' },
  CONFLICT: { status: 409, issue: 'conflict' },
  ACTIVE_AUTHORIZATION_EXISTS: { status: 422, issue: 'business-rule' },
  REQUEST_ALREADY_OPEN: { status: 422, issue: 'business-rule' },
  RENEWAL_WINDOW_NOT_OPEN: { status: 422, issue: 'business-rule' },
  APPEAL_WINDOW_CLOSED: { status: 422, issue: 'business-rule' },
  INVALID_STATE: { status: 422, issue: 'business-rule' },
  CONCURRENT_CHANGE: { status: 409, issue: 'conflict' },
  ALREADY_EXISTS: { status: 409, issue: 'duplicate' },
  PAYLOAD_TOO_LARGE: { status: 413, issue: 'too-costly' },
  URI_TOO_LONG: { status: 414, issue: 'too-long' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, issue: 'not-supported' },
  IMPORT_FAILED: { status: 422, issue: 'processing' },
  RATE_LIMITED: { status: 429, issue: 'throttled' },
  INTERNAL: { status: 500, issue: 'exception' },
  SERVICE_UNAVAILABLE: { status: 503, issue: 'transient' },
};

export interface MappedOutcome {
  status: number;
  outcome: OperationOutcome;
}

export function operationOutcome(
  severity: OperationOutcomeIssue['severity'],
  code: IssueType,
  text: string,
  expression?: string[],
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity, code, details: { text }, ...(expression?.length ? { expression } : {}) }],
  };
}

export function outcomeForDomainError(error: DomainError): MappedOutcome {
  const { status, issue } = BY_CODE[error.code] ?? BY_CODE.INTERNAL;
  const issues: OperationOutcomeIssue[] = error.errors.length
    ? error.errors.map((e) => ({
        severity: 'error',
        code: issue,
        details: { text: `${e.path}: ${e.message}` },
        expression: [e.path],
      }))
    : [{ severity: 'error', code: issue, details: { text: error.message } }];
  // The headline first, so a client that reads one issue reads the summary.
  if (error.errors.length > 1) issues.unshift({ severity: 'error', code: issue, diagnostics: error.message });
  return { status, outcome: { resourceType: 'OperationOutcome', issue: issues } };
}

/** Shorthand for a 400 naming the element or parameter at fault. */
export const invalidElement = (path: string, message: string) =>
  new DomainError('VALIDATION_FAILED', `${path}: ${message}`, { errors: [{ path, message }] });

/** 422: the request is well formed but breaks a business rule. */
export const businessRule = (message: string, path?: string) =>
  new DomainError('INVALID_STATE', message, { errors: path ? [{ path, message }] : [] });
