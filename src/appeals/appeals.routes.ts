import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { principalOf } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { DomainError } from '../platform/errors.js';
import { addAppealAttachment } from './add-appeal-attachment.js';
import { assertCanSeeAppeal } from './appeal-access.js';
import { buildAppealView } from './appeal-view.js';
import { findAppeal, findAppealAttachment } from './appeals.repo.js';
import { withdrawAppeal } from './withdraw-appeal.js';
import {
  AppealAttachmentSchema,
  AppealDecisionBody,
  AppealIdParams,
  AppealListQuery,
  AppealSummarySchema,
  AppealViewSchema,
  FileAppealBody,
} from './appeals.schemas.js';
import { assignAppeal } from './assign-appeal.js';
import { decideAppeal } from './decide-appeal.js';
import { fileAppeal } from './file-appeal.js';
import { listAppealsFor } from './list-appeals.js';

const TAGS = ['appeals'];
const appealResponse = { 200: AppealViewSchema, ...errorResponses(400, 401, 403, 404, 409) };

/** docs/design.md#api. The multipart parser for attachments is registered once for /api/v1 (adapters/http/routes.ts). */
export async function appealRoutes(app: ApiApp, ctx: AppContext) {
  app.post(
    '/appeals',
    {
      schema: {
        tags: TAGS,
        summary:
          'File an appeal of a denial, partial approval or closure (409 APPEAL_WINDOW_CLOSED with the deadline when late)',
        body: FileAppealBody,
        response: { 201: AppealViewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await fileAppeal(ctx, principalOf(req), req.body)),
  );

  app.get(
    '/appeals',
    {
      config: { phiRead: { resource: 'appeals', reason: 'appeal-review' } },
      schema: {
        tags: TAGS,
        summary: 'Appeals the caller may see; open ones first by due time',
        querystring: AppealListQuery,
        response: { 200: Type.Object({ items: Type.Array(AppealSummarySchema) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listAppealsFor(ctx, principalOf(req), req.query),
  );

  app.get(
    '/appeals/:id',
    {
      config: { phiRead: { resource: 'appeal', reason: 'appeal-review' } },
      schema: {
        tags: TAGS,
        summary: 'One appeal with its documents, outcome, letters and history',
        params: AppealIdParams,
        response: appealResponse,
      },
    },
    async (req) => {
      const row = assertCanSeeAppeal(principalOf(req), await findAppeal(ctx.database.db, req.params.id), req.params.id);
      return buildAppealView(ctx, row);
    },
  );

  app.post(
    '/appeals/:id/attachments',
    {
      schema: {
        tags: TAGS,
        summary:
          'Attach one document to an open appeal (multipart: field "file"): PDF, PNG, JPEG or TIFF, at most 20 MB',
        params: AppealIdParams,
        consumes: ['multipart/form-data'],
        response: { 201: AppealAttachmentSchema, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (req, reply) => {
      const caller = principalOf(req);
      if (!req.isMultipart())
        throw new DomainError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the file as multipart/form-data with a field named "file"',
        );
      let file: { filename: string; bytes: Buffer } | null = null;
      for await (const part of req.parts()) {
        if (part.type !== 'file') continue;
        if (part.fieldname !== 'file')
          throw new DomainError('VALIDATION_FAILED', 'The file field must be named "file"', {
            errors: [{ path: part.fieldname, message: 'unexpected file field' }],
          });
        file = { filename: part.filename, bytes: await part.toBuffer() };
      }
      if (!file)
        throw new DomainError('VALIDATION_FAILED', 'No file was sent', {
          errors: [{ path: 'file', message: 'is required' }],
        });
      return reply.code(201).send(await addAppealAttachment(ctx, caller, req.params.id, file));
    },
  );

  app.get(
    '/appeals/:id/attachments/:attachmentId',
    {
      config: {
        phiRead: {
          resource: 'appeal-attachment',
          reason: 'appeal-review',
          idParam: 'attachmentId',
          member: { param: 'id', lookup: async (id) => (await findAppeal(ctx.database.db, id))?.memberId },
        },
      },
      schema: {
        tags: TAGS,
        summary: 'Download an appeal document',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), attachmentId: Type.String({ maxLength: 64 }) }),
      },
    },
    async (req, reply) => {
      const { attachmentId } = req.params;
      const row = assertCanSeeAppeal(principalOf(req), await findAppeal(ctx.database.db, req.params.id), req.params.id);
      const att = await findAppealAttachment(ctx.database.db, row.id, attachmentId);
      if (!att) throw new DomainError('NOT_FOUND', `Attachment ${attachmentId} was not found`);
      return reply
        .type(att.contentType)
        .header('content-disposition', `inline; filename="${att.filename}"`)
        .send(att.content);
    },
  );

  app.post(
    '/appeals/:id/assign',
    {
      schema: {
        tags: TAGS,
        summary: 'Take an appeal for review (403 for the original reviewer; 409 when another reviewer has it)',
        params: AppealIdParams,
        response: appealResponse,
      },
    },
    async (req) => assignAppeal(ctx, principalOf(req), req.params.id),
  );

  app.post(
    '/appeals/:id/withdraw',
    {
      schema: {
        tags: TAGS,
        summary:
          'Withdraw an open appeal (the member, the prescriber on the case, or member services for them); its clock stops',
        params: AppealIdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: appealResponse,
      },
    },
    async (req) => withdrawAppeal(ctx, principalOf(req), req.params.id, req.body),
  );

  app.post(
    '/appeals/:id/decision',
    {
      schema: {
        tags: TAGS,
        summary:
          'Decide an appeal: overturned (authorization created), partially overturned, or upheld (notice names the next level)',
        params: AppealIdParams,
        body: AppealDecisionBody,
        response: appealResponse,
      },
    },
    async (req) => decideAppeal(ctx, principalOf(req), req.params.id, req.body),
  );
}
