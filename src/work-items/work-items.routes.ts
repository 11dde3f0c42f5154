import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { requireRole } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { DomainError } from '../platform/errors.js';
import { listOpenWorkItems, resolveWorkItem, WORK_QUEUES, type WorkQueue } from './work-items.repo.js';

const STAFF = ['intake', 'member-services', 'admin', 'reviewer-pharmacist', 'reviewer-physician'] as const;

export async function workItemRoutes(app: ApiApp, ctx: AppContext) {
  app.get(
    '/work-items',
    {
      schema: {
        tags: ['operations'],
        summary:
          "Open work items for staff: the supervisors' queue (missed clocks, cases forwarded to the independent review entity, legal clocks that could not run) and operations (e.g. a notice that could not be delivered)",
        querystring: Type.Object({
          kind: Type.Optional(Type.String({ maxLength: 60 })),
          queue: Type.Optional(Type.Union(WORK_QUEUES.map((q) => Type.Literal(q)))),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                kind: Type.String(),
                queue: Type.Union(WORK_QUEUES.map((q) => Type.Literal(q))),
                entityType: Type.String(),
                entityId: Type.String(),
                summary: Type.String(),
                createdAt: Type.String(),
              }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (req) => {
      requireRole(req, ...STAFF);
      const rows = await listOpenWorkItems(ctx.database.db, req.query);
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          queue: r.queue as WorkQueue,
          entityType: r.entityType,
          entityId: r.entityId,
          summary: r.summary,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/work-items/:id/resolve',
    {
      schema: {
        tags: ['operations'],
        summary: 'Mark a work item done',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: {
          200: Type.Object({ id: Type.String(), resolved: Type.Boolean() }),
          ...errorResponses(401, 403, 409),
        },
      },
    },
    async (req) => {
      const caller = requireRole(req, ...STAFF);
      const { id } = req.params;
      if (!(await resolveWorkItem(ctx.database.db, id, caller.username, ctx.clock.now())))
        throw new DomainError('CONFLICT', `Work item ${id} is unknown or already resolved`);
      return { id, resolved: true };
    },
  );
}
