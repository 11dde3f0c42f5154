import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { principalOf, requireRole } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { DomainError, notFound } from '../platform/errors.js';
import { findFaxItem, listFaxItems } from './fax.repo.js';
import { attachFaxToAppeal, attachFaxToCase, createCaseFromFax, fileAppealFromFax } from './file-fax.js';
import { receiveFax } from './receive-fax.js';
import { FaxCaseBody, findPaRequest } from '../priorauth/index.js';
import { findAppeal } from '../appeals/index.js';

const FaxItem = Type.Object({
  id: Type.String(),
  receivedAt: Type.String(),
  senderFax: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  status: Type.String(),
  paRequestId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  appealId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  handledBy: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  handledAt: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  note: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** The member a filed fax concerns (the case's or the appeal's); none while it waits in intake. */
async function memberOfFax(ctx: AppContext, faxId: string): Promise<string | undefined> {
  const item = await findFaxItem(ctx.database.db, faxId);
  if (item?.paRequestId) return (await findPaRequest(ctx.database.db, item.paRequestId))?.memberId;
  if (item?.appealId) return (await findAppeal(ctx.database.db, item.appealId))?.memberId;
  return undefined;
}

async function readMultipart(req: FastifyRequest) {
  if (!req.isMultipart())
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the fax as multipart/form-data: file, senderFax, receivedAt');
  const fields: Record<string, string> = {};
  let bytes: Buffer | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') bytes = await part.toBuffer();
    else fields[part.fieldname] = String(part.value);
  }
  if (!bytes)
    throw new DomainError('VALIDATION_FAILED', 'No fax file was sent', {
      errors: [{ path: 'file', message: 'is required' }],
    });
  if (!fields.senderFax)
    throw new DomainError('VALIDATION_FAILED', 'senderFax is required', {
      errors: [{ path: 'senderFax', message: 'is required' }],
    });
  return { bytes, senderFax: fields.senderFax, receivedAt: fields.receivedAt };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function faxRoutes(app: ApiApp, ctx: AppContext) {
  app.post(
    '/fax/inbound',
    {
      schema: {
        tags: ['fax intake'],
        summary: 'Receive an inbound fax (multipart: file = PDF or TIFF, senderFax, receivedAt)',
        consumes: ['multipart/form-data'],
        response: { 201: FaxItem, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (req, reply) => reply.code(201).send(await receiveFax(ctx, principalOf(req), await readMultipart(req))),
  );

  app.get(
    '/fax/inbound',
    {
      schema: {
        tags: ['fax intake'],
        summary: 'Inbound faxes (intake queue)',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([Type.Literal('new'), Type.Literal('case-created'), Type.Literal('attached')]),
          ),
        }),
        response: { 200: Type.Object({ items: Type.Array(FaxItem) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      requireRole(req, 'intake', 'admin');
      const rows = await listFaxItems(ctx.database.db, req.query.status);
      return {
        items: rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString(), handledAt: iso(r.handledAt) })),
      };
    },
  );

  app.get(
    '/fax/inbound/:id',
    {
      schema: {
        tags: ['fax intake'],
        summary: 'One inbound fax (what it is and where it was filed)',
        params: IdParams,
        response: { 200: FaxItem, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => {
      requireRole(req, 'intake', 'admin');
      const id = req.params.id;
      const r = await findFaxItem(ctx.database.db, id);
      if (!r) throw notFound('Fax', id);
      const { content: _content, ...item } = r;
      return { ...item, receivedAt: r.receivedAt.toISOString(), handledAt: iso(r.handledAt) };
    },
  );

  app.get(
    '/fax/inbound/:id/document',
    {
      // A faxed form is PHI; once filed, the read names the member of the case or appeal it went to.
      config: {
        phiRead: {
          resource: 'fax',
          reason: 'fax-intake',
          member: { param: 'id', lookup: (faxId) => memberOfFax(ctx, faxId) },
        },
      },
      schema: { tags: ['fax intake'], summary: 'The fax itself', params: IdParams },
    },
    async (req, reply) => {
      requireRole(req, 'intake', 'admin', 'reviewer-pharmacist', 'reviewer-physician');
      const item = await findFaxItem(ctx.database.db, req.params.id);
      if (!item) throw notFound('Fax', req.params.id);
      return reply.type(item.contentType).send(item.content);
    },
  );

  app.post(
    '/fax/inbound/:id/case',
    {
      schema: {
        tags: ['fax intake'],
        summary:
          "Create a PA or exception case from a fax (channel fax; the clock starts at the fax's receipt, a Part D exception's at the supporting statement's)",
        params: IdParams,
        body: FaxCaseBody,
        response: {
          201: Type.Object({ faxId: Type.String(), paRequestId: Type.String() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) => reply.code(201).send(await createCaseFromFax(ctx, principalOf(req), req.params.id, req.body)),
  );

  app.post(
    '/fax/inbound/:id/attach',
    {
      schema: {
        tags: ['fax intake'],
        summary:
          'File a fax with an existing case (as the answer to its open information request when it has one) or with an open appeal',
        params: IdParams,
        body: Type.Object(
          {
            paRequestId: Type.Optional(Type.String({ maxLength: 64 })),
            appealId: Type.Optional(Type.String({ maxLength: 64 })),
            asInformationResponse: Type.Optional(Type.Boolean()),
            supportingStatement: Type.Optional(
              Type.Boolean({
                description:
                  "The fax is the prescriber's supporting statement for a Medicare Part D exception: its receipt time starts the case's clock",
              }),
            ),
            note: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            faxId: Type.String(),
            paRequestId: Type.Optional(Type.String()),
            appealId: Type.Optional(Type.String()),
            attachmentId: Type.String(),
            answeredInformationRequest: Type.Optional(Type.Boolean()),
          }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => {
      const body = req.body;
      const id = req.params.id;
      if (!body.paRequestId === !body.appealId) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'Say where the fax goes: paRequestId (a case) or appealId (an appeal), not both',
          {
            errors: [
              {
                path: body.paRequestId ? 'appealId' : 'paRequestId',
                message: body.paRequestId ? 'must be absent when paRequestId is given' : 'or appealId is required',
              },
            ],
          },
        );
      }
      if (body.appealId) {
        if (body.asInformationResponse || body.supportingStatement)
          throw new DomainError('VALIDATION_FAILED', 'asInformationResponse applies to a case, not an appeal', {
            errors: [{ path: 'asInformationResponse', message: 'only with paRequestId' }],
          });
        return attachFaxToAppeal(ctx, principalOf(req), id, { appealId: body.appealId, note: body.note });
      }
      return attachFaxToCase(ctx, principalOf(req), id, { ...body, paRequestId: body.paRequestId! });
    },
  );

  app.post(
    '/fax/inbound/:id/appeal',
    {
      schema: {
        tags: ['fax intake'],
        summary:
          "File an appeal that arrived by fax (received at the fax's receipt time; the fax is its first document)",
        params: IdParams,
        body: Type.Object(
          {
            paRequestId: Type.String({ maxLength: 64 }),
            urgency: Type.Union([Type.Literal('standard'), Type.Literal('urgent')]),
            statement: Type.String({ minLength: 1, maxLength: 8000 }),
            filedBy: Type.Union([Type.Literal('member'), Type.Literal('prescriber'), Type.Literal('representative')]),
            representativeName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ faxId: Type.String(), appealId: Type.String(), paRequestId: Type.String() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) => reply.code(201).send(await fileAppealFromFax(ctx, principalOf(req), req.params.id, req.body)),
  );
}
