import { createContext, type AppContext } from '../app-context.js';
import type { Config } from '../config.js';
import { systemClock } from '../platform/clock.js';
import { openDatabase, runMigrations } from '../platform/db.js';
import { wireModules } from '../composition/wire-modules.js';

/**
 * The database from config (DATABASE_URL, else the embedded PGlite in DATA_DIR), migrated: every
 * command needs the current schema, and migrations are idempotent. Operator commands run on real
 * time (the manual clock belongs to a running test server).
 */
export async function openCliContext(config: Config): Promise<AppContext> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await runMigrations(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  wireModules();
  return createContext(config, database, systemClock);
}
