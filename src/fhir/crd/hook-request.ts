import type { Bundle, Resource } from '@medplum/fhirtypes';
import { DomainError, type FieldError } from '../../platform/errors.js';

/** A CDS Hooks 2.0 request (cds-hooks.hl7.org/2.0 §HTTP Request), as CRD sends it. */
export interface HookRequest {
  hook: string;
  hookInstance: string;
  fhirServer?: string;
  fhirAuthorization?: {
    access_token: string;
    token_type: string;
    expires_in?: number;
    scope?: string;
    subject?: string;
  };
  context: Record<string, unknown> & { patientId?: string; userId?: string };
  prefetch?: Record<string, Resource | Bundle | null>;
  extension?: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Shape checks with element paths, so a malformed request is a 400 naming what is wrong. */
export function parseHookRequest(body: unknown, expectedHook: string): HookRequest {
  const errors: FieldError[] = [];
  if (!isObject(body))
    throw new DomainError('VALIDATION_FAILED', 'The body must be a CDS Hooks request object', {
      errors: [{ path: 'body', message: 'must be a JSON object' }],
    });
  const b = body;
  if (typeof b.hook !== 'string') errors.push({ path: 'hook', message: 'is required' });
  else if (b.hook !== expectedHook)
    errors.push({ path: 'hook', message: `this service answers ${expectedHook}, not ${b.hook}` });
  if (typeof b.hookInstance !== 'string' || !b.hookInstance)
    errors.push({ path: 'hookInstance', message: 'is required' });
  if (!isObject(b.context)) errors.push({ path: 'context', message: 'is required (an object)' });
  else if (b.context.patientId !== undefined && typeof b.context.patientId !== 'string')
    errors.push({ path: 'context.patientId', message: 'must be a string' });
  if (b.fhirServer !== undefined) {
    if (typeof b.fhirServer !== 'string' || !/^https?:\/\/[^\s]+$/.test(b.fhirServer))
      errors.push({ path: 'fhirServer', message: 'must be an http(s) URL' });
  }
  if (b.fhirAuthorization !== undefined && b.fhirAuthorization !== null) {
    const a = b.fhirAuthorization;
    if (!isObject(a) || typeof a.access_token !== 'string' || typeof a.token_type !== 'string')
      errors.push({ path: 'fhirAuthorization', message: 'needs access_token and token_type' });
    else if (!b.fhirServer) errors.push({ path: 'fhirServer', message: 'is required when fhirAuthorization is given' });
  }
  if (b.prefetch !== undefined && b.prefetch !== null && !isObject(b.prefetch))
    errors.push({ path: 'prefetch', message: 'must be an object of prefetch keys' });
  if (errors.length)
    throw new DomainError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  return b as unknown as HookRequest;
}
