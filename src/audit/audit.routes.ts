import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { requireRole } from '../adapters/http/auth.js';
import { errorResponses, Nullable } from '../adapters/http/schemas.js';
import type { PhiReadDeclaration } from '../adapters/http/phi-read-audit.js';
import { auditEventsCsv } from './audit-csv.js';
import { queryAuditLog } from './query-audit-log.js';
import { AuditEventSchema, AuditLogQuerySchema, type AuditLogQuery } from './audit.schemas.js';

/** Reading the audit log is itself audited (who looked, with which filters). */
const AUDIT_READ: PhiReadDeclaration = {
  resource: 'audit-log',
  reason: 'audit-oversight',
  action: 'audit.read',
  member: { query: 'memberId' },
  recordQuery: ['memberId', 'userId', 'from', 'to', 'cursor'],
};

/** The export holds up to this many rows (newest first); narrow the period for more. */
const CSV_MAX_ROWS = 50_000;

const wantsCsv = (req: FastifyRequest) => /\btext\/csv\b/.test(String(req.headers.accept ?? ''));

/** GET /audit-events (JSON pages, or CSV with Accept: text/csv) and GET /audit-events.csv: admin only. */
export async function auditRoutes(app: ApiApp, ctx: AppContext) {
  app.get(
    '/audit-events',
    {
      config: { phiRead: AUDIT_READ },
      schema: {
        tags: ['audit'],
        summary: 'The audit log by member, user and period, newest first (admin); Accept: text/csv exports it',
        querystring: AuditLogQuerySchema,
        response: {
          200: Type.Object({ items: Type.Array(AuditEventSchema), nextCursor: Nullable(Type.String()) }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      requireRole(req, 'admin');
      if (wantsCsv(req)) return sendCsv(ctx, req.query, reply);
      return queryAuditLog(ctx.database.db, req.query, 500);
    },
  );

  app.get(
    '/audit-events.csv',
    {
      config: { phiRead: AUDIT_READ },
      schema: {
        tags: ['audit'],
        summary: `The audit log as CSV (admin): the same filters, up to ${CSV_MAX_ROWS} rows, formula-like cells defused`,
        querystring: AuditLogQuerySchema,
        response: {
          200: { description: 'The export', content: { 'text/csv': { schema: { type: 'string' } } } },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      requireRole(req, 'admin');
      return sendCsv(ctx, req.query, reply);
    },
  );
}

async function sendCsv(ctx: AppContext, q: AuditLogQuery, reply: FastifyReply): Promise<FastifyReply> {
  const page = await queryAuditLog(ctx.database.db, { ...q, limit: q.limit ?? CSV_MAX_ROWS }, CSV_MAX_ROWS);
  if (page.nextCursor) reply.header('x-next-cursor', page.nextCursor);
  reply.header('content-disposition', 'attachment; filename="audit-events.csv"');
  return reply.type('text/csv; charset=utf-8').send(auditEventsCsv(page.items));
}
