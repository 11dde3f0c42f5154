import { writeAudit } from '../audit/write-audit.js';
import type { Db } from '../platform/db.js';
import type { ImportSummary, ProgressFn } from './import-summary.js';
import { insertImportRun } from './imports.repo.js';

/** Who ran an import and when: recorded with the data it loaded, in the same transaction. */
export interface ImportRun {
  id: string;
  actor: { username: string; role: string };
  startedAt: Date;
  /** Clock reading taken when the data is written (defaults to startedAt). */
  now?: () => Date;
}

/** Options every importer takes. */
export interface ImportOptions {
  /** File name or URL the text came from (shown in the summary and the run list). */
  source?: string;
  onProgress?: ProgressFn;
  /** When given, the import_runs row and the audit event are written in the import's transaction. */
  run?: ImportRun;
}

export async function recordImportRun(tx: Db, run: ImportRun | undefined, summary: ImportSummary): Promise<void> {
  if (!run) return;
  const finishedAt = run.now?.() ?? run.startedAt;
  await insertImportRun(tx, {
    id: run.id,
    kind: summary.kind,
    source: summary.source ?? null,
    startedAt: run.startedAt,
    finishedAt,
    actor: run.actor.username,
    summary,
  });
  await writeAudit(tx, {
    at: finishedAt,
    actor: run.actor,
    action: `import.${summary.kind}`,
    entityType: 'import-run',
    entityId: run.id,
    details: {
      source: summary.source ?? null,
      loaded: summary.loaded,
      rejected: summary.rejected.length,
      warnings: summary.warnings.length,
    },
  });
}
