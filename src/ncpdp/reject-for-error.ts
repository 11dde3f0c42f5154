import type { Reject } from '../claims/claim-types.js';
import { isDatabaseUnavailable } from '../platform/db-conflicts.js';
import { DomainError } from '../platform/errors.js';
import { D0_REJECT } from './d0-rejects.js';
import { PATH_REJECTS } from './read-request.js';

/**
 * The NCPDP edge's one mapping of a DomainError (as problem+json is the JSON edge's): a field
 * the use case refused answers that field's M/I code; anything unexpected is 99 (host processing
 * error), which never pays, and is logged by the edge.
 */
export function rejectForError(err: unknown): { reject: Reject; message: string; unexpected: boolean } {
  if (isDatabaseUnavailable(err) || (err instanceof DomainError && err.code === 'SERVICE_UNAVAILABLE'))
    return {
      reject: D0_REJECT.SYSTEM_UNAVAILABLE,
      message: 'The processor is unavailable for a moment. Resubmit this transaction in a few seconds.',
      unexpected: true,
    };
  if (!(err instanceof DomainError))
    return {
      reject: D0_REJECT.HOST_ERROR,
      message: 'The processor could not answer this transaction. Resubmit it; if it fails again call the help desk.',
      unexpected: true,
    };
  switch (err.code) {
    case 'VALIDATION_FAILED': {
      const first = err.errors[0];
      const hit = first ? PATH_REJECTS[first.path] : undefined;
      return {
        reject: hit?.reject ?? D0_REJECT.SYNTAX,
        message: first && hit ? `${hit.field} ${first.message}.` : err.message,
        unexpected: false,
      };
    }
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
      return { reject: D0_REJECT.NON_MATCHED_PHARMACY, message: err.message, unexpected: false };
    case 'CONFLICT':
      return { reject: D0_REJECT.HOST_ERROR, message: `${err.message}.`, unexpected: false };
    default:
      return { reject: D0_REJECT.HOST_ERROR, message: err.message, unexpected: true };
  }
}
