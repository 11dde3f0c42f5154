import type { AppContext } from '../app-context.js';
import { isDatabaseUnavailable } from '../platform/db-conflicts.js';
import { DomainError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import type { Hub } from './authenticate-hub.js';
import { EpaRefusal } from './epa-refusal.js';
import { claimMessage, completeMessage, findMessage, releaseMessage } from './epa.repo.js';
import { handleAppeal, handleCancel, handlePaRequest } from './handle-case-messages.js';
import { handleInitiation } from './handle-initiation.js';
import { handleRtpb } from './handle-rtpb.js';
import type { ClaimedWith, HandledMessage } from './handled-message.js';
import { bodyPath, prescriberNpi } from './read-messages.js';
import { errorBody } from './script-responses.js';
import { ScriptSchemaError } from './script-schema.js';
import { buildScriptMessage, parseScriptMessage, sniffMessageId, type InboundMessage } from './script-xml.js';

/** OpenPBM's identity in the header of what it sends (To of inbound messages is not checked: a hub may use its own id for us). */
export const OPENPBM_ID = 'OPENPBM';

const HANDLERS: Record<
  string,
  (ctx: AppContext, hub: Hub, m: InboundMessage, claimed: ClaimedWith) => Promise<HandledMessage>
> = {
  PAInitiationRequest: handleInitiation,
  PARequest: handlePaRequest,
  PAAppealRequest: handleAppeal,
  PACancelRequest: handleCancel,
};

export interface EpaAnswer {
  xml: string;
  /** For the request log (no PHI): what came in and how it was answered. */
  summary: { transaction: string | null; messageId: string | null; answer: string; replayed: boolean; fault?: unknown };
}

function checkPrescriber(hub: Hub, m: InboundMessage): void {
  const npi = prescriberNpi(m.body);
  // A hub acts for the prescribers registered for it (docs/epa-script.md#identity-and-routing).
  if (!hub.row.prescriberNpis.includes(npi))
    throw new EpaRefusal(
      'PRESCRIBER_NOT_ALLOWED',
      `${bodyPath(m)}/Prescriber/NonVeterinarian/Identification/NPI: this sender is not registered to send for prescriber ${npi}`,
    );
}

/** RTPB is a question, not a change: answered without the message log (nothing to replay), as fast as a coverage check. */
async function answerRtpb(
  ctx: AppContext,
  hub: Hub,
  m: InboundMessage,
  refuse: (r: EpaRefusal) => string,
): Promise<EpaAnswer> {
  const summary = { transaction: m.transaction, messageId: m.header.messageId, replayed: false };
  if (m.transaction !== 'RTPBRequest') {
    const r = new EpaRefusal('SCHEMA', `Message/Body/${m.transaction}: send ePA transactions to POST /api/v1/epa`);
    return { xml: refuse(r), summary: { ...summary, answer: 'Error SCHEMA' } };
  }
  try {
    checkPrescriber(hub, m);
    const answer = await handleRtpb(ctx, hub, m);
    return {
      xml: envelope(ctx, hub, m.header.messageId, answer.transaction, answer.body),
      summary: { ...summary, answer: answer.transaction },
    };
  } catch (e) {
    const r =
      e instanceof EpaRefusal
        ? e
        : e instanceof ScriptSchemaError
          ? new EpaRefusal('SCHEMA', e.message)
          : e instanceof DomainError
            ? refusalOf(e, m)
            : null;
    if (!r) {
      const fault = faultRefusal(e);
      return { xml: refuse(fault), summary: { ...summary, answer: `Error ${fault.descriptionCode}`, fault: e } };
    }
    return { xml: refuse(r), summary: { ...summary, answer: `Error ${r.descriptionCode}` } };
  }
}

/**
 * The answer to a message we failed on: 601 (cannot answer now: resend) when the database is out of
 * reach for now (a restart, a failover; db-conflicts.ts), else 602 (our fault: resend later).
 */
function faultRefusal(error: unknown): EpaRefusal {
  return isDatabaseUnavailable(error)
    ? new EpaRefusal(
        'UNAVAILABLE',
        'OpenPBM cannot reach its records just now; resend this message in a few seconds',
        '601',
      )
    : new EpaRefusal('SYSTEM', 'OpenPBM could not answer this message; resend it later', '602');
}

function envelope(
  ctx: AppContext,
  hub: Hub,
  relatesTo: string | undefined,
  transaction: string,
  body: HandledMessage['body'],
) {
  const now = ctx.clock.now();
  return buildScriptMessage(
    {
      to: hub.row.clientId,
      from: OPENPBM_ID,
      messageId: newId('epm', now),
      relatesToMessageId: relatesTo,
      sentTime: now.toISOString(),
    },
    transaction,
    body,
  );
}

/** A DomainError from a PA use case as a SCRIPT Error: the product's error codes mapped to SCRIPT's. */
function refusalOf(e: DomainError, m: InboundMessage): EpaRefusal {
  const at = bodyPath(m);
  switch (e.code) {
    case 'NOT_FOUND':
      return new EpaRefusal('CASE_NOT_FOUND', `${at}: ${e.message}`);
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
      return new EpaRefusal('NOT_AUTHORIZED', `${at}: ${e.message}`);
    case 'VALIDATION_FAILED':
      return new EpaRefusal(
        'INVALID_ANSWERS',
        `${at}/QuestionSet: ${e.message}${e.errors?.length ? ` (${e.errors.map((x) => x.path).join(', ')})` : ''}`,
      );
    case 'CONFLICT':
      return new EpaRefusal('INVALID_STATE', `${at}: ${e.message}`, '601');
    default:
      return new EpaRefusal('INVALID_STATE', `${at}: ${e.message}`);
  }
}

/**
 * One inbound SCRIPT message (POST /api/v1/epa) → its answer, always a SCRIPT message: the
 * transaction's response, or an Error naming the element at fault (never a 500). A resend with
 * the same MessageID from the same sender gets the original answer, and a twin arriving while
 * the first is being answered is told to resend (601).
 */
export async function answerEpaMessage(
  ctx: AppContext,
  hub: Hub,
  xml: string,
  route: 'epa' | 'rtpb' = 'epa',
): Promise<EpaAnswer> {
  let m: InboundMessage;
  try {
    m = parseScriptMessage(xml);
  } catch (e) {
    if (!(e instanceof ScriptSchemaError)) throw e;
    const messageId = sniffMessageId(xml) ?? null;
    return {
      xml: envelope(ctx, hub, messageId ?? undefined, 'Error', errorBody('900', 'SCHEMA', e.message)),
      summary: { transaction: null, messageId, answer: 'Error SCHEMA', replayed: false },
    };
  }
  const refuse = (r: EpaRefusal) =>
    envelope(ctx, hub, m.header.messageId, 'Error', errorBody(r.code, r.descriptionCode, r.description));
  if (route === 'rtpb') return answerRtpb(ctx, hub, m, refuse);
  const handler = HANDLERS[m.transaction];
  if (!handler) {
    const r = new EpaRefusal('SCHEMA', `Message/Body/${m.transaction}: send RTPB requests to POST /api/v1/rtpb`);
    return {
      xml: refuse(r),
      summary: { transaction: m.transaction, messageId: m.header.messageId, answer: 'Error SCHEMA', replayed: false },
    };
  }
  const now = ctx.clock.now();
  const id = newId('epi', now);
  // A message about a case reads its ePA case with the claim (one round trip fewer, issue #11).
  const caseId = typeof m.body.PAReferenceID === 'string' ? m.body.PAReferenceID : undefined;
  const { taken, ...claimed } = await claimMessage(
    ctx.database.db,
    {
      id,
      clientId: hub.row.id,
      messageId: m.header.messageId,
      transaction: m.transaction,
      requestXml: xml,
      receivedAt: now,
    },
    caseId,
  );
  if (!taken) {
    const earlier = await findMessage(ctx.database.db, hub.row.id, m.header.messageId);
    const summary = { transaction: m.transaction, messageId: m.header.messageId, replayed: true };
    if (earlier?.responseXml) return { xml: earlier.responseXml, summary: { ...summary, answer: 'original answer' } };
    const r = new EpaRefusal(
      'IN_PROGRESS',
      `Message/Header/MessageID: ${m.header.messageId} is being answered; resend it in a moment`,
      '601',
    );
    return { xml: refuse(r), summary: { ...summary, answer: 'Error IN_PROGRESS' } };
  }
  let answer: HandledMessage | EpaRefusal;
  try {
    checkPrescriber(hub, m);
    answer = await handler(ctx, hub, m, claimed);
  } catch (e) {
    if (e instanceof EpaRefusal) answer = e;
    else if (e instanceof ScriptSchemaError) answer = new EpaRefusal('SCHEMA', e.message);
    else if (e instanceof DomainError) answer = refusalOf(e, m);
    else {
      // Our fault: forget the message so its resend is answered afresh, and say so (602; 601
      // when the database is out of reach for now, and then the release may fail as well).
      const r = faultRefusal(e);
      await releaseMessage(ctx.database.db, id).catch((releaseError: unknown) => {
        if (!isDatabaseUnavailable(releaseError)) throw releaseError;
      });
      return {
        xml: refuse(r),
        summary: {
          transaction: m.transaction,
          messageId: m.header.messageId,
          answer: `Error ${r.descriptionCode}`,
          replayed: false,
          fault: e,
        },
      };
    }
  }
  const responseXml =
    answer instanceof EpaRefusal
      ? refuse(answer)
      : envelope(ctx, hub, m.header.messageId, answer.transaction, answer.body);
  const paRequestId = answer instanceof EpaRefusal ? null : (answer.paRequestId ?? null);
  // The audit row goes in the answer's statement (one round trip, issue #11).
  await completeMessage(
    ctx.database.db,
    id,
    { responseXml, paRequestId, answeredAt: ctx.clock.now() },
    {
      at: now,
      actor: { username: `ehr:${hub.row.clientId}`, role: 'ehr-client' },
      action: `epa.${m.transaction}`,
      entityType: paRequestId ? 'pa-request' : 'epa-message',
      entityId: paRequestId ?? m.header.messageId,
      details: { answer: answer instanceof EpaRefusal ? `Error ${answer.descriptionCode}` : answer.transaction },
    },
    answer instanceof EpaRefusal ? undefined : answer.knownEvent,
    answer instanceof EpaRefusal ? undefined : answer.opensCase,
  );
  return {
    xml: responseXml,
    summary: {
      transaction: m.transaction,
      messageId: m.header.messageId,
      answer: answer instanceof EpaRefusal ? `Error ${answer.descriptionCode}` : answer.transaction,
      replayed: false,
    },
  };
}
