import type { Database } from '../platform/db.js';
import type { AppealRow, CaseRow, Urgency } from './rules/turnaround-metrics.js';

/**
 * The rows the turnaround report needs, in two round trips: PA requests decided in [start, end)
 * or still open (submitted, in review, waiting for information), and appeals decided in the range.
 * Plain SQL that runs on PostgreSQL 15 and PGlite; the arithmetic is in the pure rule.
 */
const CASES_SQL = `
  select r.urgency, r.status, r.channel, r.received_at, r.submitted_at, r.due_at, r.decided_at, r.decided_by
    from pa_requests r
   where ($3::text is null or r.plan_id = $3::text)
     and ((r.decided_at >= $1::timestamptz and r.decided_at < $2::timestamptz
           and r.status in ('approved', 'partially-approved', 'deemed-approved', 'denied', 'closed-no-response'))
          or (r.status in ('submitted', 'in-review', 'awaiting-information') and r.received_at < $2::timestamptz))`;

const APPEALS_SQL = `
  select r.urgency as request_urgency, a.decision, a.decided_at
    from appeals a
    join pa_requests r on r.id = a.pa_request_id
   where ($3::text is null or a.plan_id = $3::text)
     and a.decision is not null and a.decided_at >= $1::timestamptz and a.decided_at < $2::timestamptz`;

type Instant = Date | string;
const toDate = (v: Instant) => (v instanceof Date ? v : new Date(v));
const toDateOrNull = (v: Instant | null) => (v === null ? null : toDate(v));

interface CaseSqlRow {
  urgency: string;
  status: string;
  channel: string;
  received_at: Instant;
  submitted_at: Instant | null;
  due_at: Instant | null;
  decided_at: Instant | null;
  decided_by: string | null;
}

export async function listReportCases(
  database: Database,
  range: { start: Date; end: Date; planId: string | null },
): Promise<CaseRow[]> {
  const rows = await database.query<CaseSqlRow>(CASES_SQL, [
    range.start.toISOString(),
    range.end.toISOString(),
    range.planId,
  ]);
  return rows.map((r) => ({
    urgency: r.urgency as Urgency,
    status: r.status,
    channel: r.channel,
    receivedAt: toDate(r.received_at),
    submittedAt: toDateOrNull(r.submitted_at),
    dueAt: toDateOrNull(r.due_at),
    decidedAt: toDateOrNull(r.decided_at),
    decidedBy: r.decided_by,
  }));
}

export async function listReportAppeals(
  database: Database,
  range: { start: Date; end: Date; planId: string | null },
): Promise<AppealRow[]> {
  const rows = await database.query<{ request_urgency: string; decision: string; decided_at: Instant }>(APPEALS_SQL, [
    range.start.toISOString(),
    range.end.toISOString(),
    range.planId,
  ]);
  return rows.map((r) => ({
    requestUrgency: r.request_urgency as Urgency,
    decision: r.decision,
    decidedAt: toDate(r.decided_at),
  }));
}
