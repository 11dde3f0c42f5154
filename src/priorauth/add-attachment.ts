import { findPublishedCriteria } from './published-criteria.js';
import { createHash } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { DomainError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { assertCanSee } from './pa-access.js';
import { actorName, FINAL_STATUSES, type PaStatus } from './pa-status.js';
import { findPaRequest, insertAttachment, insertHistory } from './priorauth.repo.js';
import { sniffFileType } from './sniff-file-type.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface AttachmentInput {
  filename: string;
  bytes: Buffer;
  /** Which required document this satisfies (criteria `requiredDocuments[].id`). */
  documentId?: string;
}

/** Stores a document durably (bytes in the database, with its SHA-256) and records it in history. */
export async function addAttachment(ctx: AppContext, caller: Principal, id: string, input: AttachmentInput) {
  const db = ctx.database.db;
  const row = assertCanSee(caller, await findPaRequest(db, id), id);
  if (caller.role === 'member' || caller.role === 'pharmacy')
    throw new DomainError('FORBIDDEN', 'Documents are attached by the prescriber or intake staff');
  if (FINAL_STATUSES.includes(row.status as PaStatus))
    throw new DomainError('INVALID_STATE', `The request is ${row.status}; attach documents to an appeal instead`);
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
  if (input.documentId) {
    const criteria = await findPublishedCriteria(ctx, row.criteriaId, row.criteriaVersion, db);
    if (!criteria?.body.requiredDocuments.some((d) => d.id === input.documentId)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `documentId ${input.documentId} is not one of this request's required documents`,
        { errors: [{ path: 'documentId', message: 'is not a required document of this criteria set' }] },
      );
    }
  }
  const now = ctx.clock.now();
  const attachment = {
    id: newId('att', now),
    paRequestId: row.id,
    documentId: input.documentId ?? null,
    filename: input.filename.replace(/[^\w.\- ]+/g, '_').slice(0, 200) || 'document',
    contentType,
    size: input.bytes.length,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
  };
  await db.transaction(async (tx) => {
    await insertAttachment(tx, { ...attachment, content: input.bytes, uploadedBy: caller.username, uploadedAt: now });
    await insertHistory(tx, {
      paRequestId: row.id,
      at: now,
      ...actorName(caller),
      action: 'attachment-added',
      fromStatus: row.status,
      toStatus: row.status,
      details: { attachmentId: attachment.id, filename: attachment.filename, sha256: attachment.sha256 },
    });
  });
  return { attachmentId: attachment.id, ...attachment, uploadedAt: now.toISOString() };
}
