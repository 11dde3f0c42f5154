import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';
import { principalOf } from '../adapters/http/auth.js';
import { errorResponses } from '../adapters/http/schemas.js';
import { writeAudit } from '../audit/write-audit.js';
import { isStaff, type Principal } from '../identity/roles.js';
import { DomainError, notFound } from '../platform/errors.js';
import { canSeeRequest } from '../priorauth/pa-access.js';
import { findPaRequest } from '../priorauth/priorauth.repo.js';
import { renderNoticeDocument } from './delivery/render-notice-document.js';
import { findNotice, listNotices, type NoticeRow } from './notices.repo.js';

const NoticeSummary = Type.Object({
  id: Type.String(), kind: Type.String(), recipient: Type.String(), channel: Type.String(), language: Type.String(), status: Type.String(),
  attempts: Type.Integer(), createdAt: Type.String(), sentAt: Type.Union([Type.String(), Type.Null()]), paRequestId: Type.Union([Type.String(), Type.Null()]),
});

const summary = (n: NoticeRow) => ({
  id: n.id, kind: n.kind, recipient: n.recipient, channel: n.channel, language: n.language, status: n.status, attempts: n.attempts,
  createdAt: n.createdAt.toISOString(), sentAt: n.sentAt?.toISOString() ?? null, paRequestId: n.paRequestId,
});

/** A member sees letters to them; a prescriber or pharmacy the ones on cases they may see; staff all. */
async function canSeeNotice(ctx: AppContext, p: Principal, n: NoticeRow): Promise<boolean> {
  if (isStaff(p)) return true;
  if (p.role === 'member') return n.memberId === p.memberId && n.recipient === 'member';
  if (n.recipientId === p.npi) return true;
  const pa = n.paRequestId ? await findPaRequest(ctx.database.db, n.paRequestId) : undefined;
  return Boolean(pa && canSeeRequest(p, pa));
}

export async function noticeRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/notices', {
    schema: {
      tags: ['notices'], summary: 'Letters and their delivery status (attempts) for a case, an appeal or a member',
      querystring: Type.Object({ paRequestId: Type.Optional(Type.String({ maxLength: 64 })), appealId: Type.Optional(Type.String({ maxLength: 64 })), memberId: Type.Optional(Type.String({ maxLength: 20 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(NoticeSummary) }), ...errorResponses(400, 401, 403) },
    },
  }, async (req) => {
    const caller = principalOf(req);
    const q = req.query as { paRequestId?: string; appealId?: string; memberId?: string };
    if (!q.paRequestId && !q.appealId && !q.memberId && caller.role !== 'member') {
      throw new DomainError('VALIDATION_FAILED', 'Give paRequestId, appealId or memberId', { errors: [{ path: 'paRequestId', message: 'a filter is required' }] });
    }
    const rows = await listNotices(ctx.database.db, caller.role === 'member' ? { ...q, memberId: caller.memberId! } : q);
    const visible: NoticeRow[] = [];
    for (const n of rows) if (await canSeeNotice(ctx, caller, n)) visible.push(n);
    if (isStaff(caller)) await writeAudit(ctx.database.db, { at: ctx.clock.now(), actor: caller, action: 'phi.read', entityType: 'notices', entityId: q.paRequestId ?? q.appealId ?? q.memberId ?? '' });
    return { items: visible.map(summary) };
  });

  app.get('/notices/:id/pdf', {
    schema: { tags: ['notices'], summary: 'The letter as a PDF', params: Type.Object({ id: Type.String({ maxLength: 64 }) }) },
  }, async (req, reply) => {
    const caller = principalOf(req);
    const { id } = req.params as { id: string };
    const n = await findNotice(ctx.database.db, id);
    if (!n || !(await canSeeNotice(ctx, caller, n))) throw notFound('Notice', id);
    if (isStaff(caller)) await writeAudit(ctx.database.db, { at: ctx.clock.now(), actor: caller, action: 'phi.read', entityType: 'notice', entityId: id });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${n.kind}-${n.id}.pdf"`).send(await renderNoticeDocument(ctx, n));
  });
}
