import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { principalOf } from '../adapters/http/auth.js';
import { errorResponses, Nullable } from '../adapters/http/schemas.js';
import { DomainError } from '../platform/errors.js';
import { addAttachment } from './add-attachment.js';
import { assignRequest } from './assign-request.js';
import { cancelRequest } from './cancel-request.js';
import { caseClaimHistory, caseMedicationHistory } from './case-claim-history.js';
import { ClaimSummarySchema } from '../claims/index.js';
import { decideRequest } from './decide-request.js';
import { initiateRequest } from './initiate-request.js';
import { getReviewQueue, listRequestsFor } from './list-requests.js';
import { assertCanSee } from './pa-access.js';
import { findAttachment, findPaRequest } from './priorauth.repo.js';
import {
  AnswersBody,
  CancelBody,
  DeterminationBody,
  IdParams,
  InformationRequestBody,
  InformationResponseBody,
  InitiateBody,
  NotRequiredSchema,
  PaRequestListQuery,
  RequestSummarySchema,
  RequestViewSchema,
  SubmitBody,
  UrgencyBody,
} from './priorauth.schemas.js';
import { reclassifyUrgency } from './reclassify-urgency.js';
import { requestInformation } from './request-information.js';
import { respondToInformationRequest } from './respond-to-information-request.js';
import { buildRequestView } from './request-view.js';
import { saveAnswers } from './save-answers.js';
import { submitRequest } from './submit-request.js';

const caseResponse = { 200: RequestViewSchema, ...errorResponses(400, 401, 403, 404, 409) };

export async function priorAuthRoutes(app: ApiApp, ctx: AppContext) {
  app.post(
    '/pa-requests',
    {
      schema: {
        tags: ['prior authorization'],
        summary:
          'Initiate a PA or exception request: returns the question set, "not-required", or 409 (ACTIVE_AUTHORIZATION_EXISTS; REQUEST_ALREADY_OPEN naming the open case in existingCase)',
        body: InitiateBody,
        response: { 201: RequestViewSchema, 200: NotRequiredSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const result = await initiateRequest(ctx, principalOf(req), req.body);
      if (result.kind === 'not-required') return reply.code(200).send(result.body);
      return reply.code(201).send(result.request);
    },
  );

  app.get(
    '/pa-requests',
    {
      config: { phiRead: { resource: 'pa-requests', reason: 'case-review' } },
      schema: {
        tags: ['prior authorization'],
        summary: 'List PA requests the caller may see',
        querystring: PaRequestListQuery,
        response: { 200: Type.Object({ items: Type.Array(RequestSummarySchema) }), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listRequestsFor(ctx, principalOf(req), req.query),
  );

  app.get(
    '/pa-requests/:id',
    {
      config: { phiRead: { resource: 'case', reason: 'case-review' } },
      schema: {
        tags: ['prior authorization'],
        summary: 'One PA request with its history',
        params: IdParams,
        response: caseResponse,
      },
    },
    async (req) => {
      const row = assertCanSee(principalOf(req), await findPaRequest(ctx.database.db, req.params.id), req.params.id);
      return buildRequestView(ctx, row);
    },
  );

  app.get(
    '/pa-requests/:id/claim-history',
    {
      config: { phiRead: { resource: 'case-claim-history', reason: 'case-review', idParam: 'id', member: 'answer' } },
      schema: {
        tags: ['review'],
        summary: "The case member's claims of the last year (paid, rejected, reversed), for the clinical reviewer",
        params: IdParams,
        response: {
          200: Type.Object({
            memberId: Type.String(),
            from: Type.String({ description: 'first date of service shown (YYYY-MM-DD)' }),
            to: Type.String({ description: "today in the plan's time zone" }),
            items: Type.Array(ClaimSummarySchema),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (req) => caseClaimHistory(ctx, principalOf(req), req.params.id),
  );

  app.get(
    '/pa-requests/:id/medication-history',
    {
      config: {
        phiRead: {
          resource: 'case-medication-history',
          reason: 'case-review',
          idParam: 'id',
          member: 'answer',
          outsiders: true,
        },
      },
      schema: {
        tags: ['prior authorization'],
        summary:
          "The case member's paid fills of the last year (drug, fill date, days supply, pharmacy), for answering the case's questions; a prescriber sees their own prescriptions' fills",
        params: IdParams,
        response: {
          200: Type.Object({
            memberId: Type.String(),
            from: Type.String({ description: 'first date of service shown (YYYY-MM-DD)' }),
            to: Type.String({ description: "today in the plan's time zone" }),
            prescriberOnly: Type.Boolean({ description: "only the calling prescriber's prescriptions" }),
            items: Type.Array(
              Type.Object({
                claimId: Type.String(),
                drugName: Nullable(Type.String()),
                dateOfService: Type.String(),
                daysSupply: Type.Integer(),
                quantity: Type.Number(),
                pharmacyName: Nullable(Type.String()),
              }),
            ),
          }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (req) => caseMedicationHistory(ctx, principalOf(req), req.params.id),
  );

  app.put(
    '/pa-requests/:id/answers',
    {
      schema: {
        tags: ['prior authorization'],
        summary: 'Save draft answers (FHIR QuestionnaireResponse)',
        params: IdParams,
        body: AnswersBody,
        response: caseResponse,
      },
    },
    async (req) => saveAnswers(ctx, principalOf(req), req.params.id, req.body.answers),
  );

  app.post(
    '/pa-requests/:id/submit',
    {
      schema: {
        tags: ['prior authorization'],
        summary: 'Submit: approved at once when every criterion is met, else routed to clinical review',
        params: IdParams,
        body: SubmitBody,
        response: caseResponse,
      },
    },
    async (req) => submitRequest(ctx, principalOf(req), req.params.id, req.body),
  );

  app.post(
    '/pa-requests/:id/attachments',
    {
      schema: {
        tags: ['prior authorization'],
        summary:
          'Attach one document (multipart: field "file", optional field "documentId"): PDF, PNG, JPEG or TIFF, at most 20 MB',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: {
          201: Type.Object({
            attachmentId: Type.String(),
            filename: Type.String(),
            contentType: Type.String(),
            size: Type.Integer(),
            sha256: Type.String(),
            documentId: Type.Union([Type.String(), Type.Null()]),
            uploadedAt: Type.String(),
          }),
          ...errorResponses(400, 401, 403, 404, 409, 413, 415),
        },
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
      let documentId: string | undefined;
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file')
            throw new DomainError('VALIDATION_FAILED', 'The file field must be named "file"', {
              errors: [{ path: part.fieldname, message: 'unexpected file field' }],
            });
          file = { filename: part.filename, bytes: await part.toBuffer() };
        } else if (part.fieldname === 'documentId') {
          documentId = String(part.value);
        }
      }
      if (!file)
        throw new DomainError('VALIDATION_FAILED', 'No file was sent', {
          errors: [{ path: 'file', message: 'is required' }],
        });
      const saved = await addAttachment(ctx, caller, req.params.id, { ...file, documentId });
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/pa-requests/:id/attachments/:attachmentId',
    {
      config: {
        phiRead: {
          resource: 'case-attachment',
          reason: 'case-review',
          idParam: 'attachmentId',
          member: { param: 'id', lookup: async (id) => (await findPaRequest(ctx.database.db, id))?.memberId },
        },
      },
      schema: {
        tags: ['prior authorization'],
        summary: 'Download an attachment',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), attachmentId: Type.String({ maxLength: 64 }) }),
      },
    },
    async (req, reply) => {
      const { attachmentId } = req.params;
      const row = assertCanSee(principalOf(req), await findPaRequest(ctx.database.db, req.params.id), req.params.id);
      const att = await findAttachment(ctx.database.db, row.id, attachmentId);
      if (!att) throw new DomainError('NOT_FOUND', `Attachment ${attachmentId} was not found`);
      return reply
        .type(att.contentType)
        .header('content-disposition', `inline; filename="${att.filename}"`)
        .send(att.content);
    },
  );

  app.post(
    '/pa-requests/:id/cancel',
    {
      schema: {
        tags: ['prior authorization'],
        summary: 'Withdraw an open request',
        params: IdParams,
        body: Type.Optional(CancelBody),
        response: caseResponse,
      },
    },
    async (req) => cancelRequest(ctx, principalOf(req), req.params.id, req.body ?? {}),
  );

  app.get(
    '/review-queue',
    {
      config: { phiRead: { resource: 'review-queue', reason: 'case-review' } },
      schema: {
        tags: ['review'],
        summary: 'Open cases ordered by due time, with time left',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: {
          200: Type.Object({ now: Type.String(), items: Type.Array(RequestSummarySchema) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (req) => getReviewQueue(ctx, principalOf(req), req.query.limit),
  );

  app.post(
    '/pa-requests/:id/assign',
    {
      schema: {
        tags: ['review'],
        summary: 'Take a case (409 when another reviewer has it)',
        params: IdParams,
        response: caseResponse,
      },
    },
    async (req) => assignRequest(ctx, principalOf(req), req.params.id),
  );

  app.post(
    '/pa-requests/:id/information-requests',
    {
      schema: {
        tags: ['review'],
        summary: 'Ask the prescriber for specific items (at most two per case by default)',
        params: IdParams,
        body: InformationRequestBody,
        response: caseResponse,
      },
    },
    async (req) => requestInformation(ctx, principalOf(req), req.params.id, req.body),
  );

  app.post(
    '/pa-requests/:id/information-responses',
    {
      schema: {
        tags: ['prior authorization'],
        summary: 'Answer the open information request',
        params: IdParams,
        body: InformationResponseBody,
        response: caseResponse,
      },
    },
    async (req) => respondToInformationRequest(ctx, principalOf(req), req.params.id, req.body),
  );

  app.post(
    '/pa-requests/:id/determination',
    {
      schema: {
        tags: ['review'],
        summary: 'Approve, partially approve, deny (clinicians only), or close',
        params: IdParams,
        body: DeterminationBody,
        response: caseResponse,
      },
    },
    async (req) => decideRequest(ctx, principalOf(req), req.params.id, req.body),
  );

  app.post(
    '/pa-requests/:id/urgency',
    {
      schema: {
        tags: ['review'],
        summary: 'Reclassify an urgent request as standard, with the reason',
        params: IdParams,
        body: UrgencyBody,
        response: caseResponse,
      },
    },
    async (req) => reclassifyUrgency(ctx, principalOf(req), req.params.id, req.body),
  );
}
