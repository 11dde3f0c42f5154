import { createHash } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { DomainError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { MAX_ATTACHMENT_BYTES } from '../priorauth/add-attachment.js';
import { actorName } from '../priorauth/pa-status.js';
import { sniffFileType } from '../priorauth/sniff-file-type.js';
import { findAppeal, insertAppealAttachment, insertAppealHistory } from './appeals.repo.js';
import { assertCanSeeAppeal } from './appeal-access.js';
import { isOpenAppeal } from './appeal-status.js';

export interface AppealAttachmentInput {
  filename: string;
  bytes: Buffer;
}

/**
 * A document supporting an open appeal (docs/design.md#appeals), from
 * the member, the prescriber, or staff (a faxed or mailed document). Same rules as PA documents:
 * at most MAX_ATTACHMENT_BYTES, PDF/PNG/JPEG/TIFF by content, stored with its SHA-256.
 */
export async function addAppealAttachment(
  ctx: AppContext,
  caller: Principal,
  id: string,
  input: AppealAttachmentInput,
) {
  const db = ctx.database.db;
  const row = assertCanSeeAppeal(caller, await findAppeal(db, id), id);
  if (!isOpenAppeal(row.status))
    throw new DomainError('INVALID_STATE', `The appeal is ${row.status}; documents can be added while it is open`, {
      details: { currentStatus: row.status },
    });
  if (input.bytes.length === 0)
    throw new DomainError('VALIDATION_FAILED', 'The file is empty', {
      errors: [{ path: 'file', message: 'is empty' }],
    });
  if (input.bytes.length > MAX_ATTACHMENT_BYTES)
    throw new DomainError('PAYLOAD_TOO_LARGE', `Attachments are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  const contentType = await sniffFileType(input.bytes);
  if (!contentType)
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Attach a PDF, PNG, JPEG or TIFF file (the content is checked, not the name)',
      { errors: [{ path: 'file', message: 'is not a PDF, PNG, JPEG or TIFF' }] },
    );
  const now = ctx.clock.now();
  const attachment = {
    id: newId('aat', now),
    appealId: row.id,
    filename: input.filename.replace(/[^\w.\- ]+/g, '_').slice(0, 200) || 'document',
    contentType,
    size: input.bytes.length,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
  };
  await db.transaction(async (tx) => {
    await insertAppealAttachment(tx, {
      ...attachment,
      content: input.bytes,
      uploadedBy: caller.username,
      uploadedAt: now,
    });
    await insertAppealHistory(tx, {
      appealId: row.id,
      at: now,
      ...actorName(caller),
      action: 'attachment-added',
      fromStatus: row.status,
      toStatus: row.status,
      details: { attachmentId: attachment.id, filename: attachment.filename, sha256: attachment.sha256 },
    });
  });
  return { attachmentId: attachment.id, ...attachment, uploadedBy: caller.username, uploadedAt: now.toISOString() };
}
