import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../adapters/http/api-app.js';
import type { AppContext } from '../app-context.js';
import { principalOf, requireRole } from '../adapters/http/auth.js';
import { errorResponses, Nullable } from '../adapters/http/schemas.js';
import { DomainError, notFound } from '../platform/errors.js';
import { LETTER_RESOURCES, reviewStatus } from './letters/i18n/letter-resources.js';
import { renderNoticeLetter } from './letters/render-notice-letter.js';
import { canSeeNotice, type NoticeCase } from './notice-access.js';
import { findNoticeCase } from './notice-case-source.js';
import { findNotice, listNotices, type NoticeRow } from './notices.repo.js';

const NoticeSummary = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'denial, approval, information-request, appeal-decision, …' }),
  recipient: Type.String({ enum: ['member', 'prescriber', 'pharmacy'] }),
  channel: Type.String({ enum: ['fax', 'mail', 'portal', 'email'] }),
  language: Type.String({
    description: "The letter's language (BCP 47); English where the plan has no template for the recipient's",
  }),
  status: Type.String({ description: 'queued | sending | retrying | sent | failed' }),
  attempts: Type.Integer({ description: 'Delivery attempts so far' }),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Nullable(Type.String({ format: 'date-time' })),
  paRequestId: Nullable(Type.String()),
  appealId: Nullable(Type.String()),
  memberId: Nullable(Type.String({ description: 'The member the letter concerns' })),
});

const summary = (n: NoticeRow) => ({
  id: n.id,
  kind: n.kind,
  recipient: n.recipient,
  channel: n.channel,
  language: n.language,
  status: n.status,
  attempts: n.attempts,
  createdAt: n.createdAt.toISOString(),
  sentAt: n.sentAt?.toISOString() ?? null,
  paRequestId: n.paRequestId,
  appealId: n.appealId,
  memberId: n.memberId,
});

const ListQuery = Type.Object(
  {
    paRequestId: Type.Optional(Type.String({ maxLength: 64 })),
    appealId: Type.Optional(Type.String({ maxLength: 64 })),
    memberId: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);

/** The case's parties, looked up once per case for a request's worth of notices. */
function caseLookup(ctx: AppContext) {
  const cache = new Map<string, Promise<NoticeCase | null>>();
  return (n: NoticeRow): Promise<NoticeCase | null> => {
    if (!n.paRequestId) return Promise.resolve(null);
    let found = cache.get(n.paRequestId);
    if (!found) {
      found = findNoticeCase(ctx.database.db, n.paRequestId).then((pa) =>
        pa ? { memberId: pa.memberId, prescriberNpi: pa.prescriberNpi, pharmacyNpi: pa.pharmacyNpi } : null,
      );
      cache.set(n.paRequestId, found);
    }
    return found;
  };
}

/**
 * The notices API (docs/design.md#api): a case's or appeal's letters with their delivery status,
 * and each letter as the PDF its recipient gets, rendered on demand from the notice row.
 */
export async function noticeRoutes(app: ApiApp, ctx: AppContext) {
  app.get(
    '/letter-languages',
    {
      schema: {
        tags: ['notices'],
        summary: "The member-letter languages and each resource file's review status",
        description:
          'One resource file per language (src/notices/letters/i18n/messages). A language not reviewed by a qualified translator is sent with the English letter attached. Administrators only.',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                language: Type.String({ description: 'BCP 47 tag of the letters, e.g. zh-Hant' }),
                name: Type.String({ description: 'The language as its speakers write it' }),
                englishName: Type.String(),
                status: Type.String({ enum: ['source', 'reviewed', 'not-reviewed'] }),
                reviewer: Nullable(Type.String()),
                reviewedOn: Nullable(Type.String({ format: 'date' })),
                note: Type.String(),
                englishAttached: Type.Boolean({ description: 'Letters in it go out with the English letter attached' }),
              }),
            ),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (req) => {
      requireRole(req, 'admin');
      return {
        items: LETTER_RESOURCES.map((r) => ({
          language: r.language,
          name: r.name,
          englishName: r.englishName,
          status: reviewStatus(r),
          reviewer: r.review.reviewer,
          reviewedOn: r.review.reviewedOn,
          note: r.review.note,
          englishAttached: reviewStatus(r) === 'not-reviewed',
        })),
      };
    },
  );

  app.get(
    '/notices',
    {
      config: { phiRead: { resource: 'notices', reason: 'correspondence' } },
      schema: {
        tags: ['notices'],
        summary: 'Letters and their delivery status for a case, an appeal or a member',
        description:
          'Filter by paRequestId, appealId or memberId. A member may omit the filter: their own letters; a pharmacy too: the letters addressed to it, newest first (a pharmacy without a fax number gets them in its portal). Callers see only the letters they may read.',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(NoticeSummary) }), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      const caller = principalOf(req);
      const q = req.query;
      const unfiltered = !q.paRequestId && !q.appealId && !q.memberId;
      if (unfiltered && caller.role !== 'member' && caller.role !== 'pharmacy') {
        throw new DomainError('VALIDATION_FAILED', 'Give paRequestId, appealId or memberId', {
          errors: [{ path: 'paRequestId', message: 'a filter is required' }],
        });
      }
      const rows = await listNotices(
        ctx.database.db,
        caller.role === 'member'
          ? { ...q, memberId: caller.memberId ?? '-' }
          : caller.role === 'pharmacy' && unfiltered
            ? { addressedTo: { recipient: 'pharmacy', recipientId: caller.npi ?? '-' } }
            : q,
      );
      const caseOf = caseLookup(ctx);
      const visible: NoticeRow[] = [];
      for (const n of rows) if (canSeeNotice(caller, n, await caseOf(n))) visible.push(n);
      return { items: visible.map(summary) };
    },
  );

  app.get(
    '/notices/:id/pdf',
    {
      config: {
        phiRead: {
          resource: 'notice',
          reason: 'correspondence',
          member: { param: 'id', lookup: async (id) => (await findNotice(ctx.database.db, id))?.memberId },
        },
      },
      schema: {
        tags: ['notices'],
        summary: 'The letter as a PDF',
        description:
          "Rendered from the notice as its recipient gets it: in the letter's language, dated the day the notice was issued.",
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: {
          200: {
            description: 'The letter',
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
          ...errorResponses(401, 404),
        },
      },
    },
    async (req, reply) => {
      const caller = principalOf(req);
      const { id } = req.params;
      const n = await findNotice(ctx.database.db, id);
      // A notice the caller may not read is answered like one that does not exist (no existence leak).
      if (!n || !canSeeNotice(caller, n, await caseLookup(ctx)(n))) throw notFound('Notice', id);
      const pdf = await renderNoticeLetter(ctx, n);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${n.kind}-${n.id}.pdf"`)
        .send(pdf);
    },
  );
}
