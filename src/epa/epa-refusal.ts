import type { ErrorCode, ErrorDescriptionCode } from './script-responses.js';

/** A message OpenPBM answers with a SCRIPT Error (docs/epa-script.md#errors): the description names the element. */
export class EpaRefusal extends Error {
  constructor(
    readonly descriptionCode: ErrorDescriptionCode,
    readonly description: string,
    readonly code: ErrorCode = '900',
  ) {
    super(description);
  }
}
