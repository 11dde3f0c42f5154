import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';
import { principalOf } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { CallNoteListQuery, CallNoteSchema, MemberIdParams, RecordCallNoteBody } from './call-notes.schemas.js';
import { listCallNotes } from './list-call-notes.js';
import { assertCanWriteCallNotes, recordCallNote, type RecordCallNoteInput } from './record-call-note.js';

const TAGS = ['member services'];
const memberId = (req: { params: unknown }) => (req.params as { id: string }).id;

/** Member-services call notes on a member. */
export async function callNoteRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/members/:id/call-notes',
    {
      schema: {
        tags: TAGS,
        summary: "Record a call about a member, with the caller's identity check (member services, admin)",
        params: MemberIdParams,
        body: RecordCallNoteBody,
        response: { 201: CallNoteSchema, ...errorResponses(400, 401, 403, 404) },
      },
      // The role is checked before the body: someone who may not write call notes hears 403, whatever they sent.
      preValidation: async (req) => assertCanWriteCallNotes(principalOf(req)),
    },
    async (req, reply) =>
      reply.code(201).send(await recordCallNote(ctx, principalOf(req), memberId(req), req.body as RecordCallNoteInput)),
  );

  app.get(
    '/members/:id/call-notes',
    {
      schema: {
        tags: TAGS,
        summary: "A member's call notes, newest first (staff only)",
        params: MemberIdParams,
        querystring: CallNoteListQuery,
        response: { 200: Type.Object({ items: Type.Array(CallNoteSchema) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => listCallNotes(ctx, principalOf(req), memberId(req), (req.query as { limit?: number }).limit),
  );
}
