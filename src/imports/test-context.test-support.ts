import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { createContext, type AppContext } from '../app-context.js';
import { loadConfig } from '../config.js';
import { ManualClock } from '../platform/clock.js';
import { openDatabase, runMigrations } from '../platform/db.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const readRepoFile = (relative: string) => readFileSync(path.join(REPO_ROOT, relative), 'utf8');

/**
 * A migrated in-memory PGlite and a context over it, for "medium" tests of the importers. Open
 * one per test file (beforeAll): a fresh PGlite costs seconds.
 */
export async function openTestContext(
  start = '2026-11-20T17:00:00Z',
): Promise<{ ctx: AppContext; clock: ManualClock; close: () => Promise<void> }> {
  const pglite = new PGlite();
  const database = await openDatabase({ pglite });
  await runMigrations(database);
  const clock = new ManualClock(new Date(start));
  const config = loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv);
  const ctx: AppContext = createContext(config, database, clock);
  return { ctx, clock, close: () => database.close() };
}

/** Row counts of the given tables (a file that fails to import must leave them unchanged). */
export async function countRows(ctx: AppContext, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t] = Number((await ctx.database.query<{ n: number }>(`select count(*)::int as n from ${t}`))[0].n);
  return out;
}
