import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgPreparedQuery, PreparedQueryConfig } from 'drizzle-orm/pg-core';
import type { Db } from '../platform/db.js';
import {
  encodeRow,
  placeholderRow,
  preparedByShape,
  preparedPerDb,
  rowShape,
  shapeOf,
  type CteWrite,
} from '../platform/prepared.js';
import { caseAuthorizationJsonSql } from '../authorizations/index.js';
import type { StandingFacts } from './rules/case-standing.js';
import { OPEN_STATUSES } from './pa-status.js';
import type { CaseKind } from '../shared/exception-kinds.js';
import { members, prescribers } from '../members/members.tables.js';
import { criteriaSets, paAttachments, paHistory, paInformationRequests, paRequests } from './priorauth.tables.js';

export type PaRequestRow = typeof paRequests.$inferSelect;
export type PaHistoryRow = typeof paHistory.$inferSelect;
export type AttachmentRow = typeof paAttachments.$inferSelect;
export type InformationRequestRow = typeof paInformationRequests.$inferSelect;
export type CriteriaSetRow = typeof criteriaSets.$inferSelect;

// ---- criteria sets -------------------------------------------------------------------------

// Read by every new case (initiate-request.ts), CRD and DTR: the current version's number only —
// the version itself (its 10 KB body) comes from findPublishedCriteria's cache. Built once per
// query layer (platform/prepared.ts, issue #11). Not cached: which version is current changes when
// an administrator publishes one.
const findCurrentCriteriaVersionPrepared = preparedPerDb((db) =>
  db
    .select({ version: criteriaSets.version })
    .from(criteriaSets)
    .where(and(eq(criteriaSets.id, sql.placeholder('id')), eq(criteriaSets.current, true)))
    .limit(1)
    .prepare('criteria-current-version'),
);

/** The number of the criteria set's current version (undefined when none is loaded). */
export async function findCurrentCriteriaVersion(db: Db, id: string): Promise<number | undefined> {
  return (await findCurrentCriteriaVersionPrepared(db).execute({ id }))[0]?.version;
}

// The whole current row (the administrators' screens and imports).
const findCurrentCriteriaPrepared = preparedPerDb((db) =>
  db
    .select()
    .from(criteriaSets)
    .where(and(eq(criteriaSets.id, sql.placeholder('id')), eq(criteriaSets.current, true)))
    .limit(1)
    .prepare('criteria-current'),
);

export async function findCurrentCriteria(db: Db, id: string): Promise<CriteriaSetRow | undefined> {
  return (await findCurrentCriteriaPrepared(db).execute({ id }))[0];
}

export async function findCriteriaVersion(db: Db, id: string, version: number): Promise<CriteriaSetRow | undefined> {
  return (
    await db
      .select()
      .from(criteriaSets)
      .where(and(eq(criteriaSets.id, id), eq(criteriaSets.version, version)))
      .limit(1)
  )[0];
}

export function listCriteria(db: Db, options: { currentOnly: boolean }): Promise<CriteriaSetRow[]> {
  return db
    .select()
    .from(criteriaSets)
    .where(options.currentOnly ? eq(criteriaSets.current, true) : undefined)
    .orderBy(asc(criteriaSets.id), desc(criteriaSets.version));
}

/** A new version becomes current; earlier versions stay for the cases that started on them. */
export async function insertCriteriaVersion(db: Db, row: typeof criteriaSets.$inferInsert): Promise<void> {
  await db.update(criteriaSets).set({ current: false }).where(eq(criteriaSets.id, row.id));
  await db.insert(criteriaSets).values({ ...row, current: true });
}

// ---- cases ----------------------------------------------------------------------------------

/** A new case with its first history row, in one statement (one round trip, issue #11; a data-modifying CTE). */
export async function insertPaRequestWithHistory(
  db: Db,
  row: typeof paRequests.$inferInsert,
  history: typeof paHistory.$inferInsert,
): Promise<PaRequestRow> {
  // Every new case's: built and prepared once per shape (platform/prepared.ts, issue #11).
  const values: Record<string, unknown> = {};
  encodeRow(paRequests, 'r.', row, values);
  encodeRow(paHistory, 'h.', history, values);
  const [rowS, historyS] = [shapeOf(row), shapeOf(history)];
  const prepared = insertWithHistoryPrepared(db, `${rowShape(row)}|${rowShape(history)}`, (layer, name) => {
    const written = layer.$with('written_history').as(layer.insert(paHistory).values(placeholderRow('h.', historyS)));
    return layer.with(written).insert(paRequests).values(placeholderRow('r.', rowS)).returning().prepare(name);
  });
  return (await prepared.execute(values))[0];
}

const insertWithHistoryPrepared =
  preparedByShape<PgPreparedQuery<PreparedQueryConfig & { execute: PaRequestRow[] }>>('pa-request-insert');

/** A document on a case with its history row, in one statement (one round trip, issue #11; a data-modifying CTE). */
export async function insertAttachmentWithHistory(
  db: Db,
  row: typeof paAttachments.$inferInsert,
  history: typeof paHistory.$inferInsert,
): Promise<void> {
  const values: Record<string, unknown> = {};
  encodeRow(paAttachments, 'a.', row, values);
  encodeRow(paHistory, 'h.', history, values);
  const [rowS, historyS] = [shapeOf(row), shapeOf(history)];
  const prepared = insertAttachmentPrepared(db, `${rowShape(row)}|${rowShape(history)}`, (layer, name) => {
    const written = layer.$with('written_history').as(layer.insert(paHistory).values(placeholderRow('h.', historyS)));
    return layer.with(written).insert(paAttachments).values(placeholderRow('a.', rowS)).prepare(name);
  });
  await prepared.execute(values);
}

const insertAttachmentPrepared = preparedByShape<PgPreparedQuery<PreparedQueryConfig>>('pa-attachment-insert');

// Read on every request about a case: built once per query layer (platform/prepared.ts).
const findPaRequestPrepared = preparedPerDb((db) =>
  db
    .select()
    .from(paRequests)
    .where(eq(paRequests.id, sql.placeholder('id')))
    .limit(1)
    .prepare('pa-request'),
);

export async function findPaRequest(db: Db, id: string): Promise<PaRequestRow | undefined> {
  return (await findPaRequestPrepared(db).execute({ id }))[0];
}

/** Several cases at once (the letters of a notice delivery batch). */
export async function findPaRequests(db: Db, ids: string[]): Promise<PaRequestRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(paRequests).where(inArray(paRequests.id, ids));
}

/**
 * findPaRequest with the documents on file (listAttachments' documentId, in its order) in one
 * statement: a submission checks both (submit-request.ts). The case's id is written qualified:
 * Drizzle renders `paRequests.id` as a bare "id", which inside the subquery is pa_attachments' own
 * id — the documents were never found (and every attachment was scanned) until 2026-12-05.
 */
const findPaRequestWithDocumentsPrepared = preparedPerDb((db) =>
  db
    .select({
      row: paRequests,
      documents: sql<
        Array<{ documentId: string | null }>
      >`(select coalesce(json_agg(json_build_object('documentId', a.document_id) order by a.uploaded_at), '[]'::json)
          from pa_attachments a where a.pa_request_id = "pa_requests"."id")`.mapWith((v: unknown) =>
        typeof v === 'string' ? JSON.parse(v) : v,
      ),
    })
    .from(paRequests)
    .where(eq(paRequests.id, sql.placeholder('id')))
    .limit(1)
    .prepare('pa-request-with-documents'),
);

export async function findPaRequestWithDocuments(
  db: Db,
  id: string,
): Promise<{ row: PaRequestRow; documents: Array<{ documentId: string | null }> } | undefined> {
  const [found] = await findPaRequestWithDocumentsPrepared(db).execute({ id });
  return found;
}

/**
 * Optimistic update: applies only when the row is still at `expectedVersion` and in one of
 * `fromStatuses`; returns the new row, or undefined when someone else got there first. The
 * history rows of the change go in the same statement (one round trip instead of two per
 * transition) through a data-modifying CTE, which PostgreSQL runs whether or not the update matched. The caller (transitionRequest, always inside a transaction) throws
 * when it did not (version or status changed), which rolls the rows back with the rest.
 * Several rows (one per step of a multi-step transition) get their ids in the order given.
 */
export async function updatePaRequestWithHistory(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<typeof paRequests.$inferInsert>,
  fromStatuses: string[],
  history: Array<typeof paHistory.$inferInsert>,
  versionStep = 1,
  /** Other writes of the same change, as data-modifying CTEs with names of their own. */
  alongside: CteWrite[] = [],
): Promise<PaRequestRow | undefined> {
  // Built and prepared once per shape (platform/prepared.ts; issue #11: building this statement
  // was the largest part of Drizzle's CPU on a submission), the same text and values as built inline.
  let key = `${rowShape(changes)}|${versionStep}|${fromStatuses.length}`;
  for (const h of history) key += `|${rowShape(h)}`;
  for (const a of alongside) key += `|${a.key}`;
  const values: Record<string, unknown> = { 'w.id': id, 'w.version': expectedVersion };
  encodeRow(paRequests, 's.', changes, values);
  history.forEach((h, i) => encodeRow(paHistory, `h${i}.`, h, values));
  fromStatuses.forEach((s, i) => (values[`w.status${i}`] = s));
  for (const a of alongside) Object.assign(values, a.values);
  const [changesS, historyS, builds] = [shapeOf(changes), history.map(shapeOf), alongside.map((a) => a.build)];
  const statusCount = fromStatuses.length;
  const prepared = updateWithHistoryPrepared(db, key, (layer, name) => {
    const written = layer
      .$with('written_history')
      .as(layer.insert(paHistory).values(historyS.map((h, i) => placeholderRow(`h${i}.`, h))));
    return layer
      .with(written, ...builds.map((build) => build(layer)))
      .update(paRequests)
      .set({ ...placeholderRow('s.', changesS), version: sql`${paRequests.version} + ${versionStep}` })
      .where(
        and(
          eq(paRequests.id, sql.placeholder('w.id')),
          eq(paRequests.version, sql.placeholder('w.version')),
          inArray(
            paRequests.status,
            Array.from({ length: statusCount }, (_, i) => sql.placeholder(`w.status${i}`)),
          ),
        ),
      )
      .returning()
      .prepare(name);
  });
  return (await prepared.execute(values))[0];
}

const updateWithHistoryPrepared =
  preparedByShape<PgPreparedQuery<PreparedQueryConfig & { execute: PaRequestRow[] }>>('pa-request-update');

export interface PaRequestFilter {
  memberId?: string;
  prescriberNpi?: string;
  pharmacyNpi?: string;
  statuses?: string[];
  limit: number;
}

/** A request in a list, with the member's and prescriber's names (one query, not one per row). */
export type NamedPaRequestRow = PaRequestRow & { memberName: string | null; prescriberName: string | null };

function selectWithNames(db: Db) {
  return db
    .select({
      request: paRequests,
      memberName: sql<string | null>`${members.firstName} || ' ' || ${members.lastName}`,
      prescriberName: sql<string | null>`${prescribers.firstName} || ' ' || ${prescribers.lastName}`,
    })
    .from(paRequests)
    .leftJoin(members, eq(members.id, paRequests.memberId))
    .leftJoin(prescribers, eq(prescribers.npi, paRequests.prescriberNpi));
}

const named = (
  rows: Array<{ request: PaRequestRow; memberName: string | null; prescriberName: string | null }>,
): NamedPaRequestRow[] =>
  rows.map((r) => ({ ...r.request, memberName: r.memberName, prescriberName: r.prescriberName }));

export async function listPaRequests(db: Db, f: PaRequestFilter): Promise<NamedPaRequestRow[]> {
  const where: SQL[] = [];
  if (f.memberId) where.push(eq(paRequests.memberId, f.memberId));
  if (f.prescriberNpi) where.push(eq(paRequests.prescriberNpi, f.prescriberNpi));
  if (f.pharmacyNpi) where.push(eq(paRequests.pharmacyNpi, f.pharmacyNpi));
  if (f.statuses?.length) where.push(inArray(paRequests.status, f.statuses));
  return named(
    await selectWithNames(db)
      .where(and(...where))
      .orderBy(desc(paRequests.receivedAt))
      .limit(f.limit),
  );
}

/** The clinical review queue: open cases by due time (no due time last). */
export async function listReviewQueue(db: Db, limit: number): Promise<NamedPaRequestRow[]> {
  return named(
    await selectWithNames(db)
      .where(inArray(paRequests.status, ['submitted', 'in-review', 'awaiting-information']))
      .orderBy(sql`${paRequests.dueAt} asc nulls last`, asc(paRequests.receivedAt))
      .limit(limit),
  );
}

/**
 * What caseStanding needs for each case, in one query: the case's last appeal step from its own
 * history and the authorization it stands on (authorizations module's SQL piece).
 */
export async function listStandingFacts(db: Db, ids: string[]): Promise<Map<string, StandingFacts>> {
  const facts = new Map<string, StandingFacts>();
  if (ids.length === 0) return facts;
  const result = (await db.execute(sql`
    select r.id,
           (select h.action from pa_history h
             where h.pa_request_id = r.id and h.action like 'appeal-%'
             order by h.at desc, h.id desc limit 1) as last_appeal_action,
           ${sql.raw(caseAuthorizationJsonSql('r.id'))} as authorization
      from pa_requests r
     where r.id in (${sql.join(
       ids.map((id) => sql`${id}`),
       sql`, `,
     )})`)) as unknown as {
    rows: Array<{
      id: string;
      last_appeal_action: string | null;
      authorization: StandingFacts['authorization'] | string | null;
    }>;
  };
  for (const row of result.rows) {
    const a = typeof row.authorization === 'string' ? JSON.parse(row.authorization) : row.authorization;
    facts.set(row.id, { lastAppealAction: row.last_appeal_action, authorization: a ?? null });
  }
  return facts;
}

/** A prescriber's decided case whose authorization ends in a date range (GET /renewals-due). */
export interface EndingAuthorizationRow {
  caseId: string;
  memberId: string;
  memberName: string | null;
  planId: string;
  rxcui: string;
  drugName: string;
  quantity: number;
  daysSupply: number;
  kind: CaseKind;
  authorization: { number: string; effectiveFrom: string; effectiveTo: string };
  /** The newest renewal case started for that authorization (not withdrawn), if any. */
  renewalCaseId: string | null;
}

/**
 * The prescriber's cases whose authorization (the case's own approval or its appeal's overturn,
 * the authorizations module's SQL piece) ends between `from` and `to`, soonest first, in one
 * query. Open and withdrawn cases have none, so they are not looked up.
 */
export async function listEndingAuthorizations(
  db: Db,
  q: { prescriberNpi: string; from: string; to: string; limit: number },
): Promise<EndingAuthorizationRow[]> {
  const result = (await db.execute(sql`
    select r.id as case_id, r.member_id, m.first_name || ' ' || m.last_name as member_name, r.plan_id,
           r.requested_rxcui as rxcui, r.drug_name, r.quantity::float8 as quantity, r.days_supply, r.kind,
           x.authorization,
           (select n.id from pa_requests n
             where n.member_id = r.member_id and n.renewal_of = x.authorization->>'number' and n.status <> 'cancelled'
             order by n.received_at desc limit 1) as renewal_case_id
      from pa_requests r
      cross join lateral (select ${sql.raw(caseAuthorizationJsonSql('r.id', 'r.member_id'))} as authorization) x
      left join members m on m.id = r.member_id
     where r.prescriber_npi = ${q.prescriberNpi}
       and r.status not in (${sql.join(
         [...OPEN_STATUSES, 'cancelled'].map((st) => sql`${st}`),
         sql`, `,
       )})
       and (x.authorization->>'effectiveTo')::date between ${q.from}::date and ${q.to}::date
     order by x.authorization->>'effectiveTo', r.id
     limit ${q.limit}`)) as unknown as {
    rows: Array<{
      case_id: string;
      member_id: string;
      member_name: string | null;
      plan_id: string;
      rxcui: string;
      drug_name: string;
      quantity: number;
      days_supply: number;
      kind: CaseKind;
      authorization: EndingAuthorizationRow['authorization'] | string;
      renewal_case_id: string | null;
    }>;
  };
  return result.rows.map((r) => ({
    caseId: r.case_id,
    memberId: r.member_id,
    memberName: r.member_name,
    planId: r.plan_id,
    rxcui: r.rxcui,
    drugName: r.drug_name,
    quantity: Number(r.quantity),
    daysSupply: r.days_supply,
    kind: r.kind,
    // PGlite hands json back parsed, node-postgres too; a driver that gives text is parsed here.
    authorization: typeof r.authorization === 'string' ? JSON.parse(r.authorization) : r.authorization,
    renewalCaseId: r.renewal_case_id,
  }));
}

/** The member's cases for a drug-form group, newest first (few: one per request ever made for it). */
// Read by every new case (one request per drug at a time): built once per query layer (platform/prepared.ts).
const listCasesForDrugPrepared = preparedPerDb((db) =>
  db
    .select()
    .from(paRequests)
    .where(
      and(eq(paRequests.memberId, sql.placeholder('memberId')), eq(paRequests.groupId, sql.placeholder('groupId'))),
    )
    .orderBy(desc(paRequests.receivedAt))
    .limit(50)
    .prepare('pa-cases-for-drug'),
);

export function listCasesForDrug(db: Db, memberId: string, groupId: string): Promise<PaRequestRow[]> {
  return listCasesForDrugPrepared(db).execute({ memberId, groupId });
}

// ---- history, attachments, information requests ---------------------------------------------

export async function insertHistory(db: Db, row: typeof paHistory.$inferInsert): Promise<void> {
  await db.insert(paHistory).values(row);
}

export function listHistory(db: Db, paRequestId: string): Promise<PaHistoryRow[]> {
  return db
    .select()
    .from(paHistory)
    .where(eq(paHistory.paRequestId, paRequestId))
    .orderBy(asc(paHistory.at), asc(paHistory.id));
}

const listAttachmentsPrepared = preparedPerDb((db) =>
  db
    .select({
      id: paAttachments.id,
      documentId: paAttachments.documentId,
      filename: paAttachments.filename,
      contentType: paAttachments.contentType,
      size: paAttachments.size,
      sha256: paAttachments.sha256,
      uploadedBy: paAttachments.uploadedBy,
      uploadedAt: paAttachments.uploadedAt,
    })
    .from(paAttachments)
    .where(eq(paAttachments.paRequestId, sql.placeholder('paRequestId')))
    .orderBy(asc(paAttachments.uploadedAt))
    .prepare('pa-attachments'),
);

/** Attachment metadata without the bytes. */
export function listAttachments(db: Db, paRequestId: string) {
  return listAttachmentsPrepared(db).execute({ paRequestId });
}

export async function findAttachment(db: Db, paRequestId: string, id: string): Promise<AttachmentRow | undefined> {
  return (
    await db
      .select()
      .from(paAttachments)
      .where(and(eq(paAttachments.paRequestId, paRequestId), eq(paAttachments.id, id)))
      .limit(1)
  )[0];
}

export async function insertInformationRequest(db: Db, row: typeof paInformationRequests.$inferInsert): Promise<void> {
  await db.insert(paInformationRequests).values(row);
}

export function listInformationRequests(db: Db, paRequestId: string): Promise<InformationRequestRow[]> {
  return db
    .select()
    .from(paInformationRequests)
    .where(eq(paInformationRequests.paRequestId, paRequestId))
    .orderBy(asc(paInformationRequests.sequence));
}

export async function findOpenInformationRequest(
  db: Db,
  paRequestId: string,
): Promise<InformationRequestRow | undefined> {
  return (
    await db
      .select()
      .from(paInformationRequests)
      .where(and(eq(paInformationRequests.paRequestId, paRequestId), eq(paInformationRequests.status, 'open')))
      .limit(1)
  )[0];
}

/** Conditional: only an open request changes state (answer vs. expiry race). */
export async function closeInformationRequest(
  db: Db,
  id: string,
  changes: { status: 'answered' | 'expired'; respondedAt?: Date; response?: Record<string, unknown> },
): Promise<boolean> {
  const rows = await db
    .update(paInformationRequests)
    .set(changes)
    .where(and(eq(paInformationRequests.id, id), eq(paInformationRequests.status, 'open')))
    .returning({ id: paInformationRequests.id });
  return rows.length === 1;
}

/** Closes the case's open information requests as `withdrawn`: the case was decided without the answer. */
export async function withdrawOpenInformationRequests(db: Db, paRequestId: string): Promise<number> {
  const rows = await db
    .update(paInformationRequests)
    .set({ status: 'withdrawn' })
    .where(and(eq(paInformationRequests.paRequestId, paRequestId), eq(paInformationRequests.status, 'open')))
    .returning({ id: paInformationRequests.id });
  return rows.length;
}
