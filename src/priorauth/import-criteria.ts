import { isDeepStrictEqual } from 'node:util';
import type { AppContext } from '../app-context.js';
import { writeAudit } from '../audit/write-audit.js';
import { countLoaded, emptySummary, type ImportSummary } from '../imports/import-summary.js';
import { DomainError } from '../platform/errors.js';
import { findCurrentCriteria, insertCriteriaVersion } from './priorauth.repo.js';
import { validateCriteriaSet, type CriteriaSet } from './rules/criteria-set.js';

export interface CriteriaBundle {
  format?: string;
  criteriaSets: unknown[];
}

/**
 * Imports criteria sets. A set whose content changed becomes a new version (current); an
 * unchanged one is left alone; open cases keep the version they started with.
 */
export async function importCriteriaBundle(
  ctx: AppContext,
  bundle: unknown,
  actor: { username: string; role: string },
): Promise<ImportSummary> {
  const b = bundle as CriteriaBundle;
  const sets = Array.isArray(b?.criteriaSets)
    ? b.criteriaSets
    : b && typeof b === 'object' && 'rules' in b
      ? [b]
      : null;
  if (!sets)
    throw new DomainError('VALIDATION_FAILED', 'Expected { "criteriaSets": [...] } or one criteria set', {
      errors: [{ path: 'criteriaSets', message: 'is required' }],
    });
  const summary = emptySummary('criteria');
  const valid: CriteriaSet[] = [];
  sets.forEach((raw, i) => {
    const result = validateCriteriaSet(raw);
    if (result.ok) valid.push(result.value);
    else
      summary.rejected.push({
        row: i + 1,
        id: (raw as { id?: string })?.id,
        reason: result.errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      });
  });
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    for (const set of valid) {
      const current = await findCurrentCriteria(tx, set.id);
      if (current && isDeepStrictEqual({ ...current.body, version: 0 }, { ...set, version: 0 })) {
        countLoaded(summary, 'unchanged');
        continue;
      }
      const version = current ? current.version + 1 : Math.max(1, set.version ?? 1);
      await insertCriteriaVersion(tx, {
        id: set.id,
        version,
        title: set.title,
        body: { ...set, version },
        createdAt: now,
        createdBy: actor.username,
      });
      countLoaded(summary, current ? 'new versions' : 'criteria sets');
      await writeAudit(tx, {
        at: now,
        actor,
        action: 'criteria.version-created',
        entityType: 'criteria-set',
        entityId: set.id,
        details: { version },
      });
    }
  });
  return summary;
}
