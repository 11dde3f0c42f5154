import { sql } from 'drizzle-orm';
import { caseAuthorizationJsonSql } from '../authorizations/index.js';
import { displayNamesJsonSql } from '../identity/index.js';
import { caseNoticesJsonSql, type CaseNoticeJson } from '../notices/index.js';
import type { Db } from '../platform/db.js';
import { preparedSql } from '../platform/prepared.js';
import type { StandingFacts } from './rules/case-standing.js';
import type { InformationRequestRow, PaHistoryRow, PaRequestRow } from './priorauth.repo.js';

/** A document on the case without its bytes (listAttachments' fields). */
export interface AttachmentSummary {
  id: string;
  documentId: string | null;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

/** Everything the case view shows besides the case row and its criteria (buildRequestView). */
export interface CaseDetails {
  facts: StandingFacts;
  history: PaHistoryRow[];
  informationRequests: InformationRequestRow[];
  attachments: AttachmentSummary[];
  notices: Array<Omit<CaseNoticeJson, 'createdAt'> & { createdAt: Date }>;
  /** Display names of the assignee and of each history actor (findDisplayNames). */
  names: Map<string, string>;
  /** The names screens show for the case's member, prescriber and pharmacy (null when the record is gone). */
  people: { memberName: string | null; prescriberName: string | null; pharmacyName: string | null };
}

type Json<T> = T | string | null;
/** node-postgres parses json columns; PGlite through drizzle's execute may hand back the text. */
const parsed = <T>(value: Json<T>): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
const date = (value: string) => new Date(value);
const maybeDate = (value: string | null) => (value === null ? null : new Date(value));

type CaseDetailsRow = {
  authorization: Json<StandingFacts['authorization']>;
  history: Json<Array<Omit<PaHistoryRow, 'at'> & { at: string }>>;
  information_requests: Json<
    Array<
      Omit<InformationRequestRow, 'requestedAt' | 'dueAt' | 'respondedAt'> &
        Record<'requestedAt' | 'dueAt', string> & { respondedAt: string | null }
    >
  >;
  attachments: Json<Array<Omit<AttachmentSummary, 'uploadedAt'> & { uploadedAt: string }>>;
  notices: Json<CaseNoticeJson[]>;
  names: Json<Record<string, string>>;
  member_name: string | null;
  prescriber_name: string | null;
  pharmacy_name: string | null;
};

// Built on every case view (every portal answer): its text is rendered once (platform/prepared.ts).
const caseDetailsStatement = preparedSql<CaseDetailsRow>(
  'case-details',
  () => sql`
    select ${sql.raw(caseAuthorizationJsonSql('r.id'))} as authorization,
           (select coalesce(json_agg(json_build_object('id', h.id, 'at', h.at, 'actor', h.actor,
                     'actorRole', h.actor_role, 'action', h.action, 'fromStatus', h.from_status,
                     'toStatus', h.to_status, 'reason', h.reason, 'details', h.details) order by h.at, h.id), '[]'::json)
              from pa_history h where h.pa_request_id = r.id) as history,
           (select coalesce(json_agg(json_build_object('id', i.id, 'sequence', i.sequence, 'items', i.items,
                     'note', i.note, 'requestedAt', i.requested_at, 'requestedBy', i.requested_by, 'dueAt', i.due_at,
                     'status', i.status, 'respondedAt', i.responded_at, 'response', i.response) order by i.sequence), '[]'::json)
              from pa_information_requests i where i.pa_request_id = r.id) as information_requests,
           (select coalesce(json_agg(json_build_object('id', a.id, 'documentId', a.document_id, 'filename', a.filename,
                     'contentType', a.content_type, 'size', a.size, 'sha256', a.sha256, 'uploadedBy', a.uploaded_by,
                     'uploadedAt', a.uploaded_at) order by a.uploaded_at), '[]'::json)
              from pa_attachments a where a.pa_request_id = r.id) as attachments,
           ${sql.raw(caseNoticesJsonSql('r.id'))} as notices,
           ${sql.raw(displayNamesJsonSql('select h.actor from pa_history h where h.pa_request_id = r.id union all select r.assigned_to'))} as names,
           (select m.first_name || ' ' || m.last_name from members m where m.id = ${sql.placeholder('memberId')}) as member_name,
           (select p.first_name || ' ' || p.last_name from prescribers p where p.npi = ${sql.placeholder('prescriberNpi')}) as prescriber_name,
           (select ph.name from pharmacies ph where ph.npi = ${sql.placeholder('pharmacyNpi')}) as pharmacy_name
      from (select ${sql.placeholder('id')}::text as id, ${sql.placeholder('assignedTo')}::text as assigned_to) r`,
);

/**
 * The case view's reads in one statement (one round trip instead of six): the standing facts
 * (listStandingFacts), history (listHistory), information requests (listInformationRequests),
 * documents (listAttachments), notices (listNoticesForRequest) and the display names of the people
 * named (findDisplayNames), each in the order and with the fields those functions return, and the
 * member's, prescriber's and pharmacy's names the case's screens show.
 * Timestamps come back as JSON text and are turned into Dates here, as the driver does.
 */
export async function readCaseDetails(
  db: Db,
  row: Pick<PaRequestRow, 'id' | 'assignedTo' | 'memberId' | 'prescriberNpi' | 'pharmacyNpi'>,
): Promise<CaseDetails> {
  const result = await caseDetailsStatement(db, {
    id: row.id,
    assignedTo: row.assignedTo,
    memberId: row.memberId,
    prescriberNpi: row.prescriberNpi,
    pharmacyNpi: row.pharmacyNpi,
  });
  const r = result.rows[0];
  const history = (parsed(r.history) ?? []).map((h) => ({ ...h, at: date(h.at) }));
  // The newest appeal step (listStandingFacts' `action like 'appeal-%'`, newest by at, id): the
  // history is in (at, id) order, so it is the last appeal row, read here rather than by
  // another scan of the case's history in the statement.
  const lastAppeal = history.findLast((h) => h.action.startsWith('appeal-'));
  return {
    facts: { lastAppealAction: lastAppeal?.action ?? null, authorization: parsed(r.authorization) ?? null },
    history,
    informationRequests: (parsed(r.information_requests) ?? []).map((i) => ({
      ...i,
      requestedAt: date(i.requestedAt),
      dueAt: date(i.dueAt),
      respondedAt: maybeDate(i.respondedAt),
    })),
    attachments: (parsed(r.attachments) ?? []).map((a) => ({ ...a, uploadedAt: date(a.uploadedAt) })),
    notices: (parsed(r.notices) ?? []).map((n) => ({ ...n, createdAt: date(n.createdAt) })),
    names: new Map(Object.entries(parsed(r.names) ?? {})),
    people: { memberName: r.member_name, prescriberName: r.prescriber_name, pharmacyName: r.pharmacy_name },
  };
}
