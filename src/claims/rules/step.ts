import type { NextSteps, Reject } from '../claim-types.js';

/** One adjudication step's verdict: null passes; otherwise the reject(s), message and next steps. */
export type Step = {
  reject: Reject;
  extraRejects?: Reject[];
  message: string;
  nextSteps?: NextSteps;
} | null;
