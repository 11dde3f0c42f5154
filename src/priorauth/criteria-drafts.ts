import type { AppContext } from '../app-context.js';
import { writeAudit } from '../audit/write-audit.js';
import { DomainError, notFound } from '../platform/errors.js';
import { diffCriteria } from '../shared/criteria-diff.js';
import { validateCriteriaSet, type ValidationError } from '../shared/criteria-set.js';
import {
  deleteCriteriaDraft,
  findCriteriaDraft,
  insertCriteriaDraft,
  updateCriteriaDraft,
  type CriteriaDraftRow,
} from './criteria-drafts.repo.js';
import { findCriteriaVersion, findCurrentCriteria, insertCriteriaVersion } from './priorauth.repo.js';
import type { CriteriaSet } from './rules/criteria-set.js';
import type { SimulationReport } from './simulation-report.js';

/**
 * Criteria authoring (docs/design.md#criteria-authoring): an administrator edits one draft per
 * criteria set, made from the current version; the draft is validated by the same function the
 * editor runs, simulated on past cases (simulate-criteria.ts), and published as a new immutable
 * version. Open cases keep the version they started with.
 */
type Actor = { username: string; role: string };

export interface DraftView {
  id: string;
  baseVersion: number;
  revision: number;
  body: Record<string, unknown>;
  updatedAt: string;
  updatedBy: string;
  errors: ValidationError[];
  /** The stored simulation, and whether it replayed the latest revision (publishing needs that). */
  simulation: SimulationReport | null;
  simulationCurrent: boolean;
}

export function draftView(row: CriteriaDraftRow): DraftView {
  const result = validateCriteriaSet(row.body);
  return {
    id: row.id,
    baseVersion: row.baseVersion,
    revision: row.revision,
    body: row.body,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    errors: result.ok ? [] : result.errors,
    simulation: row.simulation ?? null,
    simulationCurrent: row.simulatedRevision === row.revision,
  };
}

export async function requireDraft(ctx: AppContext, id: string): Promise<CriteriaDraftRow> {
  const row = await findCriteriaDraft(ctx.database.db, id);
  if (!row) {
    if (!(await findCurrentCriteria(ctx.database.db, id))) throw notFound('Criteria set', id);
    throw notFound('Draft of criteria set', id);
  }
  return row;
}

/** Opens the draft (from the current version), or returns the one already open. */
export async function openDraft(
  ctx: AppContext,
  id: string,
  actor: Actor,
): Promise<{ created: boolean; draft: DraftView }> {
  const current = await findCurrentCriteria(ctx.database.db, id);
  if (!current) throw notFound('Criteria set', id);
  const now = ctx.clock.now();
  const created = await ctx.database.db.transaction(async (tx) => {
    const inserted = await insertCriteriaDraft(tx, {
      id,
      baseVersion: current.version,
      body: { ...current.body } as unknown as Record<string, unknown>,
      createdAt: now,
      createdBy: actor.username,
      updatedAt: now,
      updatedBy: actor.username,
    });
    if (inserted)
      await writeAudit(tx, {
        at: now,
        actor,
        action: 'criteria.draft-opened',
        entityType: 'criteria-set',
        entityId: id,
        details: { baseVersion: current.version },
      });
    return inserted;
  });
  return { created, draft: draftView((await findCriteriaDraft(ctx.database.db, id))!) };
}

/**
 * Saves the draft's content even while it is invalid (an author mid-edit), answering the errors;
 * simulation and publishing refuse an invalid draft. The id and version are the set's, not the body's.
 */
export async function saveDraft(
  ctx: AppContext,
  id: string,
  input: { revision: number; criteriaSet: Record<string, unknown> },
  actor: Actor,
): Promise<DraftView> {
  const draft = await requireDraft(ctx, id);
  const body = { ...input.criteriaSet, id, version: draft.baseVersion };
  const updated = await updateCriteriaDraft(ctx.database.db, id, input.revision, {
    body,
    updatedAt: ctx.clock.now(),
    updatedBy: actor.username,
  });
  if (!updated)
    throw new DomainError(
      'CONFLICT',
      `The draft changed since revision ${input.revision} (now ${draft.revision}); reload it and edit again`,
    );
  return draftView(updated);
}

export function validDraftBody(row: CriteriaDraftRow): CriteriaSet {
  const result = validateCriteriaSet(row.body);
  if (!result.ok)
    throw new DomainError('VALIDATION_FAILED', `The draft of ${row.id} is not valid`, { errors: result.errors });
  return result.value;
}

/** Publishes the draft as the next version: valid, simulated at its latest revision, made from the current version. */
export async function publishDraft(
  ctx: AppContext,
  id: string,
  input: { revision: number },
  actor: Actor,
): Promise<{ id: string; version: number }> {
  const draft = await requireDraft(ctx, id);
  if (draft.revision !== input.revision)
    throw new DomainError('CONFLICT', `The draft changed since revision ${input.revision} (now ${draft.revision})`);
  const body = validDraftBody(draft);
  if (draft.simulatedRevision !== draft.revision)
    throw new DomainError(
      'INVALID_STATE',
      'Simulate the latest draft on past cases before publishing it (POST /criteria/{id}/simulations)',
    );
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const current = await findCurrentCriteria(tx, id);
    if (!current || current.version !== draft.baseVersion)
      throw new DomainError(
        'INVALID_STATE',
        `The draft was made from version ${draft.baseVersion}, but version ${current?.version} is current now; discard the draft and start again`,
      );
    const version = current.version + 1;
    if (!(await deleteCriteriaDraft(tx, id, draft.revision)))
      throw new DomainError('CONFLICT', 'The draft changed while it was being published');
    await insertCriteriaVersion(tx, {
      id,
      version,
      title: body.title,
      body: { ...body, version },
      createdAt: now,
      createdBy: actor.username,
    });
    await writeAudit(tx, {
      at: now,
      actor,
      action: 'criteria.version-published',
      entityType: 'criteria-set',
      entityId: id,
      details: { version, fromDraftRevision: draft.revision },
    });
    return { id, version };
  });
}

export async function discardDraft(ctx: AppContext, id: string, actor: Actor): Promise<void> {
  await requireDraft(ctx, id);
  await ctx.database.db.transaction(async (tx) => {
    if (await deleteCriteriaDraft(tx, id))
      await writeAudit(tx, {
        at: ctx.clock.now(),
        actor,
        action: 'criteria.draft-discarded',
        entityType: 'criteria-set',
        entityId: id,
      });
  });
}

/** The diff between two versions, or a version and the draft (`to: 'draft'`). */
export async function criteriaDiff(ctx: AppContext, id: string, from: number, to: number | 'draft') {
  const before = await findCriteriaVersion(ctx.database.db, id, from);
  if (!before) throw notFound('Criteria set', `${id} v${from}`);
  let after: CriteriaSet;
  if (to === 'draft') after = (await requireDraft(ctx, id)).body as unknown as CriteriaSet;
  else {
    const row = await findCriteriaVersion(ctx.database.db, id, to);
    if (!row) throw notFound('Criteria set', `${id} v${to}`);
    after = row.body;
  }
  return { id, from, to, ...diffCriteria(before.body, after) };
}
