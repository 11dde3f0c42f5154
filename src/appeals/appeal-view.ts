import type { Static } from '@sinclair/typebox';
import type { AppContext } from '../app-context.js';
import { listNotices, nextLevelRoute } from '../notices/index.js';
import type { Db } from '../platform/db.js';
import { findAuthorizationByNumber } from '../authorizations/index.js';
import { findPaRequest } from '../priorauth/index.js';
import { findDisplayNames } from '../identity/index.js';
import { listAppealAttachments, listAppealHistory, type AppealRow } from './appeals.repo.js';
import { isOpenAppeal } from './appeal-status.js';
import type { AppealSummarySchema, AppealViewSchema } from './appeals.schemas.js';

/** What GET /appeals lists and GET /appeals/{id} answers: the route's response schemas are the types. */
export type AppealSummary = Static<typeof AppealSummarySchema>;
export type AppealView = Static<typeof AppealViewSchema>;

/** The summary shape for lists; `names` (findDisplayNames) what people read for the assignee's account. */
export function toAppealSummary(row: AppealRow, names: ReadonlyMap<string, string>, now?: Date): AppealSummary {
  const open = isOpenAppeal(row.status);
  return {
    id: row.id,
    status: row.status,
    paRequestId: row.paRequestId,
    memberId: row.memberId,
    prescriberNpi: row.prescriberNpi,
    planId: row.planId,
    urgency: row.urgency,
    filedBy: row.filedBy,
    representativeName: row.representativeName,
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    ...(now && open
      ? {
          timeLeftSeconds: Math.round((row.dueAt.getTime() - now.getTime()) / 1000),
          overdue: row.dueAt.getTime() < now.getTime(),
        }
      : {}),
    escalated: row.escalatedAt !== null,
    assignedTo: row.assignedTo,
    assignedToName: row.assignedTo ? (names.get(row.assignedTo) ?? null) : null,
    decision: row.decision,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

async function planNextLevelRoute(ctx: AppContext, planId: string) {
  const plan = (await ctx.reference.get()).plans.get(planId);
  return plan ? nextLevelRoute(plan.lineOfBusiness) : null;
}

/** The full appeal (docs/design.md#api): statement, documents, outcome, letters and history. */
export async function buildAppealView(ctx: AppContext, row: AppealRow, db: Db = ctx.database.db): Promise<AppealView> {
  const [pa, history, attachments, notices, authorization] = await Promise.all([
    findPaRequest(db, row.paRequestId),
    listAppealHistory(db, row.id),
    listAppealAttachments(db, row.id),
    listNotices(db, { appealId: row.id }),
    row.authorizationNumber ? findAuthorizationByNumber(db, row.authorizationNumber) : Promise.resolve(undefined),
  ]);
  const original = pa?.determination as
    | {
        decision?: string;
        decidedAt?: string;
        decidedBy?: { name?: string; credential?: string | null };
        reasons?: string[];
        reasonsByLanguage?: Record<string, string[]>;
      }
    | null
    | undefined;
  // Screens name people, not accounts: the assignee's and each history actor's display name.
  const names = await findDisplayNames(db, [
    ...(row.assignedTo ? [row.assignedTo] : []),
    ...history.map((h) => h.actor),
  ]);
  return {
    ...toAppealSummary(row, names, ctx.clock.now()),
    drug: pa ? { rxcui: pa.requestedRxcui, name: pa.drugName, groupId: pa.groupId, groupName: pa.groupName } : null,
    statement: row.statement,
    filedByUser: row.filedByUser,
    noticeDate: row.noticeDate,
    filingDeadline: row.filingDeadline,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    assignedAt: row.assignedAt?.toISOString() ?? null,
    originalDetermination: original
      ? {
          decision: original.decision ?? pa?.status ?? null,
          reasons: original.reasons ?? [],
          ...(original.reasonsByLanguage ? { reasonsByLanguage: original.reasonsByLanguage } : {}),
          decidedAt: original.decidedAt ?? null,
          decidedBy: original.decidedBy
            ? { name: original.decidedBy.name ?? null, credential: original.decidedBy.credential ?? null }
            : null,
        }
      : null,
    reasons: row.reasons ?? [],
    ...(row.reasonsByLanguage ? { reasonsByLanguage: row.reasonsByLanguage } : {}),
    decidedBy: row.decidedBy
      ? { username: row.decidedBy, name: row.decidedByName ?? row.decidedBy, credential: row.decidedByCredential }
      : null,
    authorizationNumber: row.authorizationNumber,
    effectiveFrom: authorization?.effectiveFrom ?? null,
    effectiveTo: authorization?.effectiveTo ?? null,
    approvedQuantity: row.approvedQuantity === null ? null : Number(row.approvedQuantity),
    nextLevel: row.nextLevel,
    // The plan's next level is the plan's own English; the route lets a screen name it in the
    // reader's language (the letters name the same route, notices/letters/sections/next-level.ts).
    nextLevelRoute: row.nextLevel ? await planNextLevelRoute(ctx, row.planId) : null,
    version: row.version,
    attachments: attachments.map((a) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() })),
    notices: notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      recipient: n.recipient,
      channel: n.channel,
      language: n.language,
      status: n.status,
      attempts: n.attempts,
      createdAt: n.createdAt.toISOString(),
    })),
    history: history.map((h) => ({
      at: h.at.toISOString(),
      actor: h.actor,
      actorName: names.get(h.actor) ?? null,
      actorRole: h.actorRole,
      action: h.action,
      from: h.fromStatus,
      to: h.toStatus,
      reason: h.reason,
      details: h.details ?? null,
    })),
  };
}
