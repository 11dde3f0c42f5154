import type { TransmissionSummary } from './answer-transmission.js';

/** One transmission carries at most four claims; 64 KiB is far above any real one. */
export const MAX_TRANSMISSION_BYTES = 64 * 1024;

/** The D.0 log line: transaction, statuses and reject codes — no cardholder, patient or prescription data. */
export function logFields(s: TransmissionSummary) {
  return {
    ncpdp: {
      transactionCode: s.transactionCode,
      bin: s.bin,
      pharmacyNpi: s.pharmacyNpi,
      headerStatus: s.headerStatus,
      statuses: s.statuses,
      rejectCodes: s.rejectCodes,
      requestBytes: s.requestBytes,
      responseBytes: s.responseBytes,
    },
  };
}

/** A fault's kind, not its message: database errors quote their parameters (member IDs). */
export function faultFields(fault: unknown) {
  const e = fault as { name?: unknown; code?: unknown };
  return { fault: { name: typeof e?.name === 'string' ? e.name : typeof fault, code: e?.code ?? null } };
}
