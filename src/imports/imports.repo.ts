import { desc, eq } from 'drizzle-orm';
import type { Db } from '../platform/db.js';
import { importRuns } from './imports.tables.js';

export type ImportRunRow = typeof importRuns.$inferSelect;

export async function insertImportRun(db: Db, row: typeof importRuns.$inferInsert): Promise<void> {
  await db.insert(importRuns).values(row);
}

/** Newest first. */
export function listImportRuns(db: Db, options: { kind?: string; limit?: number } = {}): Promise<ImportRunRow[]> {
  const q = db.select().from(importRuns);
  const filtered = options.kind ? q.where(eq(importRuns.kind, options.kind)) : q;
  return filtered.orderBy(desc(importRuns.startedAt), desc(importRuns.id)).limit(options.limit ?? 50);
}
