import type { Db } from '../platform/db.js';
import type { CteWrite } from '../platform/prepared.js';
import { DomainError } from '../platform/errors.js';
import { historyEntry, type Actor, type PaStatus } from './pa-status.js';
import { updatePaRequestWithHistory, type PaRequestRow } from './priorauth.repo.js';
import type { paRequests } from './priorauth.tables.js';

export interface TransitionOptions {
  to?: PaStatus;
  action: string;
  actor: Actor;
  at: Date;
  reason?: string | null;
  details?: Record<string, unknown>;
  changes?: Partial<typeof paRequests.$inferInsert>;
  /** The statuses this change is allowed from; another status → 409. */
  from: PaStatus[];
}

function assertAllowed(row: Pick<PaRequestRow, 'status'>, o: TransitionOptions): void {
  if (!o.from.includes(row.status as PaStatus)) {
    throw new DomainError('INVALID_STATE', `The request is ${row.status}; ${o.action} is not possible now`, {
      details: { currentStatus: row.status },
    });
  }
}

/**
 * The case as it will be after `o` (its changes and status, a version later), without writing
 * anything: for a step that is written together with the next one (transitionRequestSteps).
 * Throws as transitionRequest would when `o` is not allowed from the row's status.
 */
export function projectTransition(row: PaRequestRow, o: TransitionOptions): PaRequestRow {
  assertAllowed(row, o);
  return {
    ...row,
    ...(o.changes as Partial<PaRequestRow>),
    ...(o.to ? { status: o.to } : {}),
    updatedAt: o.at,
    version: row.version + 1,
  };
}

/**
 * Every change of a case goes through here: an optimistic update (version + allowed statuses)
 * and its history row, in the caller's transaction. Losing a race is a 409, never a silent overwrite.
 */
export function transitionRequest(db: Db, row: PaRequestRow, o: TransitionOptions): Promise<PaRequestRow> {
  return transitionRequestSteps(db, row, [o]);
}

/**
 * Several transitions that always go together (a submission the criteria approve: submitted, then
 * the determination) written as one: one update checked against the first step's version and
 * allowed statuses, with each step's changes applied in order and the version advanced once per
 * step, and one history row per step in the same statement (issue #11: one round trip, not four).
 * What is stored, the history and the 409s are those of the steps run one after the other.
 */
export async function transitionRequestSteps(
  db: Db,
  row: PaRequestRow,
  steps: TransitionOptions[],
  /** Other modules' writes that go with the update (data-modifying CTEs, e.g. deadlineWrites). */
  alongside: CteWrite[] = [],
): Promise<PaRequestRow> {
  let changes: Partial<typeof paRequests.$inferInsert> = {};
  const history = [];
  let current = row;
  for (const o of steps) {
    const next = projectTransition(current, o);
    changes = { ...changes, ...o.changes, ...(o.to ? { status: o.to } : {}), updatedAt: o.at };
    history.push({ paRequestId: row.id, ...historyEntry(o, current.status, next.status) });
    current = next;
  }
  const updated = await updatePaRequestWithHistory(
    db,
    row.id,
    row.version,
    changes,
    steps[0].from,
    history,
    steps.length,
    alongside,
  );
  if (!updated) throw new DomainError('CONFLICT', 'The request was changed by someone else; reload it and try again');
  return updated;
}
