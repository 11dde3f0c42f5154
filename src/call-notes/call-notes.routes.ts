import { Type } from '@sinclair/typebox';
import type { AppContext } from '../app-context.js';
import type { ApiApp } from '../adapters/http/api-app.js';
import { principalOf } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { CallNoteListQuery, CallNoteSchema, MemberIdParams, RecordCallNoteBody } from './call-notes.schemas.js';
import { listCallNotes } from './list-call-notes.js';
import { assertCanWriteCallNotes, recordCallNote } from './record-call-note.js';

const TAGS = ['member services'];
/** Member-services call notes on a member. */
export async function callNoteRoutes(app: ApiApp, ctx: AppContext) {
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
    async (req, reply) => reply.code(201).send(await recordCallNote(ctx, principalOf(req), req.params.id, req.body)),
  );

  app.get(
    '/members/:id/call-notes',
    {
      config: { phiRead: { resource: 'member-call-notes', reason: 'member-inquiry', member: { param: 'id' } } },
      schema: {
        tags: TAGS,
        summary: "A member's call notes, newest first (staff only)",
        params: MemberIdParams,
        querystring: CallNoteListQuery,
        response: { 200: Type.Object({ items: Type.Array(CallNoteSchema) }), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => listCallNotes(ctx, principalOf(req), req.params.id, req.query.limit),
  );
}
