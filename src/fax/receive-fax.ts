import { createHash } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import { writeAudit } from '../audit/write-audit.js';
import type { Principal } from '../platform/roles.js';
import { DomainError, forbidden } from '../platform/errors.js';
import { newId } from '../platform/ids.js';
import { MAX_ATTACHMENT_BYTES } from '../priorauth/add-attachment.js';
import { sniffFileType } from '../priorauth/sniff-file-type.js';
import { insertFaxItem } from './fax.repo.js';

export const FAX_ROLES = ['intake', 'admin'] as const;

/** The fax gateway (an intake-role system account) hands over one received fax: PDF or TIFF. */
export async function receiveFax(
  ctx: AppContext,
  caller: Principal,
  input: { bytes: Buffer; senderFax: string; receivedAt?: string },
) {
  if (!(FAX_ROLES as readonly string[]).includes(caller.role))
    throw forbidden('Inbound faxes come from the fax gateway or intake staff');
  if (input.bytes.length === 0)
    throw new DomainError('VALIDATION_FAILED', 'The fax is empty', { errors: [{ path: 'file', message: 'is empty' }] });
  if (input.bytes.length > MAX_ATTACHMENT_BYTES)
    throw new DomainError('PAYLOAD_TOO_LARGE', `Faxes are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  const type = await sniffFileType(input.bytes);
  if (type !== 'application/pdf' && type !== 'image/tiff') {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'An inbound fax must be a PDF or TIFF (the content is checked, not the name)',
      { errors: [{ path: 'file', message: 'is not a PDF or TIFF' }] },
    );
  }
  const digits = input.senderFax.replace(/[^\d]/g, '');
  if (digits.length < 10 || digits.length > 15)
    throw new DomainError('VALIDATION_FAILED', 'senderFax must be a phone number', {
      errors: [{ path: 'senderFax', message: 'is not a fax number' }],
    });
  const now = ctx.clock.now();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime() + 60_000) {
    throw new DomainError('VALIDATION_FAILED', 'receivedAt must be an instant no later than now', {
      errors: [{ path: 'receivedAt', message: 'is not a past instant' }],
    });
  }
  const item = {
    id: newId('fax', now),
    receivedAt,
    senderFax: input.senderFax.trim(),
    contentType: type,
    size: input.bytes.length,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    status: 'new',
  };
  await ctx.database.db.transaction(async (tx) => {
    await insertFaxItem(tx, { ...item, content: input.bytes });
    await writeAudit(tx, {
      at: now,
      actor: caller,
      action: 'fax.received',
      entityType: 'fax',
      entityId: item.id,
      details: { size: item.size, contentType: type },
    });
  });
  return { ...item, receivedAt: receivedAt.toISOString() };
}
