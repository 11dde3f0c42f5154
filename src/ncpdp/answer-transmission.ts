import type { AppContext } from '../app-context.js';
import type { Reject } from '../claims/claim-types.js';
import { reverseClaimByKey } from '../claims/reverse-claim-by-key.js';
import { submitClaim } from '../claims/submit-claim.js';
import type { Principal } from '../platform/roles.js';
import { verifyEligibility } from '../claims/verify-eligibility.js';
import { newId } from '../platform/ids.js';
import type { TxDatabase } from '../platform/db.js';
import { trimmed } from './telecom/header.js';
import { fieldValue, findSegment } from './telecom/segments.js';
import { bytesToText, textToBytes } from './telecom/separators.js';
import {
  newTransmission,
  parseTransmission,
  serializeTransmission,
  type Segment,
  type Transmission,
} from './telecom/transmission.js';
import { D0_REJECT, type FieldReject } from './d0-rejects.js';
import { insertExchanges, keepExchangeAtCommit, type NewExchangeRow } from './ncpdp.repo.js';
import {
  checkRequestHeader,
  readClaimRequest,
  readEligibilityQuestion,
  readReversalKey,
  type RequestHeaderFacts,
} from './read-request.js';
import { rejectForError } from './reject-for-error.js';
import { responseContext } from './response-context.js';
import {
  claimGroup,
  eligibilityResponse,
  messageSegment,
  rejectedGroup,
  responseHeader,
  reversalGroup,
  type ResponseContext,
} from './write-response.js';

/** What the edge logs about a transmission: codes and counts, never PHI. */
export interface TransmissionSummary {
  transactionCode: string | null;
  bin: string | null;
  pharmacyNpi: string | null;
  headerStatus: 'A' | 'R';
  /** 112-AN of each group answered. */
  statuses: string[];
  rejectCodes: string[];
  requestBytes: number;
  responseBytes: number;
  /** Faults on OpenPBM's side (answered 99); the edge logs them as errors. */
  faults: unknown[];
}

export interface TransmissionAnswer {
  response: Buffer;
  summary: TransmissionSummary;
}

interface GroupAnswer {
  segments: Segment[];
  /** The claim the group concerned (its wire copy is kept with it). */
  claimId: string | null;
  /** Its wire copy was already written in the claim's own transaction (see keepInClaimTransaction). */
  kept?: boolean;
  fault?: unknown;
}

/**
 * Writes the wire copy of a one-claim transmission from inside the claim's transaction, given the
 * claim's response group: the complete response is known there (one group), so the copy costs no
 * commit of its own — a durable commit (an fsync of the WAL) per claim, not two.
 */
type KeepWireCopy = (tx: TxDatabase, claimId: string, group: Segment[]) => void;

const rxOf = (group: Segment[] | undefined) => {
  const d2 = fieldValue(findSegment(group ?? [], 'AM07'), 'D2')?.trim();
  return d2 && /^[A-Za-z0-9-]{1,12}$/.test(d2) ? d2 : null;
};

function readError(e: FieldReject, group: Segment[] | undefined, rc: ResponseContext): GroupAnswer {
  return {
    segments: rejectedGroup(e.reject, `${e.field}: ${e.message}`, rxOf(group), rc),
    claimId: null,
  };
}

function failure(err: unknown, group: Segment[] | undefined, rc: ResponseContext, prefix = ''): GroupAnswer {
  const { reject, message, unexpected } = rejectForError(err);
  return {
    segments: rejectedGroup(reject, prefix + message, rxOf(group), rc),
    claimId: null,
    ...(unexpected ? { fault: err } : {}),
  };
}

async function bill(
  ctx: AppContext,
  caller: Principal,
  t: Transmission,
  h: RequestHeaderFacts,
  group: Segment[],
  rc: ResponseContext,
  keep?: KeepWireCopy,
): Promise<GroupAnswer> {
  const read = readClaimRequest(t, h, group);
  if (!read.ok) return readError(read.error, group, rc);
  const request = read.value;
  let reversedNote = '';
  if (h.transactionCode === 'B3') {
    // Rebill: reverse the paid claim, then bill the corrected one (NCPDP B3 = B2 + B1 in one).
    const key = readReversalKey(h, group);
    if (!key.ok) return readError(key.error, group, rc);
    try {
      const reversal = await reverseClaimByKey(ctx, caller, { ...key.value, productId: null });
      if (reversal.transactionStatus !== 'A')
        return {
          segments: reversalGroup(request.prescriptionNumber, reversal, rc),
          claimId: null,
        };
      reversedNote = 'The original claim was reversed; the rebill was rejected: ';
    } catch (err) {
      return failure(err, group, rc);
    }
  }
  try {
    let kept: Segment[] | null = null;
    const answer = await submitClaim(
      ctx,
      caller,
      request,
      keep && {
        beforeCommit: (tx, a) => {
          const segments = claimGroup(request.prescriptionNumber, a, rc);
          keep(tx, a.claimId, segments);
          kept = segments;
        },
      },
    );
    return {
      segments: kept ?? claimGroup(request.prescriptionNumber, answer, rc),
      claimId: answer.claimId,
      kept: kept !== null,
    };
  } catch (err) {
    return failure(err, group, rc, reversedNote);
  }
}

async function reverse(
  ctx: AppContext,
  caller: Principal,
  h: RequestHeaderFacts,
  group: Segment[],
  rc: ResponseContext,
): Promise<GroupAnswer> {
  const key = readReversalKey(h, group);
  if (!key.ok) return readError(key.error, group, rc);
  try {
    const answer = await reverseClaimByKey(ctx, caller, key.value);
    return {
      segments: reversalGroup(key.value.prescriptionNumber, answer, rc),
      claimId: answer.claimId,
    };
  } catch (err) {
    return failure(err, group, rc);
  }
}

async function checkEligibility(
  ctx: AppContext,
  caller: Principal,
  t: Transmission,
  h: RequestHeaderFacts,
  rc: ResponseContext,
): Promise<{ segments: Segment[]; answer: GroupAnswer }> {
  const q = readEligibilityQuestion(t, h, t.groups[0]);
  if (!q.ok) return { segments: [], answer: readError(q.error, undefined, rc) };
  try {
    const e = eligibilityResponse(await verifyEligibility(ctx, caller, q.value), rc);
    return { segments: e.segments, answer: { segments: e.group, claimId: null } };
  } catch (err) {
    return { segments: [], answer: failure(err, undefined, rc) };
  }
}

/** A transmission rejected as a whole (501-F1 = R): the header echoed as far as it could be read. */
function rejectTransmission(t: Transmission, reject: Reject, message: string, rc: ResponseContext): Transmission {
  const readable = t.kind === 'request';
  return newTransmission(
    responseHeader(readable ? t.header : null, 'R', 1),
    [messageSegment(`Transmission rejected: ${message}`)],
    [rejectedGroup(reject, message, null, rc)],
    { stx: t.stx, etx: t.etx },
  );
}

/**
 * Answers one D.0 transmission. The claims in it go through the same use cases as the JSON
 * routes (submitClaim, reverseClaimByKey, verifyEligibility), one group at a time in order, so
 * the answers are the same. Never throws for any input and never pays what it could not read:
 * a field in error rejects its group with that field's code; a header in error rejects the
 * transmission; a fault on OpenPBM's side answers 99.
 */
export async function answerTransmission(
  ctx: AppContext,
  caller: Principal,
  bytes: Uint8Array,
  channel: 'http' | 'tcp',
): Promise<TransmissionAnswer> {
  const receivedAt = ctx.clock.now();
  const t = parseTransmission(bytesToText(bytes));
  const faults: unknown[] = [];
  const ref = await ctx.reference.get();
  const bin = t.kind === 'request' ? (t.header.values.bin ?? null) : null;
  const rc = responseContext(
    ref,
    bin ?? undefined,
    t.kind === 'request' ? trimmed(t.header, 'processorControlNumber') || null : null,
  );

  let response: Transmission;
  let answers: GroupAnswer[] = [];
  let responseBytesKept: Buffer | null = null;
  const checked = checkRequestHeader(t);
  if (!checked.ok) {
    response = rejectTransmission(t, checked.error.reject, `${checked.error.field}: ${checked.error.message}`, rc);
  } else if (caller.npi !== checked.value.pharmacyNpi) {
    response = rejectTransmission(
      t,
      D0_REJECT.NON_MATCHED_PHARMACY,
      '201-B1 is not the NPI of the pharmacy this connection authenticated as.',
      rc,
    );
  } else {
    const h = checked.value;
    if (h.transactionCode === 'E1') {
      const e1 = await checkEligibility(ctx, caller, t, h, rc);
      answers = [e1.answer];
      response = newTransmission(responseHeader(t.header, 'A', 1, 'E1'), e1.segments, [e1.answer.segments], {
        stx: t.stx,
        etx: t.etx,
      });
    } else {
      const code = h.transactionCode;
      const respond = (groups: Segment[][]) =>
        newTransmission(responseHeader(t.header, 'A', groups.length, code), [], groups, { stx: t.stx, etx: t.etx });
      // One billing claim (B1, B3: nearly every transmission a switch sends): its wire copy goes
      // into the claim's own transaction. Several claims: each its own transaction, so the
      // response exists only after the last; their copies are written afterwards, as are B2's.
      let keptBytes: Buffer | null = null;
      const keep: KeepWireCopy | undefined =
        t.groups.length === 1 && code !== 'B2'
          ? (tx, claimId, segments) => {
              const answered = textToBytes(serializeTransmission(respond([segments])));
              keepExchangeAtCommit(
                tx,
                exchangeRow(
                  { claimId, code, groupIndex: 0, group: segments, npi: h.pharmacyNpi, channel },
                  bytes,
                  answered,
                  receivedAt,
                ),
              );
              keptBytes = answered;
            }
          : undefined;
      for (const group of t.groups)
        answers.push(
          code === 'B2' ? await reverse(ctx, caller, h, group, rc) : await bill(ctx, caller, t, h, group, rc, keep),
        );
      response = respond(answers.map((a) => a.segments));
      if (answers[0]?.kept) responseBytesKept = keptBytes;
    }
  }
  for (const a of answers) if (a.fault) faults.push(a.fault);
  // The bytes already stored with the claim are the bytes answered (the same response, serialized once).
  const responseBytes = responseBytesKept ?? textToBytes(serializeTransmission(response));

  const exchanges: NewExchangeRow[] = answers.flatMap((a, i) =>
    a.claimId && !a.kept && checked.ok
      ? [
          exchangeRow(
            {
              claimId: a.claimId,
              code: checked.value.transactionCode,
              groupIndex: i,
              group: a.segments,
              npi: checked.value.pharmacyNpi,
              channel,
            },
            bytes,
            responseBytes,
            receivedAt,
          ),
        ]
      : [],
  );
  try {
    await insertExchanges(ctx.database.db, exchanges);
  } catch (err) {
    faults.push(err); // the claims stand; only the wire copy is missing
  }

  const headerStatus = response.header.values.headerResponseStatus === 'R' ? 'R' : 'A';
  const statuses = response.groups.map((g) => fieldValue(findSegment(g, 'AM21'), 'AN') ?? '');
  return {
    response: responseBytes,
    summary: {
      transactionCode: checked.ok ? checked.value.transactionCode : null,
      bin: checked.ok ? checked.value.bin : null,
      pharmacyNpi: checked.ok ? checked.value.pharmacyNpi : null,
      headerStatus,
      statuses,
      rejectCodes: response.groups.flatMap((g) => fieldValuesOf(findSegment(g, 'AM21'), 'FB')),
      requestBytes: bytes.byteLength,
      responseBytes: responseBytes.byteLength,
      faults,
    },
  };
}

/** The wire copy of one claim's group: the whole transmission as received and as answered. */
function exchangeRow(
  of: { claimId: string; code: string; groupIndex: number; group: Segment[]; npi: string; channel: 'http' | 'tcp' },
  request: Uint8Array,
  response: Buffer,
  receivedAt: Date,
): NewExchangeRow {
  return {
    id: newId('ncx', receivedAt),
    claimId: of.claimId,
    transactionCode: of.code,
    groupIndex: of.groupIndex,
    status: fieldValue(findSegment(of.group, 'AM21'), 'AN') ?? '',
    pharmacyNpi: of.npi,
    channel: of.channel,
    request: Buffer.from(request),
    response,
    receivedAt,
  };
}

function fieldValuesOf(segment: Segment | undefined, id: string): string[] {
  return segment ? segment.fields.filter((f) => f.id === id).map((f) => f.value) : [];
}

/**
 * The answer when OpenPBM fails before it can answer at all: the transmission rejected, never a
 * payment — 92 (system unavailable) when its database is out of reach for now, 99 (host
 * processing error) for anything else (rejectForError). The pharmacy resubmits; a claim that was
 * in fact paid then answers D with its original response.
 */
export function hostErrorResponse(bytes: Uint8Array, error: unknown): { bytes: Buffer; reject: string } {
  const t = parseTransmission(bytesToText(bytes));
  const none: ResponseContext = { helpDeskPhone: null, ndcForRxcui: () => null };
  const { reject } = rejectForError(error);
  const message =
    reject.code === D0_REJECT.SYSTEM_UNAVAILABLE.code
      ? 'The processor is unavailable for a moment. Resubmit the transmission in a few seconds.'
      : 'The processor could not answer. Resubmit the transmission; if it fails again, call the help desk.';
  return {
    bytes: textToBytes(serializeTransmission(rejectTransmission(t, reject, message, none))),
    reject: reject.code,
  };
}
