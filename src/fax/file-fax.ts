import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { DomainError, forbidden, notFound } from '../platform/errors.js';
import { addAttachment } from '../priorauth/add-attachment.js';
import { cancelRequest } from '../priorauth/cancel-request.js';
import { initiateRequest, type InitiateInput } from '../priorauth/initiate-request.js';
import { respondToInformationRequest } from '../priorauth/respond-to-information-request.js';
import { findPaRequest } from '../priorauth/index.js';
import { addAppealAttachment } from '../appeals/add-appeal-attachment.js';
import { fileAppeal, type FileAppealInput } from '../appeals/file-appeal.js';
import { findFaxItem, markFaxHandled, type FaxItemRow } from './fax.repo.js';
import { FAX_ROLES } from './receive-fax.js';
import { SUPPORTING_STATEMENT_LINK_ID } from '../priorauth/rules/exception-clock.js';

async function newFax(ctx: AppContext, caller: Principal, id: string): Promise<FaxItemRow> {
  if (!(FAX_ROLES as readonly string[]).includes(caller.role)) throw forbidden('Faxes are filed by intake staff');
  const item = await findFaxItem(ctx.database.db, id);
  if (!item) throw notFound('Fax', id);
  if (item.status !== 'new')
    throw new DomainError('CONFLICT', `This fax was already filed (${item.status})`, {
      details: { paRequestId: item.paRequestId, appealId: item.appealId },
    });
  return item;
}

const filename = (item: FaxItemRow) => `fax-${item.id}.${item.contentType === 'image/tiff' ? 'tif' : 'pdf'}`;

/**
 * A faxed PA request becomes a case like any other (channel fax); the fax's received time starts
 * the clock and the fax itself is the case's first document.
 */
export async function createCaseFromFax(
  ctx: AppContext,
  caller: Principal,
  faxId: string,
  input: Omit<InitiateInput, 'channel' | 'receivedAt'>,
) {
  const item = await newFax(ctx, caller, faxId);
  const result = await initiateRequest(ctx, caller, { ...input, channel: 'fax', receivedAt: item.receivedAt });
  if (result.kind === 'not-required') {
    throw new DomainError('INVALID_STATE', `${result.body.message} Nothing to file as a PA request.`);
  }
  const caseId = result.request.id;
  await addAttachment(ctx, caller, caseId, { filename: filename(item), bytes: item.content });
  const filed = await markFaxHandled(ctx.database.db, item.id, {
    status: 'case-created',
    paRequestId: caseId,
    handledBy: caller.username,
    handledAt: ctx.clock.now(),
  });
  if (!filed) {
    // Another clerk filed the same fax a moment ago: withdraw the duplicate case.
    await cancelRequest(ctx, caller, caseId, { reason: 'Duplicate intake of the same fax' });
    throw new DomainError('CONFLICT', 'This fax was filed by someone else at the same time');
  }
  return { faxId: item.id, paRequestId: caseId };
}

/**
 * Files a fax with an existing case: as a document, and — when the case is waiting for
 * information — as the prescriber's answer to the open information request.
 */
export async function attachFaxToCase(
  ctx: AppContext,
  caller: Principal,
  faxId: string,
  input: { paRequestId: string; asInformationResponse?: boolean; supportingStatement?: boolean; note?: string },
) {
  const item = await newFax(ctx, caller, faxId);
  const row = await findPaRequest(ctx.database.db, input.paRequestId);
  if (!row) throw notFound('PA request', input.paRequestId);
  if (input.supportingStatement && row.status !== 'awaiting-information')
    throw new DomainError(
      'INVALID_STATE',
      `The request is ${row.status}; a supporting statement is filed as the answer to its open information request`,
      { errors: [{ path: 'supportingStatement', message: 'the case is not waiting for information' }] },
    );
  const attachment = await addAttachment(ctx, caller, row.id, { filename: filename(item), bytes: item.content });
  let answered = false;
  if (input.asInformationResponse ?? row.status === 'awaiting-information') {
    if (row.status !== 'awaiting-information')
      throw new DomainError('INVALID_STATE', `The request is ${row.status}; there is no open information request`);
    await respondToInformationRequest(ctx, caller, row.id, {
      attachmentIds: [attachment.attachmentId],
      note: input.note ?? `Received by fax from ${item.senderFax}`,
      // The prescriber's supporting statement (Part D exceptions) is this fax: received when it arrived.
      ...(input.supportingStatement
        ? {
            answers: {
              resourceType: 'QuestionnaireResponse',
              item: [
                {
                  linkId: SUPPORTING_STATEMENT_LINK_ID,
                  answer: [{ valueString: `Faxed statement from ${item.senderFax}, document ${filename(item)}` }],
                },
              ],
            },
            receivedAt: item.receivedAt,
          }
        : {}),
    });
    answered = true;
  }
  await markFaxHandled(ctx.database.db, item.id, {
    status: 'attached',
    paRequestId: row.id,
    handledBy: caller.username,
    handledAt: ctx.clock.now(),
    note: input.note ?? null,
  });
  return {
    faxId: item.id,
    paRequestId: row.id,
    attachmentId: attachment.attachmentId,
    answeredInformationRequest: answered,
  };
}

/** A faxed document for an open appeal (the member's records, the prescriber's letter of support). */
export async function attachFaxToAppeal(
  ctx: AppContext,
  caller: Principal,
  faxId: string,
  input: { appealId: string; note?: string },
) {
  const item = await newFax(ctx, caller, faxId);
  const attachment = await addAppealAttachment(ctx, caller, input.appealId, {
    filename: filename(item),
    bytes: item.content,
  });
  const filed = await markFaxHandled(ctx.database.db, item.id, {
    status: 'attached',
    appealId: input.appealId,
    handledBy: caller.username,
    handledAt: ctx.clock.now(),
    note: input.note ?? null,
  });
  if (!filed) throw new DomainError('CONFLICT', 'This fax was filed by someone else at the same time');
  return { faxId: item.id, appealId: input.appealId, attachmentId: attachment.attachmentId };
}

/**
 * An appeal that arrives by fax (the appeal form from the letter, or a prescriber's request for
 * redetermination): filed as received at the fax's receipt time — the filing window and the
 * appeal clock run from when the plan got it, not from when it was keyed in (docs/design.md#appeals) — with
 * the fax as its first document.
 */
export async function fileAppealFromFax(
  ctx: AppContext,
  caller: Principal,
  faxId: string,
  input: Omit<FileAppealInput, 'receivedAt'>,
) {
  const item = await newFax(ctx, caller, faxId);
  const appeal = await fileAppeal(ctx, caller, { ...input, receivedAt: item.receivedAt });
  await addAppealAttachment(ctx, caller, appeal.id, { filename: filename(item), bytes: item.content });
  const filed = await markFaxHandled(ctx.database.db, item.id, {
    status: 'attached',
    paRequestId: input.paRequestId,
    appealId: appeal.id,
    handledBy: caller.username,
    handledAt: ctx.clock.now(),
  });
  if (!filed) throw new DomainError('CONFLICT', 'This fax was filed by someone else at the same time');
  return { faxId: item.id, appealId: appeal.id, paRequestId: input.paRequestId };
}
