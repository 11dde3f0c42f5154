import { findPublishedCriteria } from './published-criteria.js';
import { createHash } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import type { Principal } from '../platform/roles.js';
import { DomainError } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { assertCanSee } from './pa-access.js';
import { actorName, FINAL_STATUSES, type PaStatus } from './pa-status.js';
import { findPaRequest, insertAttachmentWithHistory, type PaRequestRow } from './priorauth.repo.js';
import type { Db } from '../platform/db.js';
import { sniffFileType } from './sniff-file-type.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface AttachmentInput {
  filename: string;
  bytes: Buffer;
  /** Which required document this satisfies (criteria `requiredDocuments[].id`). */
  documentId?: string;
}

/** A document checked and ready to store (its id known before it is written, so answers can name it). */
export interface PreparedAttachment {
  id: string;
  paRequestId: string;
  documentId: string | null;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  bytes: Buffer;
  uploadedBy: string;
  /** Who added it, as the case history names them. */
  actor: ReturnType<typeof actorName>;
}

/**
 * Checks a document for a case (who may attach, the case's state, size, content type, the required
 * document it satisfies) without writing anything. `row` is the case as the caller read it.
 */
export async function prepareAttachment(
  ctx: AppContext,
  caller: Principal,
  row: PaRequestRow,
  input: AttachmentInput,
): Promise<PreparedAttachment> {
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
    const criteria = await findPublishedCriteria(ctx, row.criteriaId, row.criteriaVersion);
    if (!criteria?.body.requiredDocuments.some((d) => d.id === input.documentId)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `documentId ${input.documentId} is not one of this request's required documents`,
        { errors: [{ path: 'documentId', message: 'is not a required document of this criteria set' }] },
      );
    }
  }
  return {
    id: newId('att', ctx.clock.now()),
    paRequestId: row.id,
    documentId: input.documentId ?? null,
    filename: input.filename.replace(/[^\w.\- ]+/g, '_').slice(0, 200) || 'document',
    contentType,
    size: input.bytes.length,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    bytes: input.bytes,
    uploadedBy: caller.username,
    actor: actorName(caller),
  };
}

/**
 * Writes a prepared document and its history row, in the caller's transaction (a submit that
 * brings documents with its answers stores them with the submission: one transaction).
 */
export async function storeAttachment(tx: Db, a: PreparedAttachment, status: string, now: Date): Promise<void> {
  const { bytes, actor, ...meta } = a;
  await insertAttachmentWithHistory(
    tx,
    { ...meta, content: bytes, uploadedAt: now },
    {
      paRequestId: a.paRequestId,
      at: now,
      ...actor,
      action: 'attachment-added',
      fromStatus: status,
      toStatus: status,
      details: { attachmentId: a.id, filename: a.filename, sha256: a.sha256 },
    },
  );
}

/** Stores a document durably (bytes in the database, with its SHA-256) and records it in history. */
export async function addAttachment(ctx: AppContext, caller: Principal, id: string, input: AttachmentInput) {
  const db = ctx.database.db;
  const row = assertCanSee(caller, await findPaRequest(db, id), id);
  const a = await prepareAttachment(ctx, caller, row, input);
  const now = ctx.clock.now();
  await db.transaction((tx) => storeAttachment(tx, a, row.status, now));
  const { bytes: _bytes, actor: _actor, uploadedBy: _by, ...attachment } = a;
  return { attachmentId: a.id, ...attachment, uploadedAt: now.toISOString() };
}
